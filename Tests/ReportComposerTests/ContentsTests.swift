import Testing
@testable import ReportComposer
import ReportScene

@Suite struct ContentsTests {
    let measurer = FixedTextMeasurer()

    /// (title, printed page number, link destination) of each contents row.
    func rows(_ doc: Document) throws -> [(title: String, number: Int, destination: String)] {
        var out: [(String, Int, String)] = []
        for (i, page) in doc.pages.enumerated() {
            let leaves = page.root.leaves().filter { $0.path.first == "contents" }
            let links = leaves.compactMap { l -> LinkNode? in if case .link(let k) = l.node { k } else { nil } }
            let texts = try doc.texts().filter { $0.page == i && $0.zone == "contents" }
            for link in links {
                guard case .destination(let d) = link.target else { continue }
                let inRow = texts.filter { link.rect.contains($0.box, tolerance: 0.01) }
                let number = try #require(inRow.compactMap { Int($0.node.text) }.first)
                let title = try #require(inRow.first { Int($0.node.text) == nil }).node.text
                out.append((title, number, d))
            }
        }
        return out
    }

    func footerNumber(_ doc: Document, page: Int) throws -> Int? {
        let t = try doc.texts().first { $0.page == page && $0.zone == "footer" }?.node.text
        return t.flatMap { Int($0.filter(\.isNumber)) }
    }

    @Test func entriesLinkToAnchorsOnThePrintedPage() throws {
        let doc = try PageComposer.compose(SampleReport.content(), measurer: measurer)
        let rows = try rows(doc)
        #expect(rows.map(\.title) == doc.outline.map(\.title))
        let anchors = doc.anchorPages
        for row in rows {
            let page = try #require(anchors[row.destination])
            #expect(row.number == page)
            #expect(try footerNumber(doc, page: page) == row.number)
        }
        // Contents are page 1 (after the unnumbered cover), body starts at page 2.
        #expect(try footerNumber(doc, page: 1) == 1)
        #expect(try doc.texts().filter { $0.page == 0 }.allSatisfy { $0.zone == "cover" })
        #expect(anchors["sec-economy"] == 2)
    }

    @Test func longContentsSpanPagesAndNumbersFollow() throws {
        var content = SampleReport.content()
        content.sections += (1...45).map { i in
            Section(id: "extra\(i)", title: "补充章节\(i)", blocks: SampleReport.paragraphs(i, 1))
        }
        let doc = try PageComposer.compose(content, measurer: measurer)
        let rows = try rows(doc)
        #expect(rows.count == doc.outline.count)
        let contentsPages = Set(doc.pages.indices.filter { i in doc.pages[i].root.children.contains {
            if case .group(let g) = $0 { g.name == "contents" } else { false } } })
        #expect(contentsPages.count >= 2)
        #expect(contentsPages.sorted() == Array(1...contentsPages.count))
        #expect(doc.anchorPages["sec-economy"] == contentsPages.count + 1)
        let anchors = doc.anchorPages
        for row in rows { #expect(row.number == anchors[row.destination]) }
        #expect(rows.contains { $0.title == "四十八、补充章节45" })
    }

    @Test func pageNumberFormats() throws {
        var content = SampleReport.content()
        content.layout.pageNumbers = .chinese
        let doc = try PageComposer.compose(content, measurer: measurer)
        #expect(try doc.texts().first { $0.page == 3 && $0.zone == "footer" }?.node.text == "第 3 页")
        let dashed = try PageComposer.compose(SampleReport.content(), measurer: measurer)
        #expect(try dashed.texts().first { $0.page == 3 && $0.zone == "footer" }?.node.text == "- 3 -")
    }

    @Test func runningHeaderShowsTitleAndSection() throws {
        let doc = try PageComposer.compose(SampleReport.content(), measurer: measurer)
        let texts = try doc.texts()
        let anchors = doc.anchorPages
        #expect(!texts.contains { $0.zone == "header" && $0.page < 2 })
        let ruralPage = try #require(anchors["sec-rural"])
        let header = texts.filter { $0.page == ruralPage && $0.zone == "header" }.map(\.node.text)
        #expect(header == ["临平区2022年度发展报告", "二、城乡协调发展"])
        let second = texts.filter { $0.page == 3 && $0.zone == "header" }.map(\.node.text)
        #expect(second.last == "一、从制造到智造")
        var off = SampleReport.content(); off.layout.runningHeader = false
        #expect(try !PageComposer.compose(off, measurer: measurer).texts().contains { $0.zone == "header" })
    }
}
