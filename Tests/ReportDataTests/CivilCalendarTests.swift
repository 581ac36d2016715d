import Testing
@testable import ReportData

@Suite struct CivilCalendarTests {
    @Test func leapYearsAndMonthLengths() {
        #expect(CivilCalendar.isLeapYear(2024) && CivilCalendar.isLeapYear(2000))
        #expect(!CivilCalendar.isLeapYear(2022) && !CivilCalendar.isLeapYear(1900))
        #expect((1...12).map { CivilCalendar.daysInMonth(year: 2022, month: $0) } == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        #expect(CivilCalendar.daysInMonth(year: 2024, month: 2) == 29)
    }

    @Test func dayNumbersRoundTrip() {
        #expect(CivilCalendar.dayNumber(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilCalendar.dayNumber(year: 2022, month: 5, day: 15) == 19127)
        #expect(CivilCalendar.dayNumber(year: 1969, month: 12, day: 31) == -1)
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            let c = CivilCalendar.civil(fromDayNumber: n)
            #expect(CivilCalendar.dayNumber(year: c.year, month: c.month, day: c.day) == n)
        }
    }

    @Test func partialDateBounds() {
        let feb = PartialDate(year: 2024, month: 2)!
        #expect(feb.lastDayNumber - feb.firstDayNumber == 28)
        let y = PartialDate(year: 2022)!
        #expect(y.lastDayNumber - y.firstDayNumber == 364)
        #expect(y.precision == .year && feb.precision == .month)
        #expect(PartialDate(year: 2022, month: 2, day: 29) == nil)
        #expect(PartialDate(year: 2022, day: 3) == nil)
        #expect(PartialDate(year: 2022)! < PartialDate(year: 2022, month: 1)!)
        #expect(DateSpan(start: PartialDate(year: 2022, month: 5)!, end: PartialDate(year: 2022, month: 3)!) == nil)
        #expect(PartialDate(year: 2022, month: 5, day: 15)!.iso == "2022-05-15")
        let open = DateValue.span(DateSpan(start: PartialDate(year: 2022, month: 1)!, end: nil)!)
        #expect(open.firstDayNumber == CivilCalendar.dayNumber(year: 2022, month: 1, day: 1))
        #expect(open.lastDayNumber(reportDate: PartialDate(year: 2022, month: 6)!) == CivilCalendar.dayNumber(year: 2022, month: 6, day: 30))
    }
}
