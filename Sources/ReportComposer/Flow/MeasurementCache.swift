import ReportScene

/// Remembers measurements for one `compose` call: the flow measures a block once to look ahead
/// (keep-with-next) and again to place it, and the contents are laid out more than once.
/// Confined to the composing thread, never shared, hence the unchecked conformance.
final class MeasurementCache: TextMeasurer, @unchecked Sendable {
    private struct Key: Hashable {
        var text: String
        var style: TextStyle
        var wrapWidth: Double?
    }
    private let base: any TextMeasurer
    private var memo: [Key: TextMetrics] = [:]

    init(_ base: any TextMeasurer) { self.base = base }

    func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics {
        let key = Key(text: text, style: style, wrapWidth: wrapWidth)
        if let m = memo[key] { return m }
        let m = try base.measure(text, style: style, wrapWidth: wrapWidth)
        memo[key] = m
        return m
    }
}
