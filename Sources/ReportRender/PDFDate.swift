import ReportCalendar

/// Formats seconds since 1970 as `YYYY-MM-DDThh:mm:ss` in UTC for Cairo's PDF metadata.
/// Computed arithmetically (no clock, no time zone database) so output never depends on the host.
enum PDFDate {
    static func iso8601(_ epoch: Int64) -> String {
        let days = floorDiv(epoch, 86_400)
        let secs = epoch - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        func two(_ v: Int64) -> String { String(v).leftPadded(to: 2) }
        return "\(String(y).leftPadded(to: 4))-\(two(m))-\(two(d))T\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60))"
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let c = CivilCalendar.civil(fromDayNumber: Int(days))
        return (Int64(c.year), Int64(c.month), Int64(c.day))
    }
}
