import CCairo
import ReportScene

/// Link and destination tags for Cairo's PDF backend. Cairo takes their rectangles and points
/// in page coordinates regardless of the CTM, so they are computed from the accumulated
/// transforms of the scene, not drawn inside it.
enum PDFTags {
    /// Emits a link annotation for every `LinkNode` and a named destination for every `AnchorNode`.
    /// Links inside a group tagged `.link` are left out: the renderer writes them as that group's
    /// Link element, around the text that is clicked.
    static func emit(_ root: Group, on cr: OpaquePointer, pageTransform: Transform = .identity,
                     structure: PDFStructure? = nil) {
        // Walked in place: collecting the leaves first copied every node of the page.
        visitUntagged(root, pageTransform) { node, transform in
            switch node {
            case .link(let link):
                guard let attributes = attributes(link, transform.apply(link.rect)) else { return }
                if case .url(let u) = link.target { structure?.linkTexts.append(u) } else { structure?.linkTexts.append("") }
                cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
                cairo_tag_end(cr, CAIRO_TAG_LINK)
            case .anchor(let anchor):
                let p = transform.apply(anchor.point)
                cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(escape(anchor.name))' x=\(number(p.x)) y=\(number(p.y))")
                cairo_tag_end(cr, CAIRO_TAG_DEST)
            default: break
            }
        }
    }

    /// The Link attributes of a `.link` group drawn in the current user space of `cr`: the first
    /// link's target, its rectangle converted to page (device) coordinates.
    static func linkAttributes(_ group: Group, _ cr: OpaquePointer) -> String {
        for placed in Group(group.children).leaves() {
            guard case .link(let link) = placed.node else { continue }
            let r = placed.transform.apply(link.rect)
            var xs: [Double] = [], ys: [Double] = []
            for (cx, cy) in [(r.minX, r.minY), (r.maxX, r.minY), (r.minX, r.maxY), (r.maxX, r.maxY)] {
                var x = cx, y = cy
                cairo_user_to_device(cr, &x, &y)
                xs.append(x); ys.append(y)
            }
            let page = Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
            if let a = attributes(link, page) { return a }
        }
        return ""
    }

    private static func attributes(_ link: LinkNode, _ r: Rect) -> String? {
        guard r.width > 0, r.height > 0, r.x.isFinite, r.y.isFinite else { return nil }
        let rect = "rect=[\(number(r.x)) \(number(r.y)) \(number(r.width)) \(number(r.height))]"
        switch link.target {
        case .url(let u): return "uri='\(escape(u))' \(rect)"
        case .destination(let d): return "dest='\(escape(d))' \(rect)"
        }
    }

    /// Every link and anchor outside `.link` groups, depth first, with its page transform.
    private static func visitUntagged(_ group: Group, _ base: Transform, _ body: (Node, Transform) -> Void) {
        let t = group.transform.then(base)
        for child in group.children {
            switch child {
            case .group(let g): if g.structure?.role != .link { visitUntagged(g, t, body) }
            case .link, .anchor: body(child, t)
            default: break
            }
        }
    }

    /// Cairo's attribute strings are single-quoted with backslash escapes.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if c == "\\" || c == "'" { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// Plain decimal (no exponent, no locale), 4 decimals: Cairo's attribute parser reads this.
    static func number(_ v: Double) -> String {
        let scaled = (v * 10_000).rounded()
        guard scaled.isFinite, abs(scaled) < 9e15 else { return "0" }
        let n = Int64(scaled)
        let sign = n < 0 ? "-" : ""
        let a = n.magnitude
        let frac = a % 10_000
        var s = sign + String(a / 10_000)
        if frac != 0 {
            var f = String(frac).leftPadded(to: 4)
            while f.hasSuffix("0") { f.removeLast() }
            s += "." + f
        }
        return s
    }
}
