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
