import ReportScene

/// Where the flow stands: the pages filled so far (nodes in page coordinates) and the cursor
/// on the last one. Space before a block is dropped at the top of a page.
struct FlowState {
    let frame: Rect
    /// Per page, the placed blocks with the anchors of their enclosing sections, outermost first.
    private(set) var blocks: [[(sections: [String], nodes: [Node])]] = [[]]
    private(set) var y: Double

    init(frame: Rect) {
        self.frame = frame
        y = frame.minY
    }

    var page: Int { blocks.count - 1 }
    var isPageEmpty: Bool { y <= frame.minY + 1e-9 }
    var remaining: Double { frame.maxY - y }

    /// Each page's nodes, consecutive blocks of one section wrapped in a `Sect` group per level
    /// (keyed by the section's anchor, so a section running over pages stays one element).
    var pages: [[Node]] { blocks.map { Self.nest($0[...], depth: 0) } }

    /// `space` unless at the top of a page.
    func spacing(_ space: Double) -> Double { isPageEmpty ? 0 : space }

    mutating func skip(_ space: Double) { y += spacing(space) }

    mutating func place(_ nodes: [Node], height: Double, sections: [String] = []) {
        blocks[page].append((sections, nodes))
        y += height
    }

    mutating func newPage() {
        blocks.append([])
        y = frame.minY
    }

    private static func nest(_ items: ArraySlice<(sections: [String], nodes: [Node])>, depth: Int) -> [Node] {
        var out: [Node] = []
        var i = items.startIndex
        while i < items.endIndex {
            guard depth < items[i].sections.count else {
                out += items[i].nodes
                i += 1
                continue
            }
            let key = items[i].sections[depth]
            var end = i + 1
            while end < items.endIndex, depth < items[end].sections.count, items[end].sections[depth] == key { end += 1 }
            out.append(.group(.tagged(.section, nest(items[i..<end], depth: depth + 1), continues: key)))
            i = end
        }
        return out
    }
}

/// A heading and the body page (0-based) it landed on.
struct PlacedHeading: Sendable, Hashable {
    var item: HeadingItem
    var page: Int
    /// Nothing stands above it on its page (the running header then names it).
    var atTop: Bool = false
}
