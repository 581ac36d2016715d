import Foundation
import Testing

/// Issue 7: after one cell changes, a run re-renders only what shows it, tells what changed,
/// and writes the same bytes a forced full run writes.
@Suite struct IncrementalTests {
    /// Render, edit 村级集体经营性收入 6.78 → 7.10, render again; then a forced run of the edited
    /// template in another folder. Shared by the tests below (each reads it only).
    struct Scenario: Sendable {
        var first: ReportBinary.Result
        var second: ReportBinary.Result
        var forced: ReportBinary.Result
        var before: OutputSnapshot
        var after: OutputSnapshot
        var forcedOutputs: OutputSnapshot
        var changes: String
        /// A third run with nothing changed.
        var noop: ReportBinary.Result
        var afterNoop: OutputSnapshot
    }

    static let scenario: Result<Scenario, ScenarioError> = {
        do {
            let copy = try TemplateCopy()
            let out = copy.root.file("out"), other = copy.root.file("other")
            let first = try ReportBinary.run(["render", copy.template.path, "--out", out.path])
            let before = OutputSnapshot(copy.outputs(in: out))
            try copy.setCell(dataset: "figures", id: "village_income_total", column: "value", to: "7.10")
            let second = try ReportBinary.run(["render", copy.template.path, "--out", out.path])
            let after = OutputSnapshot(copy.outputs(in: out))
            let forced = try ReportBinary.run(["render", copy.template.path, "--out", other.path, "--force"])
            let changes = (try? String(contentsOf: copy.outputs(in: out).appendingPathComponent("CHANGES.md"), encoding: .utf8)) ?? ""
            let noop = try ReportBinary.run(["render", copy.template.path, "--out", out.path])
            return .success(Scenario(first: first, second: second, forced: forced, before: before, after: after,
                                     forcedOutputs: OutputSnapshot(copy.outputs(in: other)), changes: changes,
                                     noop: noop, afterNoop: OutputSnapshot(copy.outputs(in: out))))
        } catch {
            return .failure(ScenarioError(description: "\(error)"))
        }
    }()
    struct ScenarioError: Error, CustomStringConvertible { var description: String }

    @Test func onlyTheChartShowingTheCellIsRendered() throws {
        let s = try Self.scenario.get()
        #expect(s.first.status == 0 && s.second.status == 0, "\(s.first.all)\(s.second.all)")
        // "N charts up to date, M rendered; report.pdf rendered"
        let summary = try #require(s.second.stdout.split(separator: "\n").last.map(String.init))
        let numbers = summary.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(numbers.count >= 2)
        #expect(numbers.first == 4 && numbers.dropFirst().first == 1, "\(summary)")
        #expect(summary.hasSuffix("report.pdf rendered"))

        // The village-income chart shows the total (and the 2020 value derived from it); no other
        // chart reads it, so only its files, the report and the bookkeeping are rewritten.
        let figures = { (path: String) in path.hasPrefix(".report-figures/") }
        let rewritten = s.after.touched(since: s.before).filter { !figures($0) }
        let expected: Set<String> = ["charts/village-income.pdf", "charts/village-income.png", "charts/village-income.svg",
                                     "report.pdf", "manifest.json", "CHANGES.md"]
        #expect(rewritten == expected, "rewritten: \(rewritten.sorted())")
        #expect(s.after.changed(from: s.before).filter { !figures($0) } == expected)
        // The kept report figures are one pack, written again with the chart's new figure
        // (which records stay byte for byte: ReportFigureCacheTests).
        let keptBefore = s.before.files.keys.filter(figures), keptAfter = s.after.files.keys.filter(figures)
        #expect(keptBefore == [".report-figures/figures.pack"] && keptAfter == keptBefore, "\(keptBefore.sorted()) \(keptAfter.sorted())")
        #expect(s.after.changed(from: s.before).contains(".report-figures/figures.pack"))
    }

    @Test func incrementalBytesEqualAForcedRun() throws {
        let s = try Self.scenario.get()
        #expect(s.forced.status == 0, "\(s.forced.all)")
        #expect(s.forced.stdout.contains("0 charts up to date, 5 rendered; report.pdf rendered"))
        var incremental = s.after.hashes, forced = s.forcedOutputs.hashes
        // CHANGES.md compares with the previous run, which only the incremental folder had.
        incremental["CHANGES.md"] = nil; forced["CHANGES.md"] = nil
        // Kept font subsets are a cache, not outputs: the incremental folder's still hold the
        // first run's glyphs too (KeptFontSubsetTests proves the outputs do not depend on them).
        incremental = incremental.filter { !$0.key.hasPrefix(".report-fonts/") }
        forced = forced.filter { !$0.key.hasPrefix(".report-fonts/") }
        #expect(incremental.keys.sorted() == forced.keys.sorted())
        for key in incremental.keys.sorted() { #expect(incremental[key] == forced[key], "\(key) differs") }
    }

    @Test func changeSummaryNamesTheEditedValue() throws {
        let s = try Self.scenario.get()
        let lines = s.second.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("村级集体经营性收入: 6.78亿元 → 7.1亿元"), "\(s.second.stdout)")
        // Values derived from it change too, and nothing else does.
        #expect(lines.contains { $0.hasPrefix("2020年村级集体经营性收入") })
        #expect(!lines.contains { $0.contains("村均集体经营性收入") })
        #expect(s.changes.contains("| 村级集体经营性收入 | 6.78亿元 | 7.1亿元 |"), "\(s.changes)")
        #expect(s.changes.hasPrefix("# 临平区2022年发展报告: 数据变更"))
        // The first run had nothing to compare with.
        #expect(!s.first.stdout.contains("→"))
    }

    @Test func runWithNothingChangedWritesNothing() throws {
        let s = try Self.scenario.get()
        #expect(s.noop.status == 0, "\(s.noop.all)")
        #expect(s.noop.stdout == "5 charts up to date, 0 rendered; report.pdf up to date\n")
        #expect(s.afterNoop == s.after, "rewritten: \(s.afterNoop.touched(since: s.after).sorted())")
    }
}
