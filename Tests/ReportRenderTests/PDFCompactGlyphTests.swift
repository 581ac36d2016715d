import Foundation
@testable import ReportRender
import ReportScene
import Testing

/// Cached subsets number their glyphs compactly; text drawn from them maps Pango's ids, and the
/// subset tags Cairo hashed from the compact ids are settled from what the PDF embeds.
@Suite struct PDFCompactGlyphTests {
    static func documents() -> [Document] {
        [Fixtures.document(),
         Document(info: DocumentInfo(title: "如"), pages: [PDFFontSubsetTests.gridPage(PDFFontSubsetTests.ruSentence.map(String.init))])]
    }

    /// A subset of n glyphs has ids up to about n, in the order of the original ids.
    @Test func compactIDsAreDenseAndInOriginalOrder() throws {
        let cache = FontSubsetCache()
        let faces = cache.faces(for: PDFFontFaces.needs(of: Self.documents(), measurer: .shared))
        #expect(!faces.isEmpty)
        for (key, face) in faces {
            let originals = face.glyphs.sorted()
            let ids = originals.map(face.glyphID)
            #expect(Set(ids).count == ids.count, "\(key.file): two glyphs share an id")
            #expect(ids == ids.sorted(), "\(key.file): ids out of the original order")
            // HarfBuzz's closure may add a few glyphs (.notdef among them) between the ones asked for.
            #expect((ids.last ?? 0) <= UInt32(ids.count + 8), "\(key.file): \(ids.count) glyphs up to id \(ids.last ?? 0)")
            #expect((originals.last ?? 0) > UInt32(ids.count), "\(key.file): the test's glyphs are no sparser than their ids")
        }
        let retained = FontSubsetCache(retainingGlyphIDs: true)
        for (_, face) in retained.faces(for: PDFFontFaces.needs(of: Self.documents(), measurer: .shared)) {
            #expect(face.glyphs.allSatisfy { face.glyphID($0) == $0 })
        }
    }

    /// Compact and original ids embed the same fonts: every byte of the PDF is the same, from a
    /// fresh cache, a cache grown by other texts first, and subsets that keep the original ids.
    @Test func compactIDsGiveTheBytesOfOriginalIDs() throws {
        for doc in Self.documents() {
            let retained = try PDFWriter.render(doc, measurer: .shared, subsets: FontSubsetCache(retainingGlyphIDs: true))
            let compact = try PDFWriter.render(doc, measurer: .shared, subsets: FontSubsetCache())
            let grown = FontSubsetCache()
            PDFWriter.prepareFonts(for: [doc, Document(info: DocumentInfo(), pages: [Fixtures.chartPage(label: "鑫淼焱垚犇骉龘齉爨")])],
                                   measurer: .shared, subsets: grown)
            let fromGrown = try PDFWriter.render(doc, measurer: .shared, subsets: grown)
            #expect(compact == retained)
            #expect(fromGrown == retained)
        }
    }

    /// Each embedded font has one tag, the same in its font, CID font and descriptor entries, and
    /// the tag follows the glyphs drawn: two documents drawing different glyphs differ in it.
    @Test func eachFontHasOneTagEverywhere() throws {
        let a = try PDFWriter.render(Self.documents()[0], measurer: .shared, subsets: FontSubsetCache())
        let b = try PDFWriter.render(Self.documents()[1], measurer: .shared, subsets: FontSubsetCache())
        let pango = try PDFWriter.render(Self.documents()[1], measurer: .shared, subsets: nil)
        var tagsByPDF: [[String: String]] = []
        for pdf in [a, b, pango] {
            let names = Self.taggedNames(pdf)
            var tags: [String: Set<String>] = [:]
            for (tag, name) in names { tags[name, default: []].insert(tag) }
            #expect(!tags.isEmpty)
            for (name, set) in tags {
                #expect(set.count == 1, "\(name) has tags \(set)")
                #expect(names.filter { $0.name == name }.count >= 3, "\(name): \(names)")
            }
            tagsByPDF.append(tags.mapValues { $0.first! })
        }
        let shared = Set(tagsByPDF[0].keys).intersection(tagsByPDF[1].keys)
        #expect(!shared.isEmpty)
        for name in shared { #expect(tagsByPDF[0][name] != tagsByPDF[1][name], "\(name)") }
    }

    /// A prepared document is drawn from the cache's current subsets without finding its glyphs
    /// again, into the bytes a fresh cache gives; subsets lacking one of its glyphs are noticed
    /// (the PDF is then drawn again from subsets found for its glyphs).
    @Test func preparedDocumentsDrawFromTheCacheAsItIs() throws {
        let docs = Self.documents()
        let cache = FontSubsetCache()
        #expect(PDFFontFaces.snapshot(of: cache) == nil)
        PDFWriter.prepareFonts(for: docs, measurer: .shared, subsets: cache)
        let built = cache.buildCount
        for doc in docs {
            let faces = try #require(PDFFontFaces.snapshot(of: cache))
            let drawn = try PDFWriter.write(doc, measurer: .shared, faces: faces)
            #expect(!faces.missed)
            #expect(drawn == (try PDFWriter.render(doc, measurer: .shared, subsets: FontSubsetCache())))
            #expect(try PDFWriter.render(doc, measurer: .shared, subsets: cache) == drawn)
        }
        #expect(cache.buildCount == built)

        let other = FontSubsetCache()
        PDFWriter.prepareFonts(for: [Document(info: DocumentInfo(), pages: [Fixtures.chartPage(label: "鑫淼焱垚")])],
                               measurer: .shared, subsets: other)
        let faces = try #require(PDFFontFaces.snapshot(of: other))
        #expect(try PDFWriter.write(docs[1], measurer: .shared, faces: faces) == nil)
        #expect(faces.missed)
        #expect(try PDFWriter.render(docs[1], measurer: .shared, subsets: other)
                == (try PDFWriter.render(docs[1], measurer: .shared, subsets: FontSubsetCache())))
    }

    /// Every `/ABCDEF+Name` in the file, outside streams' binary data in practice.
    static func taggedNames(_ pdf: [UInt8]) -> [(tag: String, name: String)] {
        let text = String(decoding: pdf, as: UTF8.self)
        let pattern = try! NSRegularExpression(pattern: "/([A-Z]{6})\\+([A-Za-z0-9_.-]+)")
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            (String(text[Range(m.range(at: 1), in: text)!]), String(text[Range(m.range(at: 2), in: text)!]))
        }
    }
}
