/// Which rows of each dataset a template uses, so a huge table costs memory only for the rows a
/// chart, table or placeholder reads. Every row is still parsed and validated (a bad cell is an
/// error wherever it is); only the kept rows are stored.
public struct RowDemand: Sendable, Hashable {
    /// Dataset name → ids of the rows used. A dataset not listed keeps every row.
    public var ids: [String: Set<String>]
    /// Dataset name → the most records some chart can take from it (a chart drawing every record).
    public var caps: [String: [RowCap]]

    public init(ids: [String: Set<String>] = [:], caps: [String: [RowCap]] = [:]) { self.ids = ids; self.caps = caps }

    /// Keeps every row of every dataset.
    public static let all = RowDemand()

    /// True when the row `id` of `dataset` is wanted (every row of a dataset not listed).
    public func keeps(dataset: String, id: String?) -> Bool {
        guard let wanted = ids[dataset] else { return true }
        return id.map(wanted.contains) ?? false
    }
}

/// A chart that draws every record of a dataset (those matching `match`, its `where:`) can draw at
/// most `limit`. The loader counts while it streams and stops at the first record past the limit:
/// a million-row table fails at row limit + 1 instead of after converting every row.
public struct RowCap: Sendable, Hashable {
    public var limit: Int
    /// Column → raw cell text a record must have to count (the chart's `where:`).
    public var match: [String: String]
    /// The error, at the chart's report.yaml position; the loader adds where the record past the limit is.
    public var diagnostic: Diagnostic

    public init(limit: Int, match: [String: String] = [:], diagnostic: Diagnostic) {
        self.limit = limit; self.match = match; self.diagnostic = diagnostic
    }

    func counts(_ raw: [String: String]) -> Bool {
        match.allSatisfy { (raw[$0.key] ?? "") == $0.value }
    }
}
