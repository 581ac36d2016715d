/// Divides a range into `count` equal bands with gaps, as d3's band scale does; works on
/// indices so lookups are O(1) for charts with many categories.
public struct BandScale: Sendable, Hashable {
    public var count: Int
    public var rangeStart: Double
    public var rangeEnd: Double
    /// Gap between bands, as a fraction of `step`.
    public var paddingInner: Double
    /// Space before the first and after the last band, as a fraction of `step`.
    public var paddingOuter: Double
    public init(count: Int, range rangeStart: Double, _ rangeEnd: Double, paddingInner: Double = 0.3,
                paddingOuter: Double = 0.2) {
        self.count = count; self.rangeStart = rangeStart; self.rangeEnd = rangeEnd
        self.paddingInner = paddingInner; self.paddingOuter = paddingOuter
    }
    /// Distance between the starts of neighbouring bands.
    public var step: Double {
        (rangeEnd - rangeStart) / Swift.max(1, Double(count) - paddingInner + 2 * paddingOuter)
    }
    public var bandwidth: Double { step * (1 - paddingInner) }
    /// Position where band `index` begins.
    public func start(_ index: Int) -> Double { rangeStart + step * (paddingOuter + Double(index)) }
    /// Position of the middle of band `index`.
    public func center(_ index: Int) -> Double { start(index) + bandwidth / 2 }
}
