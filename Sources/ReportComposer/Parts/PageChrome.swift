import ReportScene

/// Running header (report title left, current level-1 section right, thin rule) and the
/// centred page-number footer, both drawn inside the page margins.
struct PageChrome {
    let layout: LayoutSettings
    let style: ReportStyle
    let measurer: any TextMeasurer

    func header(title: String, section: String) throws -> Group {
        let f = layout.textFrame
        let text = TextStyle(family: Fonts.sans, size: style.headerSize, color: style.secondary)
        let ruleY = f.minY - style.headerSize * 1.2
        let baseline = ruleY - style.headerSize * 0.5
        let gap = style.headerSize * 2
        // The section name yields to the title; both are shortened with "…" if the row is too narrow.
        let titleText = try fit(title, style: text, width: f.width * 0.6)
        let titleWidth = try measurer.measure(titleText, style: text, wrapWidth: nil).width
        let sectionText = try fit(section, style: text, width: f.width - titleWidth - gap)
        var nodes: [Node] = [
            .text(TextNode(titleText, style: text, at: Point(f.minX, baseline))),
            .path(.line(from: Point(f.minX, ruleY), to: Point(f.maxX, ruleY), stroke: Stroke(color: style.accent, width: style.thinRule))),
        ]
        if !sectionText.isEmpty {
            nodes.append(.text(TextNode(sectionText, style: text, at: Point(f.maxX, baseline), anchor: TextAnchor(.end, .baseline))))
        }
        return .tagged(.artifact, nodes, name: "header")
    }

    func footer(number: Int) -> Group {
        let f = layout.textFrame
        let label = layout.pageNumbers == .dashed ? "- \(number) -" : "第 \(number) 页"
        let text = TextStyle(family: Fonts.sans, size: style.footerSize, color: style.secondary)
        let y = f.maxY + layout.margins.bottom * 0.5
        return .tagged(.artifact, [.text(TextNode(label, style: text, at: Point(f.midX, y), anchor: TextAnchor(.middle, .middle)))],
                       name: "footer")
    }

    /// `text` cut to `width` with a trailing "…".
    private func fit(_ text: String, style: TextStyle, width: Double) throws -> String {
        guard try measurer.measure(text, style: style, wrapWidth: nil).width > width else { return text }
        var s = text
        while !s.isEmpty, try measurer.measure(s + "…", style: style, wrapWidth: nil).width > width { s.removeLast() }
        return s.isEmpty ? "" : s + "…"
    }
}
