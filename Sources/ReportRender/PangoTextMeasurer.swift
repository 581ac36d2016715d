import CCairo
import ReportScene

/// Measures text with Pango exactly as `CairoSceneRenderer` draws it (same font map, context
/// and layout code). Thread-safe; results are cached by (text, layout-relevant style, wrap width)
/// because charts measure the same labels many times.
public final class PangoTextMeasurer: TextMeasurer, @unchecked Sendable {
    /// The process-wide measurer for the default language (zh-CN).
    public static let shared = PangoTextMeasurer()

    /// BCP 47 language tag; picks glyph variants (zh-CN: simplified Chinese forms).
    public let language: String
    let environment = FontEnvironment.shared
    private let cacheLock = Lock()
    private var cache: [LayoutKey: Result<TextMetrics, RenderError>] = [:]
    /// Bounds memory for long-running processes; a full cache is simply dropped.
    private let cacheLimit = 50_000

    public init(language: String = "zh-CN") { self.language = language }

    public func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics {
        let key = LayoutKey(text, style: style, wrapWidth: wrapWidth)
        if let hit = cacheLock.withLock({ cache[key] }) { return try hit.get() }
        let result = environment.lock.withLock { layoutResult(key).map { $0.1 } }
        store(result, for: key)
        return try result.get()
    }

    /// Runs `body` with the configured shared layout and its metrics, holding the Pango lock,
    /// so drawing uses the very layout that was measured.
    func withLayout<R>(_ text: String, style: TextStyle, wrapWidth: Double?,
                       _ body: (OpaquePointer, TextMetrics) throws -> R) throws -> R {
        let key = LayoutKey(text, style: style, wrapWidth: wrapWidth)
        let cached = cacheLock.withLock { cache[key] }
        if case .failure(let error)? = cached { throw error }
        return try environment.lock.withLock {
            environment.setLanguage(language)
            let layout = try environment.configure(key)
            let metrics: TextMetrics
            if case .success(let m)? = cached {
                metrics = m
            } else {
                metrics = environment.metrics(text: key.text)
                store(.success(metrics), for: key)
            }
            return try body(layout, metrics)
        }
    }

    /// Call under the environment lock.
    private func layoutResult(_ key: LayoutKey) -> Result<(OpaquePointer, TextMetrics), RenderError> {
        environment.setLanguage(language)
        do {
            let layout = try environment.configure(key)
            return .success((layout, environment.metrics(text: key.text)))
        } catch let error as RenderError {
            return .failure(error)
        } catch {
            return .failure(.cairo(status: "\(error)", during: "text layout"))
        }
    }

    private func store(_ result: Result<TextMetrics, RenderError>, for key: LayoutKey) {
        cacheLock.withLock {
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[key] = result
        }
    }

    /// True when every family of a comma-separated list is known to fontconfig (case-insensitive),
    /// so templates can validate their fonts before laying anything out.
    public func isInstalled(family: String) -> Bool {
        environment.lock.withLock { environment.missingFamily(in: family) == nil }
    }

    /// Number of cached measurements (for tests and diagnostics).
    public var cachedCount: Int { cacheLock.withLock { cache.count } }
}
