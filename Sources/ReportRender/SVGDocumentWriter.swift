import ReportScene

/// Writes a page as SVG straight from the scene, in one walk: groups become `<g>` (transform,
/// clip, opacity), shapes `<path>`, text `<use>`s of glyph outlines defined once each in `<defs>`.
/// It draws what `CairoSceneRenderer` draws on Cairo's SVG surface (same batching of equal
/// shapes, same glyph positions, same skipped groups) without Cairo's printf-based number output,
/// per-file glyph bookkeeping and the passes that renamed ids and inserted the text layer.
final class SVGDocumentWriter {
    /// Thrown inside the walk when the page needs Cairo (text without outlines).
    struct NeedsCairo: Error {}

    let measurer: PangoTextMeasurer
    let drawsText: Bool
    let glyphs: SVGGlyphCache
    /// `prefix-`: every id is this and a number, counted in order of first use.
    let idStem: [UInt8]
    var body = SVGBuffer(capacity: 64 << 10)
    var defs = SVGBuffer(capacity: 16 << 10)
    var nextId = 1
    /// This file's id of each glyph already defined, by (face id << 32 | glyph id).
    var glyphIds: [UInt64: Int] = [:]

    init(idPrefix: String, drawsText: Bool, measurer: PangoTextMeasurer, glyphs: SVGGlyphCache) {
        idStem = Array(idPrefix.utf8) + [UInt8(ascii: "-")]
        self.drawsText = drawsText; self.measurer = measurer; self.glyphs = glyphs
    }

    /// The SVG of `page`, or nil when Cairo must draw it. `layer` (the text layer) goes last.
    static func render(_ page: Page, idPrefix: String, text mode: SVGTextMode, measurer: PangoTextMeasurer,
                       layer: [UInt8], glyphs: SVGGlyphCache = .shared) throws -> [UInt8]? {
        let writer = SVGDocumentWriter(idPrefix: idPrefix, drawsText: mode == .outlines, measurer: measurer, glyphs: glyphs)
        do {
            try writer.drawPage(page)
        } catch is NeedsCairo {
            return nil
        }
        if writer.body.sawNonFinite || writer.defs.sawNonFinite { return nil }
        return writer.document(size: page.size, layer: layer)
    }

    private func drawPage(_ page: Page) throws {
        // Cairo's default miter limit (SVG's is 4): inherited by every stroke.
        body.append("<g stroke-miterlimit=\"10\">\n")
        if let bg = page.background {
            body.append("<path d=\"")
            rectData(Rect(x: 0, y: 0, width: page.size.width, height: page.size.height), decimals: 4)
            body.append("\"")
            paintAttributes(fill: bg, stroke: nil)
            body.append("/>\n")
        }
        try drawGroup(page.root, decimals: 3)
        body.append("</g>\n")
    }

    /// Header, `<defs>`, the drawing, the text layer: one buffer sized once.
    private func document(size: Size, layer: [UInt8]) -> [UInt8] {
        var head = SVGBuffer(capacity: 512)
        head.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        head.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"")
        head.number(size.width, decimals: 4); head.append("pt\" height=\"")
        head.number(size.height, decimals: 4); head.append("pt\" viewBox=\"0 0 ")
        head.number(size.width, decimals: 4); head.append(" ")
        head.number(size.height, decimals: 4); head.append("\" version=\"1.1\">\n")
        var out: [UInt8] = []
        out.reserveCapacity(head.bytes.count + defs.bytes.count + body.bytes.count + layer.count + 32)
        out += head.bytes
        if !defs.bytes.isEmpty {
            out += Array("<defs>\n".utf8)
            out += defs.bytes
            out += Array("</defs>\n".utf8)
        }
        out += body.bytes
        out += layer
        out += Array("</svg>\n".utf8)
        return out
    }

    /// A fresh id number; written as `prefix-N` by `writeId`.
    func newId() -> Int {
        defer { nextId += 1 }
        return nextId
    }

    func writeId(_ n: Int, into buffer: inout SVGBuffer) {
        buffer.append(bytes: idStem)
        buffer.integer(n)
    }
}

// MARK: - Groups and shapes

extension SVGDocumentWriter {
    /// `decimals`: places that keep a coordinate within 1/2000 pt on the page in this group's
    /// space (more under a shrinking transform).
    func drawGroup(_ group: Group, decimals: Int) throws {
        let t = group.transform
        let det = t.a * t.d - t.b * t.c
        // As CairoSceneRenderer: a singular or non-finite matrix, or no opacity, draws nothing.
        guard det != 0, det.isFinite, t.tx.isFinite, t.ty.isFinite, group.opacity > 0 else { return }
        let inner = t.isIdentity ? decimals : Self.decimals(under: t, outer: decimals)
        let wrapped = !t.isIdentity || group.clip != nil || group.opacity < 1
        if wrapped { openGroup(group, decimals: decimals, inner: inner) }
        try drawChildren(group.children, decimals: inner)
        if wrapped { body.append("</g>\n") }
    }

    static func decimals(under t: Transform, outer: Int) -> Int {
        let scale = max((t.a * t.a + t.b * t.b).squareRoot(), (t.c * t.c + t.d * t.d).squareRoot())
        guard scale > 0, scale.isFinite else { return outer }
        let extra = Int((scale.log10).rounded(.up))
        return min(max(outer + extra, 1), 9)
    }

    private func openGroup(_ group: Group, decimals: Int, inner: Int) {
        body.append("<g")
        let t = group.transform
        if !t.isIdentity {
            body.append(" transform=\"matrix(")
            for (i, v) in [t.a, t.b, t.c, t.d].enumerated() {
                if i > 0 { body.append(" ") }
                body.number(v, decimals: 6)
            }
            body.append(" "); body.number(t.tx, decimals: decimals)
            body.append(" "); body.number(t.ty, decimals: decimals)
            body.append(")\"")
        }
        if let clip = group.clip {
            // In the group's own (transformed) space: the user space of the element that refers to it.
            let id = newId()
            defs.append("<clipPath id=\""); writeId(id, into: &defs); defs.append("\"><path d=\"")
            swap(&body, &defs)
            rectData(clip, decimals: inner)
            swap(&body, &defs)
            defs.append("\"/></clipPath>\n")
            body.append(" clip-path=\"url(#"); writeId(id, into: &body); body.append(")\"")
        }
        if group.opacity < 1 {
            body.append(" opacity=\""); body.number(group.opacity, decimals: 4); body.append("\"")
        }
        body.append(">\n")
    }

    private func drawChildren(_ children: [Node], decimals: Int) throws {
        var i = 0
        while i < children.count {
            // Runs of sibling shapes with the same opaque paint become one path, as
            // CairoSceneRenderer batches them for SVG and PNG (same picture, no seams).
            if let shared = BatchPaint(children[i]) {
                var end = i + 1
                while end < children.count, BatchPaint(children[end]) == shared { end += 1 }
                if end - i > 1 {
                    try drawShapes(children[i..<end], paint: shared, decimals: decimals)
                    i = end
                    continue
                }
            }
            switch children[i] {
            case .group(let g): try drawGroup(g, decimals: decimals)
            case .rect(let r): try drawShapes([children[i]], fill: r.fill, stroke: r.stroke, decimals: decimals)
            case .path(let p): try drawShapes([children[i]], fill: p.fill, stroke: p.stroke, decimals: decimals)
            case .text(let t): if drawsText { try drawText(t, decimals: decimals) }
            case .link, .anchor: break
            }
            i += 1
        }
    }

    private func drawShapes(_ shapes: ArraySlice<Node>, paint: BatchPaint, decimals: Int) throws {
        try drawShapes(Array(shapes), fill: paint.fill, stroke: paint.stroke, decimals: decimals)
    }

    /// One `<path>` holding every shape as a subpath, filled then stroked.
    private func drawShapes(_ shapes: [Node], fill: Color?, stroke: Stroke?, decimals: Int) throws {
        let stroked = stroke.map { $0.width > 0 } ?? false
        if stroked, let dash = stroke?.dash, !dash.isEmpty,
           !(dash.allSatisfy { $0 >= 0 && $0.isFinite } && dash.contains { $0 > 0 }) {
            throw RenderError.invalidDash(dash)
        }
        guard fill != nil || stroked else { return }
        body.append("<path d=\"")
        for shape in shapes {
            switch shape {
            case .rect(let r): rectData(r, decimals: decimals)
            case .path(let p): pathData(p.elements, decimals: decimals)
            default: break
            }
        }
        body.append("\"")
        paintAttributes(fill: fill, stroke: stroked ? stroke : nil)
        body.append("/>\n")
    }
}


private extension Double {
    var log10: Double {
        #if canImport(Glibc)
        Glibc.log10(self)
        #else
        Darwin.log10(self)
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
