import ReportScene

/// Sample scenes shared by the tests: Chinese text, a rotated label, dashes, rounded corners,
/// a translucent clipped group, links and anchors.
enum Fixtures {
    static let body = TextStyle(size: 12)
    static let title = TextStyle(size: 20, weight: .bold, color: Color(hex: "#0072B2")!)

    static func chartPage(label: String = "临平区村级集体经营性收入6.78亿元") -> Page {
        var root = Group(name: "chart")
        root.append(.rect(RectNode(Rect(x: 20, y: 20, width: 260, height: 160), cornerRadius: 8,
                                   fill: Color(hex: "#EEF3F8")!, stroke: Stroke(color: .black, width: 1))))
        root.append(.path(PathNode([.move(Point(30, 150)), .line(Point(120, 90)), .curve(Point(160, 60), Point(200, 120), Point(270, 70))],
                                   stroke: Stroke(color: Color(hex: "#D55E00")!, width: 2, dash: [6, 3], cap: .round, join: .round))))
        root.append(.text(TextNode(label, style: body, at: Point(30, 45))))
        root.append(.group(Group([.text(TextNode("“未来工厂”", style: body, at: .zero, anchor: TextAnchor(.middle, .middle)))],
                                 transform: Transform.rotate(degrees: -90).then(.translate(265, 120)), name: "rotated")))
        root.append(.group(Group([.rect(RectNode(Rect(x: 150, y: 100, width: 200, height: 60), fill: Color(hex: "#009E73")!))],
                                 clip: Rect(x: 0, y: 0, width: 250, height: 170), opacity: 0.5, name: "translucent")))
        return Page(size: Size(300, 200), root: root, background: .white)
    }

    /// Three pages, an outline two levels deep, internal links, a URL link and anchors.
    static func document(creationDate: Int64 = 1_672_531_200) -> Document {
        func page(_ heading: String, anchor: String, linkTo: String?) -> Page {
            var root = Group()
            root.append(.anchor(AnchorNode(anchor, at: Point(50, 60))))
            root.append(.text(TextNode(heading, style: title, at: Point(50, 80))))
            root.append(.text(TextNode("2022年，临平区实现地区生产总值（GDP）1000亿元以上，“未来工厂”建设加快推进。", style: body,
                                       at: Point(50, 120), anchor: .topLeft, wrapWidth: 300)))
            if let linkTo {
                root.append(.text(TextNode("见下一节", style: body, at: Point(50, 200))))
                root.append(.link(LinkNode(Rect(x: 50, y: 186, width: 48, height: 18), target: .destination(linkTo))))
            }
            // A link inside a transformed group: its rectangle must land in page coordinates.
            root.append(.group(Group([.link(LinkNode(Rect(x: 0, y: 0, width: 100, height: 20), target: .url("https://www.linping.gov.cn/?a='b'")))],
                                     transform: .translate(50, 300))))
            return Page(size: Size(420, 595), root: root)
        }
        let pages = [page("一、经济发展", anchor: "sec-1", linkTo: "sec-2"),
                     page("二、乡村振兴", anchor: "sec-2", linkTo: "sec-2.1"),
                     page("（一）集体经济", anchor: "sec-2.1", linkTo: nil)]
        let info = DocumentInfo(title: "临平区2022年度报告", author: "临平区统计局", subject: "年度报告",
                                keywords: ["临平", "2022"], creationDate: creationDate)
        let outline = [OutlineItem(title: "一、经济发展", level: 1, destination: "sec-1"),
                       OutlineItem(title: "二、乡村振兴", level: 1, destination: "sec-2"),
                       OutlineItem(title: "（一）集体经济", level: 2, destination: "sec-2.1")]
        return Document(info: info, pages: pages, outline: outline)
    }
}
