import CCairo
import ReportScene

/// Draws a scene `Group` onto a `cairo_t` (passed as `OpaquePointer`), in the context's
/// current user space. Text goes through `PangoTextMeasurer`'s layout code, so it lands
/// exactly where measurement said. Links and anchors are not drawn here: see `emitTags`.
public struct CairoSceneRenderer: Sendable {
    public let measurer: PangoTextMeasurer
    /// PDF only: the subset faces text is drawn with (nil: Pango draws it, as for SVG and PNG).
    var pdfFaces: PDFFontFaces?

    public init(measurer: PangoTextMeasurer = .shared) { self.measurer = measurer }

    /// Draws every visible node of `group`; throws on text that cannot be shaped or a Cairo error.
    public func draw(_ group: Group, on cr: OpaquePointer) throws {
        try draw(group, on: cr, structure: nil)
    }

    /// As `draw`, opening a structure tag around each group that has a `StructureTag` (PDF only).
    func draw(_ group: Group, on cr: OpaquePointer, structure: PDFStructure?) throws {
        // Not in PDF: there Cairo writes each lone rectangle as a compact `re`, a merged path as
        // 5 operators per rectangle (bigger and slower, measured on 10,000 bars). The target is
        // the one `cairo_create` was given, inside pushed groups too: asked once per drawing.
        let batching = cairo_surface_get_type(cairo_get_target(cr)) != CAIRO_SURFACE_TYPE_PDF
        try drawGroup(group, cr, structure, batching: batching)
        try checkStatus(cr, during: "drawing")
    }

    private func drawGroup(_ group: Group, _ cr: OpaquePointer, _ structure: PDFStructure?, batching: Bool) throws {
        let t = group.transform
        let det = t.a * t.d - t.b * t.c
        // A singular or non-finite matrix would put the cairo_t into a sticky error state;
        // such a group is invisible anyway.
        guard det != 0, det.isFinite, t.tx.isFinite, t.ty.isFinite, group.opacity > 0 else { return }
        // A plain group (each of a timeline's 10,000 events) changes nothing that outlives it:
        // every shape and text sets its own source and stroke, so no gstate is saved for it.
        let plain = t.isIdentity && group.clip == nil && group.structure == nil && group.opacity >= 1
        if !plain { cairo_save(cr) }
        defer { if !plain { cairo_restore(cr) } }
        if !t.isIdentity {
            var m = cairo_matrix_t(xx: t.a, yx: t.b, xy: t.c, yy: t.d, x0: t.tx, y0: t.ty)
            cairo_transform(cr, &m)
        }
        if let clip = group.clip {
            cairo_rectangle(cr, clip.x, clip.y, clip.width, clip.height)
            cairo_clip(cr)
        }
        let tagged = structure?.begin(group, on: cr) { PDFTags.linkAttributes(group, cr) } ?? false
        let translucent = group.opacity < 1
        if translucent { cairo_push_group(cr) }
        let children = group.children
        var i = 0
        while i < children.count {
            // Runs of sibling shapes with the same opaque paint become one path painted once
            // (a chart's bars, its grid lines): one drawing operation per run
            // instead of per shape in the SVG (10,000 bars: half the time, less than half the
            // bytes). Same picture for opaque paint; only anti-aliasing where shapes touch differs
            // (no faint seams between adjacent shapes).
            if batching, let shared = BatchPaint(children[i]) {
                var end = i + 1
                while end < children.count, BatchPaint(children[end]) == shared { end += 1 }
                if end - i > 1 {
                    cairo_new_path(cr)
                    for child in children[i..<end] {
                        cairo_new_sub_path(cr)
                        switch child {
                        case .rect(let r): addRect(r, cr)
                        case .path(let p): addPath(p, cr)
                        default: break
                        }
                    }
                    try paint(fill: shared.fill, stroke: shared.stroke, cr)
                    i = end
                    continue
                }
            }
            switch children[i] {
            case .group(let g): try drawGroup(g, cr, structure, batching: batching)
            case .rect(let r): try drawRect(r, cr)
            case .path(let p): try drawPath(p, cr)
            case .text(let t): try drawText(t, cr)
            case .link, .anchor: break
            }
            i += 1
        }
        if translucent {
            cairo_pop_group_to_source(cr)
            cairo_paint_with_alpha(cr, group.opacity)
        }
        if tagged { structure?.end(on: cr) }
    }

    private func drawRect(_ node: RectNode, _ cr: OpaquePointer) throws {
        cairo_new_path(cr)
        addRect(node, cr)
        try paint(fill: node.fill, stroke: node.stroke, cr)
    }

    private func addRect(_ node: RectNode, _ cr: OpaquePointer) {
        let r = node.rect
        let radius = min(max(node.cornerRadius, 0), min(abs(r.width), abs(r.height)) / 2)
        if radius > 0 {
            let x0 = min(r.minX, r.maxX), y0 = min(r.minY, r.maxY)
            let x1 = max(r.minX, r.maxX), y1 = max(r.minY, r.maxY)
            cairo_new_sub_path(cr)
            cairo_arc(cr, x1 - radius, y0 + radius, radius, -.pi / 2, 0)
            cairo_arc(cr, x1 - radius, y1 - radius, radius, 0, .pi / 2)
            cairo_arc(cr, x0 + radius, y1 - radius, radius, .pi / 2, .pi)
            cairo_arc(cr, x0 + radius, y0 + radius, radius, .pi, 3 * .pi / 2)
            cairo_close_path(cr)
        } else {
            cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        }
    }

    private func drawPath(_ node: PathNode, _ cr: OpaquePointer) throws {
        cairo_new_path(cr)
        addPath(node, cr)
        try paint(fill: node.fill, stroke: node.stroke, cr)
    }

    private func addPath(_ node: PathNode, _ cr: OpaquePointer) {
        for element in node.elements {
            switch element {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .curve(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
            case .close: cairo_close_path(cr)
            }
        }
    }

    /// Fills then strokes the current path.
    private func paint(fill: Color?, stroke: Stroke?, _ cr: OpaquePointer) throws {
        if let fill {
            setSource(fill, cr)
            cairo_fill_preserve(cr)
        }
        // Width 0 would mean "thinnest device line" in PDF, not "no line".
        if let stroke, stroke.width > 0 {
            setSource(stroke.color, cr)
            cairo_set_line_width(cr, stroke.width)
            cairo_set_line_cap(cr, stroke.cap.cairo)
            cairo_set_line_join(cr, stroke.join.cairo)
            if stroke.dash.isEmpty {
                cairo_set_dash(cr, nil, 0, 0)
            } else {
                guard stroke.dash.allSatisfy({ $0 >= 0 && $0.isFinite }), stroke.dash.contains(where: { $0 > 0 }) else {
                    throw RenderError.invalidDash(stroke.dash)
                }
                cairo_set_dash(cr, stroke.dash, Int32(stroke.dash.count), stroke.dashOffset)
            }
            cairo_stroke_preserve(cr)
        }
        cairo_new_path(cr)
    }

    private func drawText(_ node: TextNode, _ cr: OpaquePointer) throws {
        try measurer.withLayout(node.text, style: node.style, wrapWidth: node.wrapWidth) { layout, metrics in
            let origin = node.boxOrigin(metrics)
            setSource(node.style.color, cr)
            cairo_new_path(cr)
            if pdfFaces?.draw(layout, at: origin, cr) != true {
                cairo_move_to(cr, origin.x, origin.y)
                pango_cairo_show_layout(cr, layout)
            }
            cairo_new_path(cr)
        }
    }

    private func setSource(_ c: Color, _ cr: OpaquePointer) {
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    }
}

/// Fills the page with a colour.
func fillBackground(_ c: Color, _ size: Size, _ cr: OpaquePointer) {
    cairo_save(cr)
    cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    cairo_rectangle(cr, 0, 0, size.width, size.height)
    cairo_fill(cr)
    cairo_restore(cr)
}
