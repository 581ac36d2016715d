/// Maps a continuous domain linearly onto a range of positions (the range may be inverted,
/// e.g. a vertical value axis whose larger values sit higher on a y-down page).
public struct LinearScale: Sendable, Hashable {
    public var domain: ClosedRange<Double>
    public var rangeStart: Double
    public var rangeEnd: Double
    public init(domain: ClosedRange<Double>, range rangeStart: Double, _ rangeEnd: Double) {
        self.domain = domain; self.rangeStart = rangeStart; self.rangeEnd = rangeEnd
    }
    /// Points per domain unit (signed: negative for an inverted range).
    public var slope: Double {
        let span = domain.upperBound - domain.lowerBound
        return span == 0 ? 0 : (rangeEnd - rangeStart) / span
    }
    /// Position of `value` in the range (linear, not clamped).
    public func callAsFunction(_ value: Double) -> Double {
        rangeStart + (value - domain.lowerBound) * slope
    }
    /// Value at `position`: the inverse of the scale (the domain's start when the domain is empty).
    public func invert(_ position: Double) -> Double {
        let s = slope
        return s == 0 ? domain.lowerBound : domain.lowerBound + (position - rangeStart) / s
    }
}
