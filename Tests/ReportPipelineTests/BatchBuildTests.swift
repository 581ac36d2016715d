import Foundation
import Testing
import ReportComposer
import ReportData
@testable import ReportPipeline

/// The batch layer over the single-report build, in process (real Pango and Cairo), on a copy of
/// Templates/batch-example rendered as PDF only.
@Suite(.serialized) struct BatchBuildTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Templates/batch-example")

    /// A scratch copy of the example template with an output root beside it.
    struct Copy {
        let root: URL
        var template: URL { root.appendingPathComponent("batch-example") }
        var out: URL { root.appendingPathComponent("out") }
        var dir: URL { out.appendingPathComponent("batch-example") }
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("rr-batch-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: BatchBuildTests.example, to: template)
        }
        var options: BatchOptions {
            BatchOptions(build: BuildOptions(template: template, outputRoot: out, formats: [.pdf]))
        }
        func csv(_ name: String) throws -> String {
            try String(contentsOf: template.appendingPathComponent("data/\(name).csv"), encoding: .utf8)
        }
        func setCSV(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: template.appendingPathComponent("data/\(name).csv"))
        }
        /// Replaces one cell of the row starting with `prefix` (e.g. "yunxiu,income_2023,").
        func setCell(_ name: String, row prefix: String, column: Int, to value: String) throws -> Int {
            var lines = try csv(name).components(separatedBy: "\n")
            let i = try #require(lines.firstIndex { $0.hasPrefix(prefix) })
            var cells = lines[i].components(separatedBy: ",")
            cells[column] = value
            lines[i] = cells.joined(separator: ",")
            try setCSV(name, lines.joined(separator: "\n"))
            return i + 1
        }
        /// Relative path → bytes of every file below the output folder.
        func files() -> [String: Data] {
            var out: [String: Data] = [:]
            let base = dir.standardizedFileURL.path + "/"
            guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
            for case let url as URL in e where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                out[String(url.standardizedFileURL.path.dropFirst(base.count))] = try? Data(contentsOf: url)
            }
            return out
        }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let units = ["baiheng", "cuiwei", "mingyue", "qingluan", "songlan", "yunxiu"]

    /// Each unit's bound text quotes its own rows and nobody else's: the 2023 income of every
    /// town is distinct in the sample data, so each appears in exactly one unit's prose.
    @Test func unitsAreBoundToTheirOwnRows() throws {
        let copy = try Copy(); defer { copy.remove() }
        let plan = try BatchPlan.make(template: copy.template, data: nil, override: nil, sourceDateEpoch: nil).get()
        #expect(plan.units == Self.units)
        let figures = try copy.csv("figures").split(separator: "\n").map { $0.components(separatedBy: ",") }
        let towns = try copy.csv("towns").split(separator: "\n").dropFirst().map { $0.components(separatedBy: ",") }
        for unit in plan.units {
            let bound = ReportComposer.TemplateLoader.load(template: copy.template, scope: try plan.scope(unit))
            #expect(!bound.hasErrors, "\(bound.diagnostics)")
            let name = try #require(towns.first { $0[0] == unit }?[1])
            #expect(bound.info.title.hasPrefix(name), "\(bound.info.title)")
            // Without invisible format characters (a word joiner keeps a number with its unit).
            let prose = String(String.UnicodeScalarView(bound.boundTexts.values.joined(separator: "\n").unicodeScalars
                .filter { $0.properties.generalCategory != .format }))
            for row in figures where row[1] == "income_2023" {
                // As the source wrote it; a whole number may drop its ".0" (777.0 reads 777万元).
                let forms = [row[4], row[4].hasSuffix(".0") ? String(row[4].dropLast(2)) : row[4]].map { $0 + "万元" }
                #expect(forms.contains { prose.contains($0) } == (row[0] == unit), "\(unit): \(forms)")
            }
            #expect(bound.catalog.datasets["figures"]?.records.count == 6)
            #expect(bound.catalog.datasets["towns"]?.records.map(\.id) == [unit])
            // The shared dataset is whole.
            #expect(bound.catalog.datasets["district"]?.records.count == 2)
            #expect(bound.charts.first { $0.id == "income" }?.caption == "\(name)村级集体经营性收入")
        }
    }

    @Test func oneChangedCellRendersOneUnit() throws {
        let copy = try Copy(); defer { copy.remove() }
        let first = try BatchBuild.run(copy.options)
        #expect(first.results.count == 6 && first.results.allSatisfy(\.rendered), "\(first.diagnosticLines)")
        #expect(first.index == .written)
        let before = copy.files()
        #expect(before.keys.contains("yunxiu/report.pdf") && before.keys.contains("index.csv"))

        let noop = try BatchBuild.run(copy.options)
        #expect(noop.results.filter(\.rendered).isEmpty && noop.index == .unchanged)
        #expect(copy.files() == before)

        _ = try copy.setCell("figures", row: "cuiwei,income_2023,", column: 4, to: "2000.5")
        let second = try BatchBuild.run(copy.options)
        #expect(second.results.filter(\.rendered).map(\.unit) == ["cuiwei"], "\(second.summaryLine)")
        let after = copy.files()
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(changed == ["cuiwei/report.pdf", "cuiwei/charts/income.pdf", "cuiwei/manifest.json", "cuiwei/CHANGES.md", "index.csv"],
                "\(changed.sorted())")
        // The incremental result equals a fresh forced run of the edited data.
        var forced = copy.options
        forced.build.outputRoot = copy.root.appendingPathComponent("forced")
        forced.build.force = true
        _ = try BatchBuild.run(forced)
        let fresh = Copy.files(in: forced.outputDirectory)
        #expect(fresh.keys.sorted() == after.keys.sorted())
        // CHANGES.md differs by design: the incremental run names the value that changed.
        for (k, v) in after where !k.hasSuffix("CHANGES.md") { #expect(fresh[k] == v, "\(k)") }
    }

    /// index.csv lists every unit's files with their SHA-256, in unit then file order.
    @Test func indexListsEveryFileWithItsHash() throws {
        let copy = try Copy(); defer { copy.remove() }
        _ = try BatchBuild.run(copy.options)
        let index = try String(contentsOf: copy.dir.appendingPathComponent("index.csv"), encoding: .utf8)
        let rows = index.split(separator: "\n").map { $0.components(separatedBy: ",") }
        #expect(rows.first == ["unit", "status", "file", "sha256"])
        let body = rows.dropFirst()
        #expect(body.count == 6 * 4)
        #expect(body.map { $0[2] } == body.map { $0[2] }.sorted())
        for row in body {
            #expect(row[1] == "ok")
            #expect(row[2].hasPrefix(row[0] + "/"))
            #expect(Fingerprint.of(file: copy.dir.appendingPathComponent(row[2])) == row[3], "\(row)")
        }
    }

    @Test func aBadUnitFailsAloneAtItsCell() throws {
        let copy = try Copy(); defer { copy.remove() }
        _ = try BatchBuild.run(copy.options)
        let before = copy.files()
        let line = try copy.setCell("figures", row: "mingyue,roads,", column: 4, to: "二十")
        _ = try copy.setCell("figures", row: "yunxiu,income_2023,", column: 4, to: "1700")
        let outcome = try BatchBuild.run(copy.options)
        #expect(outcome.failed.map(\.unit) == ["mingyue"])
        #expect(outcome.results.filter(\.rendered).map(\.unit) == ["yunxiu"])
        let diag = try #require(outcome.diagnosticLines.first)
        #expect(diag.hasSuffix("data/figures.csv:\(line):5: error: \"二十\" is not a number (column value, unit 公里)")
                || diag.contains("data/figures.csv:\(line):5: error:"), "\(diag)")
        #expect(outcome.failureLine?.hasPrefix("1 of 6 units failed: mingyue") == true)
        let after = copy.files()
        // The bad unit's earlier files are untouched; the index marks them failed.
        for (k, v) in before where k.hasPrefix("mingyue/") { #expect(after[k] == v, "\(k)") }
        let index = try String(contentsOf: copy.dir.appendingPathComponent("index.csv"), encoding: .utf8)
        #expect(index.contains("mingyue,failed,mingyue/report.pdf,"))
        #expect(!index.contains("yunxiu,failed"))
    }

    /// A mistake that is no single unit's stops the batch before anything is written.
    @Test func batchMistakesStopEverythingWithTheirPosition() throws {
        let copy = try Copy(); defer { copy.remove() }
        let towns = try copy.csv("towns")
        try copy.setCSV("towns", towns + "../up,越界镇,镇,3\n")
        #expect(throws: BuildFailure.self) { try BatchBuild.run(copy.options) }
        let diags = BatchBuild.check(template: copy.template, data: nil)
        #expect(diags.map(\.description).contains { $0.contains("data/towns.csv:8:1: error: unit id \"../up\" cannot name a folder") },
                "\(diags)")
        try copy.setCSV("towns", towns)
        let figures = try copy.csv("figures")
        try copy.setCSV("figures", figures + "nowhere,x,经济,收入,1,万元,,2023\n")
        let unknown = BatchBuild.check(template: copy.template, data: nil)
        #expect(unknown.map(\.description).contains { $0.hasSuffix("data/figures.csv:38:1: error: town 'nowhere' is not a unit: towns.csv has no row with this id") },
                "\(unknown)")
        #expect(throws: BuildFailure.self) { try BatchBuild.run(copy.options) }
        #expect(!FileManager.default.fileExists(atPath: copy.dir.path))
    }

    /// A unit removed from the data loses its folder (it describes nothing any more).
    @Test func aRemovedUnitsFolderIsRemoved() throws {
        let copy = try Copy(); defer { copy.remove() }
        _ = try BatchBuild.run(copy.options)
        let towns = try copy.csv("towns").split(separator: "\n").filter { !$0.hasPrefix("songlan,") }
        try copy.setCSV("towns", towns.joined(separator: "\n") + "\n")
        try copy.setCSV("figures", try copy.csv("figures").split(separator: "\n").filter { !$0.hasPrefix("songlan,") }.joined(separator: "\n") + "\n")
        try copy.setCSV("events", try copy.csv("events").split(separator: "\n").filter { !$0.hasPrefix("songlan,") }.joined(separator: "\n") + "\n")
        let outcome = try BatchBuild.run(copy.options)
        #expect(outcome.removed == ["songlan"])
        #expect(outcome.results.filter(\.rendered).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: copy.dir.appendingPathComponent("songlan").path))
    }
}

extension BatchBuildTests.Copy {
    static func files(in dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let base = dir.standardizedFileURL.path + "/"
        guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in e where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            out[String(url.standardizedFileURL.path.dropFirst(base.count))] = try? Data(contentsOf: url)
        }
        return out
    }
}
