/// One drawing command of a path, in the coordinates of the enclosing group.
public enum PathElement: Sendable, Hashable, Codable {
    case move(Point)
    case line(Point)
    case curve(Point, Point, Point)
    case close
}

/// A filled and/or stroked outline.
public struct PathNode: Sendable, Hashable, Codable {
    public var elements: [PathElement]
    public var fill: Color?
    public var stroke: Stroke?
    public init(_ elements: [PathElement], fill: Color? = nil, stroke: Stroke? = nil) {
        self.elements = elements; self.fill = fill; self.stroke = stroke
    }
    /// A straight line segment.
    public static func line(from a: Point, to b: Point, stroke: Stroke) -> PathNode {
        PathNode([.move(a), .line(b)], stroke: stroke)
    }
    /// Control-point bounding box (a superset of the curve's extent), ignoring stroke width.
    public var bounds: Rect? {
        var pts: [Point] = []
        for e in elements {
            switch e {
            case .move(let p), .line(let p): pts.append(p)
            case .curve(let a, let b, let c): pts += [a, b, c]
            case .close: break
            }
        }
        guard let first = pts.first else { return nil }
        var r = Rect(origin: first, size: Size(0, 0))
        for p in pts.dropFirst() { r = r.union(Rect(origin: p, size: Size(0, 0))) }
        return r
    }
}

/// An axis-aligned rectangle, optionally with rounded corners.
public struct RectNode: Sendable, Hashable, Codable {
    public var rect: Rect
    public var cornerRadius: Double
    public var fill: Color?
    public var stroke: Stroke?
    public init(_ rect: Rect, cornerRadius: Double = 0, fill: Color? = nil, stroke: Stroke? = nil) {
        self.rect = rect; self.cornerRadius = cornerRadius; self.fill = fill; self.stroke = stroke
    }
}
