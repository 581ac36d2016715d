import Foundation
import Testing
@testable import ReportPipeline

@Suite struct ChangeSummaryTests {
    typealias E = ValueSnapshot.Entry
    /// Each list in id order, as a sort of every id would give, over random snapshots (ids in
    /// case, accents, CJK and digits; NFC only: Swift's `<` between an NFC and a decomposed
    /// string is not a consistent order, so no two sorts of such ids need agree, before or now).
    @Test func listsAreInIDOrderOverRandomSnapshots() {
        var state: UInt64 = 42
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let parts = ["a", "B", "é", "ü", "村", "10", "9", "_"]
        for _ in 0..<500 {
            var old: [String: E] = [:], new: [String: E] = [:]
            for _ in 0..<Int(next() % 30) {
                let id = (0..<Int(next() % 3 + 1)).map { _ in parts[Int(next() % UInt64(parts.count))] }.joined()
                let display = "\(next() % 3)"
                switch next() % 3 {
                case 0: old[id] = E(label: id, display: display)
                case 1: new[id] = E(label: id, display: display)
                default: old[id] = E(label: id, display: display); new[id] = E(label: id, display: "\(next() % 3)")
                }
            }
            let s = ChangeSummary(old: old, new: ValueSnapshot(new))
            // The definition: every id in sorted order, each sorted to its list.
            let changed = new.keys.sorted().filter { old[$0] != nil && old[$0]!.display != new[$0]!.display }
            let added = new.keys.sorted().filter { old[$0] == nil }
            let removed = old.keys.sorted().filter { new[$0] == nil }
            #expect(s.changed.map(\.id) == changed, "\(s.changed.map(\.id)) \(changed)")
            #expect(s.added.map(\.id) == added, "\(s.added.map(\.id)) \(added)")
            #expect(s.removed.map(\.id) == removed, "\(s.removed.map(\.id)) \(removed)")
        }
    }

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
