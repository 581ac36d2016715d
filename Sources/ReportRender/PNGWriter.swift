import CCairo
import ReportScene

/// Renders one page to a bitmap: ceil(size × scale) pixels, white background unless the page
/// sets one (use `Color.clear` for transparency).
public enum PNGWriter {
    /// The page as PNG bytes at `scale` pixels per point.
    public static func render(_ page: Page, scale: Double = 2, measurer: PangoTextMeasurer = .shared) throws -> [UInt8] {
        // Our own encoder: Cairo's (libpng at zlib level 6) spends most of a chart's PNG time compressing.
        try withImageSurface(page, scale: scale, measurer: measurer) { try PNGEncoder.encode($0) }
    }

    /// `render` with the encoder's threads limited to `workers` (tests: the bytes are the same).
    static func render(_ page: Page, scale: Double, workers: Int) throws -> [UInt8] {
        try withImageSurface(page, scale: scale, measurer: .shared) { try PNGEncoder.encode($0, workers: workers) }
    }

    /// The same pixels as `render`, undecoded: for visual checks without a PNG decoder.
    public static func rasterize(_ page: Page, scale: Double = 2, measurer: PangoTextMeasurer = .shared) throws -> RasterImage {
        try withImageSurface(page, scale: scale, measurer: measurer) { RasterImage(surface: $0) }
    }

    private static func withImageSurface<R>(_ page: Page, scale: Double, measurer: PangoTextMeasurer,
                                            _ body: (OpaquePointer) throws -> R) throws -> R {
        try validate(page.size)
        let w = (page.size.width * scale).rounded(.up), h = (page.size.height * scale).rounded(.up)
        // Cairo's image surfaces are limited to 32767 pixels a side.
        guard scale > 0, w >= 1, h >= 1, w <= 32_767, h <= 32_767 else {
            throw RenderError.invalidPageSize(width: page.size.width * scale, height: page.size.height * scale)
        }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h))!
        defer { cairo_surface_destroy(surface) }
        try checkSurface(surface, during: "creating the image surface")
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        let bg = page.background ?? .white
        cairo_set_source_rgba(cr, bg.red, bg.green, bg.blue, bg.alpha)
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        cairo_paint(cr)
        cairo_set_operator(cr, CAIRO_OPERATOR_OVER)
        cairo_scale(cr, scale, scale)
        try CairoSceneRenderer(measurer: measurer).draw(page.root, on: cr)
        cairo_surface_flush(surface)
        return try body(surface)
    }
}
