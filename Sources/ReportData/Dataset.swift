/// A loaded dataset: metadata plus typed records.
public struct Dataset: Sendable, Hashable {
    public var name: String
    public var metadata: DatasetMetadata
    public var records: [Record]

    /// The record whose id is `id`, or nil.
    public func record(id: String) -> Record? { records.first { $0.id == id } }
    /// Typed cells of one column, in row order.
    public func values(_ column: String) -> [CellValue] { records.map { $0[column] } }
    /// Column values in row order, e.g. bar heights.
    public func quantities(_ column: String) -> [Quantity?] { records.map { $0[column].quantity } }
}
