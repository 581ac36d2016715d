import Foundation
import ReportScene

/// Remembers measurements for one `compose` call: the flow measures a block once to look ahead
/// (keep-with-next) and again to place it, and the contents are laid out more than once.
/// The memo is locked, so the conformance holds even if a caller shares the cache across threads
/// (compose itself uses it from one thread); the base measurer is Sendable by protocol.
final class MeasurementCache: TextMeasurer, @unchecked Sendable {
    private struct Key: Hashable {
        var text: String
        var style: TextStyle
        var wrapWidth: Double?
    }
    private let base: any TextMeasurer
    private let lock = NSLock()
    private var memo: [Key: TextMetrics] = [:]

    init(_ base: any TextMeasurer) { self.base = base }

    func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics {
        let key = Key(text: text, style: style, wrapWidth: wrapWidth)
        if let m = lock.withLock({ memo[key] }) { return m }
        // Measured outside the lock: a slow measurement never blocks other lookups.
        let m = try base.measure(text, style: style, wrapWidth: wrapWidth)
        lock.withLock { memo[key] = m }
        return m
    }
}
