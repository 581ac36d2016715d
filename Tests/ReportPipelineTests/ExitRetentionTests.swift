import Foundation
@testable import ReportPipeline
import Testing

/// A library build frees what it allocated: retention is the CLI's alone (`ExitRetention.enable`).
@Suite struct ExitRetentionTests {
    @Test func aLibraryBuildKeepsNothing() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("exit-retention-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        defer { try? FileManager.default.removeItem(at: out) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let template = root.appendingPathComponent("Templates/linping-annual")
        let options = BuildOptions(template: template, outputRoot: out, formats: [.svg], force: true)
        let outcome = try ReportBuild.run(options)
        #expect(!outcome.chartsRendered.isEmpty)
        ExitRetention.keep("a value")
        #expect(ExitRetention.keptCount == 0)
    }
}
