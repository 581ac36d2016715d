/// How a path outline is stroked.
public struct Stroke: Sendable, Hashable, Codable {
    /// Shape of open path ends.
    public enum Cap: String, Sendable, Codable { case butt, round, square }
    /// Shape of path corners.
    public enum Join: String, Sendable, Codable { case miter, round, bevel }
    public var color: Color
    public var width: Double
    /// Dash lengths in points, alternating on/off; empty for a solid line.
    public var dash: [Double]
    public var dashOffset: Double
    public var cap: Cap
    public var join: Join
    public init(color: Color, width: Double = 1, dash: [Double] = [], dashOffset: Double = 0,
                cap: Cap = .butt, join: Join = .miter) {
        self.color = color; self.width = width; self.dash = dash; self.dashOffset = dashOffset
        self.cap = cap; self.join = join
    }
}
