/// What kind of value a number cell states beyond a single amount.
public enum ValueShape: Sendable, Hashable {
    /// One amount: 6.78亿元.
    case single
    /// A ratio `value:second` (1.58:1); `value` is the first term, the unit is empty.
    case ratio(second: Double)
    /// A range `value`–`upper` in the same unit (3–5万元, 30%–40%).
    case range(upper: Double)
}

/// A number with its unit and qualifier, e.g. 1200余家 = Quantity(1200, unit: "家", qualifier: .moreThan).
public struct Quantity: Sendable, Hashable {
    public var value: Double
    /// The unit as written in Chinese (亿元, 万元, 公里, 家, 个, %, 个百分点); empty for bare counts and ratios.
    public var unit: String
    public var qualifier: Qualifier
    /// The source's own qualifier word (近, 将近, 超过, 多…); nil writes the meaning's default word.
    public var qualifierWord: String?
    public var shape: ValueShape
    /// The source wrote an explicit plus sign (`+5`): the display keeps it (`+5万吨`), since every
    /// figure reads as the source wrote it. Only single values carry it; computed values never do.
    public var explicitPlus: Bool

    public init(_ value: Double, unit: String = "", qualifier: Qualifier = .exact, word: String? = nil,
                shape: ValueShape = .single, explicitPlus: Bool = false) {
        self.value = value; self.unit = unit; self.qualifier = qualifier; self.qualifierWord = word; self.shape = shape
        self.explicitPlus = explicitPlus
    }

    /// The qualifier with the word to print.
    public var mark: QualifierMark { QualifierMark(qualifier, word: qualifierWord) }

    /// The same amount expressed in another unit of the same family (元/万元/亿元), or nil if unrelated.
    public func converted(to target: String) -> Quantity? {
        guard let from = UnitScale.factor(of: unit), let to = UnitScale.factor(of: target),
              UnitScale.base(of: unit) == UnitScale.base(of: target) else { return unit == target ? self : nil }
        var q = self
        q.value = value * from / to; q.unit = target
        if case .range(let upper) = shape { q.shape = .range(upper: upper * from / to) }
        return q
    }

    /// The upper end of a range, else the value itself (what a bar of the range reaches).
    public var upperValue: Double {
        if case .range(let u) = shape { return u }
        return value
    }
}
