/// A three-line table (top rule, header rule, bottom rule). Numbered 表1, 表2, ...; splits across
/// pages between rows, repeating the header under a "（续）" caption.
public struct Table: Sendable, Hashable {
    /// Horizontal alignment of a column's cells.
    public enum Alignment: String, Sendable, Hashable, Codable { case left, center, right }

    /// Unique in the report; `[[id]]` in prose becomes "表N"; anchor "tab-<id>".
    public var id: String
    public var header: [String]
    public var rows: [[String]]
    /// Per column; missing entries default to left for the first column and right for the others
    /// (labels then numbers, the usual shape of a statistical table).
    public var alignments: [Alignment]
    /// Relative column widths; nil sizes columns by their content.
    public var columnWeights: [Double]?
    /// Shown above the table after its number: "表1 <caption>".
    public var caption: String
    public var source: String

    public init(id: String, header: [String], rows: [[String]], alignments: [Alignment] = [],
                columnWeights: [Double]? = nil, caption: String, source: String = "") {
        self.id = id; self.header = header; self.rows = rows; self.alignments = alignments
        self.columnWeights = columnWeights; self.caption = caption; self.source = source
    }

    public var columnCount: Int { max(header.count, rows.map(\.count).max() ?? 0) }

    /// Alignment of column `c`: as given, else the first column left and the others right (numbers).
    public func alignment(ofColumn c: Int) -> Alignment {
        c < alignments.count ? alignments[c] : (c == 0 ? .left : .right)
    }
}
