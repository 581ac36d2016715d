import Foundation
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
    /// report.yaml as read and decoded once for the whole batch; nil reads it again.
    public var prepared: PreparedTemplate?

    public init(id: String, unitsDataset: String, subsets: [String: CSVSubset], prepared: PreparedTemplate? = nil) {
        self.id = id; self.unitsDataset = unitsDataset; self.subsets = subsets; self.prepared = prepared
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

/// report.yaml read (through the same checks as every input), decoded, and the rows it uses
/// found: the part of `TemplateLoader.load` that is the same for every unit of a batch, done once
/// per batch and shared by every unit (an immutable value, safe to share across threads).
public final class PreparedTemplate: Sendable {
    public let yamlRead: Result<Data, InputFile.Failure>
    /// The decoded file and its problems; nil when report.yaml could not be read.
    public let early: (TemplateFile?, [Diagnostic])?
    /// The rows the template uses (nil when it does not decode: every row is kept).
    public let demand: RowDemand?
    /// report.yaml's text with its parsed node marks, for positions (nil when unreadable).
    public let source: TemplateSource?

    public init(template dir: URL, data: URL?) {
        let yamlURL = dir.appendingPathComponent(TemplateLoader.fileName)
        let yamlPath = TemplateLoader.displayPath(yamlURL)
        let roots = InputRoots([dir] + (data.map { [$0] } ?? []))
        let read = InputFile.read(yamlURL, within: roots, limit: InputLimits.yamlBytes)
        let bytes = try? read.get()
        let decoded = bytes.map { YAMLLoader.decodeAll(TemplateFile.self, data: $0, file: yamlPath) }
        yamlRead = read
        early = decoded
        let text = bytes.map { TemplateSource(path: yamlPath, text: String(decoding: $0, as: UTF8.self)) }
        source = text
        demand = text.flatMap { s in decoded?.0.map { RowDemand.of($0, source: s) } }
    }
}
