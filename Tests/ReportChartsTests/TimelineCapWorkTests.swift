import Testing
import TestSupport
import ReportScene
@testable import ReportCharts

/// The track caps solved side by side (`TimelineCapWork`) lay a timeline out exactly as one cap
/// after another does: the same labels, badges, key and boxes, for crowded random timelines
/// (where no cap names every event, so every cap is solved) and for sparse ones, at slide and
/// report sizes, with a cold and a warm measurer. With more than one thread the labels of charts
/// of 40 to 300 events are also measured ahead side by side (`TimelineLabelPrefetch`).
@Suite(.serialized) struct TimelineCapWorkTests {
    static func summary(_ l: TimelineLayout) -> String {
        func rects(_ d: [String: Rect]) -> String {
            d.keys.sorted().map { k in "\(k)=\(d[k]!)" }.joined(separator: ";")
        }
        return [rects(l.markerRects), rects(l.labelBoxes), rects(l.badgeBoxes), l.keyEventIDs.joined(separator: ","),
                l.unlistedEventIDs.joined(separator: ","), "\(l.listTextBoxes)", "\(l.leaders)", "\(l.keyGroups)",
                "\(l.frame)", "\(l.typeScale)"].joined(separator: "|")
    }

    @Test func sideBySideEqualsOneAfterAnother() throws {
        defer { TimelineCapWork.threadLimit.withLock { $0 = nil } }
        var compared = 0
        for seed in UInt64(1)...60 {
            let count = [12, 40, 90, 160, 260][Int(seed % 5)]
            let spec = TimelineFixtures.random(count: count, seed: seed)
            for frame in [Size(481, 300), Size(960, 540), Size(640, 260)] {
                TimelineCapWork.threadLimit.withLock { $0 = 1 }
                let one = Result { try spec.layout(frame: frame, measurer: CachingTextMeasurer(FixedTextMeasurer())) }
                TimelineCapWork.threadLimit.withLock { $0 = 4 }
                let cold = Result { try spec.layout(frame: frame, measurer: CachingTextMeasurer(FixedTextMeasurer())) }
                let warmMeasurer = CachingTextMeasurer(FixedTextMeasurer())
                _ = try? spec.layout(frame: frame, measurer: warmMeasurer)
                let warm = Result { try spec.layout(frame: frame, measurer: warmMeasurer) }
                switch (one, cold, warm) {
                case (.success(let a), .success(let b), .success(let c)):
                    #expect(Self.summary(a) == Self.summary(b), "seed \(seed) frame \(frame)")
                    #expect(Self.summary(a) == Self.summary(c), "seed \(seed) frame \(frame) warm")
                    compared += 1
                case (.failure(let a), .failure(let b), .failure(let c)):
                    #expect("\(a)" == "\(b)" && "\(a)" == "\(c)")
                default:
                    Issue.record("seed \(seed) frame \(frame): one thread and several disagree on success")
                }
            }
        }
        #expect(compared > 100)
    }
}
