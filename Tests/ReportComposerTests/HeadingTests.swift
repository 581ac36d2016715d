import Testing
@testable import ReportComposer
import ReportScene

@Suite struct HeadingTests {
    let measurer = FixedTextMeasurer()

    @Test func chineseNumberingInOutline() throws {
        let doc = try PageComposer.compose(SampleReport.content(numbering: .chinese), measurer: measurer)
        #expect(doc.outline.map(\.title) == [
            "一、从制造到智造", "（一）未来工厂", "（二）人才支撑",
            "二、城乡协调发展", "（一）大运河文化公园", "（二）强村富民",
            "三、品质城区建设", "（一）交通路网", "（二）文化浸润", "附录：数据来源",
        ])
        #expect(doc.outline.map(\.level) == [1, 2, 2, 1, 2, 2, 1, 2, 2, 1])
        #expect(doc.outline.map(\.destination).first == "sec-economy")
    }

    @Test func decimalNumbering() throws {
        let doc = try PageComposer.compose(SampleReport.content(numbering: .decimal), measurer: measurer)
        #expect(Array(doc.outline.map(\.title).prefix(4)) == ["1. 从制造到智造", "1.1 未来工厂", "1.2 人才支撑", "2. 城乡协调发展"])
        #expect(doc.outline.map(\.title).contains("3.2 文化浸润"))
    }

    @Test func numeralsAndLabels() {
        #expect(HeadingNumberer.chineseNumeral(10) == "十")
        #expect(HeadingNumberer.chineseNumeral(11) == "十一")
        #expect(HeadingNumberer.chineseNumeral(20) == "二十")
        #expect(HeadingNumberer.chineseNumeral(35) == "三十五")
        var n = HeadingNumberer(style: .chinese)
        #expect([n.next(level: 1), n.next(level: 2), n.next(level: 3), n.next(level: 2), n.next(level: 1), n.next(level: 2)]
            == ["一、", "（一）", "1.", "（二）", "二、", "（一）"])
    }

    @Test func everyHeadingHasAnAnchorAndTextOnItsPage() throws {
        let doc = try PageComposer.compose(SampleReport.content(), measurer: measurer)
        let anchors = doc.anchorPages
        let texts = try doc.texts()
        for item in doc.outline {
            let page = try #require(anchors[item.destination])
            let heading = try #require(texts.first { $0.page == page && $0.node.text == item.title })
            #expect(heading.node.style.weight == .bold)
            #expect(doc.anchorPoint(item.destination)?.y == heading.box.minY)
        }
    }

    /// A heading is never the last thing on its page: something of the body follows it there.
    @Test func headingsKeepWithNextBlock() throws {
        // Vary the filler so headings land at many positions on the page.
        for filler in 0..<12 {
            var content = SampleReport.content()
            content.sections[0].blocks.insert(.paragraph(String(repeating: "临平", count: 20 * filler + 1)), at: 0)
            let doc = try PageComposer.compose(content, measurer: measurer)
            let texts = try doc.texts().filter { $0.zone == "body" }
            let figures = doc.groups(named: "figure.")
            for item in doc.outline {
                let heading = try #require(texts.first { $0.node.text == item.title })
                let below = texts.contains { $0.page == heading.page && $0.box.minY >= heading.box.maxY - 1e-6 }
                    || figures.contains { $0.page == heading.page && $0.bounds.minY >= heading.box.maxY }
                #expect(below, "“\(item.title)” alone at the bottom of page \(heading.page) (filler \(filler))")
            }
        }
    }

    @Test func unnumberedSectionsAndThirdLevelHeadings() throws {
        let content = ReportContent(info: ReportInfo(title: "t"), sections: [
            Section(id: "preface", title: "前言", blocks: [.paragraph("序。")], numbered: false),
            Section(id: "a", title: "总体情况", subsections: [
                Section(id: "a1", title: "经济", subsections: [
                    Section(id: "a1x", title: "工业", blocks: [.paragraph("工业。")]),
                    Section(id: "a1y", title: "农业", blocks: [.paragraph("农业。")]),
                ]),
            ]),
        ])
        let doc = try PageComposer.compose(content, measurer: measurer)
        #expect(doc.outline.map(\.title) == ["前言", "一、总体情况", "（一）经济", "1.工业", "2.农业"])
        #expect(doc.outline.map(\.level) == [1, 1, 2, 3, 3])
        let contents = try doc.texts().filter { $0.zone == "contents" }.map(\.node.text)
        #expect(contents.contains("（一）经济") && !contents.contains("1.工业"))
        #expect(Set(doc.anchorPages.keys).isSuperset(of: ["sec-preface", "sec-a", "sec-a1", "sec-a1x", "sec-a1y"]))
    }
}
