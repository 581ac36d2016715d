import CCairo
import ReportSync

/// Fontconfig's start on a thread of its own: reading its configuration and caches and listing
/// the families (`FontEnvironment.shared`, ~13 ms on an idle machine, the largest serial step of
/// a small chart's `report render` before its layout) runs while the command line is parsed, the
/// template is bound and the fonts' names are checked. There is no explicit join: the first use
/// of `FontEnvironment.shared` on another thread waits for its one initialisation (a Swift
/// global's `once`), and nothing else is shared.
///
/// Started once per process, only by a run that will draw: `report render` when the output is
/// missing or `--force` is given (at `main`), otherwise after the quick check found a change, so
/// the no-change rerun never pays for it. A run that fails on its inputs does not wait for it:
/// the process ends with the thread wherever it is (it only reads fontconfig's files).
///
/// The faces themselves are not loaded ahead: the sizes and weights are the template's, and
/// measuring a guessed style in the warm-up cost W1 ~7 CPU-ms more (load 5) with no gain seen.
public enum FontWarmUp {
    private static let started = Locked(false)

    /// Starts the warm-up unless it was started before, and returns at once: true when this
    /// call started it. `trace` is told (on the warm-up thread) when the environment is ready.
    @discardableResult
    public static func start(trace: (@Sendable (String) -> Void)? = nil) -> Bool {
        guard started.withLock({ s in
            defer { s = true }
            return !s
        }) else { return false }
        let box = Unmanaged.passRetained(TraceBox(trace))
        var thread = pthread_t()
        let made = pthread_create(&thread, nil, { context in
            let box = Unmanaged<TraceBox>.fromOpaque(context!).takeRetainedValue()
            _ = FontEnvironment.shared
            box.trace?("font environment ready (warm-up thread)")
            FaceWarmUp.run()
            return nil
        }, box.toOpaque())
        if made == 0 { pthread_detach(thread) } else { box.release() }
        return made == 0
    }

    private final class TraceBox {
        let trace: (@Sendable (String) -> Void)?
        init(_ trace: (@Sendable (String) -> Void)?) { self.trace = trace }
    }
}
