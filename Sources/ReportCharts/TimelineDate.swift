import ReportCalendar
/// A calendar date known to a year, a month or a day, possibly only approximately ("近日").
/// Day numbers count days since 1970-01-01 in the proleptic Gregorian calendar, computed
/// arithmetically so nothing depends on Foundation's calendars or the time zone.
public struct TimelineDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How much of the date the source gave (a year, a month, or a day).
    public enum Precision: Int, Sendable, Hashable, Comparable {
        case year, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public var year: Int
    public var month: Int?
    public var day: Int?
    /// "近日": the true date lies shortly before this one (the reference date it was resolved
    /// against); drawn as a band over the `recentWindowDays` before it, ending with its period.
    public var approximate: Bool

    /// How far before its reference date an approximate ("近日") date may lie.
    public static let recentWindowDays = 30

    public init(year: Int, month: Int? = nil, day: Int? = nil, approximate: Bool = false) {
        precondition(day == nil || month != nil, "a day needs a month")
        if let m = month { precondition((1...12).contains(m), "month out of range: \(m)") }
        if let m = month, let d = day {
            precondition(d >= 1 && d <= Self.daysInMonth(year: year, month: m), "day out of range: \(year)-\(m)-\(d)")
        }
        self.year = year; self.month = month; self.day = day; self.approximate = approximate
    }

    /// A date known to the day.
    public static func day(_ y: Int, _ m: Int, _ d: Int, approximate: Bool = false) -> TimelineDate {
        TimelineDate(year: y, month: m, day: d, approximate: approximate)
    }
    /// A date known to the month.
    public static func month(_ y: Int, _ m: Int, approximate: Bool = false) -> TimelineDate {
        TimelineDate(year: y, month: m, approximate: approximate)
    }
    /// A date known to the year.
    public static func year(_ y: Int, approximate: Bool = false) -> TimelineDate {
        TimelineDate(year: y, approximate: approximate)
    }

    /// Parses "2022", "2022-03" or "2022-05-15"; a leading "~" marks the date approximate.
    public init?(iso text: String) {
        var s = Substring(text.timelineTrimmingSpaces())
        var approx = false
        if s.hasPrefix("~") { approx = true; s = s.dropFirst() }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), let y = Int(parts[0]) else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) : nil
        let d = parts.count > 2 ? Int(parts[2]) : nil
        if parts.count > 1 && m == nil || parts.count > 2 && d == nil { return nil }
        if let m, !(1...12).contains(m) { return nil }
        if let m, let d, !(1...Self.daysInMonth(year: y, month: m)).contains(d) { return nil }
        self.init(year: y, month: m, day: d, approximate: approx)
    }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// First day of the stated period (the day itself, the month's 1st, or 1 January).
    public var firstDay: Int { Self.dayNumber(year: year, month: month ?? 1, day: day ?? 1) }
    /// Last day of the stated period, inclusive.
    public var lastDay: Int {
        if let m = month {
            return Self.dayNumber(year: year, month: m, day: day ?? Self.daysInMonth(year: year, month: m))
        }
        return Self.dayNumber(year: year, month: 12, day: 31)
    }
    /// Days the date may stand for, inclusive: for an approximate date, the window before its
    /// reference period through that period's last day (never past it).
    public var plausibleDays: ClosedRange<Int> {
        (firstDay - (approximate ? Self.recentWindowDays : 0))...lastDay
    }

    /// "2022年5月15日", "2022年3月", "2022年"; "近日" when approximate.
    public var chineseText: String { text(currentYear: nil) }

    /// As `chineseText`, leaving out the year when it is `currentYear` and a month is known
    /// ("5月15日", "3月"), as Chinese prose does for the report's own year.
    public func text(currentYear: Int?) -> String {
        if approximate { return "近日" }
        var s = year == currentYear && month != nil ? "" : "\(year)年"
        if let m = month { s += "\(m)月" }
        if let d = day { s += "\(d)日" }
        return s
    }

    /// As the end of a span from `start`: the year left out for `currentYear` only when the start
    /// is in that year too ("2021年10月16日—2022年2月1日", never "—2月1日", which reads as
    /// before the start).
    public func text(endOf start: TimelineDate, currentYear: Int?) -> String {
        text(currentYear: approximate || start.approximate || year == start.year ? currentYear : nil)
    }

    public var description: String {
        var s = String(year)
        if let m = month { s += "-" + (m < 10 ? "0\(m)" : "\(m)") }
        if let d = day { s += "-" + (d < 10 ? "0\(d)" : "\(d)") }
        return approximate ? "~" + s : s
    }

    public static func < (a: TimelineDate, b: TimelineDate) -> Bool {
        (a.firstDay, a.lastDay, a.approximate ? 1 : 0) < (b.firstDay, b.lastDay, b.approximate ? 1 : 0)
    }

    // MARK: Calendar arithmetic (the shared civil calendar; kept here as the timeline's API)

    /// True for a Gregorian leap year (`CivilCalendar.isLeapYear`).
    public static func isLeapYear(_ y: Int) -> Bool { CivilCalendar.isLeapYear(y) }

    /// Days in `month` of `year` (`CivilCalendar.daysInMonth`).
    public static func daysInMonth(year: Int, month: Int) -> Int { CivilCalendar.daysInMonth(year: year, month: month) }

    /// Days since 1970-01-01 (negative before).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        CivilCalendar.dayNumber(year: year, month: month, day: day)
    }

    /// The inverse of `dayNumber`.
    public static func civil(fromDayNumber n: Int) -> (year: Int, month: Int, day: Int) {
        CivilCalendar.civil(fromDayNumber: n)
    }
}

extension String {
    /// Trims ASCII spaces and tabs (ReportCharts avoids Foundation).
    fileprivate func timelineTrimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(self.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
