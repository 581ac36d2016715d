import Testing
import ReportScene
@testable import ReportCharts

/// The "另有 N 项未列出" line must be drawn whenever events are left out. Regression: in a key one
/// line high with columns narrower than that line, `finish` dropped every entry to make room and
/// the line still did not fit its column (it wraps to two lines), so nothing said events were
/// missing ("no line says 22 are left out" in the property test).
@Suite struct TimelineKeySummaryTests {
    let style = TextStyle(size: 10)

    func key(height: Double) throws -> TimelineNumberedList {
        try TimelineNumberedList(rect: Rect(x: 0, y: 100, width: 480, height: height), maxNumber: 9, style: style,
                                 numberStyle: style, cache: TimelineMeasureCache(FixedTextMeasurer()))
    }

    func texts(_ key: TimelineNumberedList) throws -> [(text: String, box: Rect)] {
        try Group(try key.nodes()).textBoxes(using: FixedTextMeasurer())
    }

    @Test func theCountSpansTheKeyWhenNoColumnHoldsIt() throws {
        var list = try key(height: 12)
        // Four columns of about eleven characters: the count line wraps inside one.
        #expect(list.columns == 4)
        #expect(try FixedTextMeasurer().measure(TimelineNumberedList.summaryText(23), style: style,
                                                wrapWidth: list.columnWidth).height > 12)
        #expect(try list.add(numberText: "1", eventID: "a", text: "5月1日 开工"))
        #expect(try list.finish(unlisted: 22) == 1)
        let lines = try texts(list)
        let summary = try #require(lines.first { $0.text == TimelineNumberedList.summaryText(23) })
        #expect(summary.box.height <= 12 + 1e-9)
        #expect(Rect(x: 0, y: 100, width: 480, height: 12).contains(summary.box, tolerance: 1e-6))
        #expect(lines.count == 1)
    }

    @Test func theCountKeepsToAColumnWhenOneHoldsIt() throws {
        var list = try key(height: 36)
        #expect(try list.add(numberText: "1", eventID: "a", text: "5月1日 开工"))
        #expect(try list.finish(unlisted: 22) == 0)
        let summary = try #require(try texts(list).first { $0.text == TimelineNumberedList.summaryText(22) })
        #expect(summary.box.width <= list.columnWidth + 1e-9)
    }
}
