/// Slide geometry in EMU (English Metric Units: 914400 per inch, 12700 per point).
enum EMU {
    static let perPoint = 12_700
    /// 16:9, 13.333 × 7.5 in: PowerPoint's default widescreen slide, and exactly the 960 × 540 pt
    /// of the charts' slide preset.
    static let slideWidth = 12_192_000
    static let slideHeight = 6_858_000
    static let notesWidth = 6_858_000
    static let notesHeight = 9_144_000

    struct Box: Equatable { var x, y, cx, cy: Int }

    /// The largest box of the chart's aspect ratio that fits the slide, centred: a slide-preset
    /// chart fills the slide exactly.
    static func picture(width: Double, height: Double) -> Box {
        guard width > 0, height > 0, width.isFinite, height.isFinite else {
            return Box(x: 0, y: 0, cx: slideWidth, cy: slideHeight)
        }
        let scale = min(Double(slideWidth) / width, Double(slideHeight) / height)
        let cx = min(slideWidth, Int((width * scale).rounded())), cy = min(slideHeight, Int((height * scale).rounded()))
        return Box(x: (slideWidth - cx) / 2, y: (slideHeight - cy) / 2, cx: cx, cy: cy)
    }

    /// The title placeholder sits just above the slide: PowerPoint's way to give a slide a title
    /// for the outline, navigation and screen readers without drawing it, since the chart draws
    /// its own title.
    static let title = Box(x: 0, y: -1_005_840, cx: slideWidth, cy: 914_400)
}

extension EMU.Box {
    var xfrm: String { "<a:xfrm><a:off x=\"\(x)\" y=\"\(y)\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm>" }
}
