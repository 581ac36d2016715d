import ReportScene

/// Measures each distinct (text, style, wrap width) once: a timeline with 10,000 events repeats
/// the same number badges and tick labels many times, and shaping is the expensive part.
final class TimelineMeasureCache {
    private struct Key: Hashable {
        var text: String
        var style: TextStyle
        var wrap: Double?
    }
    let measurer: any TextMeasurer
    private var store: [Key: TextMetrics] = [:]
    private(set) var misses = 0

    init(_ measurer: any TextMeasurer) { self.measurer = measurer }

    func measure(_ text: String, _ style: TextStyle, wrap: Double? = nil) throws -> TextMetrics {
        let key = Key(text: text, style: style, wrap: wrap)
        if let m = store[key] { return m }
        misses += 1
        let m = try measurer.measure(text, style: style, wrapWidth: wrap)
        store[key] = m
        return m
    }
}
