import Foundation
import TestSupport
import Testing

/// Batch rendering through the real binary: shards as separate processes, exit status and
/// messages of a bad unit, the PDFs' text bound to each unit.
@Suite struct BatchCLITests {
    static let example = ReportBinary.packageRoot.appendingPathComponent("Templates/batch-example")

    func render(_ template: URL, out: URL, _ extra: [String] = [], environment: [String: String] = [:]) throws -> ReportBinary.Result {
        try ReportBinary.run(["render", template.path, "--out", out.path, "--format", "pdf"] + extra, environment: environment)
    }

    /// Four shards started together on one output folder produce exactly the tree of one run,
    /// index.csv included (the last shard to finish writes it).
    @Test func fourConcurrentShardsEqualOneRun() throws {
        let copy = try TemplateCopy(of: Self.example)
        let single = copy.root.file("single"), sharded = copy.root.file("sharded")
        let one = try render(copy.template, out: single)
        #expect(one.status == 0, "\(one.all)")
        #expect(one.stdout == "6 units: 6 rendered, 0 up to date; index.csv written\n")

        let logs = try TempDir(prefix: "shard-logs")
        let processes = try (1...4).map { k in
            try ReportBinary.start(["render", copy.template.path, "--out", sharded.path, "--format", "pdf", "--shard", "\(k)/4"],
                                   stdout: logs.file("out\(k)"), stderr: logs.file("err\(k)"))
        }
        for p in processes { p.waitUntilExit() }
        let outputs = try (1...4).map { try String(contentsOf: logs.file("out\($0)"), encoding: .utf8) }
        let errors = try (1...4).map { try String(contentsOf: logs.file("err\($0)"), encoding: .utf8) }
        let statuses = processes.map(\.terminationStatus)
        #expect(statuses == [0, 0, 0, 0], "\(outputs) \(errors)")
        #expect(errors == ["", "", "", ""], "\(errors)")
        // 6 units over 4 shards: 2, 2, 1, 1.
        #expect(outputs.map { $0.hasPrefix("shard ") } == [true, true, true, true])
        #expect(outputs.filter { $0.contains("index.csv written") }.count == 1, "\(outputs)")

        let a = OutputSnapshot(copy.outputs(in: single)).hashes, b = OutputSnapshot(copy.outputs(in: sharded)).hashes
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a == b, "differ: \(a.keys.filter { a[$0] != b[$0] }.sorted())")
        #expect(a.keys.contains("index.csv") && a.keys.contains("qingluan/report.pdf"))
    }

    /// Shards on separate machines write disjoint folders: copying them together gives the units
    /// of one run, and a plain run over the merged folder renders nothing and writes index.csv.
    @Test func disjointShardFoldersMergeByCopying() throws {
        let copy = try TemplateCopy(of: Self.example)
        let single = copy.root.file("single")
        #expect(try render(copy.template, out: single).status == 0)
        var seen: [String] = []
        for k in 0..<3 {
            let out = copy.root.file("pod\(k)")
            // As a Kubernetes Indexed Job pod sees it.
            let r = try render(copy.template, out: out, environment: ["JOB_COMPLETION_INDEX": "\(k)", "REPORT_SHARD_COUNT": "3"])
            #expect(r.status == 0, "\(r.all)")
            #expect(r.stdout.hasPrefix("shard \(k + 1)/3: 2 of 6 units: 2 rendered"), "\(r.stdout)")
            let dir = copy.outputs(in: out)
            let units = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") && $0 != "index.csv" }
            seen += units
        }
        #expect(seen.sorted() == ["baiheng", "cuiwei", "mingyue", "qingluan", "songlan", "yunxiu"])
        let m = copy.root.file("merged")
        try FileManager.default.createDirectory(at: copy.outputs(in: m), withIntermediateDirectories: true)
        for k in 0..<3 {
            _ = try ExternalTool.run("cp", ["-R", copy.outputs(in: copy.root.file("pod\(k)")).path + "/.", copy.outputs(in: m).path])
        }
        // The union already holds every unit's files, byte for byte.
        let one = OutputSnapshot(copy.outputs(in: single)).hashes
        let union = OutputSnapshot(copy.outputs(in: m)).hashes
        #expect(one.filter { $0.key != "index.csv" } == union)
        let finish = try render(copy.template, out: m)
        #expect(finish.status == 0, "\(finish.all)")
        #expect(finish.stdout == "6 units: 0 rendered, 6 up to date; index.csv written\n", "\(finish.stdout)")
        #expect(OutputSnapshot(copy.outputs(in: single)).hashes == OutputSnapshot(copy.outputs(in: m)).hashes)
    }

    @Test func aBadUnitFailsAloneWithItsPositionAndANonZeroExit() throws {
        let copy = try TemplateCopy(of: Self.example)
        let out = copy.root.file("out")
        let csv = copy.data.appendingPathComponent("figures.csv")
        var lines = try String(contentsOf: csv, encoding: .utf8).components(separatedBy: "\n")
        let i = try #require(lines.firstIndex { $0.hasPrefix("baiheng,firms,") })
        var cells = lines[i].components(separatedBy: ",")
        cells[4] = "0x1F"
        lines[i] = cells.joined(separator: ",")
        try Data(lines.joined(separator: "\n").utf8).write(to: csv)
        let r = try render(copy.template, out: out)
        #expect(r.status == 1)
        #expect(r.stderr.contains("figures.csv:\(i + 1):5: error: \"0x1F\""), "\(r.stderr)")
        #expect(r.stderr.contains("1 of 6 units failed: baiheng; their earlier files are kept\n"), "\(r.stderr)")
        #expect(r.stderr.hasSuffix("6 units: 5 rendered, 0 up to date, 1 failed; index.csv written\n"), "\(r.stderr)")
        // Not a terminal: no progress line anywhere.
        #expect(!r.all.contains("\r") && !r.all.contains("units 1/"))
        let dir = copy.outputs(in: out)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("baiheng").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("cuiwei/report.pdf").path))
        // check reports the same position without writing.
        let check = try ReportBinary.run(["check", copy.template.path])
        #expect(check.status == 1 && check.stderr.contains("figures.csv:\(i + 1):5: error:"), "\(check.all)")
    }

    /// On a terminal (a pseudo-terminal from util-linux `script`), standard error shows the
    /// progress line, redrawn in place and erased before the summary.
    @Test func progressLineOnATerminal() throws {
        let copy = try TemplateCopy(of: Self.example)
        let out = copy.root.file("out")
        let command = [ReportBinary.url.path, "render", copy.template.path, "--out", out.path, "--format", "pdf"]
            .map { "'" + $0 + "'" }.joined(separator: " ")
        let tty = try ExternalTool.run("script", ["-qec", command, "/dev/null"])
        #expect(tty.stdout.contains("\r\u{1B}[Kunits 6/6 · "), "\(tty.stdout.debugDescription)")
        #expect(tty.stdout.hasSuffix("\r\u{1B}[K6 units: 6 rendered, 0 up to date; index.csv written\r\n"), "\(tty.stdout.debugDescription)")
        let quiet = try ExternalTool.run("script", ["-qec", command + " --quiet", "/dev/null"])
        #expect(quiet.stdout.isEmpty, "\(quiet.stdout.debugDescription)")
    }

    @Test func quietPrintsNothingAndEachNamesTheUnits() throws {
        let copy = try TemplateCopy(of: Self.example)
        // Without `batch:` in report.yaml, --each makes it a batch.
        let yaml = copy.template.appendingPathComponent("report.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "batch: {dataset: towns, key: town}\n", with: "").utf8).write(to: yaml)
        let out = copy.root.file("out")
        let r = try render(copy.template, out: out, ["--each", "towns:town", "--quiet"])
        #expect(r.status == 0, "\(r.all)")
        #expect(r.all.isEmpty, "\(r.all)")
        // The cover and prose of each PDF name its own town.
        for (unit, name) in [("yunxiu", "云岫镇"), ("qingluan", "青鸾街道")] {
            let pages = try PDFInspection(url: copy.outputs(in: out).appendingPathComponent("\(unit)/report.pdf")).pageTexts()
            let all = PDFInspection.normalised(pages.joined())
            #expect(PDFInspection.normalised(pages[0]).contains(name + "2023年发展概况"))
            #expect(PDFInspection.normalised(pages[0]).contains("示例数据"))
            #expect(all.contains("\(name)是示例区6个镇街之一"), "\(unit)")
        }
        let bad = try render(copy.template, out: out, ["--shard", "5/4", "--each", "towns"])
        #expect(bad.status != 0 && bad.stderr.contains("--shard takes K/N"), "\(bad.all)")
        let notBatch = try ReportBinary.run(["render", ReportBinary.defaultTemplate.path, "--out", out.path, "--shard", "1/2"])
        #expect(notBatch.status != 0 && notBatch.stderr.contains("declares no batch"), "\(notBatch.all)")
    }
}
