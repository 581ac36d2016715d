import ReportScene

/// The timeline's handle on the shared `CachingTextMeasurer`: a timeline with 10,000 events
/// repeats the same number badges and tick labels many times, and shaping is the expensive part.
/// Kept as a thin wrapper so the timeline code keeps its short `measure(text, style, wrap:)` call.
struct TimelineMeasureCache: Sendable {
    /// The caching measurer (shared with the caller's when it already caches).
    let measurer: CachingTextMeasurer

    init(_ measurer: any TextMeasurer) { self.measurer = .wrapping(measurer) }

    func measure(_ text: String, _ style: TextStyle, wrap: Double? = nil) throws -> TextMetrics {
        try measurer.measure(text, style: style, wrapWidth: wrap)
    }

    /// The text's break spans in `style` (`TextMeasurer.breakSpans`), remembered.
    func breakSpans(_ text: String, _ style: TextStyle) -> BreakSpans? { measurer.breakSpans(text, style: style) }

    /// One-line widths of many texts at once (`TextMeasurer.widths`).
    func widths(_ texts: [String], _ style: TextStyle) -> [Double?] { measurer.widths(of: texts, style: style) }
}
