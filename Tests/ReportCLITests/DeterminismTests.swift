import Foundation
import TestSupport
import Testing

/// Issue 7: the same input gives the same bytes whatever the time zone, locale and working folder.
@Suite struct DeterminismTests {
    @Test func outputsAreByteIdenticalAcrossEnvironments() throws {
        let tmp = try TempDir(prefix: "determinism")
        let a = tmp.file("a"), b = tmp.file("b/deeper/still")
        for d in [a, b] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        // Relative output paths, so the outputs land under each working folder.
        let r1 = try ReportBinary.run(["render", ReportBinary.defaultTemplate.path, "--out", "out"], in: a,
                                      environment: ["TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
        let r2 = try ReportBinary.run(["render", ReportBinary.defaultTemplate.path, "--out", "out"], in: b,
                                      environment: ["TZ": "Asia/Shanghai", "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"])
        #expect(r1.status == 0, "\(r1.all)")
        #expect(r2.status == 0, "\(r2.all)")
        let s1 = OutputSnapshot(a.appendingPathComponent("out/linping-annual"))
        let s2 = OutputSnapshot(b.appendingPathComponent("out/linping-annual"))
        #expect(s1.files.keys.filter { $0.hasPrefix("charts/") }.count == 15)
        #expect(s1.files["report.pdf"] != nil)
        #expect(Set(s1.files.keys) == Set(s2.files.keys))
        #expect(s1.changed(from: s2).isEmpty, "differ: \(s1.changed(from: s2).sorted())")
    }
}
