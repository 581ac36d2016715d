import Foundation
import Testing
import ReportComposer
import ReportData
@testable import ReportPipeline

/// What a batch does once for all its units (report.yaml read and decoded once) must not change a
/// byte of any unit, and a run must hold no more per unit than its summary.
@Suite(.serialized) struct BatchSharingTests {
    typealias Copy = BatchBuildTests.Copy

    @Test func everyUnitSharesOnePreparedTemplate() throws {
        let copy = try Copy(); defer { copy.remove() }
        let plan = try BatchPlan.make(template: copy.template, data: nil, override: nil, sourceDateEpoch: nil).get()
        let prepared = try #require(try plan.scope(plan.units[0]).prepared)
        for unit in plan.units { #expect(try plan.scope(unit).prepared === prepared) }
        // Bound with the shared decode or reading report.yaml again: the same report.
        for unit in plan.units {
            var alone = try plan.scope(unit)
            alone.prepared = nil
            let shared = TemplateLoader.load(template: copy.template, scope: try plan.scope(unit))
            let own = TemplateLoader.load(template: copy.template, scope: alone)
            #expect(shared.diagnostics == own.diagnostics)
            #expect(shared.boundTexts == own.boundTexts)
            #expect(shared.info.title == own.info.title)
            #expect(shared.charts.map(\.caption) == own.charts.map(\.caption))
        }
    }

    /// Units of a batch run against the same unit built on its own (its own report.yaml read,
    /// nothing shared, one report at a time): identical files, byte for byte.
    @Test func sharedInputsGiveTheBytesOfAUnitBuiltAlone() throws {
        let copy = try Copy(); defer { copy.remove() }
        let outcome = try BatchBuild.run(copy.options)
        #expect(outcome.failed.isEmpty, "\(outcome.diagnosticLines)")
        let batch = copy.files()
        let plan = try BatchPlan.make(template: copy.template, data: nil, override: nil, sourceDateEpoch: nil).get()
        for unit in ["cuiwei", "yunxiu"] {
            var scope = try plan.scope(unit)
            scope.prepared = nil
            var build = BuildOptions(template: copy.template, outputRoot: copy.root.appendingPathComponent("alone"), formats: [.pdf])
            build.unit = UnitBuild(scope: scope, inputKey: plan.inputKey(unit, scope: scope))
            _ = try ReportBuild.run(build)
            let alone = Copy.files(in: build.outputDirectory)
            #expect(!alone.isEmpty)
            for (rel, bytes) in alone { #expect(batch[unit + "/" + rel] == bytes, "\(unit)/\(rel)") }
            #expect(Set(batch.keys.filter { $0.hasPrefix(unit + "/") }) == Set(alone.keys.map { unit + "/" + $0 }))
        }
    }

    /// Memory bounded whatever the count: what a run keeps per unit is its id, whether it
    /// rendered, and its messages — never its scene, bytes, bound template or change list.
    @Test func aRunKeepsOnlyASummaryPerUnit() throws {
        let copy = try Copy(); defer { copy.remove() }
        let outcome = try BatchBuild.run(copy.options)
        #expect(outcome.results.count == BatchBuildTests.units.count)
        let heavy = ["BuildOutcome", "BoundTemplate", "Page", "Group", "Document", "ChangeSummary", "Array<UInt8>", "Data"]
        for result in outcome.results {
            let types = Self.typeNames(result)
            for name in heavy { #expect(!types.contains(name), "\(result.unit) keeps a \(name)") }
        }
    }

    /// The plan keeps where each unit's rows are, not their text: every split reads back from its
    /// file, holds one run per unit (the example's rows are grouped by town) and no more bytes than
    /// the header; a file changed after the plan was made fails the unit instead of mixing versions.
    @Test func thePlanHoldsRowRangesNotText() throws {
        let copy = try Copy(); defer { copy.remove() }
        let plan = try BatchPlan.make(template: copy.template, data: nil, override: nil, sourceDateEpoch: nil).get()
        #expect(plan.splits.count >= 2)
        for (name, split) in plan.splits {
            #expect(split.readsFromFile, "\(name) keeps its bytes")
            #expect(split.runCount == split.keys.count, "\(name)")
            #expect(split.keys.allSatisfy { plan.units.contains($0) })
            let text = try copy.csv(name)
            #expect(split.headerBytes < text.utf8.count / 4, "\(name)")
        }
        let before = try plan.scope("yunxiu")
        _ = try copy.setCell("figures", row: "yunxiu,", column: 3, to: "7")
        #expect(throws: CSVSplit.ReadError.self) { try plan.scope("yunxiu") }
        #expect(before.subsets["figures"]?.hasRows == true)
    }

    /// At most one unit per core is in flight, and every unit is taken exactly once.
    @Test func unitsRunOnAFixedPool() {
        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var running = 0, most = 0
            var seen: [Int] = []
        }
        let tally = Tally()
        BatchBuild.parallel(500) { i in
            tally.lock.withLock { tally.running += 1; tally.most = max(tally.most, tally.running) }
            var x = 0
            for k in 0..<1_000 { x &+= k * i }
            tally.lock.withLock { tally.running -= 1; tally.seen.append(i + (x & 0)) }
        }
        #expect(tally.most <= ProcessInfo.processInfo.activeProcessorCount)
        #expect(tally.seen.sorted() == Array(0..<500))
    }

    /// Names of the types of a value and everything it holds.
    static func typeNames(_ value: Any) -> Set<String> {
        var out: Set<String> = []
        func walk(_ v: Any, depth: Int) {
            out.insert(String(describing: type(of: v)))
            guard depth < 12 else { return }
            for child in Mirror(reflecting: v).children { walk(child.value, depth: depth + 1) }
        }
        walk(value, depth: 0)
        return out
    }
}
