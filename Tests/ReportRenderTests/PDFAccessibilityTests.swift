import Foundation
import TestSupport
import ReportRender
import ReportScene
import Testing

/// The tagged PDF as assistive technology reads it: a structure tree mirroring the scene's
/// structure tags (a section and a paragraph running over a page break stay one element), Figure
/// /Alt, artifacts outside the tree, the catalog's /Lang, DisplayDocTitle and XMP metadata.
@Suite struct PDFAccessibilityTests {
    let dir: TempDir
    let pdf: String
    let bytes: [UInt8]

    static let body = TextStyle(size: 12)

    /// Page 1: H1, P, a Figure and its Caption, the start of a paragraph; page 2: the rest of
    /// that paragraph, a table; each page a footer artifact.
    static func document() -> Document {
        func text(_ s: String, _ y: Double) -> Node { .text(TextNode(s, style: body, at: Point(40, y))) }
        func footer(_ n: Int) -> Node { .group(.tagged(.artifact, [text("- \(n) -", 560)])) }
        func cell(_ role: StructureRole, _ s: String, _ x: Double, _ y: Double) -> Node {
            .group(.tagged(role, [.text(TextNode(s, style: body, at: Point(x, y)))]))
        }
        let chart = Group([.rect(RectNode(Rect(x: 40, y: 140, width: 200, height: 100), fill: Color(hex: "#0072B2")!)),
                           text("6.78亿元", 130)])
        let page1: [Node] = [
            .anchor(AnchorNode("sec-a", at: Point(40, 40))),
            .group(.tagged(.heading(level: 1), [text("一、经济发展", 60)])),
            .group(.tagged(.paragraph, [text("村级集体经营性收入达6.78亿元。", 90)], continues: "p1")),
            .group(.tagged(.figure(alt: "柱状图：村级集体经营性收入，2021年6.78亿元"), [.group(chart)])),
            .group(.tagged(.caption, [text("图1 村级集体经营性收入", 260)])),
            .group(.tagged(.paragraph, [text("跨页段落的前半部分，", 300)], continues: "p2")),
        ]
        let page2: [Node] = [
            .group(.tagged(.paragraph, [text("和它的后半部分。", 60)], continues: "p2")),
            .group(.tagged(.table, [
                .group(.tagged(.caption, [text("表1 项目", 100)])),
                .group(.tagged(.artifact, [.path(.line(from: Point(40, 110), to: Point(300, 110), stroke: Stroke(color: .black, width: 1)))])),
                .group(.tagged(.tableRow, [cell(.tableHeaderCell, "项目", 40, 130), cell(.tableHeaderCell, "状态", 160, 130)])),
                .group(.tagged(.tableRow, [cell(.tableCell, "地铁9号线", 40, 150), cell(.tableCell, "建成运营", 160, 150)])),
            ], continues: "tab-1")),
        ]
        func page(_ nodes: [Node], _ n: Int) -> Page {
            Page(size: Size(420, 595), root: Group([.group(Group([.group(.tagged(.section, nodes, continues: "sec-a"))], name: "body")),
                                                    footer(n)]), background: .white)
        }
        let info = DocumentInfo(title: "临平区2022年度报告", author: "临平区统计局", subject: "年度报告",
                                keywords: ["临平", "2022"], creationDate: 1_672_531_200, language: "zh-CN")
        return Document(info: info, pages: [page(page1, 1), page(page2, 2)],
                        outline: [OutlineItem(title: "一、经济发展", level: 1, destination: "sec-a")])
    }

    init() throws {
        dir = try TempDir()
        bytes = try PDFWriter.render(Self.document())
        pdf = try dir.write(bytes, as: "tagged.pdf")
    }

    @Test func qpdfCheckStaysClean() throws {
        let out = try ExternalTool.run("qpdf", ["--check", pdf])
        #expect(out.status == 0 && !out.all.contains("WARNING") && !out.all.contains("damaged"), "\(out.all)")
    }

    @Test func treeMirrorsTheSceneAcrossThePageBreak() throws {
        let root = try StructElement.read(pdf)
        let document = try #require(root.children.first)
        #expect(document.type == "Document")
        // One Sect although it runs over two pages; its children in reading order.
        #expect(document.children.map(\.type) == ["Sect"])
        let sect = document.children[0]
        #expect(sect.children.map(\.type) == ["H1", "P", "Figure", "Caption", "P", "Table"])
        #expect(sect.children[0].allText == "一、经济发展")
        // The paragraph split by the page break is one P (a Span per page).
        #expect(sect.children[4].allText == "跨页段落的前半部分，和它的后半部分。")
        #expect(sect.children[4].children.map(\.type) == ["Span", "Span"])
        let table = sect.children[5]
        #expect(table.children.map(\.type) == ["Caption", "TR", "TR"])
        #expect(table.children[1].children.map(\.type) == ["TH", "TH"])
        #expect(table.children[2].children.map(\.allText) == ["地铁9号线", "建成运营"])
    }

    @Test func artifactsStayOutOfTheTreeButOnThePage() throws {
        let tree = try StructElement.read(pdf).allText
        #expect(!tree.contains("- 1 -") && !tree.contains("- 2 -"))
        let text = try ExternalTool.run("pdftotext", [pdf, "-"]).stdout.filter { !$0.isWhitespace }
        #expect(text.contains("-1-") && text.contains("-2-"))
    }

    private func objects() throws -> [[String: Any]] {
        let out = try ExternalTool.run("qpdf", ["--json=2", pdf])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let qpdf = try #require(json["qpdf"] as? [Any])
        let objs = try #require(qpdf[1] as? [String: Any])
        return objs.values.compactMap { o in
            let d = o as? [String: Any]
            return d?["value"] as? [String: Any] ?? (d?["stream"] as? [String: Any])?["dict"] as? [String: Any]
        }
    }

    @Test func figureCarriesItsAltText() throws {
        let figures = try objects().filter { $0["/S"] as? String == "/Figure" }
        #expect(figures.count == 1)
        #expect(figures.first?["/Alt"] as? String == "u:柱状图：村级集体经营性收入，2021年6.78亿元")
    }

    @Test func catalogHasLanguageViewerPreferencesAndMetadata() throws {
        let catalog = try #require(try objects().first { $0["/Type"] as? String == "/Catalog" })
        #expect(catalog["/Lang"] as? String == "u:zh-CN")
        #expect((catalog["/MarkInfo"] as? [String: Any])?["/Marked"] as? Bool == true)
        #expect((catalog["/ViewerPreferences"] as? [String: Any])?["/DisplayDocTitle"] as? Bool == true)
        #expect(catalog["/Metadata"] is String)
        // Not claimed: Cairo 1.16 cannot mark artifacts, which PDF/UA-1 requires.
        #expect(!String(decoding: bytes, as: UTF8.self).contains("pdfuaid"))
    }

    @Test func xmpMatchesTheInfoDictionary() throws {
        let text = String(decoding: bytes, as: UTF8.self)
        let xmp = try #require(text.firstRange(of: "<x:xmpmeta").map { String(text[$0.lowerBound...]) })
        for field in ["<rdf:li xml:lang=\"x-default\">临平区2022年度报告</rdf:li>", "<rdf:li>临平区统计局</rdf:li>",
                      "<rdf:li xml:lang=\"x-default\">年度报告</rdf:li>", "<pdf:Keywords>临平, 2022</pdf:Keywords>",
                      "<xmp:CreateDate>2023-01-01T00:00:00+00:00</xmp:CreateDate>", "<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li>",
                      "<xmp:CreatorTool>ReportRenderer</xmp:CreatorTool>"] {
            #expect(xmp.contains(field), "XMP lacks \(field)")
        }
        let info = try ExternalTool.run("pdfinfo", [pdf]).stdout
        #expect(info.contains("Title:           临平区2022年度报告"))
        #expect(info.contains("Author:          临平区统计局"))
        #expect(info.contains("Keywords:        临平, 2022"))
        #expect(info.contains("CreationDate:    Sun Jan  1 00:00:00 2023 UTC"))
        let producer = try #require(info.split(separator: "\n").first { $0.hasPrefix("Producer:") })
        #expect(xmp.contains("<pdf:Producer>\(producer.dropFirst("Producer:".count).drop { $0 == " " })</pdf:Producer>"))
    }

    @Test func fileIsWrittenOnceAndDeterministic() throws {
        #expect(try PDFWriter.render(Self.document()) == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        // Cairo's objects written again with the new versions in place: one cross-reference
        // section, no update appended, no object twice.
        #expect(text.components(separatedBy: "%%EOF").count == 2)
        let trailer = try #require(text.range(of: "trailer", options: .backwards).map { text[$0.upperBound...] })
        #expect(!trailer.contains("/Prev"))
        var numbers: [Substring] = []
        for line in text.split(separator: "\n") where line.hasSuffix(" 0 obj") { numbers.append(line.dropLast(6)) }
        #expect(!numbers.isEmpty && Set(numbers).count == numbers.count)
    }

    @Test func linksInsideALinkElementStillWork() throws {
        var doc = Self.document()
        let entry = Group.tagged(.link, [
            .link(LinkNode(Rect(x: 40, y: 20, width: 200, height: 16), target: .destination("sec-a"))),
            .text(TextNode("一、经济发展……1", style: Self.body, at: Point(40, 32))),
        ])
        let contents = Page(size: Size(420, 595), root: Group([.group(.tagged(.contents, [.group(.tagged(.contentsItem, [.group(entry)]))]))]))
        doc.pages.insert(contents, at: 0)
        let file = try dir.write(PDFWriter.render(doc), as: "toc.pdf")
        let check = try ExternalTool.run("qpdf", ["--check", file])
        #expect(check.status == 0 && !check.all.contains("WARNING"), "\(check.all)")
        let toc = try #require(try StructElement.read(file).children.first?.children.first)
        #expect(toc.type == "TOC")
        #expect(toc.children.first?.children.first?.type == "Link")
        #expect(toc.children.first?.allText == "一、经济发展……1")
        let json = try ExternalTool.run("qpdf", ["--json=2", file]).stdout
        #expect(json.contains("\"/Subtype\": \"/Link\"") && json.contains("\"/Dest\": \"u:sec-a\""))
        // The annotation says what it links: the entry's text.
        #expect(json.contains("\"/Contents\": \"u:一、经济发展……1\""))
    }
}
