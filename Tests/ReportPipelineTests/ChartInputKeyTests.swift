import Foundation
import Testing
import ReportCharts
import ReportComposer
import ReportRender
import ReportScene
@testable import ReportPipeline

/// The per-chart input key: equal for equal bindings in any process, different when anything the
/// layout reads differs, and a rerun that skips the charts it proves current writes the bytes a
/// forced full run writes.
@Suite struct ChartInputKeyTests {
    static func job(values: [Double], highlighted: [Int] = [], caption: String = "c", id: String = "a") -> ChartJob {
        var set = Set<Int>()
        for i in highlighted { set.insert(i) }
        let series = BarSeries(name: "s", values: values, labels: values.map { "\($0)亿元" }, highlighted: set)
        let spec = BarChartSpec(notes: ChartNotes(title: "t"), categories: values.indices.map { "类\($0)" }, series: [series],
                                valueAxisTitle: "亿元", totalFormatter: { "\($0)" })
        return ChartJob(id: id, spec: .bar(spec), caption: caption, source: "s", exportPreset: .slide, reportHeight: 280)
    }

    @Test func equalBindingsHaveEqualKeysWhateverTheSetOrder() throws {
        var rng = Mix(state: 17)
        for _ in 0..<300 {
            let n = Int(rng.next() % 12) + 1
            let values = (0..<n).map { _ in Double(rng.next() % 1000) / 10 }
            let marked = (0..<n).filter { _ in rng.next() % 2 == 0 }
            // The same set built in two orders (a Set's iteration order is not its insertion order).
            let a = ChartInputKey.of(Self.job(values: values, highlighted: marked))
            let b = ChartInputKey.of(Self.job(values: values, highlighted: marked.reversed()))
            #expect(a == b)
            // Any one value, caption or highlight changed: another key.
            var other = values
            let i = Int(rng.next() % UInt64(n))
            other[i] += 0.1
            #expect(ChartInputKey.of(Self.job(values: other, highlighted: marked)) != a)
            #expect(ChartInputKey.of(Self.job(values: values, highlighted: marked, caption: "d")) != a)
            let flipped = marked.contains(i) ? marked.filter { $0 != i } : marked + [i]
            #expect(ChartInputKey.of(Self.job(values: values, highlighted: flipped)) != a)
        }
    }

    /// Every conformance names each stored property of its type, in declaration order (written,
    /// or skipped on purpose): a property added to a spec without its line in `ChartSpecKeys`
    /// fails here, not as a stale chart.
    @Test func everyStoredPropertyIsInTheKey() {
        var rng = Mix(state: 5)
        let bar = RandomJobs.bar(&rng), timeline = RandomJobs.timeline(&rng)
        guard case .bar(let b) = bar.spec, case .timeline(let t) = timeline.spec else { Issue.record("kinds"); return }
        let event = t.events[0]
        let samples: [(Any, (inout KeyEncoder) -> Void)] = [
            (bar, bar.encodeKey), (timeline, timeline.encodeKey), (b, b.encodeKey), (b.series[0], b.series[0].encodeKey),
            (BarReferenceLine(value: 1, label: "x"), BarReferenceLine(value: 1, label: "x").encodeKey),
            (UnitScale(divisor: 1e4, unit: "万元"), UnitScale(divisor: 1e4, unit: "万元").encodeKey),
            (b.notes, b.notes.encodeKey), (t, t.encodeKey), (event, event.encodeKey), (event.date, event.date.encodeKey),
            (TimelineDomain(start: event.date, end: event.date), TimelineDomain(start: event.date, end: event.date).encodeKey),
            (bar.exportPreset, bar.exportPreset.encodeKey), (bar.exportPreset.theme, bar.exportPreset.theme.encodeKey),
            (Size(1, 2), Size(1, 2).encodeKey), (Color.white, Color.white.encodeKey),
            (ReportInfo(title: "t", keywords: ["k"]), ReportInfo(title: "t", keywords: ["k"]).encodeKey),
        ]
        for (value, encode) in samples {
            var k = KeyEncoder(tracing: true)
            encode(&k)
            let stored = Mirror(reflecting: value).children.map { $0.label ?? "?" }
            #expect(k.topLevelLabels == stored, "\(type(of: value))")
        }
    }

    /// Random bar charts and timelines, one field changed at a time (every field of every type the
    /// key covers): the key changes exactly when the value changes, as the reflection walk over
    /// all stored properties sees it, and equal jobs built apart have equal keys.
    @Test func theKeyChangesExactlyWhenAFieldDoes() {
        var rng = Mix(state: 2026)
        var changed = 0, total = 0
        for round in 0..<2_000 {
            let job = round % 2 == 0 ? RandomJobs.bar(&rng) : RandomJobs.timeline(&rng)
            let seed = rng.state
            var again = Mix(state: seed), twice = Mix(state: seed)
            let a = RandomJobs.mutated(job, &again), b = RandomJobs.mutated(job, &twice)
            #expect(ChartInputKey.of(a) == ChartInputKey.of(b), "equal jobs, different keys")
            let differs = ReflectionWalk.bytes(of: job) != ReflectionWalk.bytes(of: a)
            let keyDiffers = ChartInputKey.of(job) != ChartInputKey.of(a)
            #expect(differs == keyDiffers, "round \(round): fields differ \(differs), key differs \(keyDiffers)")
            if differs { changed += 1 }
            total += 1
            rng = again
        }
        // The mutations do change something most of the time (the test is not vacuous).
        #expect(changed * 10 > total * 8, "\(changed) of \(total)")
    }

    /// Where the chart is defined is not part of its key: an edit above it in report.yaml leaves
    /// its files current (a build with errors writes nothing, so the position never reaches a file).
    @Test func positionsAreNotPartOfTheKey() {
        var rng = Mix(state: 9)
        var job = RandomJobs.bar(&rng)
        let key = ChartInputKey.of(job)
        job.position = SourcePosition(file: "/x/report.yaml", line: 40, column: 3)
        job.reportHeightPosition = SourcePosition(file: "/x/report.yaml", line: 44, column: 5)
        #expect(ChartInputKey.of(job) == key)
    }

    /// The default report: after one cell of counts_by_category.csv changes, the four charts that
    /// do not show it are proven current from their inputs alone (not laid out), and every file
    /// equals a forced full run's, byte for byte.
    @Test func aRerunSkipsChartsTheEditDoesNotReach() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rr-input-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let template = root.appendingPathComponent("linping-annual")
        try FileManager.default.copyItem(at: repo.appendingPathComponent("Templates/linping-annual"), to: template)
        let out = root.appendingPathComponent("out"), fresh = root.appendingPathComponent("fresh")
        let options = BuildOptions(template: template, outputRoot: out)
        let first = try ReportBuild.run(options)
        #expect(first.chartsRendered.count == 5, "\(first.diagnostics)")

        try DefaultTemplateEdit.changeOneCell(in: template)

        let bound = TemplateLoader.load(template: template, data: nil)
        let keys = ReportBuild.chartInputKeys(bound, formats: options.formats)
        #expect(keys.count == 5)
        let manifest = try #require(BuildManifest.bytes(in: options.outputDirectory).flatMap(ManifestReader.decode))
        let current = ReportBuild.upToDateCharts(bound, options: options, keys: keys,
                                                 fingerprints: InputFingerprints(bound: bound, rawInputs: QuickCheck.key(options)),
                                                 manifest: manifest)
        let all = Set(bound.charts.map(\.id))
        #expect(current.count == 4 && !current.contains("construction-projects") && current.isSubset(of: all), "\(current)")

        let second = try ReportBuild.run(options)
        #expect(second.chartsRendered == ["construction-projects"] && second.reportRendered)
        #expect(Set(second.chartsUpToDate) == current)
        _ = try ReportBuild.run(BuildOptions(template: template, outputRoot: fresh, force: true))
        let a = options.outputDirectory, b = fresh.appendingPathComponent(template.lastPathComponent)
        let files = ["report.pdf", "manifest.json"] + all.sorted().flatMap { id in ["pdf", "svg", "png"].map { "charts/\(id).\($0)" } }
        for rel in files {
            let x = try Data(contentsOf: a.appendingPathComponent(rel)), y = try Data(contentsOf: b.appendingPathComponent(rel))
            #expect(x == y, "\(rel) differs from a forced full run")
        }
    }
}

/// A small seeded generator (splitmix64), so the test needs no shared support target.
struct Mix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The report's figures laid out on every core are the figures (and problems) of the serial check.
@Suite struct ParallelReportFiguresTests {
    @Test func sameFiguresAsTheSerialCheck() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let bound = TemplateLoader.load(template: repo.appendingPathComponent("Templates/linping-annual"), data: nil)
        var serial: [String: ReportFigure] = [:]
        let serialProblems = bound.verifyCharts(measurer: PangoTextMeasurer.shared, presets: [], figures: &serial)
        let parallel = bound.reportFigures(measurer: PangoTextMeasurer.shared)
        #expect(parallel.problems == serialProblems)
        #expect(parallel.figures.keys.sorted() == serial.keys.sorted() && serial.count == bound.charts.count)
        for (id, figure) in serial {
            let other = try #require(parallel.figures[id])
            #expect(other.height == figure.height)
            #expect(SceneHash.hex(of: Page(size: Size(481, other.height), root: other.group))
                    == SceneHash.hex(of: Page(size: Size(481, figure.height), root: figure.group)), "\(id)")
        }
    }
}

/// The build's shared keys: whichever threads ask, in whatever order, each gets the key
/// `ChartInputKey.of` gives.
@Suite struct ChartKeyOnceTests {
    @Test func concurrentAsksGetTheKeysOfTheCharts() {
        var rng = Mix(state: 41)
        let jobs = (0..<24).map { i in
            ChartInputKeyTests.job(values: (0..<Int(rng.next() % 6 + 1)).map { _ in Double(rng.next() % 100) }, id: "c\(i)")
        }
        let expected = jobs.map { ChartInputKey.of($0) }
        for round in 0..<20 {
            let once = ChartKeyOnce()
            let got = Slots(count: 4)
            DispatchQueue.concurrentPerform(iterations: 4) { t in
                // Two threads in order, two backwards, as the build's two sides and more.
                let order = t % 2 == 0 ? Array(jobs.indices) : jobs.indices.reversed()
                var keys = [String](repeating: "", count: jobs.count)
                for i in order { keys[i] = once.key(jobs[i]) }
                got.set(t, keys)
            }
            for keys in got.all { #expect(keys == expected, "round \(round)") }
        }
    }

    final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [[String]]
        init(count: Int) { slots = Array(repeating: [], count: count) }
        func set(_ i: Int, _ v: [String]) { lock.lock(); slots[i] = v; lock.unlock() }
        var all: [[String]] { lock.lock(); defer { lock.unlock() }; return slots }
    }
}
