import CCairo
import ReportScene

/// The subset faces one PDF draws its text with: found before drawing, from every text of the
/// document, so each face is embedded from one subset only (whichever superset the cache holds).
final class PDFFontFaces: @unchecked Sendable {
    let faces: [FontFaceKey: SubsetFace]
    /// Set for faces taken from a snapshot of the cache (not from this document's glyphs): the
    /// faces known not to be subset. A run in any other face that `faces` does not cover sets
    /// `missed` (the PDF must then be drawn again from faces found for its glyphs).
    private let unusable: Set<FontFaceKey>?
    private(set) var missed = false
    /// Each Pango font's face, looked up once per PDF (a fontconfig look-up and a path string).
    private var keys: [UnsafeMutablePointer<PangoFont>: FontFaceKey?] = [:]

    /// The face of `font`, remembered. Call under the environment lock.
    fileprivate func key(_ font: UnsafeMutablePointer<PangoFont>) -> FontFaceKey? {
        if let known = keys[font] { return known }
        let key = FontFaceKey(font)
        keys[font] = key
        return key
    }

    init(faces: [FontFaceKey: SubsetFace], unusable: Set<FontFaceKey>? = nil) {
        self.faces = faces
        self.unusable = unusable
    }

    /// The cache's current subsets, for a document whose fonts were prepared; nil when the cache
    /// has none yet.
    static func snapshot(of cache: FontSubsetCache) -> PDFFontFaces? {
        let (faces, unusable) = cache.snapshot()
        return faces.isEmpty ? nil : PDFFontFaces(faces: faces, unusable: unusable)
    }

    /// `REPORT_PDF_FONTS=pango` draws PDF text as Pango does, embedding from the original font
    /// files (Cairo's own subsetting): for comparisons and as an escape hatch.
    static let enabled: Bool = {
        guard let value = getenv("REPORT_PDF_FONTS") else { return true }
        return String(cString: value) != "pango"
    }()

    /// Shapes (or takes from the measurer's cache) every text of `doc` and gets subsets covering
    /// their glyphs. Texts that fail to lay out are skipped here: drawing reports their error.
    static func prepare(_ doc: Document, measurer: PangoTextMeasurer, cache: FontSubsetCache) -> PDFFontFaces {
        PDFFontFaces(faces: cache.faces(for: needs(of: [doc], measurer: measurer)))
    }

    /// The glyphs of every text of `docs`, by face.
    static func needs(of docs: [Document], measurer: PangoTextMeasurer) -> [FontFaceKey: Set<UInt32>] {
        var collector = Collector()
        for doc in docs { for page in doc.pages { collector.collect(page.root, measurer) } }
        return collector.needs
    }

    /// The glyphs by face, and each Pango font's face, looked up once per font (a face key is a
    /// fontconfig lookup and a path string: per run, then hashed per glyph, it cost more than
    /// the walk). The fonts are the font map's and outlive the walk.
    private struct Collector {
        var needs: [FontFaceKey: Set<UInt32>] = [:]
        var keys: [UnsafeMutablePointer<PangoFont>: FontFaceKey?] = [:]

        mutating func collect(_ group: Group, _ measurer: PangoTextMeasurer) {
            for child in group.children {
                switch child {
                case .group(let g): collect(g, measurer)
                case .text(let t):
                    try? measurer.withLayout(t.text, style: t.style, wrapWidth: t.wrapWidth) { layout, _ in
                        glyphs(of: layout)
                    }
                default: break
                }
            }
        }

        /// Call under the environment lock.
        private mutating func glyphs(of layout: OpaquePointer) {
            forEachRun(layout) { run, _, _ in
                guard let glyphs = run.pointee.glyphs, let font = run.pointee.item?.pointee.analysis.font else { return }
                let known = keys[font] ?? { let k = FontFaceKey(font); keys[font] = k; return k }()
                guard let key = known else { return }
                let ids = (0..<Int(glyphs.pointee.num_glyphs)).lazy.map { glyphs.pointee.glyphs[$0].glyph }
                needs[key, default: []].formUnion(ids.filter { $0 & pangoGlyphFlags == 0 })
            }
        }
    }
}

/// PANGO_GLYPH_EMPTY (0x0FFFFFFF) and PANGO_GLYPH_UNKNOWN_FLAG both set bits of this mask.
let pangoGlyphFlags: UInt32 = 0xF000_0000 | 0x0800_0000
private let pangoGlyphEmpty: UInt32 = 0x0FFF_FFFF
private let pangoUnknownFlag: UInt32 = 0x1000_0000

/// Visits the runs of a layout as `pango_renderer_draw_layout` places them: each with its
/// baseline origin in Pango units relative to the layout's top-left.
func forEachRun(_ layout: OpaquePointer, _ body: (UnsafeMutablePointer<PangoGlyphItem>, Int, Int) -> Void) {
    guard let iter = pango_layout_get_iter(layout) else { return }
    defer { pango_layout_iter_free(iter) }
    repeat {
        guard let line = pango_layout_iter_get_line_readonly(iter) else { continue }
        var logical = PangoRectangle()
        pango_layout_iter_get_line_extents(iter, nil, &logical)
        let baseline = Int(pango_layout_iter_get_baseline(iter))
        var x = Int(logical.x)
        var node = line.pointee.runs
        while let current = node {
            if let data = current.pointee.data {
                let run = data.assumingMemoryBound(to: PangoGlyphItem.self)
                body(run, x, baseline - Int(run.pointee.y_offset))
                x += Int(pango_glyph_string_get_width(run.pointee.glyphs))
            }
            node = current.pointee.next
        }
    } while pango_layout_iter_next_line(iter) != 0
}

extension PDFFontFaces {
    /// Draws a configured layout with its top-left at `origin` in the current source colour,
    /// run by run with `cairo_show_text_glyphs` as PangoCairo does (same glyphs, positions, text
    /// and clusters, so copied text and tags are unchanged), in the subset face where there is one
    /// that holds the run's glyphs and in Pango's own font otherwise. Returns false, drawing
    /// nothing, for a layout with "unknown" glyph boxes, which only Pango draws. Call under the
    /// environment lock.
    func draw(_ layout: OpaquePointer, at origin: Point, _ cr: OpaquePointer) -> Bool {
        var drawable = true
        forEachRun(layout) { run, _, _ in
            guard let glyphs = run.pointee.glyphs else { return }
            for i in 0..<Int(glyphs.pointee.num_glyphs) {
                let g = glyphs.pointee.glyphs[i].glyph
                if g & pangoUnknownFlag != 0, g != pangoUnknownFlag | 0x20 { drawable = false }
            }
        }
        guard drawable, let text = pango_layout_get_text(layout) else { return false }
        cairo_save(cr)
        defer { cairo_restore(cr) }
        // PangoCairo starts from the current point, which Cairo keeps in 24.8 fixed-point device
        // units: start from the same rounded point so glyphs land where Pango puts them.
        var x0 = origin.x, y0 = origin.y
        cairo_move_to(cr, x0, y0)
        cairo_get_current_point(cr, &x0, &y0)
        cairo_new_path(cr)
        forEachRun(layout) { run, x, y in
            drawRun(run, text: text, x: x0 + Double(x) / pangoScale, y: y0 + Double(y) / pangoScale, cr)
        }
        return true
    }

    private func drawRun(_ run: UnsafeMutablePointer<PangoGlyphItem>, text: UnsafePointer<CChar>,
                         x: Double, y: Double, _ cr: OpaquePointer) {
        guard let glyphString = run.pointee.glyphs, let item = run.pointee.item,
              let font = item.pointee.analysis.font, glyphString.pointee.num_glyphs > 0 else { return }
        let backward = item.pointee.analysis.level & 1 != 0
        var glyphs = Self.cairoGlyphs(glyphString.pointee, x: x, y: y)
        let clusters = Self.clusters(run, text: text, backward: backward)
        guard let pangoFont = pango_cairo_font_get_scaled_font(OpaquePointer(font)) else { return }
        let key = key(font)
        if let key, let subset = faces[key],
           glyphs.allSatisfy({ subset.glyphs.contains(UInt32($0.index)) }) {
            // The subset face at Pango's size, matrix and options, with its own glyph ids.
            for i in glyphs.indices { glyphs[i].index = UInt(subset.glyphID(UInt32(glyphs[i].index))) }
            var matrix = cairo_matrix_t()
            cairo_scaled_font_get_font_matrix(pangoFont, &matrix)
            let options = cairo_font_options_create()
            defer { cairo_font_options_destroy(options) }
            cairo_scaled_font_get_font_options(pangoFont, options)
            cairo_set_font_face(cr, subset.face)
            cairo_set_font_matrix(cr, &matrix)
            cairo_set_font_options(cr, options)
        } else {
            if let unusable, let key, !unusable.contains(key) { missed = true }
            cairo_set_scaled_font(cr, pangoFont)
        }
        let runText = text.advanced(by: Int(item.pointee.offset))
        cairo_show_text_glyphs(cr, runText, item.pointee.length, glyphs, Int32(glyphs.count),
                               clusters, Int32(clusters.count),
                               backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0))
    }

    /// Glyph positions exactly as PangoCairo computes them (empty glyphs and the unknown space
    /// take their advance but are not drawn).
    private static func cairoGlyphs(_ string: PangoGlyphString, x: Double, y: Double) -> [cairo_glyph_t] {
        var out: [cairo_glyph_t] = []
        out.reserveCapacity(Int(string.num_glyphs))
        var position: Int32 = 0
        for i in 0..<Int(string.num_glyphs) {
            let info = string.glyphs[i]
            if info.glyph != pangoGlyphEmpty, info.glyph & pangoUnknownFlag == 0 {
                let gy = info.geometry.y_offset == 0 ? y : y + Double(info.geometry.y_offset) / pangoScale
                out.append(cairo_glyph_t(index: UInt(info.glyph),
                                         x: x + Double(position + info.geometry.x_offset) / pangoScale, y: gy))
            }
            position += info.geometry.width
        }
        return out
    }

    /// Text clusters of a run as PangoCairo builds them: bytes and drawn glyphs per cluster.
    private static func clusters(_ run: UnsafeMutablePointer<PangoGlyphItem>, text: UnsafePointer<CChar>,
                                 backward: Bool) -> [cairo_text_cluster_t] {
        var out: [cairo_text_cluster_t] = []
        guard let glyphs = run.pointee.glyphs?.pointee else { return out }
        var iter = PangoGlyphItemIter()
        guard pango_glyph_item_iter_init_start(&iter, run, text) != 0 else { return out }
        repeat {
            let bytes = iter.end_index - iter.start_index
            var count = backward ? iter.start_glyph - iter.end_glyph : iter.end_glyph - iter.start_glyph
            for i in min(iter.start_glyph, iter.end_glyph + 1)..<max(iter.start_glyph + 1, iter.end_glyph) {
                let g = glyphs.glyphs[Int(i)].glyph
                if g == pangoGlyphEmpty || g & pangoUnknownFlag != 0 { count -= 1 }
            }
            out.append(cairo_text_cluster_t(num_bytes: bytes, num_glyphs: count))
        } while pango_glyph_item_iter_next_cluster(&iter) != 0
        return out
    }
}
