import Foundation

/// Parses date cells in ISO and Chinese forms, resolving relative wording against a reference
/// date: the record's own source date when its dataset names one, else the report date.
///
/// Points: `2022`, `2022-05`, `2022-05-15`, `2022年`, `2022年5月`, `2022年5月15日`, `5月15日`
/// (reference year), `今年3月`, `去年`, `近日`/`日前`/`近期`/`目前` (approximate: the reference
/// date itself, standing for the `PartialDate.recentWindowDays` before it up to its end).
/// Spans: `A/B`, `A/..` (open), `A至B`, `A—B`, `A~B`, `A至今`, `A以来` (open), `今年以来`
/// (= 今年1月 to the report date). A Chinese end without a year takes the start's year
/// (`2022年3月—5月`).
public struct DateParser: Sendable {
    // Words and separators are found by their UTF-8 bytes (`find`): Foundation's
    // `contains`/`range(of:)` on String (CFStringFind) and the standard library's generic
    // `firstRange(of:)` were a fifth of loading a 10,000-event timeline.
    private static let relativeWords = ["近日", "日前", "近期", "目前", "今年", "去年", "明年", "前年", "以来", "至今"].map { Array($0.utf8) }
    private static let separators = ["/", "至", "—", "–", "~", "－－", "--"].map { Array($0.utf8) }

    /// What relative wording resolves against (the report date, or a record's source date).
    public var reportDate: PartialDate
    public init(reportDate: PartialDate) { self.reportDate = reportDate }

    /// True for text naming a date without reference to another (`2022-04-19`, `2022年4月`), as a
    /// reference date must.
    public static func isAbsolute(_ text: String) -> Bool {
        let s = FullWidth.normalise(text).text.trimmed
        if relativeWords.contains(where: { find($0, in: s) != nil }) {
            return false
        }
        // A Chinese date without its year takes the reference year.
        return s.first?.isNumber == true && (s.contains("-" as Character) || s.contains("年" as Character) || s.allSatisfy(\.isNumber))
    }

    /// Parses a date cell (the forms above), or says why it is not a date.
    public func parse(_ raw: String) -> Result<DateValue, DateError> {
        Self.plainISO(raw) ?? parseFully(raw)
    }

    /// `parse` without the shortcut for plain ISO cells (the reference `DateParserShortcutTests`
    /// compares it with).
    func parseFully(_ raw: String) -> Result<DateValue, DateError> {
        let s = FullWidth.normalise(raw).text.trimmed
        guard !s.isEmpty else { return .failure(.invalid(raw)) }
        for suffix in ["以来", "至今"] where s.hasSuffix(suffix) {
            var head = String(s.dropLast(suffix.count))
            if head == "今年" { head = "今年1月" }
            return point(head, defaultYear: reportDate.year).flatMap { start in
                DateSpan(start: start, end: nil).map { .success(.span($0)) } ?? .failure(.endBeforeStart(raw))
            }
        }
        for sep in Self.separators {
            guard let r = Self.find(sep, in: s) else { continue }
            let a = String(s[..<r.lowerBound]), b = String(s[r.upperBound...])
            return point(a, defaultYear: reportDate.year).flatMap { start in
                if b == ".." || b.isEmpty { return .success(.span(DateSpan(start: start, end: nil)!)) }
                return point(b, defaultYear: start.year).flatMap { end in
                    DateSpan(start: start, end: end).map { .success(.span($0)) } ?? .failure(.endBeforeStart(raw))
                }
            }
        }
        return point(s, defaultYear: reportDate.year).map { .point($0) }
    }

    /// One point; `defaultYear` fills Chinese forms that omit the year.
    func point(_ text: String, defaultYear: Int) -> Result<PartialDate, DateError> {
        var s = text.trimmed
        if ["近日", "日前", "近期", "目前"].contains(s) {
            var d = reportDate; d.approximate = true; return .success(d)
        }
        for (word, offset) in [("今年", 0), ("去年", -1), ("明年", 1), ("前年", -2)] where s.hasPrefix(word) {
            s = String(reportDate.year + offset) + "年" + s.dropFirst(word.count)
        }
        guard let parts = s.contains(where: { $0 == "年" || $0 == "月" || $0 == "日" }) ? chinese(s, defaultYear) : iso(s)
        else { return .failure(.invalid(text)) }
        guard let d = PartialDate(year: parts.0, month: parts.1, day: parts.2) else {
            return .failure(.impossible(text))
        }
        return .success(d)
    }

    /// The first occurrence of `needle` (the UTF-8 of whole scalars) in `s`: a scalar-aligned
    /// range of `s`.
    static func find(_ needle: [UInt8], in s: String) -> Range<String.Index>? {
        guard let first = needle.first else { return nil }
        let u = s.utf8
        var from = u.startIndex
        while let j = u[from...].firstIndex(of: first) {
            var k = j, m = 0
            while m < needle.count, k != u.endIndex, u[k] == needle[m] { u.formIndex(after: &k); m += 1 }
            if m == needle.count { return j..<k }
            from = u.index(after: j)
        }
        return nil
    }

    /// `2022`, `2022-05`, `2022-5-15` and spans of two such dates (`2021-01-01/2021-03-01`):
    /// ASCII digits, single dashes and one slash, the form of nearly every cell of a large
    /// dataset. Such a cell needs no normalising or trimming and holds no word or other span
    /// separator, so `parse` would reach `iso` with the text unchanged; this reads it in one pass
    /// over the bytes with the same result. Nil: not this form, or a span `parse` rejects (its
    /// message names the failing part), so parse it fully.
    static func plainISO(_ raw: String) -> Result<DateValue, DateError>? {
        let u = raw.utf8
        guard let slash = u.firstIndex(of: 0x2F) else {
            guard let point = plainPoint(u[...]) else { return nil }
            return point.map { .success(.point($0)) } ?? .failure(.impossible(raw))
        }
        guard case .some(.some(let start)) = plainPoint(u[..<slash]),
              case .some(.some(let end)) = plainPoint(u[u.index(after: slash)...]),
              let span = DateSpan(start: start, end: end) else { return nil }
        return .success(.span(span))
    }

    /// One plain ISO date: nil when the bytes are not of that form, `.some(nil)` when they are
    /// but name no calendar date.
    private static func plainPoint(_ bytes: Substring.UTF8View) -> PartialDate?? {
        var fields = (0, 0, 0), count = 0, digits = 0
        for b in bytes {
            if b >= 0x30 && b <= 0x39 {
                digits += 1
                guard digits <= (count == 0 ? 4 : 2) else { return nil }
                let v = Int(b - 0x30)
                switch count {
                case 0: fields.0 = fields.0 * 10 + v
                case 1: fields.1 = fields.1 * 10 + v
                default: fields.2 = fields.2 * 10 + v
                }
            } else if b == 0x2D {
                guard digits == (count == 0 ? 4 : digits), digits > 0, count < 2 else { return nil }
                count += 1; digits = 0
            } else {
                return nil
            }
        }
        guard digits > 0, count > 0 || digits == 4 else { return nil }
        return .some(PartialDate(year: fields.0, month: count >= 1 ? fields.1 : nil, day: count >= 2 ? fields.2 : nil))
    }

    private func iso(_ s: String) -> (Int, Int?, Int?)? {
        let f = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(f.count), f[0].count == 4, f.dropFirst().allSatisfy({ (1...2).contains($0.count) }),
              f.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let n = f.map { Int($0)! }
        return (n[0], n.count > 1 ? n[1] : nil, n.count > 2 ? n[2] : nil)
    }

    /// 2022年5月15日 and its prefixes/suffixes; components must appear in order, no gaps.
    private func chinese(_ s: String, _ defaultYear: Int) -> (Int, Int?, Int?)? {
        var rest = Substring(s)
        func take(_ mark: Character) -> Int?? {
            guard let i = rest.firstIndex(of: mark) else { return .some(nil) }
            let num = rest[..<i]
            guard !num.isEmpty, num.count <= 4, num.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            rest = rest[rest.index(after: i)...]
            return .some(Int(num)!)
        }
        guard let y = take("年"), let m = take("月"), let d = take("日"), rest.isEmpty else { return nil }
        if d != nil && m == nil { return nil }
        if y == nil && m == nil { return nil }
        return (y ?? defaultYear, m, d)
    }
}

/// Why a date cell was rejected; `explanation` is the message shown after the cell position.
public enum DateError: Error, Sendable, Hashable {
    case invalid(String), impossible(String), endBeforeStart(String)
    public var explanation: String {
        switch self {
        case .invalid: return "is not a date (use 2022-05-15, 2022-05, 2022, 2022年5月15日, 今年3月, 近日 or a span A/B)"
        case .impossible: return "is not a valid calendar date"
        case .endBeforeStart: return "ends before it starts"
        }
    }
}
