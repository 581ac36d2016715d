/// Chinese magnitude prefixes on units (万元 = 10⁴ 元, 亿元 = 10⁸ 元, 万份 = 10⁴ 份) and the choice of
/// one prefix per column, so values shown side by side (bars, table cells) stay comparable.
public enum UnitScale {
    static let prefixes: [(Character, Double)] = [("亿", 1e8), ("万", 1e4), ("千", 1e3), ("百", 1e2)]

    /// Units that start with a magnitude character without being a magnitude of another unit.
    static let unprefixed: [String] = ["百分点", "百分比", "千分点", "千分比", "百分号"]

    /// Percentage points (个百分点, 百分点): a difference of two percentages, never scaled.
    public static func isPercentagePoints(_ unit: String) -> Bool { unit == "百分点" || unit == "个百分点" }

    /// 10⁴ for 万元, 1 for 元 or 家; nil for an empty unit or a lone prefix.
    public static func factor(of unit: String) -> Double? {
        guard let first = unit.first else { return nil }
        if unprefixed.contains(where: { unit.hasPrefix($0) }) { return 1 }
        if unit.count > 1, let p = prefixes.first(where: { $0.0 == first }) { return p.1 }
        return prefixes.contains(where: { $0.0 == first }) ? nil : 1
    }

    /// The unit without its magnitude prefix: 万元 → 元, 公里 → 公里.
    public static func base(of unit: String) -> String {
        guard unit.count > 1, !unprefixed.contains(where: { unit.hasPrefix($0) }), let first = unit.first, prefixes.contains(where: { $0.0 == first }) else { return unit }
        return String(unit.dropFirst())
    }

    /// The unit (base, 万+base or 亿+base) that suits the largest magnitude among `values`,
    /// which are given in `baseUnit`. A value of at least 1亿 picks 亿, at least 1万 picks 万.
    /// Percentages and units that already carry a prefix are returned unchanged.
    public static func choose(for values: [Double], baseUnit: String) -> String {
        guard baseUnit != "%", factor(of: baseUnit) == 1 else { return baseUnit }
        let top = values.map { abs($0) }.filter { $0.isFinite }.max() ?? 0
        if top >= 1e8 { return "亿" + baseUnit }
        if top >= 1e4 { return "万" + baseUnit }
        return baseUnit
    }

    /// The common unit for quantities of one family, chosen on their values in the base unit.
    public static func choose(for quantities: [Quantity]) -> String? {
        guard let first = quantities.first else { return nil }
        let base = base(of: first.unit)
        guard quantities.allSatisfy({ Self.base(of: $0.unit) == base }) else { return nil }
        let inBase = quantities.compactMap { q in factor(of: q.unit).map { q.value * $0 } }
        return choose(for: inBase, baseUnit: base)
    }
}
