/// A leaf of a scene with the transform from its coordinates to the page's.
public struct PlacedNode: Sendable {
    public var node: Node
    public var transform: Transform
    /// Names of the enclosing groups, outermost first.
    public var path: [String]
}

extension Group {
    /// Every leaf, depth first, with its accumulated transform. Used by tests and exporters.
    public func leaves(_ base: Transform = .identity, path: [String] = []) -> [PlacedNode] {
        let t = transform.then(base)
        let p = name.map { path + [$0] } ?? path
        var out: [PlacedNode] = []
        for child in children {
            if case .group(let g) = child {
                out += g.leaves(t, path: p)
            } else {
                out.append(PlacedNode(node: child, transform: t, path: p))
            }
        }
        return out
    }

    /// Page-space boxes of every text node (the covered box; see `TextNode.bounds(metrics:)`).
    public func textBoxes(using measurer: any TextMeasurer) throws -> [(text: String, box: Rect)] {
        try leaves().compactMap { placed in
            guard case .text(let t) = placed.node else { return nil }
            return (t.text, placed.transform.apply(try t.bounds(using: measurer)))
        }
    }

    /// Page-space bounding box of every leaf (text measured; paths by control points).
    public func leafBoxes(using measurer: any TextMeasurer) throws -> [Rect] {
        try leaves().compactMap { placed in
            let local: Rect?
            switch placed.node {
            case .rect(let r): local = r.rect
            case .path(let p): local = p.bounds
            case .text(let t): local = try t.bounds(using: measurer)
            case .link(let l): local = l.rect
            case .anchor, .group: local = nil
            }
            return local.map { placed.transform.apply($0) }
        }
    }
}
