import ReportData
import Testing
import TestSupport

/// Dates and spans written piece by piece read exactly as the interpolating, prefix-trimming
/// form they replaced (with the end of a span into another year keeping its year), for every
/// precision, 近日, open and closed spans and any current year.
@Suite struct ChineseDateFormatTests {
    /// The earlier implementation, kept as the oracle.
    static func oldDate(_ d: PartialDate, currentYear: Int?) -> String {
        if d.approximate { return "近日" }
        var s = d.year == currentYear && d.month != nil ? "" : "\(d.year)年"
        if let m = d.month { s += "\(m)月" }
        if let day = d.day { s += "\(day)日" }
        return s
    }

    static func oldSpan(_ s: DateSpan, currentYear: Int?) -> String {
        guard let end = s.end else { return oldDate(s.start, currentYear: currentYear) + "至今" }
        let sameYear = end.year == s.start.year && end.month != nil && !end.approximate
        // An end in another year keeps its year, even the current one.
        var e = oldDate(end, currentYear: sameYear || end.year == s.start.year ? currentYear : nil)
        if sameYear, e.hasPrefix("\(end.year)年") { e.removeFirst("\(end.year)年".count) }
        if sameYear, end.month == s.start.month, end.day != nil, s.start.day != nil, let m = end.month {
            e.removeFirst("\(m)月".count)
        }
        return oldDate(s.start, currentYear: currentYear) + "—" + e
    }

    static func randomDate(_ rng: inout SplitMix) -> PartialDate {
        while true {
            let year = rng.pick([2021, 2022, 2023, 1999, 10000, 5])
            let month: Int? = rng.int(4) == 0 ? nil : rng.int(1...12)
            let day: Int? = month == nil || rng.int(3) == 0 ? nil : rng.int(1...28)
            if let d = PartialDate(year: year, month: month, day: day, approximate: rng.int(8) == 0) { return d }
        }
    }

    @Test func datesAndSpansReadAsBefore() {
        var rng = SplitMix(seed: 2022)
        var spans = 0
        for _ in 0..<20_000 {
            let current: Int? = rng.pick([nil, 2022, 2021, 2023])
            let f = ChineseFormatter(currentYear: current)
            let a = Self.randomDate(&rng), b = Self.randomDate(&rng)
            #expect(f.date(a) == Self.oldDate(a, currentYear: current))
            let (lo, hi) = a.firstDayNumber <= b.firstDayNumber ? (a, b) : (b, a)
            for end in [hi, nil] as [PartialDate?] {
                // Same year and month often: the cases where parts of the end are left out.
                let sameMonth = end.flatMap { e in PartialDate(year: lo.year, month: lo.month ?? e.month, day: e.day ?? 28) }
                for e in [end, sameMonth] {
                    guard let s = DateSpan(start: lo, end: e) else { continue }
                    spans += 1
                    #expect(f.span(s) == Self.oldSpan(s, currentYear: current), "\(s)")
                }
            }
        }
        #expect(spans > 30_000)
    }

    /// A span into another year never drops the end's year, even when it is the report's:
    /// "—2月1日" after "2021年10月16日" would read as a date before the start.
    @Test func spanIntoAnotherYearKeepsTheEndsYear() {
        let f = ChineseFormatter(currentYear: 2022)
        func span(_ a: (Int, Int?, Int?), _ b: (Int, Int?, Int?)) -> String {
            f.span(DateSpan(start: PartialDate(year: a.0, month: a.1, day: a.2)!,
                            end: PartialDate(year: b.0, month: b.1, day: b.2)!)!)
        }
        #expect(span((2021, 10, 16), (2022, 2, 1)) == "2021年10月16日—2022年2月1日")
        #expect(span((2022, 10, 16), (2023, 2, 1)) == "10月16日—2023年2月1日")
        #expect(span((2021, 12, nil), (2022, 3, nil)) == "2021年12月—2022年3月")
        #expect(span((2022, 3, 1), (2022, 5, 9)) == "3月1日—5月9日")
        #expect(span((2021, 1, 8), (2021, 1, 25)) == "2021年1月8日—25日")
    }
}
