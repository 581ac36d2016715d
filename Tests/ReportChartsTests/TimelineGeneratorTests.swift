import Testing
import TestSupport
import ReportScene
@testable import ReportCharts

/// Shared fixtures of the timeline tests: the Linping 2022 story and a seeded random generator.
enum TimelineFixtures {
    static let lanes = ["从制造到智造", "既强村也富农", "重品质促提升", "探寻文化临平"]

    static var linping: TimelineSpec {
        TimelineSpec(
            notes: ChartNotes(title: "临平区2022年大事记", subtitle: "截至2022年6月", sourceNote: "资料来源：临平区委宣传部"),
            lanes: lanes,
            events: [
                TimelineEvent(id: "museum", date: .day(2022, 5, 15), lane: "探寻文化临平", label: "江南水乡文化博物馆开馆"),
                TimelineEvent(id: "award", date: .month(2022, 3), lane: "探寻文化临平", label: "首届“美丽临平人”发布会"),
                TimelineEvent(id: "canal", date: .month(2022, 6, approximate: true), lane: "重品质促提升",
                              label: "大运河核心区城市设计发布"),
                TimelineEvent(id: "factory", date: .month(2022, 6, approximate: true), lane: "从制造到智造",
                              label: "两家企业入选“未来工厂”试点"),
                TimelineEvent(id: "meals", date: .month(2022, 10), lane: "从制造到智造", status: .planned,
                              label: "预制餐生产线全线贯通"),
                TimelineEvent(id: "land", date: .month(2022, 1), end: .open, lane: "既强村也富农",
                              label: "乔司全域土地综合整治"),
            ],
            reportDate: .month(2022, 6))
    }

    /// SplitMix64 (TestSupport): small, seedable, identical on every platform.
    typealias Random = SplitMix

    static let heads = ["未来工厂", "共富工坊", "运河", "数字乡村", "博物馆", "产业园", "美丽临平人", "土地整治",
                        "智造", "文化节", "新能源", "品质城区"]
    static let tails = ["试点启动", "开馆", "签约", "竣工", "发布会", "评选", "全线贯通", "一期", "验收", "开工",
                        "方案发布", "授牌", "上线", "投产", "改造", "招商", "规划获批"]

    /// `count` events over 2022 with every precision, spans, open spans, approximate and planned ones.
    static func random(count: Int, seed: UInt64) -> TimelineSpec {
        var rng = Random(state: seed)
        var events: [TimelineEvent] = []
        for k in 0..<count {
            let month = 1 + rng.int(12)
            let day = 1 + rng.int(TimelineDate.daysInMonth(year: 2022, month: month))
            let kind = rng.int(10)
            let date: TimelineDate
            var end = TimelineEvent.End.none
            switch kind {
            case 0, 1, 2, 3: date = .day(2022, month, day)
            case 4, 5: date = .month(2022, month)
            case 6: date = .month(2022, month, approximate: true)
            case 7:
                date = .day(2022, month, day)
                let endMonth = min(12, month + rng.int(4))
                end = .date(.month(2022, endMonth))
            case 8: date = .month(2022, month); end = .open
            default: date = .year(2022)
            }
            let label = heads[rng.int(heads.count)] + tails[rng.int(tails.count)]
            events.append(TimelineEvent(id: "e\(k)", date: date, end: end, lane: lanes[rng.int(lanes.count)],
                                        status: rng.int(3) == 0 ? .planned : .done, label: label))
        }
        return TimelineSpec(notes: ChartNotes(title: "临平区2022年大事记（\(count)项）"), lanes: lanes, events: events,
                            reportDate: .day(2022, 8, 31))
    }
}

/// Geometry checks shared by the timeline tests.
enum TimelineChecks {
    /// Pairs of overlapping boxes, found with a sweep over x so 10,000 boxes stay fast.
    static func overlaps(_ boxes: [Rect], tolerance: Double = 1e-6) -> [(Rect, Rect)] {
        let sorted = boxes.filter { $0.width > 0 && $0.height > 0 }.sorted { $0.minX < $1.minX }
        var active: [Rect] = []
        var out: [(Rect, Rect)] = []
        for b in sorted {
            active.removeAll { $0.maxX <= b.minX + tolerance }
            for a in active where a.minY < b.maxY - tolerance && b.minY < a.maxY - tolerance { out.append((a, b)) }
            active.append(b)
        }
        return out
    }

    /// Pairs of overlapping boxes, one from `a` and one from `b`.
    static func overlaps(_ a: [Rect], _ b: [Rect], tolerance: Double = 1e-6) -> [(Rect, Rect)] {
        let tagged = (a.map { ($0, true) } + b.map { ($0, false) }).filter { $0.0.width > 0 && $0.0.height > 0 }
            .sorted { $0.0.minX < $1.0.minX }
        var active: [(Rect, Bool)] = []
        var out: [(Rect, Rect)] = []
        for (r, fromA) in tagged {
            active.removeAll { $0.0.maxX <= r.minX + tolerance }
            for (q, qa) in active where qa != fromA && q.minY < r.maxY - tolerance && r.minY < q.maxY - tolerance {
                out.append(fromA ? (r, q) : (q, r))
            }
            active.append((r, fromA))
        }
        return out
    }

    /// For each x, the indices of the boxes with minX < x < maxX (a sweep over x).
    static func stab(_ boxes: [Rect], at xs: [Double]) -> [[Int]] {
        let byMin = boxes.indices.sorted { boxes[$0].minX < boxes[$1].minX }
        var out = [[Int]](repeating: [], count: xs.count)
        var next = 0
        var active: [Int] = []
        for q in xs.indices.sorted(by: { xs[$0] < xs[$1] }) {
            let x = xs[q]
            while next < byMin.count && boxes[byMin[next]].minX < x { active.append(byMin[next]); next += 1 }
            active.removeAll { boxes[$0].maxX <= x }
            out[q] = active
        }
        return out
    }

    static func outside(_ layout: TimelineLayout, measurer: any TextMeasurer) throws -> [Rect] {
        let frame = Rect(x: 0, y: 0, width: layout.frame.width, height: layout.frame.height)
        return try layout.group.leafBoxes(using: measurer).filter { !frame.contains($0, tolerance: 1e-6) }
    }
}

@Suite struct TimelineGeneratorTests {
    @Test func generatorIsDeterministic() {
        let a = TimelineFixtures.random(count: 50, seed: 7)
        let b = TimelineFixtures.random(count: 50, seed: 7)
        let c = TimelineFixtures.random(count: 50, seed: 8)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func sweepFindsOverlapsAndIgnoresTouching() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        let touching = Rect(x: 10, y: 0, width: 10, height: 10)
        let overlapping = Rect(x: 5, y: 5, width: 10, height: 10)
        #expect(TimelineChecks.overlaps([a, touching]).isEmpty)
        #expect(TimelineChecks.overlaps([a, touching, overlapping]).count == 2)
    }
}
