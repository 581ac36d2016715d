import CCairo

/// The U+2060 WORD JOINERs of a text (the glue that keeps a figure or a date on one line),
/// handed to Pango as "no break inside" attributes on the text without them.
///
/// No font we use has a glyph for U+2060, so Pango shaped each joiner as an unknown glyph and,
/// to measure that, loaded its hex-box font (a "monospace" face, a fontset and a glyph per hex
/// digit: ~1 ms the first time, ~0.2 ms per size after), then hid it; Cairo wrote an empty
/// ActualText span for each one into the PDF (which the accessibility pass then dropped). The
/// joiners stay in the texts the layers above see: only the layout is given the text without
/// them, and its lines are reported in the text's own offsets.
///
/// The breaks are the same: a joiner forbids a break on either side of it, the attribute every
/// break between the characters it glues (a space among them too). At either end of the text or
/// next to a line separator it glues nothing: no break is stopped there by a joiner. One case
/// differs: a glued run wider than the wrap width overflows it, where Pango fell back to
/// breaking between characters next to a joiner (`JoinerGlueTests` compare every other case).
struct JoinerGlue {
    /// The text without its joiners.
    let bytes: [UInt8]
    /// Byte ranges of `bytes` not to break inside: each a run of characters joined by joiners.
    let ranges: [Range<Int>]
    /// Byte offset in the original text of each byte of `bytes`, and the original length last.
    private let originals: [Int]

    /// nil when `text` holds no joiner (the layout gets it as it is).
    init?(_ text: [UInt8]) {
        guard Self.containsJoiner(text) else { return nil }
        var bytes: [UInt8] = [], originals: [Int] = [], ranges: [Range<Int>] = []
        bytes.reserveCapacity(text.count)
        originals.reserveCapacity(text.count + 1)
        // The run of glued characters being built (start of its first, end of its last) and the
        // last character kept: where it starts and ends, and whether it separates lines.
        var run: Range<Int>?
        var last: (start: Int, end: Int, separator: Bool)?
        var joinerSinceLast = false
        var i = 0
        while i < text.count {
            if Self.isJoiner(text, at: i) {
                joinerSinceLast = true
                i += 3
                continue
            }
            let end = min(i + Self.scalarLength(text[i]), text.count)
            let start = bytes.count
            for k in i..<end { bytes.append(text[k]); originals.append(k) }
            let separator = Self.separatesLines(text, i, end)
            // A joiner forbids a break on either side of it: the boundary between the characters
            // around it. Never across a line separator, whose break a joiner does not stop.
            if joinerSinceLast, let l = last, !l.separator, !separator {
                if let r = run, r.upperBound == l.end {
                    run = r.lowerBound..<bytes.count
                } else {
                    if let r = run { ranges.append(r) }
                    run = l.start..<bytes.count
                }
            }
            last = (start, bytes.count, separator)
            joinerSinceLast = false
            i = end
        }
        if let r = run { ranges.append(r) }
        originals.append(text.count)
        self.bytes = bytes
        self.ranges = ranges
        self.originals = originals
    }

    /// The original byte offset of byte `i` of `bytes` (`bytes.count`: the original length).
    func original(_ i: Int) -> Int { originals[max(0, min(i, originals.count - 1))] }

    /// Sets `layout`'s text and attributes: `text` as it is and no attributes when it holds no
    /// joiner, else the text without them and one "no break" attribute per glued run.
    static func setText(_ text: [UInt8], on layout: OpaquePointer) {
        let glue = JoinerGlue(text)
        let bytes = glue?.bytes ?? text
        // Explicit length: Swift strings may contain NUL, which a C string would cut short.
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress, !buf.isEmpty else { return pango_layout_set_text(layout, "", 0) }
            base.withMemoryRebound(to: CChar.self, capacity: buf.count) { pango_layout_set_text(layout, $0, Int32(buf.count)) }
        }
        guard let glue, !glue.ranges.isEmpty, let list = pango_attr_list_new() else {
            pango_layout_set_attributes(layout, nil)
            return
        }
        defer { pango_attr_list_unref(list) }
        for r in glue.ranges {
            guard let attr = pango_attr_allow_breaks_new(0) else { continue }
            attr.pointee.start_index = UInt32(r.lowerBound)
            attr.pointee.end_index = UInt32(r.upperBound)
            pango_attr_list_insert(list, attr)
        }
        pango_layout_set_attributes(layout, list)
    }

    static func containsJoiner(_ text: [UInt8]) -> Bool {
        var i = 0
        while i + 2 < text.count {
            if text[i] == 0xE2, text[i + 1] == 0x81, text[i + 2] == 0xA0 { return true }
            i += 1
        }
        return false
    }

    private static func isJoiner(_ t: [UInt8], at i: Int) -> Bool {
        i + 2 < t.count && t[i] == 0xE2 && t[i + 1] == 0x81 && t[i + 2] == 0xA0
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }

    /// Line and paragraph separators (Pango breaks at them whatever the joiners).
    private static func separatesLines(_ t: [UInt8], _ lo: Int, _ hi: Int) -> Bool {
        switch hi - lo {
        case 1: return t[lo] == 0x0A || t[lo] == 0x0B || t[lo] == 0x0C || t[lo] == 0x0D
        case 2: return t[lo] == 0xC2 && t[lo + 1] == 0x85
        case 3: return t[lo] == 0xE2 && t[lo + 1] == 0x80 && (t[lo + 2] == 0xA8 || t[lo + 2] == 0xA9)
        default: return false
        }
    }
}
