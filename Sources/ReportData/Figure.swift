/// A figure addressable from prose by id (`{{figures.village_income_total}}`).
public struct Figure: Sendable, Hashable, Identifiable {
    public var id: String
    public var label: String
    public var quantity: Quantity
    public var rank: Rank?
    public var date: DateValue?
    public var section: String?
    public var sourceSentence: String?
    /// Computed from other figures by a metadata formula, not read from the source.
    public var derived: Bool
    /// Ids of the figures a derived value was computed from (its provenance).
    public var inputs: [String]
    /// The formula as written, for notes ("6.78 / (1 + 18%)").
    public var formula: String?
    /// Fraction digits to show; nil uses the formatter default.
    public var decimals: Int?
    public var dataset: String
    public var line: Int
    /// The unit every display of the figure uses (prose, labels, tables, appendix, change summary):
    /// the figure's own `display` cell, else the report's display policy; nil shows it as written.
    public var displayUnit: String?
    /// For a growth rate or share, the id of the figure it is computed on (同比增长18% → 6.78亿元).
    public var base: String?

    public init(id: String, label: String, quantity: Quantity, rank: Rank? = nil, date: DateValue? = nil,
                section: String? = nil, sourceSentence: String? = nil, derived: Bool = false, inputs: [String] = [],
                formula: String? = nil, decimals: Int? = nil, dataset: String = "", line: Int = 0,
                displayUnit: String? = nil, base: String? = nil) {
        self.id = id; self.label = label; self.quantity = quantity; self.rank = rank; self.date = date
        self.section = section; self.sourceSentence = sourceSentence; self.derived = derived; self.inputs = inputs
        self.formula = formula; self.decimals = decimals; self.dataset = dataset; self.line = line
        self.displayUnit = displayUnit; self.base = base
    }
}
