import CCairo
import ReportScene

/// Renders one page (typically a standalone chart) to SVG 1.1 bytes, sized in points with a
/// viewBox, text as glyph outlines, and ids that depend only on the page and `idPrefix`.
public enum SVGWriter {
    public static func render(_ page: Page, idPrefix: String, measurer: PangoTextMeasurer = .shared) throws -> [UInt8] {
        try validate(page.size)
        guard SVGIdRewriter.isValidPrefix(idPrefix) else { throw RenderError.invalidIdPrefix(idPrefix) }
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
        try CairoSceneRenderer(measurer: measurer).draw(page.root, on: cr)
        cairo_surface_finish(surface)
        try checkSurface(surface, during: "finishing the SVG")
        let renamed = SVGIdRewriter.rewrite(sink.bytes, prefix: idPrefix)
        return SVGIdRewriter.ensureViewBox(renamed, width: page.size.width, height: page.size.height)
    }
}
