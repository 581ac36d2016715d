import Foundation
import TestSupport
import ReportRender
import ReportScene
import Testing

/// A document with outline, internal links, URL links and anchors: structurally valid PDF
/// (`qpdf --check`), with the outline, named destinations and link rectangles where expected.
struct PDFStructureTests {
    let dir: TempDir
    let pdf: String

    init() throws {
        dir = try TempDir()
        pdf = try dir.write(PDFWriter.render(Fixtures.document()), as: "doc.pdf")
    }

    @Test func qpdfCheckIsClean() throws {
        let out = try ExternalTool.run("qpdf", ["--check", pdf])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(!out.stdout.contains("damaged") && !out.stderr.contains("WARNING"), "\(out.stderr)")
        #expect(out.stdout.contains("No syntax or stream encoding errors"))
    }

    private func json() throws -> [String: Any] {
        let out = try ExternalTool.run("qpdf", ["--json=2", pdf])
        #expect(out.status == 0)
        return try #require(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    }

    @Test func outlineIsNestedByLevelAndPointsAtAnchors() throws {
        let outlines = try #require(try json()["outlines"] as? [[String: Any]])
        #expect(outlines.map { $0["title"] as? String } == ["一、经济发展", "二、乡村振兴"])
        #expect(outlines.map { $0["destpageposfrom1"] as? Int } == [1, 2])
        let kids = try #require(outlines[1]["kids"] as? [[String: Any]])
        #expect(kids.map { $0["title"] as? String } == ["（一）集体经济"])
        #expect(kids.first?["destpageposfrom1"] as? Int == 3)
        // Anchor at (50, 60) on a 595 pt page: PDF y = 595 − 60.
        let dest = try #require(outlines[0]["dest"] as? [Any])
        #expect((dest[2] as? NSNumber)?.doubleValue == 50 && (dest[3] as? NSNumber)?.doubleValue == 535)
    }

    private func objects() throws -> [[String: Any]] {
        let qpdf = try #require(try json()["qpdf"] as? [Any])
        let objs = try #require(qpdf[1] as? [String: Any])
        return objs.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }
    }

    @Test func namedDestinationsAndLinksExist() throws {
        let objs = try objects()
        let names = try #require(objs.first { $0["/Names"] is [Any] }?["/Names"] as? [Any])
        let destNames = names.compactMap { $0 as? String }
        #expect(destNames == ["u:sec-1", "u:sec-2", "u:sec-2.1"])
        let links = objs.filter { $0["/Subtype"] as? String == "/Link" }
        #expect(links.compactMap { $0["/Dest"] as? String }.sorted() == ["u:sec-2", "u:sec-2.1"])
        let uris = links.compactMap { ($0["/A"] as? [String: Any])?["/URI"] as? String }
        #expect(uris.count == 3 && uris.allSatisfy { $0 == "u:https://www.linping.gov.cn/?a='b'" }, "quotes survive escaping")
        // The URL link sits in a group translated by (50, 300): page rect y 300...320 → PDF 275...295.
        let uriRect = try #require(links.first { $0["/A"] != nil }?["/Rect"] as? [NSNumber])
        #expect(uriRect.map(\.doubleValue) == [50, 275, 150, 295])
        // A URL link outside any Link element is described by its URL (PDF/UA asks for /Contents).
        #expect(links.filter { $0["/A"] != nil }.allSatisfy { $0["/Contents"] as? String == "u:https://www.linping.gov.cn/?a='b'" })
    }

    @Test func qdfTextHasOutlinesAndDests() throws {
        let qdf = dir.path("doc.qdf")
        let out = try ExternalTool.run("qpdf", ["--qdf", "--object-streams=disable", pdf, qdf])
        #expect(out.status == 0)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: qdf)), as: UTF8.self)
        #expect(text.contains("/Outlines") && text.contains("/Dests") && text.contains("/Dest"))
    }
}

@Test func linkToMissingDestinationIsRejected() throws {
    var doc = Fixtures.document()
    doc.outline.append(OutlineItem(title: "附录", level: 1, destination: "appendix"))
    #expect(throws: RenderError.unknownDestination("appendix")) { try PDFWriter.render(doc) }
}

@Test func duplicateAnchorIsRejected() throws {
    var doc = Fixtures.document()
    doc.pages[2].root.append(.anchor(AnchorNode("sec-1", at: .zero)))
    #expect(throws: RenderError.duplicateDestination("sec-1")) { try PDFWriter.render(doc) }
}

@Test func emptyDocumentIsRejected() throws {
    #expect(throws: RenderError.emptyDocument) { try PDFWriter.render(Document(info: DocumentInfo(), pages: [])) }
}

/// Each page keeps its own size, and a blank trailing page is not dropped.
@Test func pagesKeepTheirSizes() throws {
    let dir = try TempDir()
    let doc = Document(info: DocumentInfo(), pages: [
        Page(size: .a4, root: Group([.text(TextNode("封面", style: Fixtures.title, at: Point(100, 100)))])),
        Page(size: Size(842, 595), root: Group()),
    ])
    let pdf = try dir.write(PDFWriter.render(doc), as: "sizes.pdf")
    let out = try ExternalTool.run("pdfinfo", ["-f", "1", "-l", "2", pdf])
    let info = out.stdout.replacing(/\ +/, with: " ")
    #expect(info.contains("Pages: 2"))
    #expect(info.contains("Page 1 size: 595.276 x 841.89 pts"))
    #expect(info.contains("Page 2 size: 842 x 595 pts"))
}

/// Cairo turns an opaque fill covering the whole page into "discard the page so far"; that must
/// not discard the document structure tag (qpdf would report a damaged file).
@Test func fullBleedCoverPagesStayValid() throws {
    let dir = try TempDir()
    func cover(_ anchor: String) -> Page {
        Page(size: .a4, root: Group([
            .rect(RectNode(Rect(x: -10, y: -10, width: 700, height: 900), fill: Color(hex: "#0072B2")!)),
            .group(Group([.rect(RectNode(Rect(x: 0, y: 0, width: 596, height: 842), fill: .white))], opacity: 0.3)),
            .anchor(AnchorNode(anchor, at: .zero)),
            .text(TextNode("临平区2022年度报告", style: Fixtures.title, at: Point(60, 200))),
        ]), background: .white)
    }
    var cover2 = cover("b")
    cover2.root.append(.link(LinkNode(Rect(x: 60, y: 180, width: 200, height: 30), target: .destination("a"))))
    let doc = Document(info: DocumentInfo(title: "封面"), pages: [cover("a"), cover2],
                       outline: [OutlineItem(title: "封面", level: 1, destination: "a")])
    let pdf = try dir.write(PDFWriter.render(doc), as: "cover.pdf")
    let out = try ExternalTool.run("qpdf", ["--check", pdf])
    #expect(out.status == 0 && !out.stderr.contains("WARNING"), "\(out.stdout)\(out.stderr)")
    #expect(try ExternalTool.run("pdftotext", [pdf, "-"]).stdout.contains("临平区2022年度报告"))
}
