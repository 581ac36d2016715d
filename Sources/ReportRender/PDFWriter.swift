import CCairo
import CCairoDeflate
import Glibc
import ReportScene

/// Renders a `Document` to PDF bytes: one page per `Page` (each with its own size), embedded
/// subset fonts (drawn from pre-subset faces: `PDFFontFaces`), metadata, outline, internal links and named destinations.
public enum PDFWriter {
    /// Asks Cairo to leave its page content streams (and ToUnicode maps) uncompressed: the
    /// accessibility pass reads every page's content to mark its artifacts, so it compresses them
    /// itself, once, at its own level. Cairo's deflate at zlib's default level was then wasted,
    /// ~7% of a 20-page report's process. Cairo 1.16 reads `CAIRO_DEBUG_PDF` when it creates a
    /// PDF surface, for exactly this (no other effect). A process environment change: call
    /// before any other thread starts (the CLI's first step). Without it the output is the same
    /// document (streams Cairo compressed are read back as they are).
    public static func uncompressedByCairo() {
        _ = setenv("CAIRO_DEBUG_PDF", "1", 1)
        // The font files Cairo still compresses itself go at zlib level 1 on every thread
        // (cairo_deflate.c, linked in through this call).
        report_cairo_deflate_fast(1)
    }


    /// The document as PDF bytes; throws for an empty document, a bad page size or a link to a missing destination.
    public static func render(_ doc: Document, measurer: PangoTextMeasurer = .shared) throws -> [UInt8] {
        try render(doc, measurer: measurer, subsets: PDFFontFaces.enabled ? .shared : nil)
    }

    /// Call before the first of several PDFs a build writes, with all of them: their text is shaped
    /// (the layouts are kept for drawing) and each font face is subset once for the lot, instead of
    /// the subset growing as PDF after PDF needs new glyphs. What each PDF embeds is unchanged.
    /// `store`: subset faces kept between runs (the output folder's), read and added to.
    public static func prepareFonts(for documents: [Document], measurer: PangoTextMeasurer = .shared,
                                    store: (any FontSubsetStore)? = nil) {
        guard PDFFontFaces.enabled else { return }
        prepareFonts(for: documents, measurer: measurer, subsets: .shared, store: store)
    }

    static func prepareFonts(for documents: [Document], measurer: PangoTextMeasurer, subsets: FontSubsetCache,
                             store: (any FontSubsetStore)? = nil) {
        subsets.reserve(PDFFontFaces.needs(of: documents, measurer: measurer), store: store)
    }

    /// `subsets`: where the text's subset faces come from; nil draws text as Pango does.
    /// A document whose fonts were prepared (the cache already covers its glyphs) is drawn from
    /// the cache's current subsets without finding its glyphs again; should a run need a glyph
    /// they lack, the PDF is drawn again from subsets found for its glyphs (same bytes either way:
    /// one subset per face, whichever superset).
    static func render(_ doc: Document, measurer: PangoTextMeasurer, subsets: FontSubsetCache?) throws -> [UInt8] {
        guard doc.pages.first != nil else { throw RenderError.emptyDocument }
        for page in doc.pages { try validate(page.size) }
        try checkDestinations(doc)
        if let subsets, let faces = PDFFontFaces.snapshot(of: subsets),
           let bytes = try write(doc, measurer: measurer, faces: faces) {
            return bytes
        }
        let faces = subsets.map { PDFFontFaces.prepare(doc, measurer: measurer, cache: $0) }
        guard let bytes = try write(doc, measurer: measurer, faces: faces) else {
            throw RenderError.cairo(status: "a glyph missing from its subset", during: "drawing the PDF's text")
        }
        return bytes
    }

    /// The PDF drawn with `faces`; nil when they lacked a glyph it needed (`PDFFontFaces.missed`).
    static func write(_ doc: Document, measurer: PangoTextMeasurer, faces: PDFFontFaces?) throws -> [UInt8]? {
        let first = doc.pages[0]
        let sink = ByteSink()
        guard let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, first.size.width, first.size.height) else {
            throw RenderError.cairo(status: "no surface", during: "creating the PDF surface")
        }
        defer { cairo_surface_destroy(surface) }
        try checkSurface(surface, during: "creating the PDF surface")
        setMetadata(doc.info, surface)

        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        var renderer = CairoSceneRenderer(measurer: measurer)
        renderer.pdfFaces = faces
        let structure = PDFStructure(pages: doc.pages)
        // Cairo 1.16 writes a damaged file when link tags appear outside any structure tag.
        cairo_tag_begin(cr, "Document", "")
        for (i, page) in doc.pages.enumerated() {
            if i > 0 {
                cairo_show_page(cr)
                cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
            }
            if let label = page.label { cairo_pdf_surface_set_page_label(surface, label) }
            // A page-sized clip stops Cairo from turning a full-page opaque fill (a background,
            // a full-bleed cover) into "discard the page so far", which would also discard the
            // open structure tag: Cairo 1.16 then aborts or writes a damaged file.
            cairo_save(cr)
            cairo_rectangle(cr, 0, 0, page.size.width, page.size.height)
            cairo_clip(cr)
            if let bg = page.background { fillBackground(bg, page.size, cr) }
            try renderer.draw(page.root, on: cr, structure: structure)
            cairo_restore(cr)
            PDFTags.emit(page.root, on: cr, structure: structure)
        }
        structure.finish(on: cr)
        cairo_tag_end(cr, "Document")
        // Explicit: Cairo drops a trailing page that has no drawing at all.
        cairo_show_page(cr)
        addOutline(doc.outline, surface)
        try checkStatus(cr, during: "writing the PDF")
        cairo_surface_finish(surface)
        try checkSurface(surface, during: "finishing the PDF")
        // Checked only now: Cairo 1.16 must see every structure tag closed before it finishes.
        if faces?.missed == true { return nil }
        do {
            var bytes = sink.bytes
            sink.reset()
            try PDFSubsetTags.settle(&bytes)
            return try PDFAccessibility.update(bytes, info: doc.info, figureAlts: structure.figureAlts,
                                               linkTexts: structure.linkTexts)
        } catch {
            throw RenderError.cairo(status: "\(error)", during: "adding language, alt text and metadata to the PDF")
        }
    }

    private static func setMetadata(_ info: DocumentInfo, _ surface: OpaquePointer) {
        func set(_ key: cairo_pdf_metadata_t, _ value: String) {
            if !value.isEmpty { cairo_pdf_surface_set_metadata(surface, key, value) }
        }
        set(CAIRO_PDF_METADATA_TITLE, info.title)
        set(CAIRO_PDF_METADATA_AUTHOR, info.author)
        set(CAIRO_PDF_METADATA_SUBJECT, info.subject)
        set(CAIRO_PDF_METADATA_KEYWORDS, info.keywords.joined(separator: ", "))
        set(CAIRO_PDF_METADATA_CREATOR, info.creator)
        // Always set: Cairo would otherwise stamp the current local time.
        let date = PDFDate.iso8601(info.creationDate) + "Z"
        set(CAIRO_PDF_METADATA_CREATE_DATE, date)
        set(CAIRO_PDF_METADATA_MOD_DATE, date)
    }

    /// Nests entries by level: each entry's parent is the nearest earlier entry of a lower level.
    private static func addOutline(_ items: [OutlineItem], _ surface: OpaquePointer) {
        var parents: [(level: Int, id: Int32)] = []
        for item in items {
            while let last = parents.last, last.level >= item.level { parents.removeLast() }
            let parent = parents.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
            let flags = item.level <= 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0)
            let id = cairo_pdf_surface_add_outline(surface, parent, item.title,
                                                   "dest='\(PDFTags.escape(item.destination))'", flags)
            parents.append((item.level, id))
        }
    }

    /// Cairo writes dangling references for unknown destinations; catch them with a clear message.
    private static func checkDestinations(_ doc: Document) throws {
        var names = Set<String>()
        var targets: [String] = doc.outline.map(\.destination)
        // Walked in place, leaves in order: `Group.leaves()` would build a placed node (transform,
        // name path) for each of a 10,000-event timeline's leaves only to look at two kinds.
        func visit(_ group: Group) throws {
            for child in group.children {
                switch child {
                case .group(let g): try visit(g)
                case .anchor(let a):
                    if !names.insert(a.name).inserted { throw RenderError.duplicateDestination(a.name) }
                case .link(let l):
                    if case .destination(let d) = l.target { targets.append(d) }
                default: break
                }
            }
        }
        for page in doc.pages { try visit(page.root) }
        if let missing = targets.first(where: { !names.contains($0) }) { throw RenderError.unknownDestination(missing) }
    }
}
