import Foundation
import Testing
import ReportCharts
import ReportComposer
import ReportRender
import ReportScene
@testable import ReportPipeline

/// Kept report figures: a figure read back is the figure stored, value for value; a damaged file
/// or one stored under another key is never used; and a rerun that takes kept figures writes the
/// bytes a forced full run writes.
@Suite struct ReportFigureCacheTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Random bar charts (values, labels, highlights, tall and short) laid out for the report
    /// column with the fixed measurer: each figure survives the file unchanged.
    @Test func randomFiguresRoundTripExactly() throws {
        var rng = Mix(state: 29)
        for n in 0..<400 {
            let count = Int(rng.next() % 9) + 1
            let values = (0..<count).map { _ in Double(Int(rng.next() % 200_000) - 20_000) / Double([1, 10, 100, 1000][Int(rng.next() % 4)]) }
            let series = BarSeries(name: "系列", values: values, labels: values.map { "\($0)亿元" },
                                   highlighted: Set((0..<count).filter { _ in rng.next() % 3 == 0 }))
            let spec = BarChartSpec(notes: ChartNotes(title: "图\(n)", sourceNote: rng.next() % 2 == 0 ? "来源：统计局" : nil),
                                    categories: (0..<count).map { "类别\($0)·\(rng.next() % 97)" }, series: [series],
                                    valueAxisTitle: "亿元", totalFormatter: { "\($0)" })
            let job = ChartJob(id: "c\(n)", spec: .bar(spec), caption: "说明\(n)", source: "s", exportPreset: .report,
                               reportHeight: Double(160 + Int(rng.next() % 200)))
            let (group, height) = try job.layoutForReportSized(width: 300 + Double(rng.next() % 200), measurer: FixedTextMeasurer())
            let figure = ReportFigure(group: group, height: height, fullList: nil)
            let file = try ReportFigureCache.encode(figure, identity: "id\(n)")
            let back = try #require(ReportFigureCache.decode(file, identity: "id\(n)"))
            // The same figure is the same file every time.
            #expect(try ReportFigureCache.encode(back, identity: "id\(n)") == file)
            #expect(back.group == figure.group && back.height == figure.height && back.fullList == nil)
        }
    }

    @Test func aTableSurvivesTheFile() throws {
        let table = Table(id: "t", header: ["日期", "事件"], rows: [["2022年3月", "开工"], ["2022年", "竣工 ~ 预计"]],
                          alignments: [.left, .right], columnWeights: [1, 2.5], caption: "全部事件", source: "区政府")
        let figure = ReportFigure(group: Group([.rect(RectNode(Rect(x: 0, y: 0, width: 1, height: 2), fill: .black))]),
                                  height: 12.25, fullList: table)
        let back = try #require(ReportFigureCache.decode(try ReportFigureCache.encode(figure, identity: "k"), identity: "k"))
        #expect(back.fullList == table && back.group == figure.group && back.height == 12.25)
    }

    /// Every byte flipped, every cut, and another key: refused.
    @Test func damagedOrForeignFilesAreRefused() throws {
        let figure = ReportFigure(group: Group([.text(TextNode("标题", style: TextStyle(size: 12), at: Point(1, 2)))]), height: 30, fullList: nil)
        let file = try ReportFigureCache.encode(figure, identity: "key-a")
        #expect(ReportFigureCache.decode(file, identity: "key-a") != nil)
        #expect(ReportFigureCache.decode(file, identity: "key-b") == nil)
        for i in file.indices {
            var bad = file
            bad[i] ^= 0x20
            #expect(ReportFigureCache.decode(bad, identity: "key-a") == nil, "byte \(i)")
        }
        for n in 0..<file.count { #expect(ReportFigureCache.decode(Array(file.prefix(n)), identity: "key-a") == nil) }
    }

    /// A pack gives back each record under its identity, in any order; a cut pack keeps the
    /// records before the cut; another file's bytes give none.
    @Test func packRecordsReadBackAndACutKeepsWhatCameBefore() throws {
        var records: [(String, [UInt8])] = []
        for n in 0..<12 {
            let figure = ReportFigure(group: Group([.text(TextNode("标题\(n)", style: TextStyle(size: 12), at: Point(1, 2)))]),
                                      height: Double(n), fullList: nil)
            records.append(("id\(n)", try ReportFigureCache.encode(figure, identity: "id\(n)")))
        }
        let pack = ReportFigureCache.pack(records)
        let back = ReportFigureCache.records(pack)
        #expect(back.count == 12)
        for (identity, file) in records {
            #expect(back[identity].map(Array.init) == file)
            #expect(ReportFigureCache.decode(Array(back[identity]!), identity: identity) != nil)
        }
        for cut in stride(from: 0, to: pack.count, by: 7) {
            let some = ReportFigureCache.records(Array(pack.prefix(cut)))
            // Whole records only, and a prefix of the list.
            #expect(some.count <= 12)
            for (identity, file) in records.prefix(some.count) { #expect(some[identity].map(Array.init) == file, "cut \(cut)") }
        }
        #expect(ReportFigureCache.records(records[0].1).isEmpty)
    }

    /// The default report: a render keeps its five figures; after one cell changes, the rerun
    /// takes four from the folder (equal to laying them out), lays out the one the cell reaches,
    /// and writes every file a forced full run into an empty folder writes, byte for byte; a
    /// damaged kept figure is laid out again, with the same outputs.
    @Test func aRerunWithKeptFiguresWritesTheBytesOfAForcedRun() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rr-figures-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let template = root.appendingPathComponent("linping-annual")
        try FileManager.default.copyItem(at: Self.repo.appendingPathComponent("Templates/linping-annual"), to: template)
        let out = root.appendingPathComponent("out")
        let options = BuildOptions(template: template, outputRoot: out)
        _ = try ReportBuild.run(options)
        let folder = options.outputDirectory.appendingPathComponent(ReportFigureCache.folder)
        let pack = folder.appendingPathComponent(ReportFigureCache.packName)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [ReportFigureCache.packName])
        let firstNames = Set(ReportFigureCache.records([UInt8](try Data(contentsOf: pack))).keys)
        #expect(firstNames.count == 5, "\(firstNames)")

        try DefaultTemplateEdit.changeOneCell(in: template)

        // The kept figures of the unchanged charts are the figures laying out gives.
        let bound = TemplateLoader.load(template: template, data: nil)
        let fresh = bound.reportFigures(measurer: PangoTextMeasurer.shared)
        let cache = ReportFigureCache(root: options.outputDirectory,
                                      base: InputFingerprints(bound: bound, rawInputs: QuickCheck.key(options)).base, reads: true)
        var kept = 0
        for job in bound.charts {
            let identity = cache.identity(of: job, width: bound.reportColumnWidth)
            guard let figure = cache.load(identity) else { continue }
            kept += 1
            let other = try #require(fresh.figures[job.id])
            #expect(figure.group == other.group && figure.height == other.height && figure.fullList == other.fullList, "\(job.id)")
        }
        #expect(kept == 4)

        let second = try ReportBuild.run(options)
        #expect(second.chartsRendered == ["construction-projects"] && second.reportRendered)
        let secondRecords = ReportFigureCache.records([UInt8](try Data(contentsOf: pack)))
        #expect(secondRecords.count == 5 && Set(secondRecords.keys).intersection(firstNames).count == 4, "\(secondRecords.keys)")
        try expectSameOutputs(options.outputDirectory, forcedFrom: template, in: root.appendingPathComponent("fresh"))

        // A damaged kept figure: laid out again, the pack written again whole, the same outputs.
        var bytes = try [UInt8](Data(contentsOf: pack))
        let record = try #require(secondRecords.values.first)
        bytes[(record.startIndex + record.endIndex) / 2] ^= 0x55
        try Data(bytes).write(to: pack)
        try DefaultTemplateEdit.changeOneCell(in: template, back: true)
        _ = try ReportBuild.run(options)
        try expectSameOutputs(options.outputDirectory, forcedFrom: template, in: root.appendingPathComponent("fresh2"))
    }

    /// Every file of `folder` (kept figures included; CHANGES.md and the kept font subsets aside,
    /// which depend on the runs before) equals a forced run's into an empty folder.
    func expectSameOutputs(_ folder: URL, forcedFrom template: URL, in other: URL) throws {
        _ = try ReportBuild.run(BuildOptions(template: template, outputRoot: other, force: true))
        let fresh = other.appendingPathComponent(template.lastPathComponent)
        let a = try Self.files(folder), b = try Self.files(fresh)
        #expect(a.keys.sorted() == b.keys.sorted())
        for rel in a.keys.sorted() { #expect(a[rel] == b[rel], "\(rel) differs from a forced full run") }
    }

    static func files(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = dir.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)! {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            let rel = String(url.standardizedFileURL.path.dropFirst(base.count))
            if rel == "CHANGES.md" || rel.hasPrefix(".report-fonts/") || rel.hasSuffix(".lock") { continue }
            out[rel] = try Data(contentsOf: url)
        }
        return out
    }
}
