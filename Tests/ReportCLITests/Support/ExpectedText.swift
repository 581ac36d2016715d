import Foundation
import ReportComposer
import ReportData

/// What the default report must show, read from the template and its data (not from the PDF):
/// section titles, and the display form of every value the prose takes through a placeholder.
struct ExpectedText {
    var headings: [String]
    /// Placeholder → display string, e.g. `figures.village_income_total` → 6.78亿元.
    var values: [String: String]

    init(template: URL) throws {
        let yaml = try String(contentsOf: template.appendingPathComponent("report.yaml"), encoding: .utf8)
        let bound = TemplateLoader.load(template: template)
        headings = bound.file.sections.map(\.title)
        let catalog = DatasetCatalog.load(directory: template.appendingPathComponent("data")).catalog
        let formatter = ChineseFormatter()
        let tag = try NSRegularExpression(pattern: #"\{\{\s*([a-z_]+)\.([A-Za-z0-9_]+)(?:\.([a-z_]+))?\s*\}\}"#)
        let ns = yaml as NSString
        var values: [String: String] = [:]
        for m in tag.matches(in: yaml, range: NSRange(location: 0, length: ns.length)) {
            let dataset = ns.substring(with: m.range(at: 1)), id = ns.substring(with: m.range(at: 2))
            let field = m.range(at: 3).location == NSNotFound ? nil : ns.substring(with: m.range(at: 3))
            let key = ns.substring(with: m.range)
            if dataset == "figures", let f = catalog.figure(id: id) {
                values[key] = formatter.fields(of: f)[field ?? "value"]
            } else if let r = catalog.record(dataset: dataset, id: id), let field {
                values[key] = formatter.cell(r[field])
            }
        }
        self.values = values
    }
}
