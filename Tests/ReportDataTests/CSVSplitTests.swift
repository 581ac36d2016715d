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
            try Self.expectStreamedSplitMatches(text, units: units, chunk: 1 + r.int(40), seed: seed)
            let whole = CSVParser.parse(text, file: "f.csv")
            #expect(whole.diagnostics.isEmpty, "seed \(seed)")
            let split = try #require(CSVSplit(csv: Data(text.utf8), csvPath: "f.csv", keyColumn: "town"), "seed \(seed)")
            #expect(split.diagnostics.isEmpty, "seed \(seed)")
            #expect(Set(split.keys) == Set(expected.keys), "seed \(seed)")
            // The rows of the whole file by unit, with their lines: what each subset must give back.
            var wholeRows: [String: [CSVRow]] = [:]
            for row in whole.rows.dropFirst() { wholeRows[row.fields[keyAt].text.trimmed, default: []].append(row) }
            for unit in units {
                let subset = try split.subset(unit, csvPath: "f.csv")
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
        let scratch = try TempDir(prefix: "split")
        let dir = try scratch.write(files, into: "data")
        let csv = try Data(contentsOf: dir.appendingPathComponent("figures.csv"))
        let split = try #require(CSVSplit(csv: csv, csvPath: "data/figures.csv", keyColumn: "town"))
        let a = DatasetCatalog.load(directory: dir, displayPrefix: "data", subsets: ["figures": try split.subset("a", csvPath: "data/figures.csv")])
        #expect(a.diagnostics.isEmpty, "\(a.diagnostics)")
        #expect(a.catalog.figureIDs == ["x", "y"])
        #expect(a.catalog.figures["y"]?.line == 4)
        let b = DatasetCatalog.load(directory: dir, displayPrefix: "data", subsets: ["figures": try split.subset("b", csvPath: "data/figures.csv")])
        #expect(b.diagnostics.map { "\($0.file):\($0.line):\($0.column)" } == ["data/figures.csv:3:4", "data/figures.csv:5:2"],
                "\(b.diagnostics)")
        #expect(b.diagnostics.last?.message.contains("first used on line 3") == true, "\(b.diagnostics)")
        let none = DatasetCatalog.load(directory: dir, displayPrefix: "data", subsets: ["figures": try split.subset("c", csvPath: "data/figures.csv")])
        #expect(none.diagnostics.isEmpty, "\(none.diagnostics)")
        #expect(none.catalog.datasets["figures"]?.records.isEmpty == true)
    }

    /// A scratch folder removed by `remove()`.
    struct Scratch {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rr-split-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        func write(_ name: String, _ text: String) throws -> URL {
            let url = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url
        }
        func remove() { try? FileManager.default.removeItem(at: dir) }
    }

    /// The split streamed from a file in chunks of `chunk` bytes (cut anywhere, CR LF and quoted
    /// line breaks included) gives exactly the in-memory split: keys, lines, problems, subsets.
    static func expectStreamedSplitMatches(_ text: String, units: [String], chunk: Int, seed: Int) throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let url = try scratch.write("f.csv", (seed % 3 == 0 ? "\u{FEFF}" : "") + text)
        let memory = try #require(CSVSplit(csv: try Data(contentsOf: url), csvPath: "f.csv", keyColumn: "town"), "seed \(seed)")
        let streamed = try #require(CSVSplit(file: url, within: InputRoots([scratch.dir]), csvPath: "f.csv", keyColumn: "town",
                                             chunkBytes: chunk), "seed \(seed) chunk \(chunk)")
        #expect(streamed.keys == memory.keys, "seed \(seed) chunk \(chunk)")
        #expect(streamed.firstLine == memory.firstLine && streamed.secondLine == memory.secondLine, "seed \(seed)")
        #expect(streamed.diagnostics == memory.diagnostics, "seed \(seed) chunk \(chunk)")
        #expect(streamed.runs == memory.runs, "seed \(seed) chunk \(chunk)")
        for unit in units {
            let a = try streamed.subset(unit, csvPath: "f.csv"), b = try memory.subset(unit, csvPath: "f.csv")
            #expect(a == b, "seed \(seed) chunk \(chunk) unit \(unit)")
        }
    }

    /// Structural problems and rows of no unit come out the same whatever the chunk size, at
    /// their lines in the file.
    @Test func streamedProblemsKeepTheirPositions() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let text = "id,town,value\na,u1,1\nb,,2\n\"c\"x,u1,3\nd,u2,\"4\n5\"\ne\n"
        let url = try scratch.write("f.csv", text)
        let memory = try #require(CSVSplit(csv: Data(text.utf8), csvPath: "f.csv", keyColumn: "town"))
        #expect(memory.diagnostics.map { "\($0.line):\($0.column)" } == ["4:1", "3:2", "7:2"], "\(memory.diagnostics)")
        for chunk in [1, 2, 3, 5, 8, 13, 100] {
            let s = try #require(CSVSplit(file: url, within: InputRoots([scratch.dir]), csvPath: "f.csv", keyColumn: "town", chunkBytes: chunk))
            #expect(s.diagnostics == memory.diagnostics, "chunk \(chunk)")
            #expect(try s.subset("u2", csvPath: "f.csv") == memory.subset("u2", csvPath: "f.csv"), "chunk \(chunk)")
        }
    }

    /// What a split keeps is where the rows are: the same bytes of memory for a file of short
    /// rows and one of rows a hundred times longer, one run per unit whose rows are together,
    /// and a run per stretch when they are not.
    @Test func aSplitHoldsRangesNotRowText() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let units = (0..<200).map { "u\($0)" }
        func file(_ name: String, cell: String, grouped: Bool) throws -> CSVSplit {
            var text = "town,id,label\n"
            let order = grouped ? units.flatMap { u in (0..<5).map { (u, $0) } } : (0..<5).flatMap { i in units.map { ($0, i) } }
            for (u, i) in order { text += "\(u),r\(i),\(cell)\n" }
            return try #require(CSVSplit(file: try scratch.write(name, text), within: InputRoots([scratch.dir]),
                                         csvPath: name, keyColumn: "town", chunkBytes: 4096))
        }
        let short = try file("s.csv", cell: "x", grouped: true)
        let long = try file("l.csv", cell: String(repeating: "长", count: 100), grouped: true)
        #expect(Self.retainedBytes(short) == Self.retainedBytes(long))
        #expect(short.runCount == units.count && long.runCount == units.count)
        let interleaved = try file("m.csv", cell: "x", grouped: false)
        #expect(interleaved.runCount == units.count * 5)
        for u in ["u0", "u199"] {
            let sub = try interleaved.subset(u, csvPath: "m.csv")
            #expect(CSVParser.parse(sub.text, file: "").rows.dropFirst().map { $0.fields[0].text } == Array(repeating: u, count: 5))
        }
    }

    /// A file changed after it was indexed is refused when a unit's rows are read back.
    @Test func aFileChangedAfterIndexingIsRefused() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let url = try scratch.write("f.csv", "town,v\na,1\nb,2\n")
        let split = try #require(CSVSplit(file: url, within: InputRoots([scratch.dir]), csvPath: "d/f.csv", keyColumn: "town"))
        #expect(try split.subset("b", csvPath: "d/f.csv").text == "town,v\nb,2\n")
        _ = try scratch.write("f.csv", "town,v\na,1\nb,22\n")
        #expect(throws: CSVSplit.ReadError.self) { try split.subset("b", csvPath: "d/f.csv") }
    }

    /// A data file leading outside the roots is not opened (the loader reports it).
    @Test func aFileOutsideTheRootsIsNotIndexed() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let inside = scratch.dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        let outside = try scratch.write("secret.csv", "town,v\na,1\n")
        let link = inside.appendingPathComponent("f.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)
        #expect(CSVSplit(file: link, within: InputRoots([inside]), csvPath: "f.csv", keyColumn: "town") == nil)
    }

    /// Bytes held in strings and byte arrays anywhere inside a value.
    static func retainedBytes(_ value: Any) -> Int {
        var total = 0
        func walk(_ v: Any) {
            if let s = v as? String { total += s.utf8.count; return }
            if let b = v as? [UInt8] { total += b.count; return }
            for child in Mirror(reflecting: v).children { walk(child.value) }
        }
        walk(value)
        return total
    }
}
