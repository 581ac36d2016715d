import Foundation
import Testing
@testable import ReportPipeline

/// `BatchBuild.mayDeclareBatch` (the look that lets a single report skip decoding report.yaml
/// for its `batch:` key) is a byte scan; it answers as the `Data.firstRange(of:)` test it replaced.
@Suite struct MayDeclareBatchTests {
    static func oracle(_ data: Data) -> Bool {
        data.firstRange(of: Data("batch".utf8)) != nil || data.contains(UInt8(ascii: "\\"))
    }

    @Test func answersAsTheDataSearch() {
        var rng = SystemRandomNumberGenerator()
        // Few distinct bytes, so "batch", its prefixes and escapes turn up in every position.
        let alphabet = Array("batchx\\: \n".utf8) + [0xE6, 0x89]
        var found = 0
        for n in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0...(n % 40), using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let data = Data(bytes)
            #expect(BatchBuild.mayDeclareBatch(data) == Self.oracle(data), "\(bytes)")
            if Self.oracle(data) { found += 1 }
        }
        for text in ["", "batch", "xbatc", "batc", "title: x\nbatch:\n  dataset: d", "ba\\tch", "title: 报告\n"] {
            #expect(BatchBuild.mayDeclareBatch(Data(text.utf8)) == Self.oracle(Data(text.utf8)), "\(text)")
        }
        #expect(found > 100 && found < 2_900)
    }
}
