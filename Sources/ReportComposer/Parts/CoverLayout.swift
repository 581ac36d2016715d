import ReportScene

/// The unnumbered title page: an accent band across the top, the title block centred in the
/// upper half, a short rule, and organisation and date near the foot.
struct CoverLayout {
    let info: ReportInfo
    let layout: LayoutSettings
    let style: ReportStyle
    let measurer: any TextMeasurer

    func group() throws -> Group {
        let page = layout.pageSize
        let f = layout.textFrame
        var nodes: [Node] = [.group(.tagged(.artifact, [
            .rect(RectNode(Rect(x: 0, y: 0, width: page.width, height: page.height * 0.12), fill: style.coverBand)),
            .rect(RectNode(Rect(x: 0, y: page.height * 0.12, width: page.width, height: 3), fill: style.coverBand.withAlpha(0.35))),
            .rect(RectNode(Rect(x: 0, y: page.height - 18, width: page.width, height: 18), fill: style.coverBand)),
        ]))]
        var y = page.height * 0.30
        func centred(_ text: String, _ st: TextStyle, gapAfter: Double) throws {
            guard !text.isEmpty else { return }
            var s = st; s.alignment = .center
            let m = try measurer.measure(text, style: s, wrapWidth: f.width)
            nodes.append(.group(.tagged(.paragraph, [.text(TextNode(text, style: s, at: Point(f.minX, y), anchor: .topLeft,
                                                                    wrapWidth: f.width))])))
            y += m.height + gapAfter
        }
        try centred(info.title, TextStyle(family: Fonts.sans, size: style.coverTitleSize, weight: .bold,
                                          color: style.coverText, lineSpacing: 1.25), gapAfter: style.coverTitleSize * 0.6)
        try centred(info.subtitle, TextStyle(family: Fonts.sans, size: style.coverSubtitleSize, color: style.secondary,
                                             lineSpacing: 1.25), gapAfter: style.coverSubtitleSize)
        nodes.append(.group(.tagged(.artifact, [.path(.line(from: Point(page.width / 2 - 40, y), to: Point(page.width / 2 + 40, y),
                                                            stroke: Stroke(color: style.accent, width: 2)))])))
        y = page.height * 0.78
        let small = TextStyle(family: Fonts.sans, size: style.coverSubtitleSize * 0.8, color: style.coverText, lineSpacing: 1.3)
        try centred(info.organisation, small, gapAfter: style.coverSubtitleSize * 0.5)
        try centred(info.author == info.organisation ? "" : info.author, small, gapAfter: style.coverSubtitleSize * 0.5)
        try centred(info.dateText, small, gapAfter: 0)
        return Group(nodes, name: "cover")
    }
}
