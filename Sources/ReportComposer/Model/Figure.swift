import ReportScene

/// A pre-built chart with its caption. Numbered 图1, 图2, ... in document order; never split.
public struct Figure: Sendable, Hashable {
    /// Unique in the report; `[[id]]` in prose becomes "图N"; anchor "fig-<id>".
    public var id: String
    /// The chart scene, drawn in a frame of `size` with its origin at the top-left.
    public var content: Group
    public var size: Size
    /// Shown below the figure after its number: "图1 <caption>".
    public var caption: String
    /// e.g. "数据来源：临平区统计局"; empty for none.
    public var source: String
    /// A phrase of the paragraph that discusses the figure (often its `[[id]]`): the figure is moved
    /// right after the first paragraph of its section containing it.
    public var referencedBy: String?
    /// What the chart shows, for readers that cannot see it (the tagged PDF's /Alt); empty: the caption.
    public var alt: String

    public init(id: String, content: Group, size: Size, caption: String, source: String = "", referencedBy: String? = nil,
                alt: String = "") {
        self.id = id; self.content = content; self.size = size; self.caption = caption
        self.source = source; self.referencedBy = referencedBy; self.alt = alt
    }
}
