import ReportScene

/// A figure block: the chart scaled to the column, then "图N 标题" and the source line below.
/// Never split: the flow moves it whole.
struct FigureLayout {
    let number: Int
    let figure: Figure
    let scale: Double
    let captionStyle: TextStyle
    let sourceStyle: TextStyle
    let captionHeight: Double
    let sourceHeight: Double
    let gap: Double
    private let frame: Rect

    init(number: Int, figure: Figure, frame: Rect, style s: ReportStyle, measurer: any TextMeasurer) throws {
        self.number = number; self.figure = figure; self.frame = frame
        captionStyle = TextStyle(family: Fonts.sans, size: s.captionSize, weight: .bold, color: s.body,
                                 lineSpacing: 1.2, alignment: .center)
        sourceStyle = TextStyle(family: Fonts.sans, size: s.sourceSize, color: s.secondary,
                                lineSpacing: 1.2, alignment: .left)
        gap = s.captionSize * 0.5
        captionHeight = try measurer.measure(Self.caption(number, figure), style: captionStyle, wrapWidth: frame.width).height
        sourceHeight = figure.source.isEmpty ? 0
            : try measurer.measure(figure.source, style: sourceStyle, wrapWidth: frame.width).height + gap * 0.5
        // Uniformly shrink charts wider than the column, or taller than a page once captioned.
        let w = max(figure.size.width, 1), h = max(figure.size.height, 1)
        let room = frame.height - gap - captionHeight - sourceHeight
        scale = min(1, frame.width / w, max(room, 1) / h)
    }

    static func caption(_ number: Int, _ f: Figure) -> String {
        f.caption.isEmpty ? "图\(number)" : "图\(number) \(f.caption)"
    }

    var chartSize: Size { Size(figure.size.width * scale, figure.size.height * scale) }
    var height: Double { chartSize.height + gap + captionHeight + sourceHeight }

    func nodes(y: Double) -> [Node] {
        let x = frame.minX + (frame.width - chartSize.width) / 2
        let chart = Group([.group(figure.content)], transform: Transform.scale(scale, scale).then(.translate(x, y)),
                          name: "figure.\(figure.id)")
        let alt = figure.alt.isEmpty ? Self.caption(number, figure) : figure.alt
        let out: [Node] = [.anchor(AnchorNode(FlowBuilder.anchor(figure: figure.id), at: Point(x, y))),
                           .group(.tagged(.figure(alt: alt), [.group(chart)]))]
        let captionY = y + chartSize.height + gap
        // The caption follows its figure as a sibling: a Figure's /Alt replaces everything inside it.
        var caption: [Node] = [.text(TextNode(Self.caption(number, figure), style: captionStyle, at: Point(frame.minX, captionY),
                                              anchor: .topLeft, wrapWidth: frame.width))]
        if !figure.source.isEmpty {
            caption.append(.text(TextNode(figure.source, style: sourceStyle, at: Point(frame.minX, captionY + captionHeight + gap * 0.5),
                                          anchor: .topLeft, wrapWidth: frame.width)))
        }
        return out + [.group(.tagged(.caption, caption))]
    }
}
