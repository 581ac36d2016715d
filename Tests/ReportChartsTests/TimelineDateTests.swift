import Testing
@testable import ReportCharts

@Suite struct TimelineDateTests {
    @Test func epochAndKnownDays() {
        #expect(TimelineDate.dayNumber(year: 1970, month: 1, day: 1) == 0)
        #expect(TimelineDate.dayNumber(year: 1969, month: 12, day: 31) == -1)
        #expect(TimelineDate.dayNumber(year: 2000, month: 3, day: 1) == 11017)
        #expect(TimelineDate.dayNumber(year: 2022, month: 5, day: 15) == 19127)
    }

    @Test func roundTripOverFourCenturies() {
        var n = TimelineDate.dayNumber(year: 1800, month: 1, day: 1)
        let end = TimelineDate.dayNumber(year: 2201, month: 1, day: 1)
        var expected = (year: 1800, month: 1, day: 1)
        while n < end {
            let c = TimelineDate.civil(fromDayNumber: n)
            #expect(c == expected)
            if c != expected { break }
            // Advance the expected civil date by hand, independently of the formula.
            expected.day += 1
            if expected.day > TimelineDate.daysInMonth(year: expected.year, month: expected.month) {
                expected.day = 1; expected.month += 1
                if expected.month > 12 { expected.month = 1; expected.year += 1 }
            }
            n += 1
        }
    }

    @Test func leapYears() {
        #expect(TimelineDate.isLeapYear(2024))
        #expect(!TimelineDate.isLeapYear(2022))
        #expect(!TimelineDate.isLeapYear(1900))
        #expect(TimelineDate.isLeapYear(2000))
        #expect(TimelineDate.month(2024, 2).lastDay - TimelineDate.month(2024, 2).firstDay == 28)
        #expect(TimelineDate.month(2022, 2).lastDay - TimelineDate.month(2022, 2).firstDay == 27)
        #expect(TimelineDate.month(1900, 2).lastDay - TimelineDate.month(1900, 2).firstDay == 27)
        #expect(TimelineDate.year(2024).lastDay - TimelineDate.year(2024).firstDay == 365)
        #expect(TimelineDate.year(2022).lastDay - TimelineDate.year(2022).firstDay == 364)
    }

    @Test func monthEnds() {
        for (m, days) in [(1, 31), (4, 30), (6, 30), (9, 30), (11, 30), (12, 31)] {
            let d = TimelineDate.month(2022, m)
            #expect(d.lastDay - d.firstDay + 1 == days)
            #expect(TimelineDate.civil(fromDayNumber: d.lastDay + 1).day == 1)
        }
        #expect(TimelineDate.month(2022, 12).lastDay + 1 == TimelineDate.year(2023).firstDay)
    }

    @Test func precisionAndText() {
        #expect(TimelineDate.day(2022, 5, 15).precision == .day)
        #expect(TimelineDate.month(2022, 3).precision == .month)
        #expect(TimelineDate.year(2022).precision == .year)
        #expect(TimelineDate.day(2022, 5, 15).chineseText == "2022年5月15日")
        #expect(TimelineDate.month(2022, 6, approximate: true).chineseText == "近日")
        #expect(TimelineDate.day(2022, 5, 15).text(currentYear: 2022) == "5月15日")
        #expect(TimelineDate.year(2022).text(currentYear: 2022) == "2022年")
        let approx = TimelineDate.month(2022, 6, approximate: true)
        #expect(approx.plausibleDays == (approx.firstDay - 30)...approx.lastDay)
    }

    /// A span's end keeps its year when it is not the start's, even in the report's year.
    @Test func spanEndInAnotherYearKeepsItsYear() {
        let e = TimelineEvent(id: "a", date: .day(2021, 10, 16), end: .date(.day(2022, 2, 1)), lane: "x", label: "a")
        #expect(e.dateText(currentYear: 2022) == "2021年10月16日—2022年2月1日")
        let same = TimelineEvent(id: "b", date: .day(2022, 3, 1), end: .date(.day(2022, 5, 9)), lane: "x", label: "b")
        #expect(same.dateText(currentYear: 2022) == "3月1日—5月9日")
        let next = TimelineEvent(id: "c", date: .month(2022, 11), end: .date(.month(2023, 2)), lane: "x", label: "c")
        #expect(next.dateText(currentYear: 2022) == "11月—2023年2月")
        #expect(TimelineDate.day(2022, 2, 1).text(endOf: .month(2021, 6, approximate: true), currentYear: 2022) == "2月1日")
    }

    @Test func parsesISOText() {
        #expect(TimelineDate(iso: "2022-05-15") == .day(2022, 5, 15))
        #expect(TimelineDate(iso: "2022-03") == .month(2022, 3))
        #expect(TimelineDate(iso: "2022") == .year(2022))
        #expect(TimelineDate(iso: "~2022-06") == .month(2022, 6, approximate: true))
        #expect(TimelineDate(iso: "2022-02-30") == nil)
        #expect(TimelineDate(iso: "2022-13") == nil)
        #expect(TimelineDate(iso: "x") == nil)
    }
}
