import ReportScene

/// Everything that changes how a text is laid out (colour does not), used to configure the
/// shared PangoLayout and as the measurement cache key.
struct LayoutKey: Hashable, Sendable {
    let text: String
    let family: String
    var size: Double
    var weight: TextStyle.Weight
    var lineSpacing: Double
    var alignment: TextStyle.Alignment
    var justifyLastLine: Bool
    var wrapWidth: Double?

    /// The text and the family hashed once, by their UTF-8 bytes (`UTF8Bytes`: `String`'s own
    /// hashing normalises each Chinese label first). A measurement or a drawn text looks its key
    /// up in three or four tables (results, aliases, homes, layouts); hashing the bytes for each
    /// was most of a 30-chart report's glyph collection for its font subsets.
    private let bytesHash: Int

    init(_ text: String, style: TextStyle, wrapWidth: Double?) {
        self.text = text; family = style.family; size = style.size; weight = style.weight
        lineSpacing = style.lineSpacing; alignment = style.alignment; justifyLastLine = style.justifyLastLine
        self.wrapWidth = wrapWidth
        var h = Hasher()
        UTF8Bytes.hash(text, into: &h)
        UTF8Bytes.hash(style.family, into: &h)
        bytesHash = h.finalize()
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(bytesHash); hasher.combine(size); hasher.combine(weight); hasher.combine(lineSpacing)
        hasher.combine(alignment); hasher.combine(justifyLastLine); hasher.combine(wrapWidth)
    }

    static func == (a: LayoutKey, b: LayoutKey) -> Bool {
        a.bytesHash == b.bytesHash && a.size == b.size && a.wrapWidth == b.wrapWidth && a.weight == b.weight && a.lineSpacing == b.lineSpacing
            && a.alignment == b.alignment && a.justifyLastLine == b.justifyLastLine && UTF8Bytes.equal(a.family, b.family)
            && UTF8Bytes.equal(a.text, b.text)
    }
}
