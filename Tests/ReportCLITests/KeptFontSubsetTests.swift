import Foundation
import TestSupport
import Testing

/// Issue 17: the font subsets a run makes are kept in the output folder (`.report-fonts/`) and
/// used by the next run; the outputs are byte-identical with and without them, and a damaged or
/// missing entry is rebuilt, never used.
@Suite struct KeptFontSubsetTests {
    @Test func outputsAreTheSameWithKeptDamagedOrMissingSubsets() throws {
        let tmp = try TempDir(prefix: "kept-fonts")
        let out = tmp.file("out"), folder = out.appendingPathComponent("linping-annual")
        let render = { (extra: [String]) throws -> ReportBinary.Result in
            try ReportBinary.run(["render", ReportBinary.defaultTemplate.path, "--out", out.path] + extra)
        }
        let first = try render([])
        #expect(first.status == 0, "\(first.all)")
        let kept = folder.appendingPathComponent(".report-fonts")
        let names = try FileManager.default.contentsOfDirectory(atPath: kept.path).sorted()
        #expect(!names.isEmpty && names.allSatisfy { $0.hasSuffix(".subset") }, "\(names)")
        let outputs = { (s: OutputSnapshot) in s.hashes.filter { !$0.key.hasPrefix(".report-fonts/") && $0.key != "CHANGES.md" } }
        let fresh = OutputSnapshot(folder)

        // Drawn from the kept subsets: the same files, and the kept ones untouched.
        let second = try render(["--force"])
        #expect(second.status == 0, "\(second.all)")
        let fromKept = OutputSnapshot(folder)
        #expect(outputs(fromKept) == outputs(fresh))
        #expect(fromKept.touched(since: fresh).filter { $0.hasPrefix(".report-fonts/") }.isEmpty)

        // One entry damaged: not used, written again whole.
        let damaged = kept.appendingPathComponent(names[0])
        var bytes = try [UInt8](Data(contentsOf: damaged))
        bytes[bytes.count / 2] ^= 0x55
        try Data(bytes).write(to: damaged)
        let third = try render(["--force"])
        #expect(third.status == 0, "\(third.all)")
        let afterDamage = OutputSnapshot(folder)
        #expect(outputs(afterDamage) == outputs(fresh))
        #expect(afterDamage.hashes == fresh.hashes.merging(afterDamage.hashes.filter { $0.key == "CHANGES.md" }) { $1 })

        // All gone: built again, the same outputs.
        try FileManager.default.removeItem(at: kept)
        let fourth = try render(["--force"])
        #expect(fourth.status == 0, "\(fourth.all)")
        #expect(outputs(OutputSnapshot(folder)) == outputs(fresh))
        #expect(try FileManager.default.contentsOfDirectory(atPath: kept.path).sorted() == names)
    }
}
