import Foundation
import ReportComposer
import ReportScene
import TestSupport
import Testing

/// Issue 15: the default report's structure tree, read back with poppler and qpdf, mirrors the
/// document: headings in order, one P per paragraph, figures with alt text and captions,
/// tables with header cells, running headers and page numbers outside the tree, the language set.
@Suite struct AccessibleReportTests {
    let render = DefaultRender.shared

    var tree: StructElement {
        get throws { try #require(try StructElement.read(render.pdf.path).children.first) }
    }

    /// The composed scene (fixed measurer: paragraph count and order do not depend on metrics).
    static let scene: Document = {
        let bound = TemplateLoader.load(template: ReportBinary.defaultTemplate)
        return try! PageComposer.compose(try! bound.content(measurer: FixedTextMeasurer()), measurer: FixedTextMeasurer())
    }()

    /// Body paragraphs of the scene in order (outside tables), the parts of one split over pages joined.
    static var sceneParagraphs: [String] {
        var out: [(key: String?, text: String)] = []
        func walk(_ g: Group, inSection: Bool) {
            let section = inSection || g.structure?.role == .section
            if g.structure?.role == .paragraph, section {
                let text = g.leaves().compactMap { if case .text(let t) = $0.node { t.text } else { nil } }.joined()
                if let k = g.structure?.continues, out.last?.key == k { out[out.count - 1].text += text } else {
                    out.append((g.structure?.continues, text))
                }
                return
            }
            // A table's source line is a P of the Table, not of the section.
            for case .group(let c) in g.children where c.structure?.role != .table { walk(c, inSection: section) }
        }
        scene.pages.forEach { walk($0.root, inSection: false) }
        return out.map(\.text)
    }

    @Test func documentHoldsCoverContentsAndOneSectPerSection() throws {
        let doc = try tree
        #expect(doc.type == "Document")
        let types = doc.children.map(\.type)
        #expect(types.filter { $0 == "TOC" }.count == 1)
        #expect(types.filter { $0 == "Sect" }.count == (try PDFInspection(url: render.pdf).outline()).count)
        #expect(types.first == "P", "the cover title comes first")
    }

    @Test func headingsFollowTheOutline() throws {
        let headings = try tree.flattened.filter { $0.type.hasPrefix("H") && $0.type.count == 2 }
        let outline = try PDFInspection(url: render.pdf).outline()
        #expect(headings.map { PDFInspection.normalised($0.allText) } == outline.map { PDFInspection.normalised($0.title) })
        // The default template has one level of sections: each heading is the first child of its Sect.
        #expect(headings.allSatisfy { $0.type == "H1" })
        for sect in try tree.all("Sect") { #expect(sect.children.first?.type == "H1") }
    }

    @Test func onePPerParagraphInReadingOrder() throws {
        let ps = try tree.all("Sect").flatMap { $0.children.filter { $0.type == "P" } }
        let expected = Self.sceneParagraphs
        #expect(ps.count == expected.count)
        for (p, text) in zip(ps, expected) {
            // Compared by their start, up to a ligature or a word joiner (figures are glued with
            // U+2060): poppler's struct text stops at the ActualText span Cairo nests inside the
            // paragraph's marked content for those.
            var want = String(PDFInspection.normalised(text).prefix(12))
            if let lig = want.firstRange(of: /f[il]/) { want = String(want[..<lig.upperBound]) }
            if let joiner = want.firstIndex(of: "\u{2060}") { want = String(want[..<joiner]) }
            #expect(PDFInspection.normalised(p.allText).hasPrefix(want), "\(p.allText.prefix(20)) ≠ \(want)")
        }
    }

    @Test func everyFigureHasAltTextAndItsCaption() throws {
        let sects = try tree.all("Sect")
        var captions: [String] = []
        for s in sects {
            for (i, c) in s.children.enumerated() where c.type == "Figure" {
                let next = s.children.indices.contains(i + 1) ? s.children[i + 1] : nil
                #expect(next?.type == "Caption")
                captions.append(String(PDFInspection.normalised(next?.allText ?? "").prefix(2)))
            }
        }
        #expect(captions == ["图1", "图2", "图3", "图4", "图5"])
        let alts = try figureAlts(render.pdf)
        #expect(alts.count == 5 && alts.allSatisfy { !$0.isEmpty })
        #expect(alts.contains("柱状图：临平全区村级集体经营性收入，2020年5.75亿元（推算），2021年6.78亿元"))
    }

    /// Each /Alt, in tree order, names the chart its Caption names: the right alt on the right figure.
    @Test func altTextsBelongToTheirFigures() throws {
        let out = try ExternalTool.run("qpdf", ["--json=2", render.pdf.path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let objs = try #require((json["qpdf"] as? [Any])?.last as? [String: Any])
        func value(_ ref: Any?) -> [String: Any]? {
            guard let r = ref as? String else { return nil }
            return (objs["obj:\(r)"] as? [String: Any])?["value"] as? [String: Any]
        }
        let catalog = try #require(objs.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }
            .first { $0["/Type"] as? String == "/Catalog" })
        var alts: [String] = []
        func walk(_ node: [String: Any]) {
            if node["/S"] as? String == "/Figure" { alts.append(String((node["/Alt"] as? String ?? "").dropFirst(2))) }
            let kids = node["/K"].map { ($0 as? [Any]) ?? [$0] } ?? []
            for k in kids { if let d = value(k) { walk(d) } }
        }
        walk(try #require(value(catalog["/StructTreeRoot"])))
        let captions = try tree.all("Caption").map(\.allText).filter { $0.hasPrefix("图") }
        #expect(alts.count == captions.count && alts.count == 5)
        for (alt, caption) in zip(alts, captions) {
            // "图2 临平全区村级集体经营性收入数据来源：…": the caption's title, before the source line.
            let title = String(caption.drop { $0 != " " }.dropFirst()).components(separatedBy: "数据来源").first ?? ""
            #expect(!title.isEmpty && alt.contains(title), "\(alt) ↔ \(caption)")
        }
    }

    @Test func tablesHaveHeaderCells() throws {
        let tables = try tree.all("Table")
        #expect(tables.count == 1)
        for t in tables {
            let rows = t.children.filter { $0.type == "TR" }
            #expect(rows.first?.children.allSatisfy { $0.type == "TH" } == true)
            #expect(rows.first?.children.map(\.allText) == ["项目", "类型", "状态"])
            #expect(rows.dropFirst().allSatisfy { $0.children.allSatisfy { $0.type == "TD" } })
            #expect(rows.count == 9)
        }
    }

    @Test func runningHeadersAndPageNumbersAreNotInTheTree() throws {
        let text = PDFInspection.normalised(try tree.allText)
        let pages = try PDFInspection(url: render.pdf).pageTexts().map(PDFInspection.normalised)
        for n in 1..<pages.count {
            #expect(pages[n].contains("-\(n)-"), "page \(n + 1) prints its number")
            #expect(!text.contains("-\(n)-"), "page number \(n) is in the tree")
        }
        // The report title is read once (on the cover), not again from every running header.
        let title = PDFInspection.normalised("临平区2022年发展报告")
        #expect(text.components(separatedBy: title).count - 1 == 1)
    }

    @Test func catalogDeclaresLanguageAndShowsTheTitle() throws {
        let catalog = try #require(try qpdfObjects(render.pdf).first { $0["/Type"] as? String == "/Catalog" })
        #expect(catalog["/Lang"] as? String == "u:zh-CN")
        #expect((catalog["/ViewerPreferences"] as? [String: Any])?["/DisplayDocTitle"] as? Bool == true)
        #expect((catalog["/MarkInfo"] as? [String: Any])?["/Marked"] as? Bool == true)
        let info = try ExternalTool.run("pdfinfo", [render.pdf.path]).stdout
        #expect(info.contains("Metadata Stream: yes") && info.contains("Tagged:          yes"))
    }

    @Test func standaloneChartsCarryTheSameAltText() throws {
        let reportAlts = Set(try figureAlts(render.pdf))
        for id in ["village-income", "milestones"] {
            let pdf = render.charts.appendingPathComponent("\(id).pdf")
            let alts = try figureAlts(pdf)
            #expect(alts.count == 1 && reportAlts.contains(alts[0]), "\(id): \(alts)")
            #expect(try StructElement.read(pdf.path).children.first?.children.map(\.type) == ["Figure"])
            let svg = try String(contentsOf: render.charts.appendingPathComponent("\(id).svg"), encoding: .utf8)
            #expect(svg.contains("role=\"img\"") && svg.contains("<title>") && svg.contains("<desc>"))
            let desc = try #require(svg.firstMatch(of: /<desc>([^<]*)<\/desc>/)).1
            #expect(reportAlts.contains(String(desc).replacingOccurrences(of: "&amp;", with: "&")))
        }
    }

    private func qpdfObjects(_ url: URL) throws -> [[String: Any]] {
        let out = try ExternalTool.run("qpdf", ["--json=2", url.path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let objs = try #require((json["qpdf"] as? [Any])?.last as? [String: Any])
        return objs.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }
    }

    private func figureAlts(_ url: URL) throws -> [String] {
        try qpdfObjects(url).filter { $0["/S"] as? String == "/Figure" }
            .map { String(($0["/Alt"] as? String ?? "").dropFirst(2)) }
    }
}
