import ReportData

/// `batch:` in report.yaml: one report per row of a dataset (the units), each bound to its own rows.
///
/// ```yaml
/// batch: {dataset: towns, key: town}
/// ```
/// Every row of `towns` is a unit; its id (the dataset's id column) names the unit's output folder.
/// In every other dataset that has a `town` column, the rows whose `town` equals the unit's id are
/// that unit's rows; datasets without the column are shared by all units. `key` defaults to the
/// name of the units dataset's id column.
public struct BatchSpec: Sendable, Decodable, Hashable {
    public var dataset: String
    public var key: String?

    public init(dataset: String, key: String? = nil) { self.dataset = dataset; self.key = key }

    enum CodingKeys: String, CodingKey, CaseIterable { case dataset, key }
    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dataset = try c.decode(String.self, forKey: .dataset)
        key = try c.decodeIfPresent(String.self, forKey: .key)
    }
}

/// One unit of a batch as the template loader sees it: its id, the dataset it is a row of, and the
/// subsets of the CSV files that hold its rows.
public struct UnitScope: Sendable {
    public var id: String
    public var unitsDataset: String
    public var subsets: [String: CSVSubset]

    public init(id: String, unitsDataset: String, subsets: [String: CSVSubset]) {
        self.id = id; self.unitsDataset = unitsDataset; self.subsets = subsets
    }

    /// `{{unit.<column>}}`: the unit's row as displayed, plus `id`.
    func fields(catalog: DatasetCatalog, formatter: ChineseFormatter) -> [String: String] {
        var fields: [String: String] = [:]
        if let row = catalog.datasets[unitsDataset]?.records.first(where: { $0.id == id }) {
            for (column, value) in row.values { fields[column] = formatter.cell(value) }
        }
        fields["id"] = id
        return fields
    }
}
