/// A numbered part of the report: its own blocks, then its subsections.
public struct Section: Sendable, Hashable {
    /// Unique in the report; names the heading's anchor ("sec-<id>").
    public var id: String
    public var title: String
    public var blocks: [Block]
    public var subsections: [Section]
    /// Unnumbered sections (foreword, appendix) still appear in the contents and outline.
    public var numbered: Bool

    public init(id: String, title: String, blocks: [Block] = [], subsections: [Section] = [], numbered: Bool = true) {
        self.id = id; self.title = title; self.blocks = blocks; self.subsections = subsections; self.numbered = numbered
    }
}

/// One piece of body content.
public enum Block: Sendable, Hashable {
    /// Already-bound prose. `[[id]]` is replaced by the number of the figure or table `id` ("图2", "表1").
    case paragraph(String)
    case figure(Figure)
    case table(Table)
    /// Ends the current page (pending figures are placed first).
    case pageBreak
}
