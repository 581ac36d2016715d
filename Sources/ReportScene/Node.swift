/// One element of a scene. Groups nest; everything else is a leaf.
public enum Node: Sendable, Hashable, Codable {
    case group(Group)
    case rect(RectNode)
    case path(PathNode)
    case text(TextNode)
    case link(LinkNode)
    case anchor(AnchorNode)
}

/// A transformed, optionally clipped list of children.
public struct Group: Sendable, Hashable, Codable {
    public var children: [Node]
    /// Applied to the children (children's coordinates → parent's).
    public var transform: Transform
    /// In the group's own (already transformed) coordinates.
    public var clip: Rect?
    public var opacity: Double
    /// A name for tests and debugging (e.g. "axis.y", "bar.3"); not written to output.
    public var name: String?
    /// Its element in the document structure (tagged PDF); nil for none.
    public var structure: StructureTag? = nil
    public init(_ children: [Node] = [], transform: Transform = .identity, clip: Rect? = nil,
                opacity: Double = 1, name: String? = nil) {
        self.children = children; self.transform = transform; self.clip = clip
        self.opacity = opacity; self.name = name
    }
    /// Adds `node` as the last child (drawn on top).
    public mutating func append(_ node: Node) { children.append(node) }
    /// Adds `nodes` after the existing children, in order.
    public mutating func append(contentsOf nodes: [Node]) { children.append(contentsOf: nodes) }
}

/// A clickable area. In PDF it becomes a link annotation; other formats ignore it.
public struct LinkNode: Sendable, Hashable, Codable {
    /// Where the link leads.
    public enum Target: Sendable, Hashable, Codable {
        case url(String)
        /// A named destination set by an `AnchorNode` somewhere in the document.
        case destination(String)
    }
    public var rect: Rect
    public var target: Target
    public init(_ rect: Rect, target: Target) { self.rect = rect; self.target = target }
}

/// A named destination (the target of internal links and outline entries).
public struct AnchorNode: Sendable, Hashable, Codable {
    public var name: String
    public var point: Point
    public init(_ name: String, at point: Point) { self.name = name; self.point = point }
}
