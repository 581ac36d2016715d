import Foundation
import Testing
import TestSupport
@testable import ReportData

/// A plus sign the source wrote (`+5` in a growth column) is part of how the figure reads: every
/// display of it keeps the sign, and nothing else about the display changes.
@Suite struct ExplicitSignTests {
    let f = ChineseFormatter()

    static let yaml = """
    title: 变化
    columns:
      - {name: id, type: id, required: true}
      - {name: value, type: number, unit_column: unit, required: true}
      - {name: unit, type: unit}
    """

    /// Loads one cell as `data/income.csv` row 2 and returns its quantity.
    static func quantity(_ cell: String, unit: String) throws -> Quantity {
        let field = cell.contains(",") ? "\"\(cell)\"" : cell
        let (ds, diags) = load("id,value,unit\nx,\(field),\(unit)\n", yaml: yaml)
        #expect(!diags.contains { $0.severity == .error }, "\(cell): \(diags)")
        guard case .number(let q)? = try #require(ds?.records.first).values["value"] else {
            Issue.record("\(cell) is not a number"); return Quantity(0)
        }
        return q
    }

    @Test func theSignIsShownAsWritten() throws {
        let table: [(String, String, String)] = [
            ("+5", "万吨", "+5万吨"), ("5", "万吨", "5万吨"), ("-5", "万吨", "-5万吨"), ("＋5", "万吨", "+5万吨"),
            ("+0.5", "亿元", "+0.5亿元"), ("+1,200", "家", "+1200家"), ("+18%", "", "+18%"), ("+0", "个", "+0个"),
            (" +2.5 ", "%", "+2.5%"), ("+3-5", "万元", "+3–5万元"), ("+1.58:1", "", "+1.58:1"),
        ]
        for (cell, unit, shown) in table {
            let q = try Self.quantity(cell, unit: unit)
            #expect(f.quantity(q) == shown, "\(cell)")
            #expect(q.explicitPlus == (cell.contains("+") || cell.contains("＋")), "\(cell)")
        }
        // A qualifier keeps its place around the signed number.
        #expect(f.quantity(Quantity(5, unit: "万吨", qualifier: .about, explicitPlus: true)) == "约+5万吨")
        // Converted for display (a 元 amount shown in 万元), the sign stays.
        #expect(f.quantity(Quantity(50000, unit: "元", explicitPlus: true), in: "万元") == "+5万元")
    }

    /// Over thousands of random cells: the display starts with "+" exactly when the cell did,
    /// and with the sign taken away it is the display of the unsigned cell.
    @Test func randomCellsKeepTheirSignAndNothingElseChanges() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let digits = String(Int.random(in: 0...99_999, using: &rng))
            let body = Bool.random(using: &rng) ? digits : digits + "." + String(Int.random(in: 0...999, using: &rng))
            let sign = ["", "+", "-", "＋"].randomElement(using: &rng)!
            let unit = ["万吨", "亿元", "家", "%", ""].randomElement(using: &rng)!
            let signed = try Self.quantity(sign + body, unit: unit)
            let plain = try Self.quantity(body, unit: unit)
            let shown = f.quantity(signed), bare = f.quantity(plain)
            switch sign {
            case "+", "＋": #expect(shown == "+" + bare, "\(sign)\(body) \(unit)")
            case "-": #expect(shown == (plain.value == 0 ? bare : "-" + bare), "\(sign)\(body) \(unit)")
            default: #expect(shown == bare && !shown.hasPrefix("+"), "\(body) \(unit)")
            }
        }
    }

    /// Through the catalog: the figure, its `.number` part and its table cell all read "+5";
    /// a value computed from it is the tool's, not the source's, and carries no sign.
    @Test func oneDisplayEverywhereAndNoneOnComputedValues() throws {
        let files = [
            "catalog.yaml": "report_year: 2023\nreport_date: 2023-12\n",
            "figures.yaml": """
            title: f
            kind: figures
            columns:
              - {name: id, type: id, required: true}
              - {name: label, type: text, required: true}
              - {name: value, type: number, unit_column: unit, required: true}
              - {name: unit, type: unit, required: true}
            derived:
              - {id: total, label: 合计, formula: "sum(a, b)", unit: 万吨}
            """,
            "figures.csv": "id,label,value,unit\na,增量,+5,万吨\nb,存量,12,万吨\n",
        ]
        let scratch = try TempDir(prefix: "sign")
        let dir = try scratch.write(files, into: "data")
        let loaded = DatasetCatalog.load(directory: dir)
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        let a = try #require(loaded.catalog.figures["a"])
        #expect(f.figure(a) == "+5万吨")
        #expect(f.fields(of: a)["number"] == "+5" && f.fields(of: a)["value"] == "+5万吨")
        let row = try #require(loaded.catalog.datasets["figures"]?.records.first)
        #expect(f.cell(row.values["value"]!) == "+5万吨")
        let total = try #require(loaded.catalog.figures["total"])
        #expect(f.figure(total).hasPrefix("17万吨"), "\(f.figure(total))")
    }
}
