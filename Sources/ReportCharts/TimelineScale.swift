/// Maps day numbers to x positions. Day `d` occupies [x(d), x(d + 1)): a day-precision mark sits
/// at the day's middle, a month covers from its first day's start to its last day's end.
public struct TimelineScale: Sendable, Hashable {
    /// Half-open range of day numbers.
    public var domain: Range<Int>
    public var x0: Double
    public var x1: Double

    public init(domain: Range<Int>, x0: Double, x1: Double) {
        self.domain = domain.isEmpty ? domain.lowerBound..<(domain.lowerBound + 1) : domain
        self.x0 = x0; self.x1 = x1
    }

    public var pointsPerDay: Double { (x1 - x0) / Double(domain.count) }

    /// x of the start of `day` (fractional days allowed).
    public func x(_ day: Double) -> Double { x0 + (day - Double(domain.lowerBound)) * pointsPerDay }
    /// x where `day` begins.
    public func x(startOf day: Int) -> Double { x(Double(day)) }
    /// x of the middle of `day`.
    public func x(middleOf day: Int) -> Double { x(Double(day) + 0.5) }
    /// `x` limited to the axis, `x0...x1`.
    public func clamp(_ x: Double) -> Double { min(max(x, x0), x1) }
}
