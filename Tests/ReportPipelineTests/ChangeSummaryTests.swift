import Foundation
import Testing
@testable import ReportPipeline

@Suite struct ChangeSummaryTests {
    typealias E = ValueSnapshot.Entry
    @Test func listsChangedAddedRemoved() {
        let old = ["income": E(label: "村级集体经营性收入 2021", display: "6.78亿元"),
                   "roads": E(label: "四好农村路", display: "267.83公里"),
                   "gone": E(label: "旧记录", display: "1家")]
        let new = ValueSnapshot(["income": E(label: "村级集体经营性收入 2021", display: "7.10亿元"),
                                 "roads": E(label: "四好农村路", display: "267.83公里"),
                                 "new": E(label: "新记录", display: "2家")])
        let s = ChangeSummary(old: old, new: new)
        #expect(s.lines == ["村级集体经营性收入 2021: 6.78亿元 → 7.10亿元", "+ 新记录: 2家", "- 旧记录: 1家"])
        #expect(s.markdown(title: "临平").contains("| 村级集体经营性收入 2021 | 6.78亿元 | 7.10亿元 |"))
    }
    @Test func firstRunHasNoChanges() {
        #expect(ChangeSummary(old: nil, new: ValueSnapshot(["a": E(label: "a", display: "1")])).isEmpty)
    }
    @Test func manifestRoundTripsAndDetectsTampering() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rr-man-\(UUID().uuidString)")
        let file = dir.appendingPathComponent("charts/x.svg")
        try AtomicFile.write(Array("<svg/>".utf8), to: file)
        var m = BuildManifest(tool: "test")
        m.outputs["charts/x.svg"] = .init(inputs: "k1", output: Fingerprint.of(file: file)!)
        try AtomicFile.write(try m.encoded(), to: dir.appendingPathComponent(BuildManifest.fileName))
        let loaded = try #require(BuildManifest.load(from: dir))
        #expect(loaded == m)
        #expect(loaded.isUpToDate("charts/x.svg", inputs: "k1", in: dir))
        #expect(!loaded.isUpToDate("charts/x.svg", inputs: "k2", in: dir))
        try Data("<svg></svg>".utf8).write(to: file)
        #expect(!loaded.isUpToDate("charts/x.svg", inputs: "k1", in: dir))
    }
    @Test func fingerprintSeparatesParts() {
        var a = Fingerprint(); a.add("x", "ab"); a.add("y", "c")
        var b = Fingerprint(); b.add("x", "a"); b.add("y", "bc")
        #expect(a.hex() != b.hex())
        #expect(a.hex().count == 64)
    }
}
