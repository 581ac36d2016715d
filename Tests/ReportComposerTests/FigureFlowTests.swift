import Testing
import ReportComposer
import ReportScene

@Suite struct FigureFlowTests {
    let measurer = FixedTextMeasurer()

    @Test func figuresAreNumberedInOrderAndNeverSplit() throws {
        let content = SampleReport.content()
        let doc = try PageComposer.compose(content, measurer: measurer)
        let figures = doc.groups(named: "figure.")
        #expect(figures.map(\.name) == ["figure.gdp", "figure.factories", "figure.roads"])
        #expect(figures.map(\.page) == figures.map(\.page).sorted())
        for f in figures { #expect(content.layout.textFrame.contains(f.bounds, tolerance: 0.01)) }
        let captions = try doc.texts().filter { $0.node.text.hasPrefix("图") && $0.node.style.weight == .bold }
        #expect(captions.map(\.node.text) == ["图1 临平区地区生产总值", "图2 未来工厂数量", "图3 四好农村路里程"])
        for (f, c) in zip(figures, captions) {
            #expect(c.page == f.page && c.box.minY >= f.bounds.maxY)
        }
    }

    @Test func wideFiguresShrinkUniformlyToTheColumn() throws {
        let content = SampleReport.content()
        let doc = try PageComposer.compose(content, measurer: measurer)
        let wide = try #require(doc.groups(named: "figure.factories").first)
        #expect(abs(wide.bounds.width - content.layout.textFrame.width) < 1e-6)
        #expect(abs(wide.bounds.width / wide.bounds.height - 2) < 1e-9)
        #expect(abs(wide.bounds.midX - content.layout.textFrame.midX) < 1e-6)
    }

    @Test func figureThatDoesNotFitFloatsAndTextFillsTheGap() throws {
        let filler = SeedText.paragraphs.prefix(9).joined()
        let after = SeedText.paragraphs[12]
        let figure = Figure(id: "big", content: SampleReport.chart(400, 400), size: Size(400, 400), caption: "大图")
        let content = ReportContent(info: ReportInfo(title: "测试"), sections: [
            Section(id: "s", title: "浮动", blocks: [.paragraph(filler), .figure(figure), .paragraph(after)]),
        ])
        let doc = try PageComposer.compose(content, measurer: measurer)
        let fig = try #require(doc.groups(named: "figure.big").first)
        let paragraphs = try doc.bodyParagraphs()
        let last = try #require(paragraphs.last)
        #expect(last.map(\.node.text).joined() == indent + after)
        // The text after the figure starts on the page the figure did not fit on...
        #expect(last[0].page == fig.page - 1)
        #expect(last[0].page == paragraphs[0].last!.page)
        // ...and the figure opens the next page.
        #expect(doc.anchorPoint("fig-big")?.y == content.layout.textFrame.minY)
    }

    @Test func figureThatFitsFollowsItsParagraph() throws {
        let figure = Figure(id: "small", content: SampleReport.chart(300, 100), size: Size(300, 100), caption: "小图",
                            source: "数据来源：测试")
        let content = ReportContent(info: ReportInfo(title: "测试"), sections: [
            Section(id: "s", title: "紧随", blocks: [.paragraph(SeedText.paragraphs[0]), .figure(figure), .paragraph(SeedText.paragraphs[1])]),
        ])
        let doc = try PageComposer.compose(content, measurer: measurer)
        let fig = try #require(doc.groups(named: "figure.small").first)
        let paragraphs = try doc.bodyParagraphs()
        #expect(paragraphs[0][0].box.maxY <= fig.bounds.minY)
        let source = try #require(try doc.texts().first { $0.node.text == "数据来源：测试" })
        #expect(source.box.maxY <= paragraphs[1][0].box.minY)
        #expect(paragraphs.allSatisfy { $0[0].page == fig.page })
    }

    @Test func referencedByMovesTheFigureAfterItsParagraph() throws {
        let figure = Figure(id: "moved", content: SampleReport.chart(300, 80), size: Size(300, 80), caption: "移动",
                            referencedBy: "[[moved]]")
        let content = ReportContent(info: ReportInfo(title: "测试"), sections: [
            Section(id: "s", title: "引用", blocks: [
                .paragraph("第一段，见[[moved]]。"), .paragraph("第二段。"), .figure(figure),
            ]),
        ])
        let doc = try PageComposer.compose(content, measurer: measurer)
        let fig = try #require(doc.groups(named: "figure.moved").first)
        let paragraphs = try doc.bodyParagraphs()
        #expect(paragraphs.map { $0[0].node.text } == [indent + "第一段，见图1。", indent + "第二段。"])
        #expect(paragraphs[0][0].box.maxY <= fig.bounds.minY && fig.bounds.maxY <= paragraphs[1][0].box.minY)
    }

    @Test func figureTallerThanAPageShrinksToFitWithItsCaption() throws {
        let figure = Figure(id: "tower", content: SampleReport.chart(300, 1200), size: Size(300, 1200), caption: "很高的图",
                            source: "数据来源：测试")
        let content = ReportContent(info: ReportInfo(title: "测试"), sections: [
            Section(id: "s", title: "高图", blocks: [.paragraph(SeedText.paragraphs[0]), .figure(figure)]),
        ])
        let doc = try PageComposer.compose(content, measurer: measurer)
        let fig = try #require(doc.groups(named: "figure.tower").first)
        let frame = content.layout.textFrame
        #expect(fig.bounds.minY == frame.minY && fig.bounds.height < frame.height)
        #expect(abs(fig.bounds.height / fig.bounds.width - 4) < 1e-9)
        let source = try #require(try doc.texts().first { $0.node.text == "数据来源：测试" })
        #expect(source.page == fig.page && source.box.maxY <= frame.maxY + 1e-6)
    }

    @Test func waitingFiguresAreSetBeforeTheNextChapter() throws {
        let figure = Figure(id: "late", content: SampleReport.chart(400, 400), size: Size(400, 400), caption: "待放")
        let content = ReportContent(info: ReportInfo(title: "测试"), sections: [
            Section(id: "a", title: "甲", blocks: [.paragraph(SeedText.paragraphs.prefix(9).joined()), .figure(figure),
                                                  .paragraph(SeedText.paragraphs[20])]),
            Section(id: "b", title: "乙", blocks: [.paragraph(SeedText.paragraphs[21])]),
        ])
        let doc = try PageComposer.compose(content, measurer: measurer)
        let fig = try #require(doc.groups(named: "figure.late").first)
        let chapter = try #require(doc.anchorPoint("sec-b"))
        let chapterPage = try #require(doc.anchorPages["sec-b"])
        #expect(chapterPage == fig.page && chapter.y > fig.bounds.maxY)
    }

    @Test func headingStaysWhenItsFigureFloatsAndTextFollowsIt() throws {
        let figure = Figure(id: "first", content: SampleReport.chart(400, 400), size: Size(400, 400), caption: "首图")
        let content = ReportContent(info: ReportInfo(title: "测试"), sections: [
            Section(id: "a", title: "甲", blocks: [.paragraph(SeedText.paragraphs.prefix(9).joined())]),
            Section(id: "b", title: "乙", blocks: [.figure(figure), .paragraph(SeedText.paragraphs[20])]),
        ])
        let doc = try PageComposer.compose(content, measurer: measurer)
        let headingPage = try #require(doc.anchorPages["sec-b"])
        let fig = try #require(doc.groups(named: "figure.first").first)
        let after = try #require(try doc.bodyParagraphs().last)
        #expect(after[0].page == headingPage && after[0].box.minY > doc.anchorPoint("sec-b")!.y)
        #expect(fig.page == headingPage + 1)
    }
}
