/// A choice of Chinese magnitude unit for a value axis: values are divided by `divisor`
/// and the axis title reads `unit` (e.g. 6.78e8 元 → 6.78 亿元).
public struct UnitScale: Sendable, Hashable {
    public var divisor: Double
    public var unit: String
    public init(divisor: Double, unit: String) { self.divisor = divisor; self.unit = unit }
    /// No scaling: values shown in `unit` as they are.
    public static func identity(_ unit: String) -> UnitScale { UnitScale(divisor: 1, unit: unit) }
    /// `value` in the scaled unit (divided by `divisor`).
    public func apply(_ value: Double) -> Double { value / divisor }

    static let prefixes: [(String, Double)] = [("万亿", 1e12), ("亿", 1e8), ("万", 1e4)]
    /// Units that are ratios or readings, never scaled by 万/亿.
    static let unscalable: Set<String> = ["%", "％", "‰", "倍", "℃", "°C", "个百分点", "百分点", "度", "分"]

    /// The largest of 万亿/亿/万 that keeps `maxMagnitude` (in `unit`) at least 1, never smaller than
    /// the unit's own magnitude: 5,697,000 元 → 万元; 6.78e8 元 → 亿元; 25,000 万元 → 亿元; 300 元 → 元.
    public static func choose(maxMagnitude: Double, unit: String) -> UnitScale {
        let (ownFactor, base) = split(unit)
        let m = abs(maxMagnitude)
        guard m.isFinite, m > 0, !unscalable.contains(base) else { return .identity(unit) }
        let inBase = m * ownFactor
        for (prefix, factor) in prefixes where inBase >= factor {
            return factor > ownFactor ? UnitScale(divisor: factor / ownFactor, unit: prefix + base) : .identity(unit)
        }
        return .identity(unit)
    }

    /// Splits "亿元" into (1e8, "元"); a unit without a magnitude prefix has factor 1.
    static func split(_ unit: String) -> (Double, String) {
        for (prefix, factor) in prefixes where unit.hasPrefix(prefix) {
            return (factor, String(unit.dropFirst(prefix.count)))
        }
        return (1, unit)
    }
}

/// How a bar chart picks the magnitude of its value axis.
public enum UnitScaling: Sendable, Hashable {
    /// Values and the axis title are used as given.
    case off
    /// Chooses 万/亿 from the data, treating `valueAxisTitle` as the data's unit.
    case automatic
    case fixed(UnitScale)
}
