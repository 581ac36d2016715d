import Foundation
import Testing
@testable import ReportCLI
import ReportPipeline

/// `report render`'s plain command lines skip ArgumentParser (`FastRenderArguments`): every line
/// the fast path takes must be one ArgumentParser parses to the same build, and the usual lines
/// must be taken.
@Suite struct FastRenderArgumentsTests {
    struct Build: Equatable {
        var template: URL, data: URL?, outputRoot: URL, formats: Set<OutputFormat>, force: Bool, durable: Bool
        var epoch: Int64?, quiet: Bool
        init(_ o: BuildOptions, quiet: Bool) {
            template = o.template; data = o.data; outputRoot = o.outputRoot; formats = o.formats
            force = o.force; durable = o.durable; epoch = o.sourceDateEpoch; self.quiet = quiet
        }
    }

    /// ArgumentParser's reading of `report <args>`: the build, or nil when it is no plain render
    /// (another command, an error, help, a batch or watch option).
    static func parsed(_ args: [String]) -> Build? {
        guard let command = try? ReportCommand.parseAsRoot(Array(args.dropFirst())) as? RenderCommand,
              !command.watch, command.each == nil, command.shard == nil, command.shardCount == nil,
              let options = try? command.options() else { return nil }
        return Build(options, quiet: command.quiet)
    }

    static func fast(_ args: [String]) -> Build? {
        FastRenderArguments(args).map { f in (try? f.options()).map { Build($0, quiet: f.quiet) } } ?? nil
    }

    @Test func theUsualLinesAreTakenAsArgumentParserReadsThem() {
        let lines: [[String]] = [
            ["render"], ["render", "-q"], ["render", "Templates/linping-annual"],
            ["render", "w1", "--out", "o", "--force", "--format", "svg", "-q"],
            ["render", "--out=o", "t", "--data", "d", "--format=pdf,png", "--quiet", "--durable"],
            ["render", "--force", "./a/../b/", "--format", " SVG ,\tpdf"],
        ]
        for line in lines {
            let args = ["report"] + line
            #expect(Self.fast(args) != nil, "\(line) not taken")
            #expect(Self.fast(args) == Self.parsed(args), "\(line)")
        }
        for line in [["check"], ["render", "--watch"], ["render", "--help"], ["render", "-q", "-q"], ["render", "a", "b"],
                     ["render", "--format", "gif"], ["render", "--out"], ["render", "--each", "x"], ["render", "--force=1"]] {
            #expect(FastRenderArguments(["report"] + line) == nil, "\(line) taken")
        }
    }

    /// Random lines from a vocabulary of values, options (known, unknown, repeated, `=` forms,
    /// values that look like options) and commands: whatever the fast path takes, ArgumentParser
    /// reads the same way.
    @Test func everyLineTakenIsReadAlike() {
        let paths = ["Templates/linping-annual", "a/b", "./x/../y/", "tpl 1", "报告", "/tmp/t", "render", "."]
        let flags = ["--force", "--durable", "-q", "--quiet", "--watch", "-h", "--help", "-f", "--forced", "--", "-qq",
                     "--force=1", "--out=", "--format=-x", "--out=o", "--format=svg", "--data=d", "-o", "--version"]
        let options = ["--out", "--data", "--format", "--each", "--shard", "--shard-count"]
        let values = ["Output", "o/p", "svg", "pdf,png", " SVG ,\tpdf", "PNG", "bogus", "svg,", ",", "-x", "", "3", "1/2", "bars"]
        var rng = SystemRandomNumberGenerator()
        var taken = 0
        let count = 2_000
        for _ in 0..<count {
            var args = ["report", Int.random(in: 0..<20, using: &rng) == 0 ? "check" : "render"]
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: args.append(paths.randomElement(using: &rng)!)
                case 1: args.append(flags.randomElement(using: &rng)!)
                default:
                    args.append(options.randomElement(using: &rng)!)
                    if Int.random(in: 0..<8, using: &rng) > 0 { args.append(values.randomElement(using: &rng)!) }
                }
            }
            guard let fast = Self.fast(args) else { continue }
            taken += 1
            #expect(fast == Self.parsed(args), "\(args)")
        }
        // The generator reaches the fast path often enough to mean something.
        #expect(taken > count / 20, "\(taken) of \(count)")
    }
}
