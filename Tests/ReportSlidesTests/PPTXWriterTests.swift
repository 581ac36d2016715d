import Foundation
@testable import ReportSlides
import TestSupport
import Testing

/// The deck writer on its own, with small stand-in pictures: package structure, fixed bytes,
/// and what python-pptx (the reader the issue names) finds in it.
@Suite struct PPTXWriterTests {
    /// A well-formed SVG and a real 1×1 PNG: the writer embeds bytes, it does not look into them.
    static let svg = Array(##"<svg xmlns="http://www.w3.org/2000/svg" width="960pt" height="540pt" viewBox="0 0 960 540"><rect width="960" height="540" fill="#fff"/><text x="10" y="50">村级</text></svg>"##.utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52,
                               0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0D, 0x49, 0x44,
                               0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xFF, 0xFF, 0x3F, 0, 0x05, 0xFE, 0x02, 0xFE, 0xA7, 0x35,
                               0x81, 0x84, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

    static func slides(_ titles: [String] = ["村级集体经营性收入", "重点工作 & <时间轴>"]) -> [DeckSlide] {
        titles.enumerated().map { i, t in
            DeckSlide(title: t, altText: "柱状图：\(t)，\(i + 2)项。", notes: ["数据来源：临平发布", "2022年：6.78亿元"],
                      svg: svg, png: png, width: 960, height: 540)
        }
    }

    static let info = DeckInfo(title: "临平区2022年发展报告", author: "临平区统计局", created: 1_672_444_800)

    @Test func sameSlidesGiveTheSameBytes() throws {
        let a = try PPTXWriter.render(Self.slides(), info: Self.info)
        let b = try PPTXWriter.render(Self.slides(), info: Self.info)
        #expect(a == b)
        #expect(Array(a.prefix(4)) == [0x50, 0x4B, 0x03, 0x04], "a ZIP file")
        let c = try PPTXWriter.render(Self.slides(["村级集体经营性收入", "其他"]), info: Self.info)
        #expect(a != c)
    }

    @Test func anEmptyDeckIsAnError() {
        #expect(throws: DeckError.noSlides) { try PPTXWriter.render([], info: Self.info) }
    }

    @Test func chartsFillTheSlideKeepingTheirAspect() {
        #expect(EMU.picture(width: 960, height: 540) == EMU.Box(x: 0, y: 0, cx: 12_192_000, cy: 6_858_000))
        let report = EMU.picture(width: 481, height: 300)
        #expect(report.cy == EMU.slideHeight && report.x > 0 && report.x * 2 + report.cx == EMU.slideWidth)
        #expect(abs(Double(report.cx) / Double(report.cy) - 481.0 / 300.0) < 1e-4)
    }

    /// Entry order, dates and compression are fixed; every XML part parses.
    @Test func zipEntriesAreFixed() throws {
        let tmp = try TempDir(prefix: "pptx")
        let path = try tmp.write(try PPTXWriter.render(Self.slides(), info: Self.info), as: "deck.pptx")
        let script = """
        import sys, zipfile, xml.dom.minidom
        z = zipfile.ZipFile(sys.argv[1])
        for i in z.infolist():
            if i.filename.endswith(('.xml', '.rels')):
                xml.dom.minidom.parseString(z.read(i))
            print(i.filename, i.date_time, i.compress_type, oct(i.external_attr >> 16))
        """
        let r = try ExternalTool.run("python3", ["-c", script, path])
        #expect(r.status == 0, "\(r.all)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("[Content_Types].xml ") == true)
        #expect(lines.allSatisfy { $0.contains("(1980, 1, 1, 0, 0, 0)") && $0.hasSuffix("0o100644") }, "\(lines)")
        #expect(lines.filter { $0.contains(".png ") }.allSatisfy { $0.contains(") 0 ") }, "PNG stored")
        #expect(lines.filter { $0.contains(".xml ") }.allSatisfy { $0.contains(") 8 ") }, "XML deflated")
        #expect(lines.count == 17 + 2 * 6)
    }

    /// python-pptx opens the deck: one picture per slide, PNG blip with the SVG extension, alt
    /// text, the slide title (markup characters intact), and the notes.
    @Test func pythonPPTXReadsPicturesTitlesAndNotes() throws {
        guard (try? ExternalTool.run("python3", ["-c", "import pptx"]).status) == 0 else {
            print("skipped: python-pptx is not installed (pip install python-pptx; scripts/install-deps.sh --test)")
            return
        }
        let tmp = try TempDir(prefix: "pptx")
        let path = try tmp.write(try PPTXWriter.render(Self.slides(), info: Self.info), as: "deck.pptx")
        let r = try ExternalTool.run("python3", [DeckInspection.script, path])
        #expect(r.status == 0, "\(r.all)")
        let report = try DeckInspection.Report(json: r.stdout)
        #expect(report.width == 12_192_000 && report.height == 6_858_000)
        #expect(report.slides.count == 2)
        for (slide, expected) in zip(report.slides, Self.slides()) {
            #expect(slide.title == expected.title)
            #expect(slide.pictures.count == 1)
            let pic = try #require(slide.pictures.first)
            #expect(pic.descr == expected.altText)
            #expect(pic.fallback == "image/png" && pic.svg == "image/svg+xml")
            #expect(pic.box == [0, 0, 12_192_000, 6_858_000])
            #expect(slide.notes == expected.notes.joined(separator: "\n"))
        }
        #expect(report.coreTitle == Self.info.title)
    }
}
