/// A typed cell.
public enum CellValue: Sendable, Hashable {
    case empty
    case text(String)
    case number(Quantity)
    case date(DateValue)
    case qualifier(Qualifier)
    case rank(Rank)

    public var text: String? { if case .text(let s) = self { return s }; return nil }
    public var quantity: Quantity? { if case .number(let q) = self { return q }; return nil }
    public var date: DateValue? { if case .date(let d) = self { return d }; return nil }
    public var rank: Rank? { if case .rank(let r) = self { return r }; return nil }
    public var isEmpty: Bool { self == .empty }
}
