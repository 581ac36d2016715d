import ReportScene

/// Where the flow stands: the pages filled so far (nodes in page coordinates) and the cursor
/// on the last one. Space before a block is dropped at the top of a page.
struct FlowState {
    let frame: Rect
    private(set) var pages: [[Node]] = [[]]
    private(set) var y: Double

    init(frame: Rect) {
        self.frame = frame
        y = frame.minY
    }

    var page: Int { pages.count - 1 }
    var isPageEmpty: Bool { y <= frame.minY + 1e-9 }
    var remaining: Double { frame.maxY - y }

    /// `space` unless at the top of a page.
    func spacing(_ space: Double) -> Double { isPageEmpty ? 0 : space }

    mutating func skip(_ space: Double) { y += spacing(space) }

    mutating func place(_ nodes: [Node], height: Double) {
        pages[page] += nodes
        y += height
    }

    mutating func newPage() {
        pages.append([])
        y = frame.minY
    }
}

/// A heading and the body page (0-based) it landed on.
struct PlacedHeading: Sendable, Hashable {
    var item: HeadingItem
    var page: Int
    /// Nothing stands above it on its page (the running header then names it).
    var atTop: Bool = false
}
