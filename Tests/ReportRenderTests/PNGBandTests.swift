import Foundation
import Testing
import TestSupport
@testable import ReportRender
import ReportScene

/// The PNG encoder writes rows that repeat the row above as its own deflate blocks and the rest
/// through zlib, in one stream: every mix of bands must decode (libpng via Cairo, which checks
/// the stream and its Adler-32) to exactly the rendered pixels.
@Suite struct PNGBandTests {
    func decoded(_ page: Page, scale: Double) throws -> (rendered: RasterImage, decoded: RasterImage, bytes: Int) {
        let dir = try TempDir(prefix: "png-bands")
        let png = try PNGWriter.render(page, scale: scale)
        let path = try dir.write(png, as: "p.png")
        let decoded = try #require(RasterImage(pngFile: path), "libpng refused the file")
        return (try PNGWriter.rasterize(page, scale: scale), decoded, png.count)
    }

    /// Alpha exact; colour exact where opaque, within rounding of premultiplication elsewhere.
    func expectSame(_ a: RasterImage, _ b: RasterImage, _ note: String) {
        #expect(a.width == b.width && a.height == b.height, "\(note)")
        guard a.rgba.count == b.rgba.count else { return }
        var bad = 0
        for i in stride(from: 0, to: a.rgba.count, by: 4) {
            let alpha = a.rgba[i + 3]
            if alpha != b.rgba[i + 3] { bad += 1; continue }
            let tolerance = alpha == 255 ? 0 : alpha < 8 ? 255 : 2
            for c in 0..<3 where abs(Int(a.rgba[i + c]) - Int(b.rgba[i + c])) > tolerance { bad += 1 }
        }
        #expect(bad == 0, "\(note): \(bad) pixels differ")
    }

    @Test func bandsKeepShortRunsOfRepeatsInZlibsBand() {
        let r = PNGEncoder.zeroBand
        // Row 0 never repeats; a run shorter than `zeroBand` joins the rows around it.
        let repeats = [false] + Array(repeating: true, count: r - 1) + [false] + Array(repeating: true, count: r) + [false, false]
        let bands = PNGEncoder.bands(repeats: repeats)
        #expect(bands == [PNGEncoder.Band(rows: 0..<(r + 1), repeated: false),
                          PNGEncoder.Band(rows: (r + 1)..<(2 * r + 1), repeated: true),
                          PNGEncoder.Band(rows: (2 * r + 1)..<(2 * r + 3), repeated: false)])
        #expect(PNGEncoder.bands(repeats: [false]) == [PNGEncoder.Band(rows: 0..<1, repeated: false)])
        let tail = PNGEncoder.bands(repeats: [false] + Array(repeating: true, count: r))
        #expect(tail.last == PNGEncoder.Band(rows: 1..<(r + 1), repeated: true))
    }

    @Test func zeroRunsAreCopiesOfThreeTo258BytesAndAtMostTwoLiterals() {
        for n in 0..<2_000 {
            let c = PNGZeroRows.copies(n)
            #expect(c.lengths.reduce(0, +) + c.literalZeros == n)
            #expect(c.lengths.allSatisfy { (3...258).contains($0) })
            #expect(c.literalZeros < 3 && (c.literalZeros == 0 || n < 3))
        }
    }

    /// A flat page: one band of zlib rows, then one of repeats that ends the stream.
    @Test func flatPageEndsInARepeatedBand() throws {
        let page = Page(size: Size(400, 300), root: Group([.rect(RectNode(Rect(x: 20, y: 10, width: 50, height: 30), fill: .black))]),
                        background: .white)
        let r = try decoded(page, scale: 2)
        expectSame(r.rendered, r.decoded, "flat")
        // 800×600 px of mostly white: about 4 bytes per repeated row (2,400 zeros as nine 2-bit
        // copies and a remainder), where zlib at level 2 spends about 13.
        #expect(r.bytes < 3_000, "\(r.bytes) bytes")
    }

    /// Random scenes: bars (repeated rows), diagonals (rows that all differ, also at the bottom:
    /// the stream then ends in zlib's band), text, translucent and clear pages, widths of 1 px up.
    @Test func randomScenesDecodeToTheRenderedPixels() throws {
        var rng = SplitMix(seed: 20)
        for trial in 0..<60 {
            let w = [1.0, 2, 3, 7, 33, 120, 301][trial % 7] + Double(Int.random(in: 0...3, using: &rng))
            let h = Double(Int.random(in: 1...220, using: &rng))
            var nodes: [Node] = []
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                let color = Color(red: .random(in: 0...1, using: &rng), green: .random(in: 0...1, using: &rng),
                                  blue: .random(in: 0...1, using: &rng), alpha: Bool.random(using: &rng) ? 1 : .random(in: 0.1...1, using: &rng))
                let x = Double.random(in: -5...w, using: &rng), y = Double.random(in: -5...h, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: nodes.append(.rect(RectNode(Rect(x: x, y: y, width: .random(in: 0.5...w, using: &rng), height: .random(in: 0.5...h, using: &rng)), fill: color)))
                case 1: nodes.append(.path(.line(from: Point(x, y), to: Point(w, h), stroke: Stroke(color: color, width: 1.3))))
                default: nodes.append(.text(TextNode("临平\(trial)", style: Fixtures.body, at: Point(x, y))))
                }
            }
            let background: Color? = trial % 5 == 0 ? .clear : trial % 5 == 1 ? nil : .white
            let page = Page(size: Size(w, h), root: Group(nodes), background: background)
            let scale = [1.0, 1.5, 2][trial % 3]
            let r = try decoded(page, scale: scale)
            expectSame(r.rendered, r.decoded, "trial \(trial) \(w)×\(h) at \(scale)")
        }
    }

    @Test func bandsAreCutIntoPiecesOfAtMostPieceBytes() {
        let rowBytes = 6_001, pieceRows = PNGEncoder.pieceBytes / rowBytes
        let bands = [PNGEncoder.Band(rows: 0..<(2 * pieceRows + 5), repeated: false),
                     PNGEncoder.Band(rows: (2 * pieceRows + 5)..<(2 * pieceRows + 900), repeated: true)]
        let pieces = PNGEncoder.pieces(bands, rowBytes: rowBytes)
        #expect(pieces.map(\.rows) == [0..<pieceRows, pieceRows..<(2 * pieceRows), (2 * pieceRows)..<(2 * pieceRows + 5),
                                       (2 * pieceRows + 5)..<(2 * pieceRows + 900)])
        #expect(pieces.map(\.repeated) == [false, false, false, true])
        // Rows wider than a piece: one row per piece.
        #expect(PNGEncoder.pieces([PNGEncoder.Band(rows: 0..<3, repeated: false)], rowBytes: PNGEncoder.pieceBytes * 2).count == 3)
    }

    /// Large busy pages (many pieces, compressed side by side): the file decodes to the rendered
    /// pixels, and one thread writes the very bytes that several do.
    @Test func piecesDecodeAndDoNotDependOnThreads() throws {
        var rng = SplitMix(seed: 21)
        for trial in 0..<6 {
            let w = Double(Int.random(in: 300...1400, using: &rng)), h = Double(Int.random(in: 200...900, using: &rng))
            var nodes: [Node] = []
            for k in 0..<40 {
                let color = Color(red: .random(in: 0...1, using: &rng), green: .random(in: 0...1, using: &rng),
                                  blue: .random(in: 0...1, using: &rng), alpha: trial % 2 == 0 ? 1 : .random(in: 0.2...1, using: &rng))
                nodes.append(.path(.line(from: Point(.random(in: 0...w, using: &rng), 0), to: Point(.random(in: 0...w, using: &rng), h),
                                         stroke: Stroke(color: color, width: 1.7))))
                if k % 8 == 0 { nodes.append(.rect(RectNode(Rect(x: 0, y: .random(in: 0...h, using: &rng), width: w, height: 40), fill: color))) }
            }
            let page = Page(size: Size(w, h), root: Group(nodes), background: trial % 3 == 0 ? .clear : .white)
            let r = try decoded(page, scale: 2)
            expectSame(r.rendered, r.decoded, "trial \(trial) \(w)×\(h)")
            let one = try PNGWriter.render(page, scale: 2, workers: 1)
            let many = try PNGWriter.render(page, scale: 2, workers: 4)
            #expect(one == many, "trial \(trial): \(one.count) against \(many.count) bytes")
            #expect(r.bytes == many.count)
        }
    }
}
