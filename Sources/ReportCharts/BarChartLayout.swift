import ReportScene

/// One drawn bar (or stack segment), page coordinates.
public struct BarMark: Sendable, Hashable {
    public var series: Int
    /// Index into `spec.categories` (before sorting).
    public var category: Int
    /// Position along the category axis after sorting (0 = left or top).
    public var slot: Int
    /// As given in the spec.
    public var value: Double
    /// After unit scaling: what the value axis shows.
    public var scaledValue: Double
    public var rect: Rect
    public var color: Color
    public var highlighted: Bool
    public var status: BarValueStatus
    /// "bar.<series>.<category>", for tests and debugging.
    public var name: String { "bar.\(series).\(category)" }
}

/// A placed text with its covered box, page coordinates.
public struct PlacedLabel: Sendable, Hashable {
    public var text: String
    public var box: Rect
    /// Category index for category and value labels, tick index for tick labels.
    public var index: Int
}

/// One printed value of a bar (or of a stack's total) and where it went.
public struct BarValueLabel: Sendable, Hashable {
    /// nil for the total of a stack.
    public var series: Int?
    public var category: Int
    public var text: String
    public var box: Rect
    /// Drawn inside its bar (in a contrasting colour) rather than past its end.
    public var inside: Bool
}

/// A reference line (a target, an average) across the bars, with its label's place.
public struct BarReferenceMark: Sendable, Hashable {
    public var value: Double
    /// x of a vertical line (horizontal bars) or y of a horizontal line (vertical bars).
    public var position: Double
    /// nil when no free spot was left for the label (the line is still drawn).
    public var labelBox: Rect?
}

/// A laid-out bar chart: the scene plus the geometry that produced it.
public struct BarChartLayout: Sendable {
    public var group: Group
    public var frame: Size
    /// Resolved: never `.automatic`.
    public var orientation: BarOrientation
    public var plotRect: Rect
    public var bars: [BarMark]
    public var valueLabels: [BarValueLabel]
    /// Every category's label (with `categoryLabels: .sampled`, every k-th). Texts hold "\n"
    /// where the label breaks.
    public var categoryLabels: [PlacedLabel]
    public var ticks: TickSet
    public var tickLabels: [PlacedLabel]
    /// Value axis title as shown (after unit scaling), if any.
    public var valueAxisTitle: String?
    public var unit: UnitScale
    /// Maps scaled values to x (horizontal) or y (vertical).
    public var valueScale: LinearScale
    public var categoryScale: BandScale
    public var referenceLines: [BarReferenceMark]
    public var legend: LegendLayout?

    /// Position of the zero baseline along the value axis.
    public var zeroPosition: Double { valueScale(0) }
    /// The bar of `series` in `category`, or nil when that value has no bar.
    public func bar(series: Int, category: Int) -> BarMark? {
        bars.first { $0.series == series && $0.category == category }
    }
}
