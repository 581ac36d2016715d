import Testing
@testable import ReportComposer
import ReportScene

@Suite struct FlowBuilderTests {
    let measurer = FixedTextMeasurer()

    @Test func referencesResolveToNumbers() throws {
        let doc = try PageComposer.compose(SampleReport.content(), measurer: measurer)
        #expect(try doc.texts().contains { $0.node.text == indent + "如图1所示，临平经济总量稳步增长；图2展示了未来工厂的分布。" })
    }

    @Test func unknownReferencesAndDuplicateIDsAreErrors() {
        let bad = ReportContent(info: ReportInfo(title: "t"), sections: [Section(id: "a", title: "a", blocks: [.paragraph("见[[nope]]")])])
        #expect(throws: ComposerError.unknownReference("nope")) { try PageComposer.compose(bad, measurer: measurer) }
        let dup = ReportContent(info: ReportInfo(title: "t"), sections: [Section(id: "a", title: "a"), Section(id: "a", title: "b")])
        #expect(throws: ComposerError.duplicateID("a")) { try PageComposer.compose(dup, measurer: measurer) }
    }

    @Test func appendixListsEverySourceWithItsRecords() throws {
        let content = SampleReport.content()
        let doc = try PageComposer.compose(content, measurer: measurer)
        let texts = try doc.texts().filter { $0.zone == "body" }.map(\.node.text)
        let start = try #require(texts.firstIndex(of: "附录：数据来源"))
        #expect(Array(texts[(start + 1)...]) == [
            "[1] 临平区国民经济和社会发展统计公报", "来源：临平区统计局，2022", "地区生产总值；村级集体经营性收入 6.78 亿元。",
            "[2] 浙江省“未来工厂”试点企业名单", "来源：浙江省经济和信息化厅", "临平区入选企业 2 家。",
        ])
        #expect(doc.outline.last == OutlineItem(title: "附录：数据来源", level: 1, destination: "sec-appendix-sources"))
    }

    @Test func pageBreakStartsANewPage() throws {
        let content = ReportContent(info: ReportInfo(title: "t"), sections: [
            Section(id: "a", title: "甲", blocks: [.paragraph("第一页。"), .pageBreak, .paragraph("第二页。")]),
        ])
        let doc = try PageComposer.compose(content, measurer: measurer)
        let paragraphs = try doc.bodyParagraphs()
        #expect(paragraphs.map { $0[0].page } == [2, 3])
    }
}
