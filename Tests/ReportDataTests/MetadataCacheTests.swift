import Foundation
import Testing
@testable import ReportData

/// Metadata decoded once per distinct file content gives what decoding gives, and failures still
/// name their own file.
@Suite struct MetadataCacheTests {
    @Test func aHitIsTheDecodedValueAndFailuresKeepTheirFile() throws {
        let yaml = Data("title: 缓存\(UUID().uuidString)\ncolumns:\n  - {name: id, type: id}\n  - {name: v, type: number}\n".utf8)
        let direct = try YAMLLoader.decode(DatasetMetadata.self, data: yaml, file: "a.yaml").get()
        let first = try MetadataCache.shared.metadata(yaml, file: "a.yaml").get()
        let again = try MetadataCache.shared.metadata(yaml, file: "b.yaml").get()
        #expect(first == direct && again == direct)
        let bad = Data("title: x\ncolumns:\n  - {name: v, type: nombre}\n".utf8)
        for file in ["d1/x.yaml", "d2/x.yaml"] {
            guard case .failure(let d) = MetadataCache.shared.metadata(bad, file: file) else { Issue.record("decoded"); continue }
            #expect(d.file == file)
        }
        // Through the loader: the same rows, the same problems, whichever dataset decoded it first.
        let csv = Data("id,v\na,1\nb,x\n".utf8)
        let one = DatasetLoader(reportDate: reportDate).load(name: "n", csv: csv, csvPath: "n.csv", yaml: yaml, yamlPath: "n.yaml")
        let two = DatasetLoader(reportDate: reportDate).load(name: "n", csv: csv, csvPath: "n.csv", yaml: yaml, yamlPath: "n.yaml")
        #expect(one.dataset == two.dataset && one.diagnostics == two.diagnostics && !one.diagnostics.isEmpty)
    }

    /// Positions in a metadata text, parsed once per text, are those of parsing it afresh, for
    /// every key path (present or not), and texts that differ only in spelling keep their own.
    @Test func cachedMarksAreTheParsedOnes() {
        let texts = ["title: x\nderived:\n  - {id: a, formula: \"b + c\"}\n  - id: d\n    formula: e\n",
                     "title: caf\u{E9}\nderived:\n  - {id: a, label: caf\u{E9}, formula: x}\n",
                     "title: cafe\u{301}\nderived:\n  - {id: a, label: cafe\u{301}, formula: x}\n",
                     "not: [valid", ""]
        let paths = [["derived"], ["derived", "0"], ["derived", "0", "formula"], ["derived", "1", "id"], ["derived", "1"],
                     ["derived", "0", "label"], ["title"], ["nope"], ["derived", "9"]]
        for _ in 0..<2 {
            for text in texts {
                let cached = MetadataCache.shared.marks(text), fresh = YAMLMarks(text: text)
                for path in paths {
                    let a = cached.mark(path), b = fresh.mark(path)
                    #expect(a.line == b.line && a.column == b.column, "\(text.debugDescription) \(path)")
                }
            }
        }
    }
}
