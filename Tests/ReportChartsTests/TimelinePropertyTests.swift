import Foundation
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

/// What every layout must satisfy; returns the problems found. Pairs are found with sweeps
/// over x (`TimelineChecks`), so a 500-event layout is checked in milliseconds.
enum TimelineProperties {
    typealias Text = (text: String, box: Rect)

    static func problems(_ spec: TimelineSpec, _ layout: TimelineLayout, measurer: any TextMeasurer) throws -> [String] {
        var out: [String] = []
        let texts = try layout.group.textBoxes(using: measurer).map { (text: $0.text.filter { $0 != "\u{2060}" }, box: $0.box) }
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
        var boxesOf: [String: [Rect]] = [:]
        for t in texts { boxesOf[t.text, default: []].append(t.box) }
        for id in labelled {
            let e = byID[id]!, box = layout.labelBoxes[id]!
            func inside(_ s: String) -> Bool { boxesOf[s, default: []].contains { box.contains($0, tolerance: 1e-6) } }
            if !inside(e.label) || !inside(spec.dateText(e)) { out.append("label of \(id) lacks its text or date") }
        }
        let keyLines = Set(texts.filter { $0.box.minY >= layout.plotRect.maxY }.map(\.text))
        for id in keyed {
            let e = byID[id]!
            if !keyLines.contains(spec.dateText(e) + " " + e.label) { out.append("key line of \(id) missing") }
        }
        out += keyEntriesPointAtMarks(spec, layout, texts: texts, boxesOf: boxesOf)
        // No text overlaps text, a mark, or the report-date line.
        if !TimelineChecks.overlaps(texts.map(\.box)).isEmpty { out.append("texts overlap") }
        let plotTexts = Array(layout.labelBoxes.values) + Array(layout.badgeBoxes.values)
            + layout.keyGroups.compactMap(\.box)
        if !TimelineChecks.overlaps(plotTexts, Array(layout.markerRects.values)).isEmpty { out.append("text on a mark") }
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
        let marks = layout.markerRects.map { (id: $0.key, rect: $0.value) }
        let leaderXs = layout.leaders.map(\.from.x)
        let marksAt = TimelineChecks.stab(marks.map(\.rect), at: leaderXs)
        let textsAt = TimelineChecks.stab(plotTexts, at: leaderXs)
        for (k, l) in layout.leaders.enumerated() {
            let lo = min(l.from.y, l.to.y), hi = max(l.from.y, l.to.y)
            for j in marksAt[k] where marks[j].id != l.eventID && marks[j].rect.minY < hi - 1e-6 && lo + 1e-6 < marks[j].rect.maxY {
                out.append("leader of \(l.eventID) crosses the mark of \(marks[j].id)"); break
            }
            for j in textsAt[k] where plotTexts[j].minY < hi - 1e-6 && lo + 1e-6 < plotTexts[j].maxY
                && plotTexts[j] != layout.labelBoxes[l.eventID] && plotTexts[j] != layout.badgeBoxes[l.eventID] {
                out.append("leader of \(l.eventID) crosses text"); break
            }
        }
        if !(try TimelineChecks.outside(layout, measurer: measurer)).isEmpty { out.append("outside the frame") }
        return out
    }

    /// Every key entry carries the mark it has on the plot: its badge number, drawn in its lane
    /// next to its mark or at the end of a leader from it; or the letter of its group, whose
    /// bracket in its lane spans its mark, with the group's heading (lane and dates) in the key.
    static func keyEntriesPointAtMarks(_ spec: TimelineSpec, _ layout: TimelineLayout, texts: [Text],
                                       boxesOf: [String: [Rect]]) -> [String] {
        var out: [String] = []
        let byID = Dictionary(uniqueKeysWithValues: spec.events.map { ($0.id, $0) })
        let keyTexts = texts.filter { $0.box.minY >= layout.plotRect.maxY }
        var keyLine: [String: Rect] = [:], keyRow: [Int: [Text]] = [:]
        for t in keyTexts {
            if keyLine[t.text] == nil { keyLine[t.text] = t.box }
            keyRow[Int((t.box.minY * 100).rounded()), default: []].append(t)
        }
        let groupOf = Dictionary(layout.keyGroups.flatMap { g in g.eventIDs.map { ($0, g) } }, uniquingKeysWith: { a, _ in a })
        let leaderOf = Dictionary(layout.leaders.map { ($0.eventID, $0) }, uniquingKeysWith: { a, _ in a })
        func laneRect(_ name: String) -> Rect? { layout.lanes.first { $0.name == name }?.rect }
        func drawn(_ s: String, in box: Rect) -> Bool { boxesOf[s, default: []].contains { box.contains($0, tolerance: 1e-6) } }
        /// The marker drawn left of the key line `text` on its first line.
        func marker(of text: String) -> String? {
            guard let line = keyLine[text] else { return nil }
            return keyRow[Int((line.minY * 100).rounded()), default: []]
                .filter { $0.box.maxX <= line.minX + 1e-6 && line.minX - $0.box.maxX < 20 }
                .max { $0.box.maxX < $1.box.maxX }?.text
        }
        for id in layout.keyEventIDs {
            let e = byID[id]!, line = spec.dateText(e) + " " + e.label
            guard let mark = layout.markerRects[id], let lane = laneRect(e.lane) else { out.append("\(id) not drawn"); continue }
            if let n = layout.numbers[id] {
                guard let badge = layout.badgeBoxes[id], lane.contains(badge, tolerance: 1e-6), drawn(String(n), in: badge)
                else { out.append("badge \(n) of \(id) not drawn in its lane"); continue }
                let near = leaderOf[id].map { l in badge.minX <= l.to.x && l.to.x <= badge.maxX && mark.minX - 1e-6 <= l.from.x
                    && l.from.x <= mark.maxX + 1e-6 } ?? (badge.minY < mark.maxY && mark.minY < badge.maxY
                    && min(abs(badge.minX - mark.maxX), abs(mark.minX - badge.maxX)) < 20)
                if !near { out.append("badge of \(id) far from its mark") }
                if marker(of: line) != String(n) { out.append("key line of \(id) lacks its number \(n)") }
                continue
            }
            guard let g = groupOf[id] else { out.append("key entry \(id) has no badge and no group"); continue }
            guard let letter = g.letter, let box = g.box else { out.append("group of \(id) has no letter on the plot"); continue }
            if g.lane != e.lane || !lane.contains(box, tolerance: 1e-6) || !drawn(letter, in: box) {
                out.append("bracket \(letter) of \(id) not drawn in its lane")
            }
            if g.inline {
                // The letter just beside the group's marks, on their line.
                let ext = g.eventIDs.compactMap { layout.markerRects[$0] }.reduce(mark) { $0.union($1) }
                let beside = box.minX >= ext.maxX - 1e-6 && box.minX - ext.maxX < 20
                    || box.maxX <= ext.minX + 1e-6 && ext.minX - box.maxX < 20
                if !beside || box.minY >= ext.maxY || ext.minY >= box.maxY { out.append("letter \(letter) far from the marks of its group") }
            } else if let l = g.leader {
                // The letter alone in a row, at the end of a vertical leader from a member's mark.
                let from = layout.markerRects[l.eventID]
                if !g.eventIDs.contains(l.eventID) || from.map({ $0.minX - 1e-6 > l.from.x || l.from.x > $0.maxX + 1e-6 }) ?? true
                    || l.to.x < box.minX - 1e-6 || l.to.x > box.maxX + 1e-6
                    || min(abs(l.to.y - box.minY), abs(l.to.y - box.maxY)) > 1e-6 {
                    out.append("letter \(letter) not at the end of a leader from its group")
                }
            } else if g.span.lowerBound < box.minX - 1e-6 || g.span.upperBound > box.maxX + 1e-6
                || g.span.upperBound < mark.minX - 1e-6 || g.span.lowerBound > mark.maxX + 1e-6 {
                out.append("bracket \(letter) does not span the mark of \(id)")
            }
            if let heading = g.heading {
                if marker(of: heading) != letter { out.append("heading of group \(letter) missing") }
                if !heading.hasPrefix(e.lane) { out.append("heading of group \(letter) does not name its lane") }
            } else if marker(of: line) != letter { out.append("key line of \(id) lacks its letter \(letter)") }
        }
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
    /// One random timeline at slide and report size: the problems found, each naming its seed.
    /// Layouts and checks share one memo, so each text is measured once.
    static func problems(seed: UInt64) throws -> [String] {
        let spec = TimelineRandom.spec(seed: seed)
        let measurer = CachingTextMeasurer(FixedTextMeasurer())
        // The report figure as the page flow draws it: 481 pt wide, 300 pt high or as much taller
        // (to 680 pt) as it needs to name every event.
        let report = try spec.layout(width: ChartPreset.report.size.width, height: ChartPreset.report.size.height,
                                     maxHeight: 680, measurer: measurer)
        let slide = try spec.layout(preset: .slide, measurer: measurer)
        var out: [String] = []
        for (name, layout) in [("report", report), ("slide", slide)] {
            let problems = try TimelineProperties.problems(spec, layout, measurer: measurer)
            if !problems.isEmpty { out.append("seed \(seed) (\(spec.events.count) events) \(name): \(problems.prefix(3))") }
        }
        if slide.labelBoxes.count < report.labelBoxes.count {
            out.append("seed \(seed) (\(spec.events.count) events): slide labels \(slide.labelBoxes.count) < report \(report.labelBoxes.count)")
        }
        return out
    }

    /// 1,000 random timelines at slide and report size: every event's label and date inline or
    /// in the key (or counted when even the key is full), no text over text, marks or the
    /// report-date line, no crossing leaders, and the slide never names fewer than the report.
    @Test(arguments: 0..<10)
    func randomTimelinesKeepEveryRule(_ batch: Int) throws {
        for k in 0..<100 {
            let problems = try Self.problems(seed: UInt64(batch * 100 + k) &* 0x9E37 &+ 11)
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    /// More seeds on demand: `TIMELINE_SEEDS=5000 swift test --filter moreSeeds` checks that many
    /// timelines from other seeds than the 1,000 above (how the case below was found).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TIMELINE_SEEDS"] != nil), arguments: 0..<10)
    func moreSeeds(_ batch: Int) throws {
        let n = Int(ProcessInfo.processInfo.environment["TIMELINE_SEEDS"] ?? "") ?? 0
        for k in stride(from: batch, to: n, by: 10) {
            let problems = try Self.problems(seed: 1_000_003 &+ UInt64(k) &* 7919)
            #expect(problems.isEmpty, "\(problems)")
        }
    }
}
