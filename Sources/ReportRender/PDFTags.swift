import CCairo
import ReportScene

/// Link and destination tags for Cairo's PDF backend. Cairo takes their rectangles and points
/// in page coordinates regardless of the CTM, so they are computed from the accumulated
/// transforms of the scene, not drawn inside it.
enum PDFTags {
    /// Emits a link annotation for every `LinkNode` and a named destination for every `AnchorNode`.
    static func emit(_ root: Group, on cr: OpaquePointer, pageTransform: Transform = .identity) {
        for placed in root.leaves(pageTransform) {
            switch placed.node {
            case .link(let link):
                let r = placed.transform.apply(link.rect)
                guard r.width > 0, r.height > 0, r.x.isFinite, r.y.isFinite else { continue }
                let rect = "rect=[\(number(r.x)) \(number(r.y)) \(number(r.width)) \(number(r.height))]"
                let target: String
                switch link.target {
                case .url(let u): target = "uri='\(escape(u))'"
                case .destination(let d): target = "dest='\(escape(d))'"
                }
                cairo_tag_begin(cr, CAIRO_TAG_LINK, "\(target) \(rect)")
                cairo_tag_end(cr, CAIRO_TAG_LINK)
            case .anchor(let anchor):
                let p = placed.transform.apply(anchor.point)
                cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(escape(anchor.name))' x=\(number(p.x)) y=\(number(p.y))")
                cairo_tag_end(cr, CAIRO_TAG_DEST)
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
