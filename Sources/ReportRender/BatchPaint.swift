import ReportScene

/// The paint shared by a run of sibling shapes that may be drawn as one path, by the Cairo
/// renderer and the SVG writer alike: fill only or stroke only (fill-then-stroke per shape would
/// change which shape covers which), fully opaque (overlaps would otherwise darken differently),
/// no dash (the pattern would run on).
struct BatchPaint: Equatable {
    var fill: Color?
    var stroke: Stroke?

    init?(_ node: Node) {
        let fill: Color?, stroke: Stroke?
        switch node {
        case .rect(let r): fill = r.fill; stroke = r.stroke
        case .path(let p): fill = p.fill; stroke = p.stroke
        default: return nil
        }
        switch (fill, stroke) {
        case (let f?, nil) where f.alpha >= 1: self.fill = f; self.stroke = nil
        case (nil, let s?) where s.color.alpha >= 1 && s.dash.isEmpty && s.width > 0: self.fill = nil; self.stroke = s
        default: return nil
        }
    }
}
