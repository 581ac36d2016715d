import Foundation
import ReportComposer
import ReportData
import TestSupport
import Testing

/// Issue 16: `--format pptx` writes `charts.pptx`, and chart SVGs carry real, searchable text
/// with ids unique across templates. External readers (python-pptx, LibreOffice, Chromium) judge
/// the files; the heavy ones are optional and their tests say so when they skip.
@Suite struct SlidesTests {
    /// One render of the default template with the deck, shared by the read-only checks.
    static let deck: (dir: TempDir, out: URL, result: ReportBinary.Result)? = {
        guard let dir = try? TempDir(prefix: "slides") else { return nil }
        let r = (try? ReportBinary.run(["render", ReportBinary.defaultTemplate.path, "--out", dir.url.path,
                                        "--format", "svg,pptx"])) ?? .init(status: -1, stdout: "", stderr: "did not start")
        return (dir, dir.url.appendingPathComponent("linping-annual"), r)
    }()

    static func has(_ tool: String) -> Bool { (try? ExternalTool.run("which", [tool]).status) == 0 }

    static var inspectScript: String {
        ReportBinary.packageRoot.appendingPathComponent("Tests/ReportSlidesTests/inspect_deck.py").path
    }

    @Test func deckHasOnePicturePerChartInReportOrder() throws {
        let deck = try #require(Self.deck)
        #expect(deck.result.status == 0, "\(deck.result.all)")
        #expect(deck.result.stdout.contains("charts.pptx rendered"))
        guard (try? ExternalTool.run("python3", ["-c", "import pptx"]).status) == 0 else {
            print("skipped: python-pptx is not installed (scripts/install-deps.sh --test installs it)")
            return
        }
        let r = try ExternalTool.run("python3", [Self.inspectScript, deck.out.appendingPathComponent("charts.pptx").path])
        #expect(r.status == 0, "\(r.all)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let slides = try #require(json["slides"] as? [[String: Any]])
        let bound = TemplateLoader.load(template: ReportBinary.defaultTemplate)
        // Report order: the order of `- figure:` blocks, not of the `charts:` list.
        let figureOrder = ["manufacturing-factories", "village-income", "village-average", "construction-projects", "milestones"]
        #expect(Set(figureOrder) == Set(bound.charts.map(\.id)))
        #expect(slides.count == bound.charts.count)
        for (slide, id) in zip(slides, figureOrder) {
            let job = try #require(bound.charts.first { $0.id == id })
            let pictures = try #require(slide["pictures"] as? [[String: Any]])
            #expect(pictures.count == 1, "\(id)")
            let pic = try #require(pictures.first)
            #expect(pic["svg"] as? String == "image/svg+xml", "\(id): SVG part")
            #expect(pic["fallback"] as? String == "image/png", "\(id): PNG fallback")
            let descr = pic["descr"] as? String ?? ""
            #expect(!descr.isEmpty, "\(id): alt text")
            #expect(pic["box"] as? [Int] == [0, 0, 12_192_000, 6_858_000], "\(id): sized to the slide")
            let title = slide["title"] as? String ?? ""
            #expect(!title.isEmpty, "\(id): slide title")
            // The chart's alt text (issue 15), every value in words.
            #expect(descr == NoBreak.strip(job.alt) && !job.alt.isEmpty, "\(id): \(descr)")
            let notes = slide["notes"] as? String ?? ""
            #expect(notes.contains(job.source), "\(id): the source is in the notes")
            if case .bar(let spec) = job.spec {
                for (category, label) in zip(spec.categories, spec.series[0].labels) {
                    #expect(notes.contains(NoBreak.strip("\(category)：\(label ?? "")")), "\(id): \(category) in the notes")
                }
            }
        }
    }

    /// Same input, same bytes, whatever the time zone; the deck is written atomically like
    /// every output, and a rerun leaves it alone.
    @Test func deckBytesAreDeterministicAndRerunsLeaveThemAlone() throws {
        let deck = try #require(Self.deck)
        let other = try TempDir(prefix: "slides-2")
        let r = try ReportBinary.run(["render", ReportBinary.defaultTemplate.path, "--out", other.url.path, "--format", "pptx"],
                                     environment: ["TZ": "Asia/Shanghai"])
        #expect(r.status == 0, "\(r.all)")
        let a = try Data(contentsOf: deck.out.appendingPathComponent("charts.pptx"))
        let deckURL = other.url.appendingPathComponent("linping-annual/charts.pptx")
        #expect(a == (try Data(contentsOf: deckURL)))
        let before = try FileManager.default.attributesOfItem(atPath: deckURL.path)[.modificationDate] as? Date
        let again = try ReportBinary.run(["render", ReportBinary.defaultTemplate.path, "--out", other.url.path, "--format", "pptx,svg"])
        #expect(again.status == 0 && !again.stdout.contains("charts.pptx rendered"), "\(again.all)")
        // A run without pptx keeps the deck (it is still the user's), as for any format not asked for.
        let svgOnly = try ReportBinary.run(["render", ReportBinary.defaultTemplate.path, "--out", other.url.path, "--format", "svg"])
        #expect(svgOnly.status == 0)
        #expect(FileManager.default.fileExists(atPath: deckURL.path))
        #expect(before == (try FileManager.default.attributesOfItem(atPath: deckURL.path)[.modificationDate] as? Date))
    }

    /// LibreOffice Impress (a real slide program) converts the deck to PDF, drawing each chart
    /// from its SVG part: no raster image on any page.
    @Test func libreOfficeTurnsTheDeckIntoVectorPages() throws {
        guard Self.has("soffice"), Self.has("pdfimages") else {
            print("skipped: LibreOffice (soffice) is not installed; apt-get install libreoffice-impress to run this test")
            return
        }
        let deck = try #require(Self.deck)
        let tmp = try TempDir(prefix: "slides-lo")
        let r = try ExternalTool.run("timeout", ["300", "soffice", "-env:UserInstallation=file://\(tmp.path("profile"))",
                                                 "--headless", "--convert-to", "pdf", "--outdir", tmp.url.path,
                                                 deck.out.appendingPathComponent("charts.pptx").path])
        let pdf = tmp.file("charts.pdf")
        #expect(r.status == 0 && FileManager.default.fileExists(atPath: pdf.path), "\(r.all)")
        let info = try ExternalTool.run("pdfinfo", [pdf.path])
        #expect(info.stdout.contains("Pages:           5"), "\(info.stdout)")
        let images = try ExternalTool.run("pdfimages", ["-list", pdf.path])
        let rows = images.stdout.split(separator: "\n").dropFirst(2)
        // Every image the size of the PNG fallback (960 × 540 pt at 2×): this LibreOffice read
        // the fallback, not the SVG part. Any other image would be a chart rasterised on the way.
        if !rows.isEmpty, rows.allSatisfy({ $0.contains(" 1920  1080 ") }) {
            let version = (try? ExternalTool.run("soffice", ["--version"]).stdout) ?? "?"
            print("skipped: this LibreOffice (\(version.trimmingCharacters(in: .whitespacesAndNewlines))) imports only the PNG fallback of an svgBlip picture (25.2, from bookworm-backports, reads the SVG)")
            return
        }
        #expect(rows.isEmpty, "raster images in the PDF:\n\(images.stdout)")
    }

    /// Two charts named alike in two templates, inlined in one HTML page: no id repeats, and the
    /// browser's find (Ctrl+F) reaches a category label through the text layer.
    @Test func chromiumFindsLabelsInInlinedChartsWithNoDuplicateIds() throws {
        let deck = try #require(Self.deck)
        let copy = try TemplateCopy()
        let renamed = copy.root.file("linping-copy")
        try FileManager.default.copyItem(at: copy.template, to: renamed)
        let r = try ReportBinary.run(["render", "linping-copy", "--format", "svg", "--out", "out"], in: copy.root.url)
        #expect(r.status == 0, "\(r.all)")
        let first = try String(contentsOf: deck.out.appendingPathComponent("charts/construction-projects.svg"), encoding: .utf8)
        let second = try String(contentsOf: copy.root.file("out/linping-copy/charts/construction-projects.svg"), encoding: .utf8)
        let ids = (first + second).matches(of: /\sid="([^"]+)"/).map { String($0.output.1) }
        #expect(ids.count > 20 && Set(ids).count == ids.count, "duplicate ids across the two templates")
        guard Self.has("chromium") else {
            print("skipped: Chromium is not installed; apt-get install chromium to run the find-in-page check")
            return
        }
        let found = try BrowserFind.run([first, second], find: "老旧小区改造")
        #expect(found.found && found.selection == "老旧小区改造" && found.duplicateIds == 0, "\(found)")
        // A value label (the unit is on the axis title) is found as typed.
        #expect(try BrowserFind.run([first], find: "54").found)
        // Control: without the text layer the same label cannot be found.
        let outlinesOnly = first.replacing(#/<g fill-opacity="0" stroke="none"[^>]*>[\s\S]*<\/g>\n/#, with: "")
        #expect(try !BrowserFind.run([outlinesOnly], find: "老旧小区改造").found)
    }

    /// `svg_text: text` on one chart: that SVG has only `<text>` (no glyph outlines) with the CJK
    /// stack; the others keep outlines; a misspelt value is an error at its report.yaml line.
    @Test func svgTextOptionWritesEditableText() throws {
        let copy = try TemplateCopy()
        try copy.editReport(replacing: "  - id: village-income\n", with: "  - id: village-income\n    svg_text: text\n")
        let r = try ReportBinary.run(["render", "linping-annual", "--format", "svg", "--out", "out"], in: copy.root.url)
        #expect(r.status == 0, "\(r.all)")
        let charts = copy.root.file("out/linping-annual/charts")
        let text = try String(contentsOf: charts.appendingPathComponent("village-income.svg"), encoding: .utf8)
        #expect(!text.contains("<symbol") && !text.contains("<use"), "no glyph outlines")
        #expect(text.contains("font-family=\"'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif\""))
        #expect(text.contains(">6.78亿元</text>"), "the value label is text")
        let outlined = try String(contentsOf: charts.appendingPathComponent("village-average.svg"), encoding: .utf8)
        #expect(outlined.contains("<use") && outlined.contains(#"<g fill-opacity="0" stroke="none" xml:lang="zh-CN" text-rendering="geometricPrecision" style="text-spacing-trim:space-all">"#))

        try copy.editReport(replacing: "    svg_text: text\n", with: "    svg_text: txt\n")
        let yaml = try String(contentsOf: copy.template.appendingPathComponent("report.yaml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(yaml.firstIndex { $0.contains("svg_text: txt") }) + 1
        let check = try ReportBinary.run(["check", "linping-annual"], in: copy.root.url)
        #expect(check.status != 0)
        #expect(check.stderr.contains("linping-annual/report.yaml:\(row):"), "\(check.stderr)")
    }
}

/// Headless Chromium opens a page that inlines SVGs and runs `window.find` (the page's Ctrl+F).
enum BrowserFind {
    struct Result: Decodable, CustomStringConvertible {
        var found: Bool
        var selection: String
        var duplicateIds: Int
        var description: String { "found=\(found) selection=\(selection) duplicateIds=\(duplicateIds)" }
    }

    static func run(_ svgs: [String], find needle: String) throws -> Result {
        let tmp = try TempDir(prefix: "browser")
        let inline = svgs.map { $0.replacing(#/^<\?xml[^>]*>\s*/#, with: "") }.joined(separator: "\n")
        let html = """
        <!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\(inline)<script>
        const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
        const found = window.find(\(String(decoding: try JSONEncoder().encode(needle), as: UTF8.self)));
        document.body.setAttribute('data-result', JSON.stringify({found, selection: String(window.getSelection()),
          duplicateIds: ids.length - new Set(ids).size}));
        </script></body></html>
        """
        let page = try tmp.write(Array(html.utf8), as: "page.html")
        let r = try ExternalTool.run("timeout", ["120", "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                                 "--user-data-dir=\(tmp.path("profile"))", "--dump-dom", "file://\(page)"])
        guard let m = r.stdout.firstMatch(of: /data-result="([^"]*)"/) else { throw BrowserError(output: r.all) }
        let json = String(m.output.1).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Result.self, from: Data(json.utf8))
    }

    struct BrowserError: Error { var output: String }
}
