import ReportScene

/// Label widths of one layout by mark, and heights of their key lines by text width, measured
/// on first use: every track count and key height asks again.
final class TimelineLabelWidths {
    private var widths: [Double]
    private var keyLines: [TextMetrics?]
    private var texts: [Double]
    /// Key lines of each mark as measured wrapped, at the widths asked so far.
    private var wrapped: [[TimelineWrapSample]]
    /// By the heading's bytes: the key search looks headings up thousands of times a layout, and
    /// `String`'s hash normalises Chinese text on every look-up (~10% of a layout's instructions).
    private var headings: [UTF8Key: [TimelineWrapSample]] = [:]
    var count: Int { widths.count }
    /// Widths of the key's badge numbers by the largest, and the widest of the first n group
    /// letters (index n), in the key's number style.
    private var numbers: [Int: Double] = [:]
    private var widestLetters: [Double] = [0]
    /// Key line text of each mark (date and text), made once: every key search asks.
    private var keyTexts: [String?]
    /// Break spans of each mark's key line (outer nil: not asked yet), and of headings by bytes:
    /// the key search asks for every line at every width it tries.
    private var spans: [BreakSpans??]
    private var headingSpans: [UTF8Key: BreakSpans?] = [:]

    /// Mark i's key line's break spans, or a heading's (`i` nil), asked of `find` once.
    func breakSpans(_ i: Int?, text: String, find: () -> BreakSpans?) -> BreakSpans? {
        if let i {
            if let known = spans[i] { return known }
            let s = find()
            spans[i] = .some(s)
            return s
        }
        let key = UTF8Key(text)
        if let known = headingSpans[key] { return known }
        let s = find()
        headingSpans[key] = .some(s)
        return s
    }

    func keyText(_ i: Int, make: () -> String) -> String {
        if let t = keyTexts[i] { return t }
        let t = make()
        keyTexts[i] = t
        return t
    }

    func markWidth(_ maxNumber: Int, measure: () throws -> Double) rethrows -> Double {
        if let w = numbers[maxNumber] { return w }
        let w = try measure()
        numbers[maxNumber] = w
        return w
    }

    /// The widest of letters 0..<n (0 when n is 0); `measure(k)` measures letter k. One at a
    /// time, not batched (`TextMeasurer.widths`): the key draws each letter in this style, so
    /// the layout a measurement keeps is the one drawn.
    func widestLetter(_ n: Int, measure: (Int) throws -> Double) rethrows -> Double {
        while widestLetters.count <= n {
            let k = widestLetters.count - 1
            widestLetters.append(max(widestLetters[k], try measure(k)))
        }
        return widestLetters[n]
    }

    /// A copy to go on with on another thread (this one is not thread-safe).
    func copy() -> TimelineLabelWidths {
        let c = TimelineLabelWidths(count: 0)
        c.widths = widths; c.keyLines = keyLines; c.texts = texts; c.wrapped = wrapped; c.headings = headings
        c.numbers = numbers; c.widestLetters = widestLetters; c.keyTexts = keyTexts
        c.spans = spans; c.headingSpans = headingSpans
        return c
    }

    init(count: Int) {
        widths = Array(repeating: .nan, count: count)
        texts = Array(repeating: .nan, count: count)
        keyLines = Array(repeating: nil, count: count)
        wrapped = Array(repeating: [], count: count)
        keyTexts = Array(repeating: nil, count: count)
        spans = Array(repeating: nil, count: count)
    }

    /// Mark i's key line on one line.
    func keyLine(_ i: Int, measure: () throws -> TextMetrics) rethrows -> TextMetrics {
        if let m = keyLines[i] { return m }
        let m = try measure()
        keyLines[i] = m
        return m
    }

    /// Height of mark i's key line wrapped at `width` (wider than `oneLine`, its metrics on one
    /// line): measured, or known from a width measured before (`TimelineWrapSample`). The key's
    /// column counts and number widths ask for many widths a few points apart.
    func keyLineHeight(_ i: Int, width: Double, oneLine: TextMetrics, measure: () throws -> TextMetrics) rethrows
        -> Double {
        for s in wrapped[i] { if let h = s.height(at: width, oneLine: oneLine) { return h } }
        let m = try measure()
        wrapped[i].append(TimelineWrapSample(width: width, metrics: m))
        return m.height
    }

    /// Height of a group's heading wrapped at `width`, as `keyLineHeight`.
    func headingHeight(_ text: String, width: Double, oneLine: TextMetrics, measure: () throws -> TextMetrics)
        rethrows -> Double {
        let key = UTF8Key(text)
        for s in headings[key, default: []] { if let h = s.height(at: width, oneLine: oneLine) { return h } }
        let m = try measure()
        headings[key, default: []].append(TimelineWrapSample(width: width, metrics: m))
        return m.height
    }

    /// Heights mark i's key line was measured at so far, wrapped (for `TimelineKeyHeights`).
    func keyLineSamples(_ i: Int) -> [TimelineWrapSample] { wrapped[i] }

    /// Heights a group's heading was measured at so far, wrapped.
    func headingSamples(_ text: String) -> [TimelineWrapSample] { headings[UTF8Key(text)] ?? [] }

    /// Mark i's key line wrapped at `width` with the metrics known from a width measured before
    /// (the same lines), or nil.
    func keyLineMetrics(_ i: Int, width: Double) -> TextMetrics? {
        for s in wrapped[i] { if let m = s.metrics(at: width) { return m } }
        return nil
    }

    func textWidth(_ i: Int, measure: () throws -> Double) rethrows -> Double {
        if !texts[i].isNaN { return texts[i] }
        let w = try measure()
        texts[i] = w
        return w
    }

    /// True when mark i's label width is known.
    func measured(_ i: Int) -> Bool { !widths[i].isNaN }

    func width(_ i: Int, measure: () throws -> Double) rethrows -> Double {
        if !widths[i].isNaN { return widths[i] }
        let w = try measure()
        widths[i] = w
        return w
    }
}
