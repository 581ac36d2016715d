import Foundation
import Testing
import TestSupport
@testable import ReportData

/// Batch units read their rows from subsets of the real CSV files: each subset must parse to
/// exactly the unit's rows, and every position must point into the original file.
@Suite struct CSVSplitTests {
    /// A deterministic generator (SplitMix64, TestSupport), so a failure names the seed that reproduces it.
    typealias Rng = SplitMix

    /// A field as written: plain, or quoted with commas, doubled quotes and line breaks inside.
    static func field(_ r: inout Rng, lineEnd: String) -> String {
        let pieces = ["a", "镇", "1,200", "say \"hi\"", "x" + lineEnd + "y", " ", "6.78", ""]
        let text = (0..<r.int(3)).map { _ in r.pick(pieces) }.joined()
        if text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || r.int(4) == 0 {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    @Test func everySubsetParsesToItsUnitsRowsAtTheirOriginalLines() throws {
        for seed in 0..<2000 {
            var r = Rng(state: UInt64(seed))
            let lineEnd = r.pick(["\n", "\r\n", "\r"])
            let units = ["u1", "u2", "u3", "u4"].prefix(1 + r.int(4)).map { $0 }
            let keyAt = r.int(3)
            var header = ["a", "b", "c"]
            header.insert("town", at: keyAt)
            var lines = [header.joined(separator: ",")]
            var expected: [String: [[String]]] = [:]
            for _ in 0..<r.int(12) {
                if r.int(6) == 0 { lines.append("") }  // blank lines are not rows
                let unit = r.pick(units)
                var cells = (0..<3).map { _ in Self.field(&r, lineEnd: lineEnd) }
                cells.insert(r.int(5) == 0 ? " \(unit) " : unit, at: keyAt)
                lines.append(cells.joined(separator: ","))
                expected[unit, default: []].append(cells)
            }
            var text = lines.joined(separator: lineEnd)
            if r.int(2) == 0 { text += lineEnd }
            let whole = CSVParser.parse(text, file: "f.csv")
            #expect(whole.diagnostics.isEmpty, "seed \(seed)")
            let split = try #require(CSVSplit(csv: Data(text.utf8), csvPath: "f.csv", keyColumn: "town"), "seed \(seed)")
            #expect(split.diagnostics.isEmpty, "seed \(seed)")
            #expect(Set(split.keys) == Set(expected.keys), "seed \(seed)")
            // The rows of the whole file by unit, with their lines: what each subset must give back.
            var wholeRows: [String: [CSVRow]] = [:]
            for row in whole.rows.dropFirst() { wholeRows[row.fields[keyAt].text.trimmed, default: []].append(row) }
            for unit in units {
                let subset = split.subset(unit)
                let parsed = CSVParser.parse(subset.text, file: "f.csv")
                #expect(parsed.diagnostics.isEmpty, "seed \(seed)")
                let rows = Array(parsed.rows.dropFirst())
                let want = wholeRows[unit] ?? []
                #expect(rows.map { $0.fields.map(\.text) } == want.map { $0.fields.map(\.text) }, "seed \(seed) unit \(unit)")
                #expect(rows.map { subset.line($0.line) } == want.map(\.line), "seed \(seed) unit \(unit)")
                // Field lines (multi-line quoted cells) map back too.
                #expect(rows.flatMap { $0.fields.map { subset.line($0.line) } } == want.flatMap { $0.fields.map(\.line) },
                        "seed \(seed) unit \(unit)")
                #expect(subset.hasRows == !want.isEmpty)
            }
        }
    }

    @Test func rowsOfNoUnitAreErrorsAtTheirCell() throws {
        let text = "id,town,value\na,u1,1\nb,,2\nc\n"
        let split = try #require(CSVSplit(csv: Data(text.utf8), csvPath: "d/f.csv", keyColumn: "town"))
        #expect(split.diagnostics.map(\.description) == [
            "d/f.csv:3:2: error: empty town: every row of this file belongs to one unit",
            "d/f.csv:4:2: error: row has no town cell, so it belongs to no unit (the header has 3 fields)",
        ])
        #expect(CSVSplit(csv: Data("id,value\na,1\n".utf8), csvPath: "f.csv", keyColumn: "town") == nil)
    }

    /// Through the catalog: a bad cell in one unit's row is reported at its line in the real
    /// file, figures get their real lines, and a unit without rows is not an error of the file.
    @Test func catalogOfOneUnitReportsOriginalPositions() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rr-split-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = [
            "catalog.yaml": "report_year: 2023\nreport_date: 2023-12\n",
            "figures.yaml": """
            title: f
            kind: figures
            columns:
              - {name: town, type: text, required: true}
              - {name: id, type: id, required: true}
              - {name: label, type: text, required: true}
              - {name: value, type: number, unit_column: unit, required: true}
              - {name: unit, type: unit, required: true}
            """,
            "figures.csv": "town,id,label,value,unit\na,x,收入,1,万元\nb,x,收入,六,万元\na,y,企业,3,家\nb,x,收入,2,万元\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        let csv = try Data(contentsOf: dir.appendingPathComponent("figures.csv"))
        let split = try #require(CSVSplit(csv: csv, csvPath: "data/figures.csv", keyColumn: "town"))
        let a = DatasetCatalog.load(directory: dir, displayPrefix: "data", subsets: ["figures": split.subset("a")])
        #expect(a.diagnostics.isEmpty, "\(a.diagnostics)")
        #expect(a.catalog.figureIDs == ["x", "y"])
        #expect(a.catalog.figures["y"]?.line == 4)
        let b = DatasetCatalog.load(directory: dir, displayPrefix: "data", subsets: ["figures": split.subset("b")])
        #expect(b.diagnostics.map { "\($0.file):\($0.line):\($0.column)" } == ["data/figures.csv:3:4", "data/figures.csv:5:2"],
                "\(b.diagnostics)")
        #expect(b.diagnostics.last?.message.contains("first used on line 3") == true, "\(b.diagnostics)")
        let none = DatasetCatalog.load(directory: dir, displayPrefix: "data", subsets: ["figures": split.subset("c")])
        #expect(none.diagnostics.isEmpty, "\(none.diagnostics)")
        #expect(none.catalog.datasets["figures"]?.records.isEmpty == true)
    }
}
