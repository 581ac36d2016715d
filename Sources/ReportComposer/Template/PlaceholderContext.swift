import Mustache
import ReportData

/// A value placeholders can name: `{{figures.rural_roads}}` renders the display text
/// (267.83公里); `{{figures.rural_roads.number}}`, `.unit`, `.label`, `.date`, `.rank` pick a part.
struct DisplayNode: MustacheParent, CustomStringConvertible {
    var display: String
    var fields: [String: String]
    /// `{{figures.x.in.wan}}`: the figure in another unit, asked for explicitly in one place.
    var conversions: UnitConversions?
    func child(named name: String) -> Any? { name == "in" ? conversions : fields[name] }
    var description: String { display }
}

/// A record as placeholders name it (`{{<dataset>.<id>.<column>}}`; alone, its label, name or
/// value): a `DisplayNode` whose fields are the cells' table text, each formatted when a
/// placeholder asks for it, since prose names few of a dataset's records.
struct RecordNode: MustacheParent, CustomStringConvertible {
    let record: Record
    let id: String
    let formatter: ChineseFormatter
    /// As `DisplayNode`: `in` names the (absent) unit conversions, never a column.
    func child(named name: String) -> Any? { name == "in" ? nil : field(name) }
    var description: String { field("label") ?? field("name") ?? field("value") ?? id }
    private func field(_ column: String) -> String? { record.values[column].map { TableBinder.cellText($0, formatter) } }
}

/// The children of `{{figures.x.in}}`, named in ASCII because Mustache names are: `base` (元),
/// `wan` (万元), `yi` (亿元) of the figure's unit family.
struct UnitConversions: MustacheParent {
    let figure: ReportData.Figure
    let formatter: ChineseFormatter
    static let prefixes = ["base": "", "wan": "万", "yi": "亿"]
    func child(named name: String) -> Any? {
        guard let prefix = Self.prefixes[name], UnitScale.factor(of: figure.quantity.unit) != nil else { return nil }
        return formatter.figure(figure, in: prefix + UnitScale.base(of: figure.quantity.unit)).map(NoBreak.glue)
    }
}

/// Builds the Mustache context for prose: `figures.<id>`, `<dataset>.<record id>.<column>` and `report.*`.
struct PlaceholderContext {
    let root: [String: Any]

    /// `unit`: a batch unit's row (`{{unit.name}}`; `{{unit}}` alone is its name).
    init(catalog: DatasetCatalog, formatter: ChineseFormatter, report: [String: String], unit: [String: String]? = nil) {
        var root: [String: Any] = [:]
        var figures: [String: Any] = [:]
        for f in catalog.orderedFigures {
            var fields = formatter.fields(of: f)
            if let b = f.base.flatMap(catalog.figure(id:)) {
                fields["base"] = formatter.figure(b); fields["base_label"] = b.label
            }
            // Figures are glued so that no line break separates number, unit and qualifier.
            for key in ["value", "number", "date", "base"] { fields[key] = fields[key].map(NoBreak.glue) }
            figures[f.id] = DisplayNode(display: fields["value"] ?? "", fields: fields,
                                        conversions: UnitConversions(figure: f, formatter: formatter))
        }
        for (name, ds) in catalog.datasets where ds.metadata.kind != .figures {
            var records: [String: Any] = [:]
            for r in ds.records {
                guard let id = r.id else { continue }
                records[id] = RecordNode(record: r, id: id, formatter: formatter)
            }
            root[name] = records
        }
        root["figures"] = figures
        root["report"] = report
        if let unit { root["unit"] = DisplayNode(display: unit["name"] ?? unit["label"] ?? unit["id"] ?? "", fields: unit) }
        self.root = root
    }

    /// True when a dotted name resolves to a value (so a typo is caught instead of rendering nothing).
    func resolves(_ name: String) -> Bool {
        var current: Any? = root
        for part in name.split(separator: ".") {
            switch current {
            case let d as [String: Any]: current = d[String(part)]
            case let d as [String: String]: current = d[String(part)]
            case let p as MustacheParent: current = p.child(named: String(part))
            default: return false
            }
            if current == nil { return false }
        }
        return true
    }
}
