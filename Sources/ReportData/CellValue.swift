/// A typed cell.
public enum CellValue: Sendable, Hashable {
    case empty
    case text(String)
    case number(Quantity)
    case date(DateValue)
    case qualifier(Qualifier)
    case rank(Rank)

    public var text: String? { if case .text(let s) = self { return s }; return nil }
    public var quantity: Quantity? { if case .number(let q) = self { return q }; return nil }
    public var date: DateValue? { if case .date(let d) = self { return d }; return nil }
    public var rank: Rank? { if case .rank(let r) = self { return r }; return nil }
    public var isEmpty: Bool { self == .empty }
}

/// One CSV row with typed values and its provenance.
public struct Record: Sendable, Hashable {
    /// Physical line where the row starts, for diagnostics and traceability.
    public var line: Int
    public var values: [String: CellValue]
    /// The cell text as written (after BOM/line-end handling), by column.
    public var raw: [String: String]
    public var id: String?
    /// Verbatim sentence of the source article the row was transcribed from.
    public var sourceSentence: String?
    /// Report section the row belongs to.
    public var section: String?

    public subscript(column: String) -> CellValue { values[column] ?? .empty }
}

/// A loaded dataset: metadata plus typed records.
public struct Dataset: Sendable, Hashable {
    public var name: String
    public var metadata: DatasetMetadata
    public var records: [Record]

    public func record(id: String) -> Record? { records.first { $0.id == id } }
    /// Typed cells of one column, in row order.
    public func values(_ column: String) -> [CellValue] { records.map { $0[column] } }
    /// Column values in row order, e.g. bar heights.
    public func quantities(_ column: String) -> [Quantity?] { records.map { $0[column].quantity } }
}
