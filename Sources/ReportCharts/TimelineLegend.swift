import ReportScene

/// The key to the marks actually used, flowed in rows across the plot width.
struct TimelineLegend {
    var nodes: [Node] = []
    var height: Double = 0

    init(items: [TimelineLegendItem], x: Double, y: Double, width: Double, style: TextStyle,
         swatchColor: Color, background: Color, cache: TimelineMeasureCache) throws {
        guard !items.isEmpty else { return }
        let lineHeight = try cache.measure("已", style).height
        let swatchWidth = style.size * 2
        let innerGap = style.size * 0.35
        let itemGap = style.size * 1.1
        var cx = x, cy = y, rowHeight = 0.0
        for item in items {
            // A lone item wider than the frame wraps its text rather than running off the edge.
            let textWidth = width - swatchWidth - innerGap
            var m = try cache.measure(item.text, style)
            var wrap: Double? = nil
            if m.width > textWidth { wrap = textWidth; m = try cache.measure(item.text, style, wrap: textWidth) }
            let itemWidth = swatchWidth + innerGap + m.width
            if cx > x && cx + itemWidth > x + width {
                cx = x; cy += rowHeight + style.size * 0.3; rowHeight = 0
            }
            let swatch = Rect(x: cx, y: cy, width: swatchWidth, height: lineHeight)
            nodes.append(.group(Group(TimelineMarkPaint.swatch(item, in: swatch, color: swatchColor,
                                                               background: background),
                                      name: item.sceneName)))
            nodes.append(.text(TextNode(item.text, style: style, at: Point(cx + swatchWidth + innerGap, cy),
                                        anchor: .topLeft, wrapWidth: wrap)))
            rowHeight = max(rowHeight, m.height)
            cx += itemWidth + itemGap
        }
        height = cy + rowHeight - y
    }
}
