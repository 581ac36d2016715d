/// A date known to year, month or day precision, as Chinese news gives them (2022年, 今年3月, 5月15日).
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How much of the date is known, coarsest first.
    public enum Precision: Int, Sendable, Hashable, Comparable, Codable {
        case year, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?
    /// Vague source wording (近日 "recently"): the value is the reference date it was resolved
    /// against (the record's source date or the report date), formatted as 近日; it stands for
    /// the `recentWindowDays` before that date up to the date's own end, never after it.
    public var approximate: Bool

    /// How far before its reference date an approximate ("近日") date may lie.
    public static let recentWindowDays = 30

    /// Fails for impossible dates (2022-02-30, month 13) or a day without a month.
    public init?(year: Int, month: Int? = nil, day: Int? = nil, approximate: Bool = false) {
        // Year 0 does not exist (1 BC is followed by AD 1), and a "0年" or "0000" is a typo.
        guard (1...9999).contains(year) else { return nil }
        if let m = month {
            guard (1...12).contains(m) else { return nil }
            if let d = day { guard CivilCalendar.isValid(year: year, month: m, day: d) else { return nil } }
        } else if day != nil { return nil }
        self.year = year; self.month = month; self.day = day; self.approximate = approximate
    }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// First day covered, as days since 1970-01-01.
    public var firstDayNumber: Int { CivilCalendar.dayNumber(year: year, month: month ?? 1, day: day ?? 1) }

    /// Last day covered, as days since 1970-01-01 (2022-02 → 2022-02-28).
    public var lastDayNumber: Int {
        let m = month ?? 12
        return CivilCalendar.dayNumber(year: year, month: m, day: day ?? CivilCalendar.daysInMonth(year: year, month: m))
    }

    /// ISO 8601 at its own precision: 2022, 2022-05, 2022-05-15.
    public var iso: String {
        var s = String(year)
        if let m = month { s += "-" + (m < 10 ? "0" : "") + String(m) }
        if let d = day { s += "-" + (d < 10 ? "0" : "") + String(d) }
        return s
    }
    public var description: String { approximate ? "~" + iso : iso }

    /// Orders by first day, then the coarser date first (2022 before 2022-01).
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        if a.firstDayNumber != b.firstDayNumber { return a.firstDayNumber < b.firstDayNumber }
        return a.precision < b.precision
    }
}

/// A period: start, and an end or none (open: "so far", 今年以来 = 2022-01 until the report date).
public struct DateSpan: Sendable, Hashable, CustomStringConvertible {
    public var start: PartialDate
    /// nil = open span, still running at the report date.
    public var end: PartialDate?

    /// Fails when the end lies before the start.
    public init?(start: PartialDate, end: PartialDate?) {
        if let e = end, e.lastDayNumber < start.firstDayNumber { return nil }
        self.start = start; self.end = end
    }
    public var isOpen: Bool { end == nil }
    /// The end, with an open span running until `reportDate`.
    public func end(or reportDate: PartialDate) -> PartialDate { end ?? reportDate }
    public var description: String { start.iso + "/" + (end?.iso ?? "..") }
}

/// What a date cell holds: a point at some precision, or a span.
public enum DateValue: Sendable, Hashable, CustomStringConvertible {
    case point(PartialDate)
    case span(DateSpan)

    /// The date used to place the value on a timeline (a span's start).
    public var start: PartialDate {
        switch self { case .point(let p): return p; case .span(let s): return s.start }
    }
    public var description: String {
        switch self { case .point(let p): return p.description; case .span(let s): return s.description }
    }
    /// First day covered (days since 1970-01-01), for placing the value on a time axis.
    public var firstDayNumber: Int { start.firstDayNumber }
    /// Last day covered; an open span ends with the report date's last day.
    public func lastDayNumber(reportDate: PartialDate) -> Int {
        switch self {
        case .point(let p): return p.lastDayNumber
        case .span(let s): return s.end(or: reportDate).lastDayNumber
        }
    }
}
