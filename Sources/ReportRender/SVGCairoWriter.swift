import CCairo
import ReportScene

/// The SVG as Cairo's SVG surface writes it, post-processed (ids renamed, viewBox, text layer):
/// the fallback for pages whose text has no outlines (colour emoji, bitmap faces) and, with
/// `REPORT_SVG_WRITER=cairo`, for comparisons with the native writer.
enum SVGCairoWriter {
    /// `layer` is the text layer's markup, put last (on top of the outlines).
    static func render(_ page: Page, idPrefix: String, text mode: SVGTextMode,
                       measurer: PangoTextMeasurer, layer: [UInt8]) throws -> [UInt8] {
        let sink = ByteSink()
        guard let surface = cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, page.size.width, page.size.height) else {
            throw RenderError.cairo(status: "no surface", during: "creating the SVG surface")
        }
        defer { cairo_surface_destroy(surface) }
        try checkSurface(surface, during: "creating the SVG surface")
        cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        if let bg = page.background { fillBackground(bg, page.size, cr) }
        try CairoSceneRenderer(measurer: measurer).draw(mode == .text ? page.root.removingText() : page.root, on: cr)
        cairo_surface_finish(surface)
        try checkSurface(surface, during: "finishing the SVG")
        let renamed = SVGIdRewriter.rewrite(sink.bytes, prefix: idPrefix)
        let sized = SVGIdRewriter.ensureViewBox(renamed, width: page.size.width, height: page.size.height)
        return insertBeforeClose(layer, into: sized)
    }

    /// Puts `markup` just before the root's closing tag: last in drawing order, so the text layer
    /// lies on top of the outlines (a click or a selection reaches it first).
    static func insertBeforeClose(_ markup: [UInt8], into svg: [UInt8]) -> [UInt8] {
        let close = Array("</svg>".utf8)
        guard !markup.isEmpty, svg.count >= close.count,
              let at = stride(from: svg.count - close.count, through: 0, by: -1)
                .first(where: { Array(svg[$0..<($0 + close.count)]) == close }) else { return svg }
        var out = svg
        out.insert(contentsOf: markup, at: at)
        return out
    }
}
