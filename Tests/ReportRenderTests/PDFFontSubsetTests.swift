import Foundation
import TestSupport
@testable import ReportRender
import ReportScene
import Testing

/// PDF text is drawn from HarfBuzz subsets (desubroutinized, glyph ids kept) cached per face:
/// every glyph drawn, text copyable, fonts embedded as subsets, bytes independent of the cache.
@Suite struct PDFFontSubsetTests {
    /// Cairo 1.16's own CFF subset of Noto Sans CJK SC Regular drew "如" blank in this sentence
    /// (a subroutine only it used was dropped).
    static let ruSentence = "如何在临平区如意的数据中看见如此多的如字；营收12.5亿元，增长约3%。"
    static let cell = 30.0

    /// One text node per character, in a grid of `cell`-point squares; rows of `columns`.
    static func gridPage(_ characters: [String], weights: [TextStyle.Weight] = [.regular, .bold], columns: Int = 20) -> Page {
        var root = Group()
        var index = 0
        for weight in weights {
            for c in characters {
                let (row, column) = (index / columns, index % columns)
                root.append(.text(TextNode(c, style: TextStyle(size: 20, weight: weight),
                                           at: Point(Double(column) * cell + 5, Double(row) * cell + 5), anchor: .topLeft)))
                index += 1
            }
        }
        let rows = (index + columns - 1) / columns
        return Page(size: Size(Double(columns) * cell, Double(rows) * cell), root: root, background: .white)
    }

    /// Dark pixels inside each grid cell of a 144 dpi grey rendering (2 px per point).
    static func inkPerCell(_ pdf: String, cells: Int, columns: Int = 20) throws -> [Int] {
        let dir = try TempDir()
        let out = try ExternalTool.run("pdftoppm", ["-gray", "-r", "144", "-singlefile", pdf, dir.path("page")])
        #expect(out.status == 0, "\(out.stderr)")
        let pgm = try PGM([UInt8](Data(contentsOf: dir.file("page.pgm"))))
        let side = Int(cell * 2)
        return (0..<cells).map { i in
            let (x0, y0) = ((i % columns) * side, (i / columns) * side)
            var ink = 0
            for y in y0 + 2..<min(y0 + side - 2, pgm.height) {
                for x in x0 + 2..<min(x0 + side - 2, pgm.width) where pgm.pixel(x, y) < 128 { ink += 1 }
            }
            return ink
        }
    }

    @Test func everyGlyphOfTheBlankRuCaseHasInk() throws {
        let chars = Self.ruSentence.map(String.init).filter { $0 != " " }
        let dir = try TempDir()
        let doc = Document(info: DocumentInfo(title: "如"), pages: [Self.gridPage(chars)])
        let pdf = try dir.write(PDFWriter.render(doc), as: "grid.pdf")
        let ink = try Self.inkPerCell(pdf, cells: chars.count * 2)
        for (i, count) in ink.enumerated() {
            let weight = i < chars.count ? "regular" : "bold"
            #expect(count > 15, "\(chars[i % chars.count]) (\(weight)) is blank: \(count) dark pixels")
        }
    }

    @Test func theSentenceAsOneRunDrawsEveryRu() throws {
        // As one line the sentence's glyphs share one subset, as in the original failure.
        var root = Group()
        root.append(.text(TextNode(Self.ruSentence, style: TextStyle(size: 20), at: Point(5, 5), anchor: .topLeft)))
        let dir = try TempDir()
        let pdf = try dir.write(PDFWriter.render(Document(info: DocumentInfo(), pages: [Page(size: Size(800, 40), root: root, background: .white)])), as: "line.pdf")
        let out = try ExternalTool.run("pdftoppm", ["-gray", "-r", "144", "-singlefile", pdf, dir.path("line")])
        #expect(out.status == 0)
        let pgm = try PGM([UInt8](Data(contentsOf: dir.file("line.pgm"))))
        // Each "如" is the first character of its cluster: find its box from the measured advances.
        let measurer = PangoTextMeasurer.shared
        let style = TextStyle(size: 20)
        let chars = Array(Self.ruSentence)
        var x = 5.0
        for c in chars {
            let w = try measurer.measure(String(c), style: style, wrapWidth: nil).width
            if c == "如" {
                var ink = 0
                for py in 10..<70 { for px in Int(x * 2) + 2..<Int((x + w) * 2) - 2 where pgm.pixel(px, py) < 128 { ink += 1 } }
                #expect(ink > 40, "如 at x=\(x) is blank (\(ink) dark pixels)")
            }
            x += w
        }
    }

    @Test func pdftotextGivesExactlyTheText() throws {
        let lines = [Self.ruSentence, "Linping 临平 2022：总量1,234.5万元（预计）", "第3名 · 余 · 公里 · 家"]
        var root = Group()
        for (i, line) in lines.enumerated() {
            root.append(.text(TextNode(line, style: TextStyle(size: 14, weight: i == 1 ? .bold : .regular),
                                       at: Point(20, 30 + Double(i) * 40))))
        }
        let dir = try TempDir()
        let pdf = try dir.write(PDFWriter.render(Document(info: DocumentInfo(), pages: [Page(size: Size(700, 160), root: root)])), as: "t.pdf")
        let out = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", pdf, "-"])
        #expect(out.status == 0, "\(out.stderr)")
        let got = out.stdout.split(whereSeparator: { $0 == "\n" || $0 == "\u{0C}" }).map(String.init).filter { !$0.isEmpty }
        #expect(got == lines)
    }

    @Test func bothWeightsAreEmbeddedSubsets() throws {
        let dir = try TempDir()
        let doc = Document(info: DocumentInfo(), pages: [Self.gridPage(["如", "临", "A"])])
        let pdf = try dir.write(PDFWriter.render(doc), as: "f.pdf")
        let out = try ExternalTool.run("pdffonts", [pdf])
        let rows = out.stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.count == 2, "\(out.stdout)")
        for row in rows {
            let n = row.count
            #expect(row[n - 5] == "yes" && row[n - 4] == "yes" && row[n - 3] == "yes", "\(row)")
            #expect(row[0].contains("+NotoSansCJK"))
        }
        #expect(rows.contains { $0[0].hasSuffix("Bold") } && rows.contains { $0[0].hasSuffix("Regular") })
    }

    /// Faces that cannot be subset (colour emoji bitmaps, TrueType outlines) keep Pango's font
    /// and still draw.
    @Test func facesThatCannotBeSubsetStillDraw() throws {
        let samples = ["😀", "ภา", "如"]
        let cache = FontSubsetCache()
        let page = Self.gridPage(samples, weights: [.regular])
        let faces = PDFFontFaces.prepare(Document(info: DocumentInfo(), pages: [page]), measurer: .shared, cache: cache)
        let keys = try samples.map { try Self.faceKeys($0) }
        #expect(keys.allSatisfy { !$0.isEmpty }, "\(keys)")
        #expect(keys[0].allSatisfy { faces.faces[$0] == nil }, "emoji face was subset: \(keys[0])")
        #expect(keys[1].allSatisfy { faces.faces[$0] == nil }, "TrueType face was subset: \(keys[1])")
        #expect(keys[2].allSatisfy { faces.faces[$0] != nil }, "CJK face was not subset")
        let dir = try TempDir()
        let pdf = try dir.write(PDFWriter.render(Document(info: DocumentInfo(), pages: [page]), measurer: .shared, subsets: cache), as: "fb.pdf")
        let ink = try Self.inkPerCell(pdf, cells: samples.count)
        for (s, count) in zip(samples, ink) { #expect(count > 15, "\(s) not drawn: \(count)") }
    }

    /// The same document gives the same bytes whatever the cache held before: a fresh cache, one
    /// grown by other texts (and by the common-character seed), several threads sharing one.
    @Test func bytesDoNotDependOnTheCachedSuperset() throws {
        let doc = Fixtures.document()
        let fresh = try PDFWriter.render(doc, measurer: .shared, subsets: FontSubsetCache())
        let warmed = FontSubsetCache()
        for extra in ["龘齉爨", "鬱鬯黌", "临平区“未来工厂”"] {
            _ = try PDFWriter.render(Document(info: DocumentInfo(), pages: [Fixtures.chartPage(label: extra)]), measurer: .shared, subsets: warmed)
        }
        #expect(warmed.buildCount >= 3, "the cache never grew: \(warmed.buildCount) builds")
        let afterWarming = try PDFWriter.render(doc, measurer: .shared, subsets: warmed)
        #expect(afterWarming == fresh)

        let shared = FontSubsetCache()
        let extras = ["鑫淼焱垚", "如意", "Ω≈∑", "丐丑专"]
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: extras.count) { i in
            let warm = Document(info: DocumentInfo(), pages: [Fixtures.chartPage(label: extras[i])])
            let bytes = (try? PDFWriter.render(warm, measurer: .shared, subsets: shared)).flatMap { _ in
                try? PDFWriter.render(doc, measurer: .shared, subsets: shared)
            }
            results.lock.withLock { results.all.append(bytes ?? []) }
        }
        #expect(results.lock.withLock { results.all.count == extras.count && results.all.allSatisfy { $0 == fresh } })
        // Past its growth limit the cache gives each PDF a one-off subset of its own glyphs.
        let exhausted = FontSubsetCache()
        for extra in ["鑫", "淼", "焱", "垚", "犇", "骉"] {
            _ = try PDFWriter.render(Document(info: DocumentInfo(), pages: [Fixtures.chartPage(label: extra)]), measurer: .shared, subsets: exhausted)
        }
        #expect(exhausted.buildCount >= FontSubsetCache.growthLimit + 2, "\(exhausted.buildCount) builds")
        #expect(try PDFWriter.render(doc, measurer: .shared, subsets: exhausted) == fresh)

        // And unlike subsetting again: a cache that already covers the document builds nothing.
        let before = shared.buildCount
        _ = try PDFWriter.render(doc, measurer: .shared, subsets: shared)
        #expect(shared.buildCount == before)
    }

    /// A build's PDFs prepared together: each face is subset once for all of them (no build while
    /// they are drawn, however their glyphs differ), and each PDF is the bytes a fresh cache gives.
    @Test func preparedFontsSubsetEachFaceOncePerBuild() throws {
        let docs = [Fixtures.document()] + ["鑫淼焱垚犇骉", "如意 Ω≈∑", "丐丑专"].map {
            Document(info: DocumentInfo(), pages: [Fixtures.chartPage(label: $0), Self.gridPage(["龘", "齉", "爨"])])
        }
        let cache = FontSubsetCache()
        PDFWriter.prepareFonts(for: docs, measurer: .shared, subsets: cache)
        let faces = PDFFontFaces.needs(of: docs, measurer: .shared).count
        #expect(cache.buildCount >= 1 && cache.buildCount <= faces, "\(cache.buildCount) builds for \(faces) faces")
        let built = cache.buildCount
        for doc in docs {
            let bytes = try PDFWriter.render(doc, measurer: .shared, subsets: cache)
            #expect(bytes == (try PDFWriter.render(doc, measurer: .shared, subsets: FontSubsetCache())))
        }
        #expect(cache.buildCount == built, "a prepared PDF built a subset: \(cache.buildCount) > \(built)")
    }

    /// Drawing runs from the subset face puts the same pixels where Pango's own drawing does.
    @Test func subsetDrawingMatchesPangoDrawing() throws {
        var root = Group()
        let body = TextStyle(size: 11, alignment: .justify)
        root.append(.text(TextNode("2022年，临平区实现地区生产总值（GDP）1000亿元以上，“未来工厂”建设加快推进，数字经济核心产业增加值增长约12.5%。",
                                   style: body, at: Point(20, 20), anchor: .topLeft, wrapWidth: 240)))
        root.append(.text(TextNode("Right-aligned 右对齐 text", style: TextStyle(size: 12, weight: .bold, alignment: .right),
                                   at: Point(20, 110), anchor: .topLeft, wrapWidth: 240)))
        root.append(.text(TextNode("مرحبا Linping", style: TextStyle(size: 12), at: Point(20, 150))))
        root.append(.group(Group([.text(TextNode("旋转标签 45°", style: TextStyle(size: 12), at: .zero))],
                                 transform: Transform.rotate(degrees: -45).then(.translate(200, 190)))))
        let doc = Document(info: DocumentInfo(), pages: [Page(size: Size(280, 220), root: root, background: .white)])
        let dir = try TempDir()
        let subset = try dir.write(PDFWriter.render(doc, measurer: .shared, subsets: FontSubsetCache()), as: "subset.pdf")
        let pango = try dir.write(PDFWriter.render(doc, measurer: .shared, subsets: nil), as: "pango.pdf")
        for name in ["subset", "pango"] {
            let out = try ExternalTool.run("pdftoppm", ["-gray", "-r", "144", "-singlefile", dir.path("\(name).pdf"), dir.path(name)])
            #expect(out.status == 0)
        }
        let a = try PGM([UInt8](Data(contentsOf: dir.file("subset.pgm"))))
        let b = try PGM([UInt8](Data(contentsOf: dir.file("pango.pgm"))))
        #expect(a.width == b.width && a.height == b.height)
        var differing = 0, inked = 0
        for y in 0..<a.height { for x in 0..<a.width {
            if b.pixel(x, y) < 128 { inked += 1 }
            if abs(Int(a.pixel(x, y)) - Int(b.pixel(x, y))) > 8 { differing += 1 }
        } }
        #expect(inked > 1000)
        #expect(differing == 0, "\(differing) of \(inked) inked pixels differ")
        let textA = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", subset, "-"]).stdout
        let textB = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", pango, "-"]).stdout
        #expect(textA == textB)
    }

    /// The subsettable faces (file, index) a text is shaped with.
    static func faceKeys(_ text: String) throws -> [FontFaceKey] {
        var keys: [FontFaceKey] = []
        try PangoTextMeasurer.shared.withLayout(text, style: TextStyle(size: 20), wrapWidth: nil) { layout, _ in
            forEachRun(layout) { run, _, _ in
                if let font = run.pointee.item?.pointee.analysis.font, let key = FontFaceKey(font) { keys.append(key) }
            }
        }
        return keys
    }
}

private final class Results: @unchecked Sendable {
    let lock = Lock()
    var all: [[UInt8]] = []
}

/// A binary PGM (P5) as written by `pdftoppm -gray`.
struct PGM {
    let width: Int, height: Int
    private let pixels: ArraySlice<UInt8>

    init(_ data: [UInt8]) throws {
        var fields: [Int] = [], i = 2, current = ""
        while fields.count < 3, i < data.count {
            let c = Character(UnicodeScalar(data[i]))
            if c.isWhitespace { if !current.isEmpty { fields.append(Int(current) ?? 0); current = "" } } else { current.append(c) }
            i += 1
        }
        guard fields.count == 3 else { throw CocoaError(.fileReadCorruptFile) }
        (width, height) = (fields[0], fields[1])
        pixels = data[i...]
    }

    func pixel(_ x: Int, _ y: Int) -> UInt8 { pixels[pixels.startIndex + y * width + x] }
}
