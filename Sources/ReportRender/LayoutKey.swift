import ReportScene

/// Everything that changes how a text is laid out (colour does not), used to configure the
/// shared PangoLayout and as the measurement cache key.
struct LayoutKey: Hashable, Sendable {
    var text: String
    var family: String
    var size: Double
    var weight: TextStyle.Weight
    var lineSpacing: Double
    var alignment: TextStyle.Alignment
    var justifyLastLine: Bool
    var wrapWidth: Double?

    init(_ text: String, style: TextStyle, wrapWidth: Double?) {
        self.text = text; family = style.family; size = style.size; weight = style.weight
        lineSpacing = style.lineSpacing; alignment = style.alignment; justifyLastLine = style.justifyLastLine
        self.wrapWidth = wrapWidth
    }

    /// The text and the family by their UTF-8 bytes (`UTF8Bytes`): the SVG and PNG writers look
    /// every drawn text up here, and `String`'s hashing normalises each Chinese label first.
    func hash(into hasher: inout Hasher) {
        UTF8Bytes.hash(text, into: &hasher)
        UTF8Bytes.hash(family, into: &hasher); hasher.combine(size); hasher.combine(weight); hasher.combine(lineSpacing)
        hasher.combine(alignment); hasher.combine(justifyLastLine); hasher.combine(wrapWidth)
    }

    static func == (a: LayoutKey, b: LayoutKey) -> Bool {
        a.size == b.size && a.wrapWidth == b.wrapWidth && a.weight == b.weight && a.lineSpacing == b.lineSpacing
            && a.alignment == b.alignment && a.justifyLastLine == b.justifyLastLine && UTF8Bytes.equal(a.family, b.family)
            && UTF8Bytes.equal(a.text, b.text)
    }
}
