import Foundation
import Testing
@testable import ReportData

/// The display policy, `display` and `base` columns read from a data folder, with their errors at the cell.
@Suite struct FigureDisplayCatalogTests {
    func directory(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("figdisplay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    let yaml = """
    title: 数字
    kind: figures
    columns:
      - {name: id, type: id, required: true}
      - {name: label, type: text, required: true}
      - {name: value, type: number, unit_column: unit, qualifier_column: qualifier, required: true}
      - {name: unit, type: unit}
      - {name: qualifier, type: qualifier}
      - {name: display, type: unit}
      - {name: base, type: text}
    derived:
      - id: gap
        label: 差额
        formula: "difference(a: fund, b: income)"
        unit: 元
    """

    @Test func policyOverrideAndBase() throws {
        let dir = try directory([
            "catalog.yaml": "report_year: 2022\nreport_date: 2022-12\ndisplay:\n  scale: [元]\n",
            "figures.yaml": yaml,
            "figures.csv": """
            id,label,value,unit,qualifier,display,base
            income,人均收入,48705,元,,,
            kept,人均收入（原样）,48705,元,,元,
            fund,帮扶资金,8600000,元,超过,,
            growth,增速,21.9,%,,,income

            """,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = DatasetCatalog.load(directory: dir, displayPrefix: "data")
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        let f = ChineseFormatter()
        let shown = { (id: String) in r.catalog.figure(id: id).map(f.figure) }
        #expect(shown("income") == "4.8705万元")
        #expect(shown("kept") == "48705元")
        #expect(shown("fund") == "超过860万元")
        // A derived figure follows the policy too: 8600000 − 48705 = 8551295元.
        #expect(shown("gap") == "约855.1295万元（推算）")
        #expect(r.catalog.figure(id: "growth")?.base == "income")
        #expect(f.fields(of: r.catalog.figure(id: "fund")!)["qualifier"] == "超过")
    }

    @Test func badDisplayAndBaseArePointedAt() throws {
        let dir = try directory([
            "catalog.yaml": "report_year: 2022\nreport_date: 2022-12\n",
            "figures.yaml": yaml,
            "figures.csv": """
            id,label,value,unit,qualifier,display,base
            income,人均收入,48705,元,,公里,
            fund,帮扶资金,860,万元,超过,,nosuch
            count,户数,143,家,,,income

            """,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = DatasetCatalog.load(directory: dir, displayPrefix: "data")
        #expect(r.diagnostics.map(\.description) == [
            "data/figures.csv:2:6: error: display unit 公里 does not convert from the figure's unit 元",
            "data/figures.csv:3:7: error: base 'nosuch' is not another figure of the data",
            "data/figures.csv:4:7: error: only a rate (unit % or 个百分点) has a base figure; this one is in 家",
        ])
    }
}
