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
}
