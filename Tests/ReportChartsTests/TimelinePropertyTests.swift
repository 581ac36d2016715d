import Testing
import ReportScene
@testable import ReportCharts

/// Random timelines as users write them: 3–500 events over 1–6 lanes, every precision, spans
/// and open spans, 近日, clusters of events within two weeks, labels of 2–40 characters.
enum TimelineRandom {
    static let alphabet = Array("临平未来工厂共富工坊运河数字乡村博物馆产业园美丽土地整治智造文化节新能源品质城区试点启动开馆签约竣工发布会评选全线贯通一期验收开工")

    static func label(_ rng: inout TimelineFixtures.Random) -> String {
        let n = 2 + rng.int(39)
        return String((0..<n).map { _ in alphabet[rng.int(alphabet.count)] })
    }

    static func spec(seed: UInt64) -> TimelineSpec {
        var rng = TimelineFixtures.Random(state: seed)
        // Mostly report-sized stories, a tail of crowded ones.
        let count = rng.int(4) == 0 ? 3 + rng.int(498) : 3 + rng.int(28)
        let laneCount = 1 + rng.int(6)
        let lanes = (0..<laneCount).map { "工作线\($0 + 1)" }
        let clusters = (0..<(1 + rng.int(4))).map { _ in TimelineDate.dayNumber(year: 2021 + rng.int(2), month: 1 + rng.int(12), day: 1 + rng.int(28)) }
        var events: [TimelineEvent] = []
        for k in 0..<count {
            let dayNumber = rng.int(3) == 0
                ? clusters[rng.int(clusters.count)] + rng.int(15) - 7
                : TimelineDate.dayNumber(year: 2021, month: 1, day: 1) + rng.int(700)
            let c = TimelineDate.civil(fromDayNumber: dayNumber)
            var end = TimelineEvent.End.none
            let date: TimelineDate
            switch rng.int(10) {
            case 0, 1, 2, 3: date = .day(c.year, c.month, c.day)
            case 4, 5: date = .month(c.year, c.month)
            case 6: date = .year(c.year)
            case 7: date = .month(2022, 6, approximate: true)
            case 8:
                date = .month(c.year, c.month)
                let e = TimelineDate.civil(fromDayNumber: dayNumber + 20 + rng.int(200))
                end = .date(.month(e.year, e.month))
            default: date = .month(c.year, c.month); end = .open
            }
            let status = TimelineEvent.Status.allCases[rng.int(3)]
            events.append(TimelineEvent(id: "e\(k)", date: date, end: end, lane: lanes[rng.int(laneCount)],
                                        status: status, label: label(&rng)))
        }
        if case .open = events[0].end {} else if rng.int(2) == 0 { events[0].end = .open }
        return TimelineSpec(notes: ChartNotes(title: "随机时间轴\(seed)"), lanes: lanes, events: events,
                            reportDate: .month(2022, 6))
    }
}

/// What every layout must satisfy; returns the problems found.
enum TimelineProperties {
    static func problems(_ spec: TimelineSpec, _ layout: TimelineLayout, measurer: any TextMeasurer) throws -> [String] {
        var out: [String] = []
        let texts = try layout.group.textBoxes(using: measurer)
        let drawn = Set(spec.events.map(\.id)).subtracting(layout.omittedEventIDs)
        let labelled = Set(layout.labelBoxes.keys), keyed = Set(layout.keyEventIDs), unlisted = Set(layout.unlistedEventIDs)

        // Every event named exactly once: inline with its date, in the key with its date, or counted.
        if labelled.union(keyed).union(unlisted) != drawn { out.append("events unaccounted for") }
        if !labelled.isDisjoint(with: keyed) || !labelled.isDisjoint(with: unlisted) || !keyed.isDisjoint(with: unlisted) {
            out.append("an event is named twice")
        }
        if !unlisted.isEmpty && !texts.contains(where: { $0.text == TimelineNumberedList.summaryText(unlisted.count) }) {
            out.append("no line says \(unlisted.count) are left out")
        }
        let byID = Dictionary(uniqueKeysWithValues: spec.events.map { ($0.id, $0) })
        for id in labelled {
            let e = byID[id]!, box = layout.labelBoxes[id]!
            let inside = texts.filter { box.contains($0.box, tolerance: 1e-6) }.map(\.text)
            if !inside.contains(e.label) || !inside.contains(spec.dateText(e)) { out.append("label of \(id) lacks its text or date") }
        }
        let keyLines = Set(texts.filter { $0.box.minY >= layout.plotRect.maxY }.map(\.text))
        for id in keyed {
            let e = byID[id]!
            if !keyLines.contains(spec.dateText(e) + " " + e.label) { out.append("key line of \(id) missing") }
        }
        // No text overlaps text, a mark, or the report-date line.
        if !TimelineChecks.overlaps(texts.map(\.box)).isEmpty { out.append("texts overlap") }
        let plotTexts = Array(layout.labelBoxes.values) + Array(layout.badgeBoxes.values)
        for b in plotTexts {
            for (_, m) in layout.markerRects where TimelineChecks.overlaps([b, m]).count > 0 { out.append("text on a mark"); break }
        }
        for line in reportLineSegments(layout) {
            for b in texts.map(\.box) where b.minX < line.x && line.x < b.maxX && b.minY < line.y1 && line.y0 < b.maxY {
                out.append("report-date line through text"); break
            }
        }
        // Leaders are vertical and never cross one another (nor meet a foreign mark).
        for l in layout.leaders where abs(l.from.x - l.to.x) > 1e-9 { out.append("slanted leader \(l.eventID)") }
        let sorted = layout.leaders.sorted { $0.from.x < $1.from.x }
        for (i, a) in sorted.enumerated() {
            var j = i + 1
            while j < sorted.count && sorted[j].from.x - a.from.x < 1 {
                let b = sorted[j]
                if min(a.from.y, a.to.y) < max(b.from.y, b.to.y) && min(b.from.y, b.to.y) < max(a.from.y, a.to.y) {
                    out.append("leaders of \(a.eventID) and \(b.eventID) cross")
                }
                j += 1
            }
        }
        for l in layout.leaders {
            let lo = min(l.from.y, l.to.y), hi = max(l.from.y, l.to.y)
            for (id, m) in layout.markerRects where id != l.eventID && m.minX < l.from.x && l.from.x < m.maxX
                && m.minY < hi - 1e-6 && lo + 1e-6 < m.maxY {
                out.append("leader of \(l.eventID) crosses the mark of \(id)"); break
            }
            for b in plotTexts where b.minX < l.from.x && l.from.x < b.maxX && b.minY < hi - 1e-6 && lo + 1e-6 < b.maxY
                && b != layout.labelBoxes[l.eventID] && b != layout.badgeBoxes[l.eventID] {
                out.append("leader of \(l.eventID) crosses text"); break
            }
        }
        if !(try TimelineChecks.outside(layout, measurer: measurer)).isEmpty { out.append("outside the frame") }
        return out
    }

    /// The dashed segments of the report-date marker.
    static func reportLineSegments(_ layout: TimelineLayout) -> [(x: Double, y0: Double, y1: Double)] {
        layout.group.leaves().filter { $0.path.last == "report-date" }.compactMap { placed -> (x: Double, y0: Double, y1: Double)? in
            guard case .path(let p) = placed.node, let b = p.bounds else { return nil }
            return (b.midX, b.minY, b.maxY)
        }
    }
}

@Suite struct TimelinePropertyTests {
    let measurer = FixedTextMeasurer()

    /// 1,000 random timelines at slide and report size: every event's label and date inline or
    /// in the key (or counted when even the key is full), no text over text, marks or the
    /// report-date line, no crossing leaders, and the slide never names fewer than the report.
    @Test(arguments: 0..<10)
    func randomTimelinesKeepEveryRule(_ batch: Int) throws {
        for k in 0..<100 {
            let seed = UInt64(batch * 100 + k) &* 0x9E37 &+ 11
            let spec = TimelineRandom.spec(seed: seed)
            let report = try spec.layout(preset: .report, measurer: measurer)
            let slide = try spec.layout(preset: .slide, measurer: measurer)
            for (name, layout) in [("report", report), ("slide", slide)] {
                let problems = try TimelineProperties.problems(spec, layout, measurer: measurer)
                #expect(problems.isEmpty, "seed \(seed) (\(spec.events.count) events) \(name): \(problems.prefix(3))")
            }
            #expect(slide.labelBoxes.count >= report.labelBoxes.count,
                    "seed \(seed) (\(spec.events.count) events): slide labels \(slide.labelBoxes.count) < report \(report.labelBoxes.count)")
        }
    }
}
