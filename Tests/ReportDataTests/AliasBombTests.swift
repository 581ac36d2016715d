import Foundation
import Testing
@testable import ReportData

/// "Billion laughs": nine levels of nine aliases expand to 10⁹ strings if anything walks or
/// decodes the expanded tree. Loading must stop at the first anchor instead.
@Suite struct AliasBombTests {
    static let bomb: String = {
        var y = "title: t\ncolumns: []\nlol0: &a0 \"lol\"\n"
        for i in 1...9 {
            y += "lol\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return y
    }()

    @Test func billionLaughsFailsFast() {
        let start = ContinuousClock.now
        let r = load("id\na\n", yaml: Self.bomb)
        let elapsed = ContinuousClock.now - start
        #expect(r.dataset == nil)
        #expect(r.diagnostics.map(\.description) ==
                ["data/income.yaml:3:7: error: YAML anchors and aliases (&name, *name) are not allowed in metadata"])
        // Not a timing test: a generous bound that only an expansion would exceed.
        #expect(elapsed < .seconds(5))
    }

    @Test func catalogMetadataIsScreenedToo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bomb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(("report_year: 2022\nreport_date: 2022-06\n" + Self.bomb.replacingOccurrences(of: "title: t\ncolumns: []\n", with: "")).utf8)
            .write(to: dir.appendingPathComponent("catalog.yaml"))
        let r = DatasetCatalog.load(directory: dir, displayPrefix: "")
        #expect(r.hasErrors)
        #expect(r.errors.first?.description.hasPrefix("catalog.yaml:3:7: error: YAML anchors") == true)
    }
}
