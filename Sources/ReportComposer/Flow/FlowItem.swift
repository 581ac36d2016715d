import ReportScene

/// A heading as laid out: level, printed label and where links point.
struct HeadingItem: Sendable, Hashable {
    var level: Int
    var label: String
    var title: String
    var anchor: String
    var fullTitle: String { label + title }
}

/// How a run of prose is set.
struct ParagraphFormat: Sendable, Hashable {
    var style: TextStyle
    /// Prepended to the first line (ideographic spaces for the 2 em indent).
    var indent: String
    var leftInset: Double
    var spaceBefore: Double
    /// Keep the whole paragraph on the page of the following block (source titles in the appendix).
    var keepWithNext: Bool
}

/// The body flattened into the order it is laid out, with numbers and references resolved.
enum FlowItem: Sendable, Hashable {
    case heading(HeadingItem)
    case paragraph(String, ParagraphFormat)
    case figure(number: Int, Figure)
    case table(number: Int, Table)
    case pageBreak
}
