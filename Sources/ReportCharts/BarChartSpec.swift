import ReportScene

/// One series of a bar chart: a value per category, in category order.
public struct BarSeries: Sendable, Hashable {
    public var name: String
    /// NaN or infinite values are missing: no bar and no label.
    public var values: [Double]
    /// Pre-formatted value labels ("1200余", "6.78亿元"), one per value or empty; nil entries
    /// fall back to the chart's value-label formatter.
    public var labels: [String?]
    /// Category indices whose bars are emphasised in `theme.highlight`.
    public var highlighted: Set<Int>
    /// Overrides the theme's palette colour for this series.
    public var color: Color?
    /// Per value: measured, planned (预计) or derived (推算); empty means all measured.
    public var status: [BarValueStatus]
    public init(name: String, values: [Double], labels: [String?] = [], highlighted: Set<Int> = [],
                color: Color? = nil, status: [BarValueStatus] = []) {
        self.name = name; self.values = values; self.labels = labels; self.highlighted = highlighted
        self.color = color; self.status = status
    }
    func status(_ c: Int) -> BarValueStatus { status.isEmpty ? .measured : status[c] }
}

/// Where a value comes from; planned and derived values are drawn distinctly, with a legend entry.
public enum BarValueStatus: String, Sendable, Hashable { case measured, planned, derived }

/// Which bars carry value labels. Labels are never thinned: every bar has one or none has.
public enum BarValueLabels: String, Sendable, Hashable {
    case none
    /// Every bar when they all fit in some form of the chart, else none.
    case ifRoom
    /// Every bar; the chart changes form to fit them, or the layout fails.
    case all
}

/// Which categories are named on the axis.
public enum BarCategoryLabels: String, Sendable, Hashable {
    /// Every category, in full: the chart changes form to fit them, or the layout fails.
    case all
    /// Every k-th category, for dense overview charts (asked for explicitly, never a fallback).
    case sampled
}

/// A dashed line across the plot at a value, e.g. the 80万元 threshold of a 薄弱村.
public struct BarReferenceLine: Sendable, Hashable {
    /// In the data's unit (scaled with the values when unit scaling is on).
    public var value: Double
    public var label: String
    public init(value: Double, label: String) { self.value = value; self.label = label }
}

/// Which way the bars run.
public enum BarOrientation: String, Sendable, Hashable {
    /// Columns rising from a horizontal category axis.
    case vertical
    /// Bars growing right from category labels on the left.
    case horizontal
    /// Vertical unless the category labels cannot fit under the columns in three lines.
    case automatic
}

/// Several series side by side in each category (grouped) or piled into one bar (stacked).
public enum BarMode: String, Sendable, Hashable { case grouped, stacked }

/// Category order: as given, or by value (the total for stacked bars, else the first series).
public enum BarSort: String, Sendable, Hashable { case data, ascending, descending }

/// Everything a bar chart shows. Layout is `BarChart.layout`.
public struct BarChartSpec: Sendable {
    public var notes: ChartNotes
    public var categories: [String]
    public var series: [BarSeries]
    public var orientation: BarOrientation
    public var mode: BarMode
    public var sort: BarSort
    public var referenceLines: [BarReferenceLine]
    /// The value axis title, normally the unit ("亿元"); with `.automatic` unit scaling it is the
    /// data's base unit and the chart shows the chosen one.
    public var valueAxisTitle: String?
    /// Tick label text; nil uses the tick step's precision with zeros trimmed.
    public var valueFormatter: (@Sendable (Double) -> String)?
    /// Value label text for bars without a pre-formatted label (and stack totals); nil shows about
    /// three significant digits with zeros trimmed.
    public var valueLabelFormatter: (@Sendable (Double) -> String)?
    public var valueLabels: BarValueLabels
    public var showValueLabels: Bool {
        get { valueLabels != .none }
        set { valueLabels = newValue ? (valueLabels == .none ? .ifRoom : valueLabels) : .none }
    }
    public var categoryLabels: BarCategoryLabels
    /// Text of a stack's positive or negative total, unit included; nil uses the value label
    /// formatter followed by the axis unit.
    public var totalFormatter: (@Sendable (Double) -> String)?
    /// nil: shown when there is more than one series.
    public var showLegend: Bool?
    public var unitScaling: UnitScaling

    public init(notes: ChartNotes = ChartNotes(), categories: [String], series: [BarSeries],
                orientation: BarOrientation = .automatic, mode: BarMode = .grouped, sort: BarSort = .data,
                referenceLines: [BarReferenceLine] = [], valueAxisTitle: String? = nil,
                valueFormatter: (@Sendable (Double) -> String)? = nil,
                valueLabelFormatter: (@Sendable (Double) -> String)? = nil,
                showValueLabels: Bool = true, showLegend: Bool? = nil, unitScaling: UnitScaling = .off,
                valueLabels: BarValueLabels? = nil, categoryLabels: BarCategoryLabels = .all,
                totalFormatter: (@Sendable (Double) -> String)? = nil) {
        self.notes = notes; self.categories = categories; self.series = series
        self.orientation = orientation; self.mode = mode; self.sort = sort
        self.referenceLines = referenceLines; self.valueAxisTitle = valueAxisTitle
        self.valueFormatter = valueFormatter; self.valueLabelFormatter = valueLabelFormatter
        self.valueLabels = valueLabels ?? (showValueLabels ? .ifRoom : .none)
        self.showLegend = showLegend; self.unitScaling = unitScaling
        self.categoryLabels = categoryLabels; self.totalFormatter = totalFormatter
    }

    var legendShown: Bool { showLegend ?? (series.count > 1) }
}

/// A bar chart that cannot be laid out without hiding something; the description says what would fit.
public enum BarChartError: Error, Equatable, CustomStringConvertible {
    case noCategories
    case noSeries
    case valueCountMismatch(series: String, expected: Int, got: Int)
    case labelCountMismatch(series: String, expected: Int, got: Int)
    case frameTooSmall(Size)
    case statusCountMismatch(series: String, expected: Int, got: Int)

    public var description: String {
        switch self {
        case .noCategories: "bar chart has no categories"
        case .noSeries: "bar chart has no series"
        case let .valueCountMismatch(s, e, g): "series “\(s)” has \(g) values for \(e) categories"
        case let .labelCountMismatch(s, e, g): "series “\(s)” has \(g) labels for \(e) categories"
        case let .frameTooSmall(size): "frame \(size.width)×\(size.height) pt is too small for the chart"
        case let .statusCountMismatch(s, e, g): "series “\(s)” has \(g) value statuses for \(e) categories"
        }
    }
}

/// No form of the chart shows every name and value in the frame. The message says what would
/// fit, in the template's words; the composer adds the chart's report.yaml position.
public struct BarChartLayoutError: Error, CustomStringConvertible, Sendable, Equatable {
    /// For a frame that may grow (the report figure): the reason and the height or form that would fit.
    public var message: String
    /// The smallest frame height (pt) at which the chart would fit at its frame width, if known.
    public var neededHeight: Double?
    /// What does not fit, without advice or sizes ("each row needs 15 pt for its name").
    public var reason: String
    /// The chart's category count and the frame height it was laid out in.
    public var categories: Int
    public var frameHeight: Double
    /// Template settings with which the chart does fit this frame ("orientation: horizontal",
    /// "value_labels: false"), found by laying it out so.
    public var fitsWith: [String]
    /// Set when the height that would fit is past the most the frame may grow (the message then
    /// says what would fit at that limit, and no height setting helps).
    public var beyondGrowth = false
    public init(message: String, neededHeight: Double?, reason: String? = nil, categories: Int = 0,
                frameHeight: Double = 0, fitsWith: [String] = []) {
        self.message = message; self.neededHeight = neededHeight; self.reason = reason ?? message
        self.categories = categories; self.frameHeight = frameHeight; self.fitsWith = fitsWith
    }
    public var description: String { message }

    /// The message for a frame that cannot grow (the 960×540 slide): what would fit there, and
    /// `export: report` to write the chart at the report's size instead.
    public func fixedFrameMessage(_ frame: String) -> String {
        var m = reason
        if let h = neededHeight {
            m = "\(categories) categories need \(Int(h.rounded(.up))) pt of height, the \(frame) has \(Int(frameHeight)) pt: " + m
        }
        m += fitsWith.isEmpty
            ? "; nothing fits the \(frame): show fewer categories or shorter names"
            : "; it would fit the \(frame) with " + fitsWith.joined(separator: " or ") + ", or with fewer categories"
        return m + "; or set export: report to export the chart at the report's size instead of a \(frame)"
    }

    /// The message when the height that would fit is more than a frame may grow to (a report
    /// figure stops at the A4 text block): a taller `report_height` cannot help, so the advice
    /// is what would fit at the limit.
    public func beyondGrowthMessage(limit: Double) -> String {
        var m = reason
        if let h = neededHeight {
            m = "\(categories) categories need \(Int(h.rounded(.up))) pt of height, more than a report figure can have (\(Int(limit)) pt): " + m
        }
        return m + (fitsWith.isEmpty
            ? "; show fewer categories or shorter names"
            : "; it would fit with " + fitsWith.joined(separator: " or ") + ", or with fewer categories")
    }
}
