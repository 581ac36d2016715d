import Foundation
import TestSupport
import Testing

/// Issue 6: the default report as PDF readers and extractors see it.
@Suite struct DefaultReportTests {
    let render = DefaultRender.shared

    @Test func renderSucceedsAndWritesEveryOutput() throws {
        #expect(render.result.status == 0, "\(render.result.all)")
        #expect(render.result.stdout.contains("0 charts up to date, 5 rendered; report.pdf rendered"))
        let fm = FileManager.default
        for name in ["report.pdf", "manifest.json", "CHANGES.md"] {
            #expect(fm.fileExists(atPath: render.outputs.appendingPathComponent(name).path), "\(name)")
        }
        let charts = try fm.contentsOfDirectory(atPath: render.charts.path).sorted()
        let ids = ["construction-projects", "manufacturing-factories", "milestones", "village-average", "village-income"]
        #expect(charts == ids.flatMap { id in ["pdf", "png", "svg"].map { "\(id).\($0)" } })
    }

    @Test func pagesAreA4() throws {
        let info = try ExternalTool.run("pdfinfo", ["-f", "1", "-l", "999", render.pdf.path])
        #expect(info.status == 0)
        let sizes = info.stdout.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }
        #expect(sizes.count >= 5)
        for line in sizes { #expect(line.hasSuffix("595.28 x 841.89 pts (A4)"), "\(line)") }
    }

    /// Viewers show the printed page number: the cover is "封面", then 1, 2, ... as in the footers.
    @Test func pageLabelsMatchTheFooters() throws {
        let out = try ExternalTool.run("qpdf", ["--json", "--json-key=pagelabels", render.pdf.path])
        let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any] ?? [:]
        let labels = json["pagelabels"] as? [[String: Any]] ?? []
        #expect(labels.count == 2)
        let cover = labels.first?["label"] as? [String: Any]
        #expect(cover?["/P"] as? String == "u:封面")
        let body = labels.last?["label"] as? [String: Any]
        #expect(labels.last?["index"] as? Int == 1)
        #expect(body?["/S"] as? String == "/D" && body?["/St"] as? Int == 1)
    }

    @Test func qpdfFindsNoErrors() throws {
        let check = try ExternalTool.run("qpdf", ["--check", render.pdf.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors found"))
        #expect(check.stderr.isEmpty)
    }

    @Test func everyFontIsEmbedded() throws {
        let fonts = try ExternalTool.run("pdffonts", [render.pdf.path])
        let rows = fonts.stdout.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        for row in rows {
            // name type... encoding emb sub uni object ID: emb is the 5th column from the end.
            let cols = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(cols.count >= 7 && cols[cols.count - 5] == "yes", "not embedded: \(row)")
        }
    }

    @Test func headingsAndFiguresAppearInText() throws {
        let text = PDFInspection.normalised(try PDFInspection(url: render.pdf).pageTexts().joined())
        let expected = try ExpectedText(template: ReportBinary.defaultTemplate)
        #expect(expected.headings.count == 5)
        for h in expected.headings { #expect(text.contains(PDFInspection.normalised(h)), "heading \(h)") }
        #expect(expected.values.count >= 30)
        for (placeholder, display) in expected.values.sorted(by: { $0.key < $1.key }) {
            #expect(text.contains(PDFInspection.normalised(display)), "\(placeholder) → \(display)")
        }
        // The figures the issue names, spelled out so a formatter change cannot hide them.
        for s in ["6.78亿元", "569.7万元", "1200余家", "12000余个", "267.83公里", "18%", "80万元"] {
            #expect(text.contains(PDFInspection.normalised(s)), "\(s)")
        }
    }

    @Test func outlineHasAnEntryPerHeadingPointingAtIt() throws {
        let pdf = PDFInspection(url: render.pdf)
        let pages = try pdf.pageTexts().map(PDFInspection.normalised)
        let outline = try pdf.outline()
        for h in try ExpectedText(template: ReportBinary.defaultTemplate).headings {
            let entry = outline.first { $0.title.hasSuffix(h) }
            #expect(entry != nil, "no outline entry for \(h)")
            if let entry {
                #expect(entry.page >= 1 && entry.page <= pages.count)
                #expect(pages[entry.page - 1].contains(PDFInspection.normalised(entry.title)), "\(entry.title) not on page \(entry.page)")
            }
        }
    }

    @Test func contentsLinksLeadToTheirHeadings() throws {
        let pdf = PDFInspection(url: render.pdf)
        let pages = try pdf.pageTexts().map(PDFInspection.normalised)
        let headings = try ExpectedText(template: ReportBinary.defaultTemplate).headings
        // The contents page is the page listing every heading ahead of the body.
        let contents = try #require(pages.firstIndex { p in p.contains("目录") && headings.allSatisfy { p.contains($0) } }) + 1
        let links = try pdf.links().filter { $0.page == contents }
        #expect(links.count >= headings.count)
        var covered = Set<String>()
        for link in links {
            let label = PDFInspection.normalised(try pdf.text(page: contents, in: link.rect))
            let target = try #require(link.targetPage, "link \(label) has no resolvable destination")
            #expect(target > contents)
            for h in headings where label.contains(h) {
                covered.insert(h)
                #expect(pages[target - 1].contains(h), "contents entry \(h) links to page \(target)")
                // The number printed in the entry is the folio printed on the page it links to ("-2-").
                let printed = String(label.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
                #expect(!printed.isEmpty && pages[target - 1].contains("-\(printed)-"), "\(label) → page \(target)")
            }
        }
        #expect(covered == Set(headings))
    }
}
