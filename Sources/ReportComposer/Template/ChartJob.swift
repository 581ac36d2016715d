import ReportCharts
import ReportScene

/// A chart bound to its data, ready to lay out at any size: once for the report column and
/// once for the standalone export.
public struct ChartJob: Sendable {
    public enum Spec: Sendable {
        case bar(BarChartSpec)
        case timeline(TimelineSpec)
    }
    public var id: String
    public var spec: Spec
    /// Caption and source line in the report ("图N caption" / "数据来源：...").
    public var caption: String
    public var source: String
    /// The preset of the standalone export (slide by default).
    public var exportPreset: ChartPreset
    /// Height in the report's text column.
    public var reportHeight: Double

    /// The chart with every note: for the standalone SVG/PNG/PDF.
    public func layoutStandalone(measurer: any TextMeasurer) throws -> Group {
        try layoutStandaloneSized(measurer: measurer).group
    }

    /// The standalone chart and its page size: the preset's, except that a `report` export grows
    /// like the report figure does (a slide keeps its 16:9 frame).
    public func layoutStandaloneSized(measurer: any TextMeasurer) throws -> (group: Group, size: Size) {
        let size = exportPreset.size
        guard exportPreset.name == ChartPreset.report.name else {
            return (try layout(spec, frame: size, theme: exportPreset.theme, measurer: measurer), size)
        }
        let (group, height) = try grown(from: size.height) { h in
            try layout(spec, frame: Size(size.width, h), theme: exportPreset.theme, measurer: measurer)
        }
        return (group, Size(size.width, height))
    }

    /// The chart inside the report: the figure caption and source line replace the chart's own
    /// title and source note, so they are not printed twice.
    public func layoutForReport(width: Double, measurer: any TextMeasurer) throws -> Group {
        try layoutForReportSized(width: width, measurer: measurer).group
    }

    /// Tallest a report figure may grow to fit every name and value (the A4 text block less a caption).
    static let maxReportHeight = 680.0

    /// The report figure and its height: `reportHeight`, or taller when a bar chart needs it to
    /// name every category (the figure grows in the flow rather than dropping names).
    public func layoutForReportSized(width: Double, measurer: any TextMeasurer) throws -> (group: Group, height: Double) {
        try grown(from: reportHeight) { try layoutForReport(width: width, height: $0, measurer: measurer) }
    }

    /// Lays out at `height`, growing to the height a bar chart says it needs (at most `maxReportHeight`).
    func grown(from start: Double, _ layout: (Double) throws -> Group) throws -> (group: Group, height: Double) {
        var height = start
        for _ in 0..<4 {
            do {
                return (try layout(height), height)
            } catch let e as BarChartLayoutError {
                guard let need = e.neededHeight, need > height, need <= Self.maxReportHeight else { throw e }
                height = (need / 10).rounded(.up) * 10
            }
        }
        return (try layout(height), height)
    }

    func layoutForReport(width: Double, height: Double, measurer: any TextMeasurer) throws -> Group {
        var s = spec
        switch s {
        case .bar(var b): b.notes.title = nil; b.notes.sourceNote = nil; s = .bar(b)
        case .timeline(var t): t.notes.title = nil; t.notes.sourceNote = nil; s = .timeline(t)
        }
        return try layout(s, frame: Size(width, height), theme: ChartPreset.report.theme, measurer: measurer)
    }

    func layout(_ spec: Spec, frame: Size, theme: ChartTheme, measurer: any TextMeasurer) throws -> Group {
        switch spec {
        case .bar(let b): try BarChart.layout(b, frame: frame, theme: theme, measurer: measurer).group
        case .timeline(let t): try t.layout(frame: frame, theme: theme, measurer: measurer).group
        }
    }
}
