/// A number with its unit and qualifier, e.g. 1200余家 = Quantity(1200, unit: "家", qualifier: .moreThan).
public struct Quantity: Sendable, Hashable {
    public var value: Double
    /// The unit as written in Chinese (亿元, 万元, 公里, 家, 个, %); empty for bare counts.
    public var unit: String
    public var qualifier: Qualifier

    public init(_ value: Double, unit: String = "", qualifier: Qualifier = .exact) {
        self.value = value; self.unit = unit; self.qualifier = qualifier
    }

    /// The same amount expressed in another unit of the same family (元/万元/亿元), or nil if unrelated.
    public func converted(to target: String) -> Quantity? {
        guard let from = UnitScale.factor(of: unit), let to = UnitScale.factor(of: target),
              UnitScale.base(of: unit) == UnitScale.base(of: target) else { return unit == target ? self : nil }
        return Quantity(value * from / to, unit: target, qualifier: qualifier)
    }
}

/// A ranking or claim exactly as the source states it (全省第一, 居杭州市第一).
/// Kept as text: claims are quoted, never recomputed. `position` is extracted when the text
/// contains 第N so charts can sort or highlight.
public struct Rank: Sendable, Hashable {
    public var text: String
    public init(_ text: String) { self.text = text }

    /// The ordinal in 第一/第2 forms, if any.
    public var position: Int? {
        guard let r = text.range(of: "第") else { return nil }
        let rest = text[r.upperBound...]
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if let n = Int(digits) { return n }
        let map: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]
        return rest.first.flatMap { map[$0] }
    }
}
