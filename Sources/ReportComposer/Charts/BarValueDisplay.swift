import ReportData

/// Value label texts of a bar chart in the prose's display (ChineseFormatter), honest about
/// rounding: in the axis unit when every value reads nonzero and within 1% there ("6.78"),
/// otherwise every label carries its own unit ("592万元" beside "8.46亿元"), with more decimals
/// only when even its own unit would round it away.
struct BarValueDisplay {
    let formatter: ChineseFormatter
    /// The unit the values are given in and the axis shows (亿元, 家, %).
    let axisUnit: String

    /// Largest relative error a label may show.
    static let tolerance = 0.01

    /// The number as displayed, read back; nil when it is not a plain number.
    static func reading(_ shown: String) -> Double? {
        Double(shown.replacingAll("−", with: "-"))
    }

    /// True when `v` displayed at `digits` decimals is nonzero (for nonzero v) and within 1%.
    func honest(_ v: Double, fractionDigits digits: Int? = nil) -> Bool {
        guard v != 0 else { return true }
        guard let r = Self.reading(formatter.number(v, fractionDigits: digits)) else { return true }
        return r != 0 && abs(r - v) <= Self.tolerance * abs(v)
    }

    /// Labels for quantities in the axis unit, each at its own decimals when given (a figure's
    /// source precision); nil entries stay nil.
    func labels(_ quantities: [Quantity?], fractionDigits: [Int?] = []) -> [String?] {
        let digits = fractionDigits.isEmpty ? Array(repeating: nil, count: quantities.count) : fractionDigits
        let own = zip(quantities, digits).contains { q, d in q.map { !honest($0.value, fractionDigits: d) } ?? false }
        return zip(quantities, digits).map { q, d in q.map { own ? withOwnUnit($0) : numberOnly($0, fractionDigits: d) } }
    }

    /// "6.78", "1200余", "预计12": the unit is on the axis.
    func numberOnly(_ q: Quantity, fractionDigits: Int? = nil) -> String {
        var bare = q
        bare.unit = ""
        return formatter.quantity(bare, fractionDigits: fractionDigits)
    }

    /// A stack total in the axis unit, unit included; its own unit when the axis unit would round it away.
    func total(_ v: Double) -> String {
        let q = Quantity(v, unit: axisUnit)
        return honest(v) ? formatter.quantity(q) : withOwnUnit(q)
    }

    /// The quantity in the 万/亿 unit that suits its own magnitude, with enough decimals to be honest.
    func withOwnUnit(_ q: Quantity) -> String {
        let base = UnitScale.base(of: axisUnit)
        let factor = UnitScale.factor(of: axisUnit) ?? 1
        let unit = UnitScale.choose(for: [q.value * factor], baseUnit: base)
        let shown = q.converted(to: unit) ?? q
        var digits = formatter.maxFractionDigits
        while digits < 8, !honest(shown.value, fractionDigits: digits) { digits += 1 }
        return formatter.quantity(shown, fractionDigits: digits)
    }
}
