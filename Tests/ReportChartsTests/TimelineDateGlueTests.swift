@testable import ReportCharts
import Testing

/// The key's dates are glued with word joiners everywhere but after a range's dash (and around
/// spaces), so a wrapped key line breaks between the two ends of a range, never inside a date;
/// taking the joiners out gives the date back.
@Suite struct TimelineDateGlueTests {
    @Test func datesAreGluedButForTheDash() {
        let glued = TimelineDateGlue.glued("2021年9月16日—2022年1月9日")
        #expect(glued == "2\u{2060}0\u{2060}2\u{2060}1\u{2060}年\u{2060}9\u{2060}月\u{2060}1\u{2060}6\u{2060}日\u{2060}—"
            + "2\u{2060}0\u{2060}2\u{2060}2\u{2060}年\u{2060}1\u{2060}月\u{2060}9\u{2060}日")
        #expect(TimelineDateGlue.glued("近日") == "近\u{2060}日")
        #expect(TimelineDateGlue.glued("3月至今") == "3\u{2060}月\u{2060}至今")
    }

    @Test func plainGivesEveryDateBack() {
        var rng = SystemRandomNumberGenerator()
        let years = [nil, 2021, 2022, 2023]
        for _ in 0..<2_000 {
            let a = TimelineDate.day(2021 + Int.random(in: 0...2, using: &rng), Int.random(in: 1...12, using: &rng), Int.random(in: 1...28, using: &rng))
            let b = TimelineDate.day(a.year + Int.random(in: 0...1, using: &rng), Int.random(in: 1...12, using: &rng), Int.random(in: 1...28, using: &rng))
            let current = years.randomElement(using: &rng)!
            let text = a.text(currentYear: current) + (Bool.random(using: &rng) ? "—" + b.text(endOf: a, currentYear: current) : "")
            let glued = TimelineDateGlue.glued(text)
            #expect(TimelineDateGlue.plain(glued) == text)
            // A joiner after every character but the dash (and the last): a piece is one
            // character, or the dash with the first character after it.
            let pieces = glued.split(separator: "\u{2060}", omittingEmptySubsequences: false)
            #expect(pieces.allSatisfy { $0.count == 1 || ($0.count == 2 && $0.hasPrefix("—")) }, "\(glued)")
        }
    }
}
