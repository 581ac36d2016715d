import ReportScene

/// One line of the table of contents.
struct ContentsEntry: Sendable, Hashable {
    var level: Int
    var title: String
    var anchor: String
    /// As printed in the footer of the heading's page.
    var page: Int
}

/// The table of contents: a centred title, then one row per heading with leader dots to its
/// right-aligned page number; each row is a link to the heading's anchor.
struct ContentsLayout {
    let layout: LayoutSettings
    let style: ReportStyle
    let measurer: any TextMeasurer

    func pages(_ entries: [ContentsEntry]) throws -> [[Node]] {
        let f = layout.textFrame
        var pages: [[Node]] = [[]]
        var y = f.minY
        let titleStyle = TextStyle(family: layout.headingFamily, size: layout.headingSize(level: 1) * 1.2, weight: .bold,
                                   color: style.accent, alignment: .center)
        let titleHeight = try measurer.measure(layout.contentsTitle, style: titleStyle, wrapWidth: f.width).height
        pages[0].append(.group(.tagged(.paragraph, [.text(TextNode(layout.contentsTitle, style: titleStyle, at: Point(f.minX, y),
                                                                   anchor: .topLeft, wrapWidth: f.width))])))
        y += titleHeight + titleStyle.size
        // Leaders of every row end at one x and sit on one grid, so the dots line up in columns.
        let dotPitch = 3.5
        let numberStyle = TextStyle(family: layout.headingFamily, size: style.contentsSize, weight: .bold)
        let widestNumber = try entries.map { try measurer.measure(String($0.page), style: numberStyle, wrapWidth: nil).width }.max() ?? 0
        let leaderEnd = f.maxX - widestNumber - style.contentsSize * 0.5
        for e in entries {
            let level1 = e.level <= 1
            let st = TextStyle(family: level1 ? layout.headingFamily : layout.bodyFamily, size: style.contentsSize,
                               weight: level1 ? .bold : .regular, color: style.body, lineSpacing: 1.5)
            let indent = level1 ? 0 : style.contentsSize * 2 * Double(e.level - 1)
            let number = String(e.page)
            let minLeader = style.contentsSize * 2
            let titleWidth = f.width - indent - widestNumber - minLeader
            let m = try measurer.measure(e.title, style: st, wrapWidth: titleWidth)
            let before = level1 && y > f.minY ? style.contentsSize * 0.5 : 0
            if y + before + m.height > f.maxY + 1e-6 {
                pages.append([])
                y = f.minY
            } else {
                y += before
            }
            guard let last = m.lines.last else { continue }
            let baseline = y + last.baseline
            // TOCI → Link (the row's link, title and page number); the leader dots are decoration.
            var nodes: [Node] = [.group(.tagged(.link, [
                .link(LinkNode(Rect(x: f.minX + indent, y: y, width: f.width - indent, height: m.height),
                               target: .destination(e.anchor))),
                .text(TextNode(e.title, style: st, at: Point(f.minX + indent, y), anchor: .topLeft, wrapWidth: titleWidth)),
                .text(TextNode(number, style: st, at: Point(f.maxX, baseline), anchor: TextAnchor(.end, .baseline))),
            ]))]
            let start = f.minX + indent + last.width + style.contentsSize * 0.5
            let x1 = leaderEnd
            let x0 = x1 - ((x1 - start) / dotPitch).rounded(.down) * dotPitch
            if x1 - x0 > style.contentsSize {
                // Zero-length dashes with round caps draw as dots, independent of any font.
                nodes.append(.group(.tagged(.artifact, [.path(.line(from: Point(x0, baseline - 1), to: Point(x1, baseline - 1),
                                                                    stroke: Stroke(color: style.secondary, width: 1, dash: [0, dotPitch], cap: .round)))])))
            }
            pages[pages.count - 1].append(.group(.tagged(.contentsItem, nodes)))
            y += m.height
        }
        // One TOC element over all contents pages (the title stays outside: a TOC holds only entries).
        return pages.enumerated().map { i, nodes in
            let title = i == 0 ? Array(nodes.prefix(1)) : []
            return title + [.group(.tagged(.contents, Array(nodes.dropFirst(title.count)), continues: "toc"))]
        }
    }
}
