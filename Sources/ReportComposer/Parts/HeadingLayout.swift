import ReportScene

/// A numbered heading: its text, an anchor for links and the outline, and the space around it.
struct HeadingLayout {
    let item: HeadingItem
    let style: TextStyle
    let spaceBefore: Double
    let spaceAfter: Double
    let textHeight: Double
    private let width: Double

    init(_ item: HeadingItem, layout: LayoutSettings, style s: ReportStyle, measurer: any TextMeasurer) throws {
        self.item = item
        let size = layout.headingSize(level: item.level)
        style = TextStyle(family: layout.headingFamily, size: size, weight: .bold,
                          color: item.level <= 2 ? s.accent : s.body, lineSpacing: 1.2, alignment: .left)
        spaceBefore = size * (item.level == 1 ? 1.4 : 1.0)
        spaceAfter = size * 0.6
        width = layout.textFrame.width
        textHeight = try measurer.measure(item.fullTitle, style: style, wrapWidth: width).height
    }

    /// Height from the top of the text to where the next block starts.
    var height: Double { textHeight + spaceAfter }

    func nodes(x: Double, y: Double) -> [Node] {
        [.anchor(AnchorNode(item.anchor, at: Point(x, y))),
         .group(.tagged(.heading(level: min(max(item.level, 1), 6)),
                        [.text(TextNode(item.fullTitle, style: style, at: Point(x, y), anchor: .topLeft, wrapWidth: width))]))]
    }
}
