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
    /// Shaped layouts by key, one slot per environment (`FontEnvironment.all`), each touched only
    /// under its environment's lock. A layout holds its glyphs (a few KiB), hence the smaller
    /// bound. A language switch of an environment's context makes Pango lay them out again on
    /// next use (it checks the context's serial), so they never go stale.
    private let slots: [LayoutSlot] = (0..<FontEnvironment.capacity).map { _ in LayoutSlot() }
    private let layoutLimit = 4_096
    /// The environment holding each kept layout, so drawing uses the layout that was measured
    /// (under `cacheLock`). Absent: the shared one, or not kept.
    private var homes: [LayoutKey: Int] = [:]
    /// One-line results by their unwrapped key (under `cacheLock`): a text whose natural width
    /// fits a wrap width is laid out exactly as unwrapped, so the timeline's label candidates at
    /// two or three widths (and a wrapped title that fits) are shaped once (`NaturalLine`).
    private var naturals: [LayoutKey: NaturalLine] = [:]
    /// Keys answered from `naturals`, with the key whose layout draws them (under `cacheLock`).
    private var aliases: [LayoutKey: LayoutKey] = [:]

    private final class LayoutSlot {
        var layouts: [LayoutKey: OpaquePointer] = Dictionary(minimumCapacity: 256)
    }

    public init(language: String = "zh-CN") {
        self.language = language
        // Room for a chart's texts from the start: growing these a doubling at a time rehashed
        // every key (text and family hashed byte by byte). Not more: a sparse table touches a
        // fresh page for nearly every entry (4,096 entries from the start cost a small chart
        // ~300 page faults and saved a 30-chart report nothing measurable over 1,024).
        cache.reserveCapacity(1_024); naturals.reserveCapacity(512); aliases.reserveCapacity(256)
    }

    deinit {
        for slot in slots { for layout in slot.layouts.values { g_object_unref(UnsafeMutableRawPointer(layout)) } }
    }

    public func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics {
        try measure(text, style: style, wrapWidth: wrapWidth, in: nil)
    }

    /// `env`: the environment to shape in (tests); nil: the shared one or a free helper.
    func measure(_ text: String, style: TextStyle, wrapWidth: Double?, in env: FontEnvironment?) throws -> TextMetrics {
        let key = LayoutKey(text, style: style, wrapWidth: wrapWidth)
        if let hit = cacheLock.withLock({ cache[key] ?? natural(for: key) }) { return try hit.get() }
        func shape(_ env: FontEnvironment) -> Result<TextMetrics, RenderError> {
            // Another thread may have measured it while this one waited for the lock (the
            // timeline's track caps are solved side by side and ask for the same key lines).
            if let hit = cacheLock.withLock({ cache[key] ?? natural(for: key) }) { return hit }
            let r = layoutResult(key, in: env).map { $0.1 }
            store(r, for: key, home: env.index)
            return r
        }
        let result = if let env { env.lock.withLock { shape(env) } } else { withSomeEnvironment(shape) }
        return try result.get()
    }

    /// The texts (none may hold a line break) as the paragraphs of one layout: Pango lays out
    /// and shapes each paragraph on its own, so each line's width is the text's own one-line
    /// width, as `measure` gives it. A text Pango cannot draw (a glyph no font has) makes the
    /// batch fall back to one measurement per text, which reports it as `measure` does.
    public func widths(of texts: [String], style: TextStyle) -> [Double?] {
        func oneByOne() -> [Double?] { texts.map { try? measure($0, style: style, wrapWidth: nil).width } }
        guard texts.count > 1,
              texts.allSatisfy({ !$0.isEmpty && !$0.unicodeScalars.contains(where: { Self.breaksLine($0) }) })
        else { return oneByOne() }
        let key = LayoutKey(texts.joined(separator: "\n"), style: style, wrapWidth: nil)
        let widths: [Double]? = withSomeEnvironment { env in
            env.setLanguage(language)
            let layout = env.makeLayout()
            defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
            guard (try? env.shapingFonts(key, { try env.configure(key, on: layout) })) != nil else { return nil }
            let lines = env.metrics(text: key.text, layout: layout).lines
            return lines.count == texts.count ? lines.map(\.width) : nil
        }
        return widths ?? oneByOne()
    }

    /// From the text's one-line layout (the one its measurement shaped): `PangoBreakSpans`.
    /// Only for natural line heights, where every wrapped line of a one-font text is as high as
    /// the text on one line.
    public func breakSpans(_ text: String, style: TextStyle) -> BreakSpans? {
        guard style.lineSpacing == 1, !text.isEmpty, !text.unicodeScalars.contains(where: { Self.breaksLine($0) })
        else { return nil }
        return (try? withLayout(text, style: style, wrapWidth: nil) { layout, _ in PangoBreakSpans.of(layout) }) ?? nil
    }

    /// Characters Pango breaks a paragraph or line at (a text holding one is not one line).
    private static func breaksLine(_ u: Unicode.Scalar) -> Bool {
        u == "\n" || u == "\r" || u.value == 0x0B || u.value == 0x0C || u.value == 0x85
            || u.value == 0x2028 || u.value == 0x2029
    }

    /// Runs `body` holding an environment's lock: the shared one when it is free, else a free
    /// helper, else (every one busy) the shared one once it is free.
    private func withSomeEnvironment<R>(_ body: (FontEnvironment) throws -> R) rethrows -> R {
        let shared = environment
        if let r = try shared.lock.withLockIfAvailable({ try body(shared) }) { return r }
        if FontEnvironment.capacity > 1 {
            for env in FontEnvironment.all.dropFirst() {
                if let r = try env.lock.withLockIfAvailable({ try body(env) }) { return r }
            }
        }
        return try shared.lock.withLock { try body(shared) }
    }

    /// Runs `body` with the configured layout and its metrics, holding the lock of the
    /// environment that shaped it, so drawing uses the very layout that was measured.
    func withLayout<R>(_ text: String, style: TextStyle, wrapWidth: Double?,
                       _ body: (OpaquePointer, TextMetrics) throws -> R) throws -> R {
        let asked = LayoutKey(text, style: style, wrapWidth: wrapWidth)
        // A key answered from a natural line is drawn with that line's layout (the same glyphs
        // at the same places), so it is never shaped for drawing either.
        let (key, cached, home) = cacheLock.withLock {
            let key = aliases[asked] ?? asked
            return (key, cache[key], homes[key])
        }
        if case .failure(let error)? = cached { throw error }
        func draw(_ env: FontEnvironment) throws -> R {
            let layout = try cachedLayout(key, in: env)
            let metrics: TextMetrics
            if case .success(let m)? = cached {
                metrics = m
            } else {
                metrics = env.metrics(text: key.text, layout: layout)
                store(.success(metrics), for: key, home: env.index)
            }
            return try body(layout, metrics)
        }
        if let home, home > 0 {
            let env = FontEnvironment.all[home]
            return try env.lock.withLock { try draw(env) }
        }
        if cached != nil { return try environment.lock.withLock { try draw(environment) } }
        return try withSomeEnvironment(draw)
    }

    /// Call under `env`'s lock.
    private func layoutResult(_ key: LayoutKey, in env: FontEnvironment) -> Result<(OpaquePointer, TextMetrics), RenderError> {
        do {
            let layout = try cachedLayout(key, in: env)
            return .success((layout, env.metrics(text: key.text, layout: layout)))
        } catch let error as RenderError {
            return .failure(error)
        } catch {
            return .failure(.cairo(status: "\(error)", during: "text layout"))
        }
    }

    /// The layout for `key` in `env`, configured (and shaped) once. Call under `env`'s lock.
    private func cachedLayout(_ key: LayoutKey, in env: FontEnvironment) throws -> OpaquePointer {
        env.setLanguage(language)
        let slot = slots[env.index]
        if let layout = slot.layouts[key] { return layout }
        if slot.layouts.count >= layoutLimit {
            for layout in slot.layouts.values { g_object_unref(UnsafeMutableRawPointer(layout)) }
            slot.layouts.removeAll(keepingCapacity: true)
        }
        let layout = env.makeLayout()
        do {
            try env.shapingFonts(key) { try env.configure(key, on: layout) }
        } catch {
            g_object_unref(UnsafeMutableRawPointer(layout))
            throw error
        }
        slot.layouts[key] = layout
        return layout
    }

    /// `home`: the environment whose slot keeps the key's layout.
    private func store(_ result: Result<TextMetrics, RenderError>, for key: LayoutKey, home: Int) {
        cacheLock.withLock {
            if cache.count >= cacheLimit {
                cache.removeAll(keepingCapacity: true); homes.removeAll(keepingCapacity: true)
                naturals.removeAll(keepingCapacity: true); aliases.removeAll(keepingCapacity: true)
            }
            cache[key] = result
            if home > 0 { homes[key] = home } else if !homes.isEmpty { homes[key] = nil }
            if case .success(let metrics) = result, let line = NaturalLine(metrics, of: key) {
                let natural = key.unwrapped
                if naturals[natural] == nil { naturals[natural] = line }
            }
        }
    }

    /// The metrics of `key` from the natural line of its text, when that line fits its wrap
    /// width (or it asks for no wrap); remembered as an alias for drawing. Call under `cacheLock`.
    private func natural(for key: LayoutKey) -> Result<TextMetrics, RenderError>? {
        guard NaturalLine.applies(to: key), let line = naturals[key.unwrapped], line.fits(key.wrapWidth) else { return nil }
        let result = Result<TextMetrics, RenderError>.success(line.metrics)
        cache[key] = result
        aliases[key] = line.source
        return result
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

    /// The environment keeping the layout of a measured text (for tests): 0 for the shared one.
    func environmentIndex(of text: String, style: TextStyle, wrapWidth: Double?) -> Int? {
        let key = LayoutKey(text, style: style, wrapWidth: wrapWidth)
        return cacheLock.withLock { cache[key] == nil ? nil : homes[key] ?? 0 }
    }

    /// Number of measurements answered from a natural line (for tests).
    var aliasCount: Int { cacheLock.withLock { aliases.count } }

    /// Number of cached measurements (for tests and diagnostics).
    public var cachedCount: Int { cacheLock.withLock { cache.count } }
}
