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
}
