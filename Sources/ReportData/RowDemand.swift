/// Which rows of each dataset a template uses, so a huge table costs memory only for the rows a
/// chart, table or placeholder reads. Every row is still parsed and validated (a bad cell is an
/// error wherever it is); only the kept rows are stored.
public struct RowDemand: Sendable, Hashable {
    /// Dataset name → ids of the rows used. A dataset not listed keeps every row.
    public var ids: [String: Set<String>]

    public init(ids: [String: Set<String>] = [:]) { self.ids = ids }

    /// Keeps every row of every dataset.
    public static let all = RowDemand()

    public func keeps(dataset: String, id: String?) -> Bool {
        guard let wanted = ids[dataset] else { return true }
        return id.map(wanted.contains) ?? false
    }
}
