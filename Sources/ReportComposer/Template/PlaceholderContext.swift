import Mustache
import ReportData

/// A value placeholders can name: `{{figures.rural_roads}}` renders the display text
/// (267.83公里); `{{figures.rural_roads.number}}`, `.unit`, `.label`, `.date`, `.rank` pick a part.
struct DisplayNode: MustacheParent, CustomStringConvertible {
    var display: String
    var fields: [String: String]
    func child(named name: String) -> Any? { fields[name] }
    var description: String { display }
}

/// Builds the Mustache context for prose: `figures.<id>`, `<dataset>.<record id>.<column>` and `report.*`.
struct PlaceholderContext {
    let root: [String: Any]

    /// `unit`: a batch unit's row (`{{unit.name}}`; `{{unit}}` alone is its name).
    init(catalog: DatasetCatalog, formatter: ChineseFormatter, report: [String: String], unit: [String: String]? = nil) {
        var root: [String: Any] = [:]
        var figures: [String: Any] = [:]
        for f in catalog.orderedFigures {
            let fields = formatter.fields(of: f)
            figures[f.id] = DisplayNode(display: fields["value"] ?? "", fields: fields)
        }
        for (name, ds) in catalog.datasets where ds.metadata.kind != .figures {
            var records: [String: Any] = [:]
            for r in ds.records {
                guard let id = r.id else { continue }
                var fields: [String: String] = [:]
                for (col, v) in r.values { fields[col] = formatter.cell(v) }
                let display = fields["label"] ?? fields["name"] ?? fields["value"] ?? id
                records[id] = DisplayNode(display: display, fields: fields)
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
