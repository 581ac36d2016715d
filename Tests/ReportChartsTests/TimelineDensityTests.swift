import Synchronization
import Testing
import ReportScene
@testable import ReportCharts

/// Counts measurements per distinct request, to prove the layout shapes each string once.
private final class CountingMeasurer: TextMeasurer {
    private let inner = FixedTextMeasurer()
    private let recorded = Mutex<[String: Int]>([:])
    var counts: [String: Int] { recorded.withLock { $0 } }
    func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics {
        recorded.withLock { $0["\(text)|\(style.size)|\(style.weight)|\(wrapWidth ?? -1)", default: 0] += 1 }
        return try inner.measure(text, style: style, wrapWidth: wrapWidth)
    }
}

@Suite struct TimelineDensityTests {
    let measurer = FixedTextMeasurer()

    static let cases: [(Int, ChartPreset)] = [
        (5, .report), (50, .report), (500, .report), (10_000, .report),
        (5, .slide), (50, .slide), (500, .slide), (10_000, .slide),
        (50, ChartPreset(name: "wide", size: Size(1000, 500), theme: .standard)),
        (10_000, ChartPreset(name: "wide", size: Size(1000, 500), theme: .standard)),
    ]

    @Test(arguments: cases)
    func labelsNeverOverlapNorLeaveTheFrame(_ count: Int, _ preset: ChartPreset) throws {
        let spec = TimelineFixtures.random(count: count, seed: UInt64(count) &* 31 &+ 1)
        let layout = try spec.layout(preset: preset, measurer: measurer)
        let texts = try layout.group.textBoxes(using: measurer).map(\.box)
        let clashes = TimelineChecks.overlaps(texts)
        #expect(clashes.isEmpty, "\(clashes.count) overlapping texts, e.g. \(String(describing: clashes.first))")
        #expect(TimelineChecks.overlaps(Array(layout.labelBoxes.values) + Array(layout.badgeBoxes.values)).isEmpty)
        #expect(try TimelineChecks.outside(layout, measurer: measurer).isEmpty)

        // Every drawn event is accounted for: labelled, in the key, or counted in the summary line.
        let drawn = spec.events.count - layout.omittedEventIDs.count
        #expect(layout.labelBoxes.count + layout.keyEventIDs.count + layout.unlistedCount == drawn)
        #expect(Set(layout.labelBoxes.keys).isDisjoint(with: layout.numbers.keys))
        #expect(Set(layout.numbers.keys).isSubset(of: layout.keyEventIDs))
        if layout.unlistedCount > 0 {
            let all = try layout.group.textBoxes(using: measurer).map(\.text)
            #expect(all.contains("另有 \(layout.unlistedCount) 项未列出，见全部事件表"))
        }
        // Numbers run 1...K in chronological order.
        let numbered = layout.numbers.sorted { $0.value < $1.value }
        #expect(numbered.map(\.value) == Array(1...max(1, numbered.count)).prefix(numbered.count).map { $0 })
        let byID = Dictionary(uniqueKeysWithValues: spec.events.map { ($0.id, $0) })
        let starts = numbered.map { byID[$0.key]!.date.plausibleDays.lowerBound }
        #expect(starts == starts.sorted())
        if count <= 5 { #expect(layout.labelBoxes.count == drawn) }
    }

    @Test func denseLanesSwitchToNumberedBadgesWithAKey() throws {
        let spec = TimelineFixtures.random(count: 500, seed: 3)
        let layout = try spec.layout(preset: .report, measurer: measurer)
        #expect(!layout.numbers.isEmpty)
        #expect(layout.listTextBoxes.count >= 2 * layout.numbers.count)
        // The key lies below the axis.
        for b in layout.listTextBoxes { #expect(b.minY >= layout.plotRect.maxY) }
        // Each badge is in its event's lane.
        for (id, box) in layout.badgeBoxes {
            let lane = spec.events.first { $0.id == id }!.lane
            #expect(layout.lanes.first { $0.name == lane }!.rect.contains(box))
        }
    }

    @Test func eachDistinctStringIsMeasuredOnce() throws {
        let counting = CountingMeasurer()
        _ = try TimelineFixtures.random(count: 10_000, seed: 11).layout(frame: ChartPreset.slide.size,
                                                                          theme: ChartPreset.slide.theme, measurer: counting)
        let repeated = counting.counts.filter { $0.value > 1 }
        // ChartChrome measures its notes itself, once per note; everything else goes through the cache.
        #expect(repeated.count <= 1, "\(repeated.prefix(5))")
        // Hopeless labels are never measured: far fewer strings (dates, texts, key lines) than events.
        #expect(counting.counts.count < 2_000, "\(counting.counts.count) strings measured")
    }

    @Test func layoutIsDeterministic() throws {
        let spec = TimelineFixtures.random(count: 500, seed: 5)
        let a = try spec.layout(preset: .report, measurer: measurer)
        let b = try spec.layout(preset: .report, measurer: measurer)
        #expect(a.group == b.group)
        var shuffled = spec
        shuffled.events.reverse()
        let c = try shuffled.layout(preset: .report, measurer: measurer)
        #expect(c.labelBoxes == a.labelBoxes && c.numbers == a.numbers)
    }
}

@Suite struct TimelineFrameSizeTests {
    let measurer = FixedTextMeasurer()

    static let sizes: [Size] = [Size(240, 180), Size(320, 240), Size(481, 300), Size(640, 360), Size(300, 900),
                                Size(1600, 900), Size(2400, 300)]

    /// Any frame either lays out cleanly or says it is too small; never overlapping or clipped text.
    @Test(arguments: sizes)
    func anyFrameIsCleanOrRefused(_ size: Size) throws {
        for spec in [TimelineFixtures.linping, TimelineFixtures.random(count: 80, seed: 4)] {
            let layout: TimelineLayout
            do {
                layout = try spec.layout(frame: size, theme: .standard, measurer: measurer)
            } catch let error as TimelineError {
                #expect(size.width < 400 || size.height < 250, "refused \(size): \(error)")
                continue
            }
            let texts = try layout.group.textBoxes(using: measurer).map(\.box)
            #expect(TimelineChecks.overlaps(texts).isEmpty, "overlap at \(size)")
            #expect(try TimelineChecks.outside(layout, measurer: measurer).isEmpty, "outside at \(size)")
            #expect(layout.labelBoxes.count + layout.keyEventIDs.count + layout.unlistedCount
                    == spec.events.count - layout.omittedEventIDs.count)
        }
    }
}
