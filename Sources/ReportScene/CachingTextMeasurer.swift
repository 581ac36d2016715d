#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ReportSync

/// Measures each distinct (text, style, wrap width) once and remembers the result: the page flow
/// measures a block to look ahead and again to place it, and a chart with thousands of events
/// repeats the same badges and tick labels. The one memo cache of the layout code (the composer
/// and the timeline both use it), thread-safe through a lock (`Locked`), so it needs no
/// `@unchecked`. Failures are not remembered: a text that cannot be drawn throws every time.
public final class CachingTextMeasurer: TextMeasurer {
    /// This measurer (no dynamic cast needed to find it: `TextMeasurer.asCaching`).
    public var asCaching: CachingTextMeasurer? { self }

    /// Hashed and compared by the text's and the family's UTF-8 bytes (`UTF8Bytes`), field by
    /// field: every measurement of a layout looks a key up here, and `TextStyle`'s synthesised
    /// hash runs the family through `String`'s normalising hash and the colour (always black in
    /// a key) through four more combines. Byte equality is stricter than `String`'s: a text is
    /// never served another spelling's metrics.
    private struct Key: Hashable {
        var text: String
        var style: TextStyle
        var wrapWidth: Double?

        func hash(into hasher: inout Hasher) {
            UTF8Bytes.hash(text, into: &hasher)
            UTF8Bytes.hash(style.family, into: &hasher)
            hasher.combine(style.size); hasher.combine(style.weight); hasher.combine(style.lineSpacing)
            hasher.combine(style.alignment); hasher.combine(style.justifyLastLine)
            hasher.combine(wrapWidth)
        }

        static func == (a: Key, b: Key) -> Bool {
            a.wrapWidth == b.wrapWidth && a.style.size == b.style.size && a.style.weight == b.style.weight
                && a.style.lineSpacing == b.style.lineSpacing && a.style.alignment == b.style.alignment
                && a.style.justifyLastLine == b.style.justifyLastLine && a.style.color == b.style.color
                && UTF8Bytes.equal(a.style.family, b.style.family) && UTF8Bytes.equal(a.text, b.text)
        }
    }
    private struct State {
        var memo: [Key: TextMetrics] = [:]
        /// `breakSpans` answers (nil ones too: asking again would get nil again).
        var spans: [Key: BreakSpans?] = [:]
        var misses = 0
    }

    /// The measurer that does the work on a miss.
    public let base: any TextMeasurer
    /// Most results kept; a full memo is dropped (and refilled) rather than growing without bound.
    public let limit: Int
    private let state = Locked(State())

    /// A cache in front of `base`. `base` itself is not wrapped again when it already caches.
    public init(_ base: any TextMeasurer, limit: Int = 100_000) {
        self.base = base.asCaching?.base ?? base
        self.limit = max(1, limit)
    }

    /// A cache that starts with room for `capacity` results (the one kept for a process's
    /// measurer: growing a doubling at a time rehashed every key again, ~3% of a timeline's layout).
    convenience init(_ base: any TextMeasurer, capacity: Int) {
        self.init(base)
        state.withLock { $0.memo.reserveCapacity(min(capacity, limit)) }
    }

    /// `measurer` itself when it already caches, else a cache in front of it: layers that pass a
    /// measurer down (composer → charts) share one memo instead of stacking them. A measurer that
    /// is an object (the renderer's, one a process) keeps one cache across calls, so a process
    /// laying out many charts measures each text once, and each layout does not refill a memo of
    /// its own from the measurer's slower one; a value measurer gets a new cache each time.
    public static func wrapping(_ measurer: any TextMeasurer) -> CachingTextMeasurer {
        if let cache = measurer.asCaching { return cache }
        guard let id = measurer.objectIdentity else { return CachingTextMeasurer(measurer) }
        return kept.withLock { kept in
            if let cache = kept[id] { return cache }
            // A few measurers at most; each cache holds its measurer, so an identifier is never
            // reused by another object while it is kept here.
            if kept.count >= 8 { kept.removeAll() }
            let cache = CachingTextMeasurer(measurer, capacity: 1_024)
            kept[id] = cache
            return cache
        }
    }

    private static let kept = Locked([ObjectIdentifier: CachingTextMeasurer]())

    public func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics {
        // Colour does not change metrics: one entry serves every colour of a style.
        var plain = style
        plain.color = .black
        let key = Key(text: text, style: plain, wrapWidth: wrapWidth)
        if let hit = state.withLock({ $0.memo[key] }) { return hit }
        // Measured outside the lock: a slow measurement never blocks other lookups. Two threads
        // may measure the same key at once; both get the same metrics, one of them is kept.
        let metrics = try base.measure(text, style: style, wrapWidth: wrapWidth)
        state.withLock {
            if $0.memo.count >= limit { $0.memo.removeAll(keepingCapacity: true) }
            $0.memo[key] = metrics
            $0.misses += 1
        }
        return metrics
    }

    /// Remembered texts from the memo, the others from the base measurer at once (not
    /// remembered: a width is not the whole metrics the memo keeps).
    public func widths(of texts: [String], style: TextStyle) -> [Double?] {
        var plain = style
        plain.color = .black
        var out = [Double?](repeating: nil, count: texts.count)
        var missing: [Int] = []
        state.withLock { s in
            for (i, t) in texts.enumerated() {
                if let m = s.memo[Key(text: t, style: plain, wrapWidth: nil)] { out[i] = m.width } else { missing.append(i) }
            }
        }
        guard !missing.isEmpty else { return out }
        let found = base.widths(of: missing.map { texts[$0] }, style: style)
        for (k, i) in missing.enumerated() { out[i] = found[k] }
        return out
    }

    /// The base measurer's answer, remembered (it shapes the text once more at most).
    public func breakSpans(_ text: String, style: TextStyle) -> BreakSpans? {
        var plain = style
        plain.color = .black
        let key = Key(text: text, style: plain, wrapWidth: nil)
        if let hit = state.withLock({ $0.spans[key] }) { return hit }
        let spans = base.breakSpans(text, style: style)
        state.withLock {
            if $0.spans.count >= limit { $0.spans.removeAll(keepingCapacity: true) }
            $0.spans[key] = .some(spans)
        }
        return spans
    }

    /// Measurements the base measurer made so far (for tests and diagnostics).
    public var misses: Int { state.withLock { $0.misses } }
    /// Results currently remembered.
    public var count: Int { state.withLock { $0.memo.count } }
}
