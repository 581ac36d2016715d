import CCairo
import ReportScene

/// Measures text with Pango exactly as `CairoSceneRenderer` draws it (same font map, context
/// and layout code). Thread-safe; results are cached by (text, layout-relevant style, wrap width)
/// because charts measure the same labels many times. The configured layouts are kept too, so a
/// text measured once is drawn without shaping it again (shaping was ~15% of a report's render).
public final class PangoTextMeasurer: TextMeasurer, @unchecked Sendable {
    /// The process-wide measurer for the default language (zh-CN).
    public static let shared = PangoTextMeasurer()

    /// BCP 47 language tag; picks glyph variants (zh-CN: simplified Chinese forms).
    public let language: String
    /// Looked up on first use, not at construction: a run that finds everything up to date
    /// never builds the font map (fontconfig set-up and the family list, ~8 ms).
    var environment: FontEnvironment { FontEnvironment.shared }
    private let cacheLock = Lock()
    private var cache: [LayoutKey: Result<TextMetrics, RenderError>] = [:]
    /// Bounds memory for long-running processes; a full cache is simply dropped.
    private let cacheLimit = 50_000
    /// Shaped layouts by key; only touched under the environment lock. A layout holds its glyphs
    /// (a few KiB), hence the smaller bound. A language switch of the shared context makes Pango
    /// lay them out again on next use (it checks the context's serial), so they never go stale.
    private var layouts: [LayoutKey: OpaquePointer] = [:]
    private let layoutLimit = 4_096

    public init(language: String = "zh-CN") { self.language = language }

    deinit {
        for layout in layouts.values { g_object_unref(UnsafeMutableRawPointer(layout)) }
    }

    public func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics {
        let key = LayoutKey(text, style: style, wrapWidth: wrapWidth)
        if let hit = cacheLock.withLock({ cache[key] }) { return try hit.get() }
        let result = environment.lock.withLock { () -> Result<TextMetrics, RenderError> in
            // Another thread may have measured it while this one waited for the lock (the
            // timeline's track caps are solved side by side and ask for the same key lines).
            if let hit = cacheLock.withLock({ cache[key] }) { return hit }
            let r = layoutResult(key).map { $0.1 }
            store(r, for: key)
            return r
        }
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
            let layout = try cachedLayout(key)
            let metrics: TextMetrics
            if case .success(let m)? = cached {
                metrics = m
            } else {
                metrics = environment.metrics(text: key.text, layout: layout)
                store(.success(metrics), for: key)
            }
            return try body(layout, metrics)
        }
    }

    /// Call under the environment lock.
    private func layoutResult(_ key: LayoutKey) -> Result<(OpaquePointer, TextMetrics), RenderError> {
        do {
            let layout = try cachedLayout(key)
            return .success((layout, environment.metrics(text: key.text, layout: layout)))
        } catch let error as RenderError {
            return .failure(error)
        } catch {
            return .failure(.cairo(status: "\(error)", during: "text layout"))
        }
    }

    /// The layout for `key`, configured (and shaped) once. Call under the environment lock.
    private func cachedLayout(_ key: LayoutKey) throws -> OpaquePointer {
        environment.setLanguage(language)
        if let layout = layouts[key] { return layout }
        if layouts.count >= layoutLimit {
            for layout in layouts.values { g_object_unref(UnsafeMutableRawPointer(layout)) }
            layouts.removeAll(keepingCapacity: true)
        }
        let layout = environment.makeLayout()
        do {
            try environment.configure(key, on: layout)
        } catch {
            g_object_unref(UnsafeMutableRawPointer(layout))
            throw error
        }
        layouts[key] = layout
        return layout
    }

    private func store(_ result: Result<TextMetrics, RenderError>, for key: LayoutKey) {
        cacheLock.withLock {
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[key] = result
        }
    }

    /// Starts Pango's font matching for these styles now (each new description is matched and
    /// sorted on a thread of Pango's own), so a first layout that uses them one after another
    /// finds them under way instead of waiting for each in turn. Changes no result: the same
    /// fontsets land in the same cache the layout reads.
    public func prefetchFonts(_ styles: [TextStyle]) {
        environment.lock.withLock { environment.prefetch(styles) }
    }

    /// True when every family of a comma-separated list is known to fontconfig (case-insensitive),
    /// so templates can validate their fonts before laying anything out.
    public func isInstalled(family: String) -> Bool {
        environment.lock.withLock { environment.missingFamily(in: family) == nil }
    }

    /// Number of cached measurements (for tests and diagnostics).
    public var cachedCount: Int { cacheLock.withLock { cache.count } }
}
