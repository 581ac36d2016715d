import ReportScene
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders one page (typically a standalone chart) to SVG 1.1 bytes, sized in points with a
/// viewBox, and ids that depend only on the page and `idPrefix`. Text is glyph outlines with an
/// invisible, searchable `<text>` layer over them (`.outlines`), or only `<text>` (`.text`).
///
/// The SVG is written from the scene directly (`SVGDocumentWriter`); a page whose text has no
/// outlines to take (colour emoji, bitmap faces) or whose geometry is not finite is drawn by
/// Cairo's SVG surface instead (`SVGCairoWriter`), as is every page with `REPORT_SVG_WRITER=cairo`.
public enum SVGWriter {
    /// Which writer draws the pages.
    enum Engine: Equatable {
        /// Native, with Cairo as the fallback for pages it cannot draw.
        case native
        case cairo

        /// From the value of `REPORT_SVG_WRITER` (unset or anything but `cairo`: native).
        init(environment value: String?) { self = value == "cairo" ? .cairo : .native }

        static let current = Engine(environment: getenv("REPORT_SVG_WRITER").map { String(cString: $0) })
    }

    /// The page as SVG bytes, its ids prefixed with `idPrefix` (ASCII letters, digits, `_`, `-`, `.`; starting with a letter or `_`).
    public static func render(_ page: Page, idPrefix: String, text mode: SVGTextMode = .outlines,
                              measurer: PangoTextMeasurer = .shared) throws -> [UInt8] {
        try render(page, idPrefix: idPrefix, text: mode, measurer: measurer, engine: .current)
    }

    static func render(_ page: Page, idPrefix: String, text mode: SVGTextMode, measurer: PangoTextMeasurer,
                       engine: Engine) throws -> [UInt8] {
        try validate(page.size)
        guard SVGIdRewriter.isValidPrefix(idPrefix) else { throw RenderError.invalidIdPrefix(idPrefix) }
        // Measured before drawing: a text that cannot be shaped fails here as it would in Cairo.
        let lines = try SVGTextLayer.lines(in: page.root, measurer: measurer)
        let layer = SVGTextLayer.markupBytes(lines, mode: mode, language: measurer.language)
        if engine == .native,
           let svg = try SVGDocumentWriter.render(page, idPrefix: idPrefix, text: mode, measurer: measurer, layer: layer) {
            return svg
        }
        return try SVGCairoWriter.render(page, idPrefix: idPrefix, text: mode, measurer: measurer, layer: layer)
    }
}
