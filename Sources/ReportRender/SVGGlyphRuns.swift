import CCairo
import ReportScene

/// Text as glyph outlines: the runs of the very layout the measurer measured (the walk
/// `PDFFontFaces` draws PDF text with), each glyph a `<use>` of its outline in `<defs>`.
extension SVGDocumentWriter {
    /// PANGO_GLYPH_EMPTY, and the flag of "unknown glyph" boxes (the unknown space draws nothing).
    private static let emptyGlyph: UInt32 = 0x0FFF_FFFF
    private static let unknownFlag: UInt32 = 0x1000_0000

    func drawText(_ node: TextNode, decimals: Int) throws {
        try measurer.withLayout(node.text, style: node.style, wrapWidth: node.wrapWidth) { layout, metrics in
            let origin = node.boxOrigin(metrics)
            var failed = false
            forEachRun(layout) { run, x, y in
                guard !failed else { return }
                if !drawRun(run, x: origin.x + Double(x) / pangoScale, y: origin.y + Double(y) / pangoScale,
                            color: node.style.color, decimals: decimals) { failed = true }
            }
            if failed { throw NeedsCairo() }
        }
    }

    /// One run: `<g fill transform>` scaling outlines of 1000 units per em to the run's font,
    /// its origin on the run's baseline, then one `<use>` per drawn glyph at its Pango position
    /// (in those units). False when a glyph has no outline (Cairo must draw the page).
    private func drawRun(_ run: UnsafeMutablePointer<PangoGlyphItem>, x: Double, y: Double,
                         color: Color, decimals: Int) -> Bool {
        guard let string = run.pointee.glyphs?.pointee, string.num_glyphs > 0 else { return true }
        guard let font = run.pointee.item?.pointee.analysis.font,
              let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)),
              let face = glyphs.face(for: font) else { return false }
        var m = cairo_matrix_t()
        cairo_scaled_font_get_font_matrix(scaled, &m)
        let u = SVGGlyphCache.unitsPerEm
        let (a, b, c, d) = (m.xx / u, m.yx / u, m.xy / u, m.yy / u)
        let det = a * d - b * c
        guard det != 0, det.isFinite else { return true }
        var opened = false
        var position: Int32 = 0
        for i in 0..<Int(string.num_glyphs) {
            let info = string.glyphs[i]
            defer { position += info.geometry.width }
            if info.glyph == Self.emptyGlyph { continue }
            if info.glyph & Self.unknownFlag != 0 {
                if info.glyph == Self.unknownFlag | 0x20 { continue }
                return false
            }
            guard let id = glyphId(face: face, glyph: info.glyph) else { return false }
            if id == 0 { continue }   // a blank glyph (space)
            if !opened {
                openRun(color: color, a, b, c, d, x, y, decimals: decimals)
                opened = true
            }
            // The glyph's offset from the run's origin, in the run's outline units.
            let dx = Double(position + info.geometry.x_offset) / pangoScale
            let dy = Double(info.geometry.y_offset) / pangoScale
            let lx = (d * dx - c * dy) / det, ly = (a * dy - b * dx) / det
            body.append("<use xlink:href=\"#"); writeId(id, into: &body); body.append("\"")
            if lx != 0 { body.append(" x=\""); body.number(lx, decimals: 1); body.append("\"") }
            if ly != 0 { body.append(" y=\""); body.number(ly, decimals: 1); body.append("\"") }
            body.append("/>")
        }
        if opened { body.append("\n</g>\n") }
        return true
    }

    private func openRun(color: Color, _ a: Double, _ b: Double, _ c: Double, _ d: Double,
                         _ x: Double, _ y: Double, decimals: Int) {
        body.append("<g fill=\""); body.hex(color); body.append("\"")
        if color.alpha < 1 { body.append(" fill-opacity=\""); body.number(max(color.alpha, 0), decimals: 4); body.append("\"") }
        body.append(" transform=\"matrix(")
        for (i, v) in [a, b, c, d].enumerated() {
            if i > 0 { body.append(" ") }
            body.number(v, decimals: 8)
        }
        body.append(" "); body.number(x, decimals: decimals)
        body.append(" "); body.number(y, decimals: decimals)
        body.append(")\">\n")
    }

    /// This file's id of a glyph's outline, defining it on first use; 0 for a blank glyph,
    /// nil when the glyph has no outline.
    private func glyphId(face: Int32, glyph: UInt32) -> Int? {
        let key = UInt64(UInt32(bitPattern: face)) << 32 | UInt64(glyph)
        if let known = glyphIds[key] { return known }
        guard let outline = glyphs.outline(face: face, glyph: glyph) else { return nil }
        if outline.isEmpty {
            glyphIds[key] = 0
            return 0
        }
        let id = newId()
        glyphIds[key] = id
        defs.append("<path id=\""); writeId(id, into: &defs); defs.append("\" d=\"")
        defs.append(bytes: outline)
        defs.append("\"/>\n")
        return id
    }
}
