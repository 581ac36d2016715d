import Foundation

/// Formats values the way Chinese reports print them; one formatter serves prose, value labels and axes.
///
/// Policy (documented in docs/data-format.md):
/// - at most `maxFractionDigits` decimals (default 2), trailing zeros dropped: 569.7万元, 6.78亿元, 18%;
/// - no thousands separators (Chinese reports write 12000; 万/亿 units keep numbers short);
/// - 余 sits between number and unit, after a 万/亿 prefix (1200余家, 3万余条); with % it becomes 18%以上;
/// - 约 and 预计 go before the number (约5亿元, 预计12万份);
/// - negative numbers take an ASCII hyphen-minus (-3.5%), and -0 prints as 0;
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
        let scale = pow(10.0, Double(digits))
        // Round on a decimal string view of the value to avoid 2.675 → 2.67 surprises from binary floats.
        var rounded = (Double(String(format: "%.12g", abs(v) * scale))! ).rounded(.toNearestOrAwayFromZero) / scale
        if rounded == 0 { rounded = 0 }
        var s = String(format: "%.\(digits)f", rounded)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return (v < 0 && rounded != 0 ? "-" : "") + s
    }

    /// 6.78亿元, 1200余家, 3万余条, 约5亿元, 预计12万份, 18%.
    public func quantity(_ q: Quantity, fractionDigits: Int? = nil) -> String {
        let n = number(q.value, fractionDigits: fractionDigits)
        switch q.qualifier {
        case .exact: return n + q.unit
        case .about: return "约" + n + q.unit
        case .planned: return "预计" + n + q.unit
        case .moreThan:
            if q.unit.hasPrefix("%") { return n + q.unit + "以上" }
            if q.unit.count > 1, UnitScale.factor(of: q.unit).map({ $0 > 1 }) == true {
                return n + String(q.unit.prefix(1)) + "余" + String(q.unit.dropFirst())
            }
            return n + "余" + q.unit
        }
    }

    /// The quantity in another unit of its family (a column's shared scale); unchanged if unrelated.
    public func quantity(_ q: Quantity, in unit: String, fractionDigits: Int? = nil) -> String {
        quantity(q.converted(to: unit) ?? q, fractionDigits: fractionDigits)
    }

    /// An axis tick or bar label: the number only (the unit goes in the axis title).
    public func tick(_ v: Double, fractionDigits: Int? = nil) -> String { number(v, fractionDigits: fractionDigits) }

    /// An axis or column title carrying the shared unit: 村级集体经营性收入（亿元）.
    public func axisTitle(_ label: String, unit: String) -> String { unit.isEmpty ? label : label + "（" + unit + "）" }

    /// A figure's value, with the derived mark when it was computed.
    public func figure(_ f: Figure) -> String {
        quantity(f.quantity, fractionDigits: f.decimals) + (f.derived ? derivedMark : "")
    }

    public func rank(_ r: Rank) -> String { r.text }

    /// Display strings of a figure for templates: `value` (6.78亿元), `number` (6.78), `unit`,
    /// `label`, `date`, `rank`, `section`, `source_sentence` and `derived` ("true" or "").
    /// Absent parts are empty strings.
    public func fields(of f: Figure) -> [String: String] {
        [
            "value": figure(f), "number": number(f.quantity.value, fractionDigits: f.decimals),
            "unit": f.quantity.unit, "label": f.label, "date": f.date.map(dateValue) ?? "",
            "rank": f.rank.map(rank) ?? "", "section": f.section ?? "", "source_sentence": f.sourceSentence ?? "",
            "derived": f.derived ? "true" : "",
        ]
    }

    public func date(_ d: PartialDate) -> String {
        if d.approximate { return "近日" }
        var s = d.year == currentYear && d.month != nil ? "" : "\(d.year)年"
        if let m = d.month { s += "\(m)月" }
        if let day = d.day { s += "\(day)日" }
        return s
    }

    public func span(_ s: DateSpan) -> String {
        guard let end = s.end else { return date(s.start) + "至今" }
        var e = date(end)
        let sameYear = end.year == s.start.year && end.month != nil && !end.approximate
        if sameYear, e.hasPrefix("\(end.year)年") { e.removeFirst("\(end.year)年".count) }
        if sameYear, end.month == s.start.month, end.day != nil, s.start.day != nil, let m = end.month {
            e.removeFirst("\(m)月".count)
        }
        return date(s.start) + "—" + e
    }

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
        case .qualifier(let q): return ["exact": "", "more_than": "余", "about": "约", "planned": "预计"][q.rawValue] ?? ""
        case .rank(let r): return rank(r)
        }
    }
}
