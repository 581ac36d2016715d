import Foundation

/// Formats values the way Chinese reports print them; one formatter serves prose, value labels and axes.
///
/// Policy (documented in docs/data-format.md):
/// - at most `maxFractionDigits` decimals (default 2), trailing zeros dropped: 569.7万元, 6.78亿元, 18%;
/// - no thousands separators (Chinese reports write 12000; 万/亿 units keep numbers short);
/// - qualifiers keep the source's word at its place: 余/多 between number and unit (1200余家,
///   860余万元, 3万余条; with % 18%以上), 超过/逾/超/近/将近/接近/约/大约/不足/不到/预计 before the
///   number, 左右/以上/以下 after the unit;
/// - ratios as 1.58:1, ranges as 3–5万元 and 30%–40%;
/// - negative numbers take an ASCII hyphen-minus (-3.5%), and -0 prints as 0; a plus sign the
///   source wrote is kept (+5万吨, `Quantity.explicitPlus`);
/// - dates at their own precision (2022年5月15日, 2022年3月, 2022年), approximate ones as 近日,
///   spans as 2022年1月至今 / 2022年3月—5月.
public struct ChineseFormatter: Sendable {
    public var maxFractionDigits: Int
    /// Appended to derived figures so readers can tell computed values from quoted ones.
    public var derivedMark: String
    /// When set, dates in this year omit the year (5月15日), as prose about the current year does.
    public var currentYear: Int?

    public init(maxFractionDigits: Int = 2, derivedMark: String = "（推算）", currentYear: Int? = nil) {
        self.maxFractionDigits = maxFractionDigits; self.derivedMark = derivedMark; self.currentYear = currentYear
    }

    /// 12000, 569.7, 6.78, -3.5 (rounded half away from zero to `fractionDigits`).
    public func number(_ v: Double, fractionDigits: Int? = nil) -> String {
        guard v.isFinite else { return "—" }
        let digits = max(0, min(fractionDigits ?? maxFractionDigits, 10))
        if let s = DecimalDigits.rounded(abs(v), fractionDigits: digits) {
            return (v < 0 && s != "0" ? "-" : "") + s
        }
        return Self.printfNumber(v, digits: digits)
    }

    /// `number` through C's printf: the definition `DecimalDigits` reproduces, and the path of the
    /// values it leaves (huge ones, and those a hair from a rounding tie).
    static func printfNumber(_ v: Double, digits: Int) -> String {
        let scale = pow(10.0, Double(digits))
        // Round on a decimal string view of the value to avoid 2.675 → 2.67 surprises from binary floats.
        var rounded = (Double(PrintfNumber.string("%.12g", abs(v) * scale))! ).rounded(.toNearestOrAwayFromZero) / scale
        if rounded == 0 { rounded = 0 }
        var s = PrintfNumber.string(PrintfNumber.fixed[digits], rounded)
        // On the bytes: `String.contains(String)` is Foundation's `range(of:)` (5% of a 10,000-bar chart).
        if s.utf8.contains(UInt8(ascii: ".")) {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return (v < 0 && rounded != 0 ? "-" : "") + s
    }

    /// 6.78亿元, 1200余家, 860余万元, 3万余条, 近5.8万元, 超过860万元, 5万元左右, 1.58:1, 3–5万元, 30%–40%.
    /// The qualifier word goes where Chinese puts it (see `QualifierMark.Position`).
    public func quantity(_ q: Quantity, fractionDigits: Int? = nil) -> String {
        let n = { (v: Double) in self.number(v, fractionDigits: fractionDigits) }
        let percent = q.unit == "%"
        var numberText: String, unitText: String
        switch q.shape {
        case .single: numberText = n(q.value); unitText = q.unit
        case .ratio(let second): numberText = n(q.value) + ":" + n(second); unitText = q.unit
        case .range(let upper):
            // Both ends carry % (30%–40%); other units are written once, at the end (3–5万元).
            numberText = n(q.value) + (percent ? "%" : "") + "–" + n(upper); unitText = q.unit
        }
        if q.explicitPlus && q.value >= 0 { numberText = "+" + numberText }
        let mark = q.mark
        guard q.qualifier != .exact, !mark.word.isEmpty else { return numberText + unitText }
        switch mark.position {
        case .beforeNumber: return mark.word + numberText + unitText
        case .afterUnit: return numberText + unitText + mark.word
        case .afterNumber: return Self.insertAfterNumber(mark.word, numberText, unitText)
        }
    }

    /// 余/多 between number and unit. With 万元/亿元 and a whole number they precede the magnitude
    /// (860余万元, 6余亿元), as Chinese writes money; with a decimal (5.8万余元) or another unit they
    /// follow it (3万余条, 1200余家). A percentage takes 以上 for 余 (20%以上).
    static func insertAfterNumber(_ word: String, _ number: String, _ unit: String) -> String {
        if unit == "%" { return number + unit + (word == "余" ? "以上" : word) }
        guard unit.count > 1, let f = UnitScale.factor(of: unit), f > 1 else { return number + word + unit }
        let prefix = String(unit.prefix(1)), rest = String(unit.dropFirst())
        let money = rest == "元" && (prefix == "万" || prefix == "亿")
        if money && !number.contains("." as Character) { return number + word + unit }
        return number + prefix + word + rest
    }

    /// The quantity in another unit of its family (a column's shared scale); unchanged if unrelated.
    public func quantity(_ q: Quantity, in unit: String, fractionDigits: Int? = nil) -> String {
        quantity(q.converted(to: unit) ?? q, fractionDigits: fractionDigits)
    }

    /// An axis tick or bar label: the number only (the unit goes in the axis title).
    public func tick(_ v: Double, fractionDigits: Int? = nil) -> String { number(v, fractionDigits: fractionDigits) }

    /// An axis or column title carrying the shared unit: 村级集体经营性收入（亿元）.
    public func axisTitle(_ label: String, unit: String) -> String { unit.isEmpty ? label : label + "（" + unit + "）" }

    /// A figure's value in its display unit (see `Figure.displayUnit`), with the derived mark when
    /// it was computed. Every place that shows the figure calls this, so it reads the same everywhere.
    public func figure(_ f: Figure) -> String {
        let (q, digits) = displayed(f)
        return quantity(q, fractionDigits: digits) + (f.derived ? derivedMark : "")
    }

    /// The figure in another unit, for a template that asks for it explicitly ({{figures.x.in.base}}, .wan, .yi).
    /// Nil when the unit is not of the figure's family.
    public func figure(_ f: Figure, in unit: String) -> String? {
        guard let q = f.quantity.converted(to: unit) else { return nil }
        return quantity(q, fractionDigits: Self.losslessDigits(f, to: unit, base: f.decimals ?? maxFractionDigits))
            + (f.derived ? derivedMark : "")
    }

    /// The quantity to show and its fraction digits: converted to the display unit with as many
    /// digits as the conversion needs, so no digit of the source is rounded away (48705元 → 4.8705万元).
    public func displayed(_ f: Figure) -> (Quantity, Int?) {
        guard let unit = f.displayUnit, unit != f.quantity.unit, let q = f.quantity.converted(to: unit) else {
            return (f.quantity, f.decimals)
        }
        return (q, Self.losslessDigits(f, to: unit, base: f.decimals ?? maxFractionDigits))
    }

    /// Fraction digits that keep every digit of the stored value after conversion to `unit`.
    static func losslessDigits(_ f: Figure, to unit: String, base: Int) -> Int {
        guard let from = UnitScale.factor(of: f.quantity.unit), let to = UnitScale.factor(of: unit), to > from else { return base }
        let shift = Int((log10(to / from)).rounded())
        let written = f.derived ? base : decimalsWritten(f.quantity.value)
        return min(10, max(base, written + shift))
    }

    /// The fraction digits of a value as typed (569.7 → 1, 48705 → 0, 5471772.99 → 2), read from its
    /// shortest 15-significant-digit form, which a CSV decimal round-trips through.
    static func decimalsWritten(_ v: Double) -> Int {
        let text = PrintfNumber.string("%.15g", abs(v))
        if let e = text.firstIndex(where: { $0 == "e" }) {
            let exponent = Int(text[text.index(after: e)...]) ?? 0
            let mantissa = text[..<e]
            let fraction = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
            return min(10, max(0, fraction - exponent))
        }
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return min(10, text.distance(from: dot, to: text.endIndex) - 1)
    }

    /// A rank as the source wrote it (第3, 前十).
    public func rank(_ r: Rank) -> String { r.text }

    /// Display strings of a figure for templates: `value` (6.78亿元), `number` (6.78), `unit`,
    /// `label`, `date`, `rank`, `section`, `source_sentence` and `derived` ("true" or "").
    /// Absent parts are empty strings.
    public func fields(of f: Figure) -> [String: String] {
        [
            "value": figure(f), "number": displayedNumber(f), "unit": displayed(f).0.unit,
            "qualifier": f.quantity.qualifier == .exact ? "" : f.quantity.mark.word, "label": f.label, "date": f.date.map(dateValue) ?? "",
            "rank": f.rank.map(rank) ?? "", "section": f.section ?? "", "source_sentence": f.sourceSentence ?? "",
            "derived": f.derived ? "true" : "",
        ]
    }

    /// The figure's number alone in its display unit, ratio and range included (1.58:1, 3–5).
    func displayedNumber(_ f: Figure) -> String {
        var (q, digits) = displayed(f)
        q.qualifier = .exact; q.unit = ""
        return quantity(q, fractionDigits: digits)
    }

    /// A date in Chinese (2022年5月15日); the year is left out for a month or day of `currentYear`; approximate dates read 近日.
    public func date(_ d: PartialDate) -> String {
        if d.approximate { return "近日" }
        return Self.written(d, year: d.year != currentYear || d.month == nil, month: true)
    }

    /// A span in Chinese: start—end, or start至今 when open. The end's year is left out only when
    /// it is the start's: an end in another year keeps its year even when that is `currentYear`
    /// ("2021年10月16日—2022年2月1日"; "—2月1日" would read as before the start).
    public func span(_ s: DateSpan) -> String {
        guard let end = s.end else { return date(s.start) + "至今" }
        let sameYear = end.year == s.start.year && end.month != nil && !end.approximate
        let sameMonth = sameYear && end.month == s.start.month && end.day != nil && s.start.day != nil
        let e = sameYear ? Self.written(end, year: false, month: !sameMonth)
            : end.approximate ? "近日" : Self.written(end, year: true, month: true)
        return date(s.start) + "—" + e
    }

    /// 2022年5月15日 from the parts asked for and known, appended piece by piece: a 10,000-event
    /// timeline formats every date for its alt text and value list, and string interpolation
    /// with prefix trimming was 4% of that process.
    private static func written(_ d: PartialDate, year: Bool, month: Bool) -> String {
        var s = ""
        s.reserveCapacity(24)
        if year { s += String(d.year); s += "年" }
        if month, let m = d.month { s += String(m); s += "月" }
        if let day = d.day { s += String(day); s += "日" }
        return s
    }

    /// A date cell in Chinese: `date` for a point, `span` for a span.
    public func dateValue(_ v: DateValue) -> String {
        switch v { case .point(let p): return date(p); case .span(let s): return span(s) }
    }

    /// Any cell, for generic tables.
    public func cell(_ v: CellValue) -> String {
        switch v {
        case .empty: return ""
        case .text(let t): return t
        case .number(let q): return quantity(q)
        case .date(let d): return dateValue(d)
        case .qualifier(let q): return q.defaultWord
        case .rank(let r): return rank(r)
        }
    }
}
