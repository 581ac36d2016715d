import ReportScene

/// Path data and paint attributes of the native SVG writer, following Cairo's path semantics.
extension SVGDocumentWriter {
    /// A rectangle as Cairo traces it (move, three sides, close), or with rounded corners as
    /// four quarter arcs starting at the top edge's right end, as `CairoSceneRenderer` draws it.
    func rectData(_ node: RectNode, decimals d: Int) {
        let r = node.rect
        let radius = min(max(node.cornerRadius, 0), min(abs(r.width), abs(r.height)) / 2)
        guard radius > 0 else { return rectData(r, decimals: d) }
        let x0 = min(r.minX, r.maxX), y0 = min(r.minY, r.maxY)
        let x1 = max(r.minX, r.maxX), y1 = max(r.minY, r.maxY)
        body.append("M"); pair(x1 - radius, y0, d)
        arc(radius, to: x1, y0 + radius, d)
        body.append("V"); body.number(y1 - radius, decimals: d)
        arc(radius, to: x1 - radius, y1, d)
        body.append("H"); body.number(x0 + radius, decimals: d)
        arc(radius, to: x0, y1 - radius, d)
        body.append("V"); body.number(y0 + radius, decimals: d)
        arc(radius, to: x0 + radius, y0, d)
        body.append("Z")
    }

    /// `cairo_rectangle`: negative sizes trace the other way, zero sizes a degenerate outline.
    func rectData(_ r: Rect, decimals d: Int) {
        body.append("M"); pair(r.x, r.y, d)
        body.append("h"); body.number(r.width, decimals: d)
        body.append("v"); body.number(r.height, decimals: d)
        body.append("h"); body.number(-r.width, decimals: d)
        body.append("Z")
    }

    /// A clockwise quarter circle (positive angles turn clockwise with y down, as in Cairo).
    private func arc(_ r: Double, to x: Double, _ y: Double, _ d: Int) {
        body.append("A"); pair(r, r, d); body.append(" 0 0 1 "); pair(x, y, d)
    }

    /// Cairo's rules without a current point (at the start, or after a new subpath): a line
    /// starts a subpath where it ends, a curve at its first control point, a close does nothing.
    func pathData(_ elements: [PathElement], decimals d: Int) {
        var current = false
        for element in elements {
            switch element {
            case .move(let p):
                body.append("M"); pair(p.x, p.y, d)
                current = true
            case .line(let p):
                body.append(current ? "L" : "M"); pair(p.x, p.y, d)
                current = true
            case .curve(let a, let b, let c):
                if !current { body.append("M"); pair(a.x, a.y, d) }
                body.append("C"); pair(a.x, a.y, d)
                body.append(" "); pair(b.x, b.y, d)
                body.append(" "); pair(c.x, c.y, d)
                current = true
            case .close:
                if current { body.append("Z") }
            }
        }
    }

    private func pair(_ x: Double, _ y: Double, _ d: Int) {
        body.number(x, decimals: d)
        body.append(" ")
        body.number(y, decimals: d)
    }

    /// Fill then stroke, as `CairoSceneRenderer.paint`: no fill is `fill="none"` (SVG's default
    /// is black); a stroke carries Cairo's width, caps, joins and dashes (the miter limit is set
    /// once for the page).
    func paintAttributes(fill: Color?, stroke: Stroke?) {
        if let fill {
            body.append(" fill=\""); body.hex(fill); body.append("\"")
            if fill.alpha < 1 { body.append(" fill-opacity=\""); body.number(max(fill.alpha, 0), decimals: 4); body.append("\"") }
        } else {
            body.append(" fill=\"none\"")
        }
        guard let stroke else { return }
        body.append(" stroke=\""); body.hex(stroke.color); body.append("\"")
        if stroke.color.alpha < 1 {
            body.append(" stroke-opacity=\""); body.number(max(stroke.color.alpha, 0), decimals: 4); body.append("\"")
        }
        body.append(" stroke-width=\""); body.number(stroke.width, decimals: 4); body.append("\"")
        switch stroke.cap {
        case .butt: break
        case .round: body.append(" stroke-linecap=\"round\"")
        case .square: body.append(" stroke-linecap=\"square\"")
        }
        switch stroke.join {
        case .miter: break
        case .round: body.append(" stroke-linejoin=\"round\"")
        case .bevel: body.append(" stroke-linejoin=\"bevel\"")
        }
        if !stroke.dash.isEmpty {
            body.append(" stroke-dasharray=\"")
            for (i, v) in stroke.dash.enumerated() {
                if i > 0 { body.append(" ") }
                body.number(v, decimals: 4)
            }
            body.append("\"")
            if stroke.dashOffset != 0 {
                body.append(" stroke-dashoffset=\""); body.number(stroke.dashOffset, decimals: 4); body.append("\"")
            }
        }
    }
}
