import Foundation
import Testing
@testable import ReportPipeline

@Suite struct QuickCheckTests {
    func template() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rr-quick-\(UUID().uuidString)/t")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data("report: {title: t}\n".utf8).write(to: dir.appendingPathComponent("report.yaml"))
        try Data("id,value\na,1\n".utf8).write(to: dir.appendingPathComponent("data/x.csv"))
        return dir
    }

    @Test func keyFollowsContentNotTimestampsOrFormats() throws {
        let dir = try template()
        let options = BuildOptions(template: dir, outputRoot: dir.appendingPathComponent("out"))
        let k1 = QuickCheck.key(options)
        // Same bytes written again: a new mtime, the same key.
        try Data("id,value\na,1\n".utf8).write(to: dir.appendingPathComponent("data/x.csv"))
        #expect(QuickCheck.key(options) == k1)
        var svgOnly = options
        svgOnly.formats = [.svg]
        #expect(QuickCheck.key(svgOnly) == k1)
        try Data("id,value\na,2\n".utf8).write(to: dir.appendingPathComponent("data/x.csv"))
        #expect(QuickCheck.key(options) != k1)
        var dated = options
        dated.sourceDateEpoch = 1
        #expect(QuickCheck.key(dated) != QuickCheck.key(options))
    }

    @Test func aChartMissingARequestedFormatIsNotUpToDate() throws {
        let dir = try template()
        let out = dir.appendingPathComponent("out")
        try AtomicFile.write(Array("<svg/>".utf8), to: out.appendingPathComponent("charts/a.svg"))
        var m = BuildManifest(tool: "t")
        m.outputs["charts/a.svg"] = .init(inputs: "k", output: Fingerprint.of(file: out.appendingPathComponent("charts/a.svg"))!)
        m.fontFiles = [:]
        var options = BuildOptions(template: dir, outputRoot: dir, formats: [.svg])
        let key = QuickCheck.key(options)
        m.quickKey = key
        #expect(QuickCheck.isUpToDate(options, manifest: m, key: key, in: out))
        options.formats = [.svg, .png]
        #expect(!QuickCheck.isUpToDate(options, manifest: m, key: key, in: out))
        options.formats = [.svg]
        options.force = true
        #expect(!QuickCheck.isUpToDate(options, manifest: m, key: key, in: out))
    }
}
