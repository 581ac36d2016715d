import ReportScene

/// One legend item: a colour swatch and a series name.
public struct LegendEntry: Sendable, Hashable {
    public var name: String
    public var color: Color
    public var swatch: LegendSwatch
    public init(name: String, color: Color, swatch: LegendSwatch = .solid) {
        self.name = name; self.color = color; self.swatch = swatch
    }
}

/// How a legend swatch is drawn, matching the marks it stands for.
public enum LegendSwatch: String, Sendable, Hashable {
    case solid
    /// Light fill with a solid outline: planned (预计) values.
    case outlined
    /// Diagonal hatching: derived (推算) values.
    case hatched
}

/// Fills shared by bars and legend swatches so the legend stays true to the marks.
enum BarPaint {
    static func nodes(_ rect: Rect, color: Color, swatch: LegendSwatch, lineWidth: Double, cornerRadius: Double = 0)
        -> [Node] {
        switch swatch {
        case .solid:
            return [.rect(RectNode(rect, cornerRadius: cornerRadius, fill: color))]
        case .outlined:
            let inset = rect.insetBy(dx: lineWidth / 2, dy: lineWidth / 2)
            let r = inset.width > 0 && inset.height > 0 ? inset : rect
            return [.rect(RectNode(r, cornerRadius: cornerRadius, fill: color.withAlpha(0.12),
                                   stroke: Stroke(color: color, width: lineWidth)))]
        case .hatched:
            // 45° lines cut to the bar, over a light fill of the same colour.
            let spacing = Swift.max(3, lineWidth * 4)
            var elements: [PathElement] = []
            let w = rect.width, h = rect.height
            var t = -h + spacing / 2
            while t < w {
                // Points (minX + t + s, maxY − s) for s in [0, h], kept where x lies on the bar.
                let lo = Swift.max(0, -t), hi = Swift.min(h, w - t)
                if hi > lo {
                    elements.append(.move(Point(rect.minX + t + lo, rect.maxY - lo)))
                    elements.append(.line(Point(rect.minX + t + hi, rect.maxY - hi)))
                }
                t += spacing
            }
            let hatch = PathNode(elements, stroke: Stroke(color: color, width: lineWidth * 0.8))
            return [
                .rect(RectNode(rect, cornerRadius: cornerRadius, fill: color.withAlpha(0.25))),
                .group(Group([.path(hatch)], clip: rect, name: "hatch")),
            ]
        }
    }
}

/// A laid-out legend: its nodes (group "legend"), its extent and each item's boxes, page coordinates.
public struct LegendLayout: Sendable {
    public var group: Group
    public var bounds: Rect
    public var swatches: [Rect]
    public var labelBoxes: [Rect]
}

/// Swatches plus names in reading order, wrapping to new rows when the width runs out.
public enum Legend {
    /// Lays out `entries` from `origin`, wrapping rows at `maxWidth`.
    public static func layout(_ entries: [LegendEntry], at origin: Point, maxWidth: Double, theme: ChartTheme,
                              measurer: any TextMeasurer) throws -> LegendLayout {
        try layout(entries, at: origin, maxWidth: maxWidth, theme: theme, fit: ChartLabelFit(measurer))
    }

    static func layout(_ entries: [LegendEntry], at origin: Point, maxWidth: Double, theme: ChartTheme,
                       fit: ChartLabelFit) throws -> LegendLayout {
        let style = theme.style(size: theme.labelSize, color: theme.text)
        let swatch = theme.labelSize * 0.8
        let swatchGap = theme.labelSize * 0.4
        let itemGap = theme.labelSize * 1.2
        let rowGap = theme.labelSize * 0.3
        var x = origin.x, y = origin.y, rowHeight = 0.0, right = origin.x
        var nodes: [Node] = [], swatches: [Rect] = [], labels: [Rect] = []
        for entry in entries {
            // A name too long for one row wraps inside the row width rather than overflowing.
            let textRoom = Swift.max(theme.labelSize, maxWidth - swatch - swatchGap)
            let unwrapped = try fit.measure(entry.name, style)
            let wrap: Double? = unwrapped.width > textRoom ? textRoom : nil
            let m = wrap == nil ? unwrapped : try fit.measure(entry.name, style, wrap: wrap)
            let itemWidth = swatch + swatchGap + m.width
            if x > origin.x, x + itemWidth > origin.x + maxWidth + 0.01 {
                x = origin.x; y += rowHeight + rowGap; rowHeight = 0
            }
            let lineHeight = m.lines.first?.height ?? m.height
            let swatchRect = Rect(x: x, y: y + (lineHeight - swatch) / 2, width: swatch, height: swatch)
            nodes += BarPaint.nodes(swatchRect, color: entry.color, swatch: entry.swatch, lineWidth: theme.axisWidth,
                                    cornerRadius: swatch * 0.15)
            var text = TextNode(entry.name, style: style, at: Point(x + swatch + swatchGap, y), anchor: .topLeft,
                                wrapWidth: wrap)
            text.style.alignment = .left
            nodes.append(.text(text))
            swatches.append(swatchRect)
            labels.append(text.bounds(metrics: m))
            rowHeight = Swift.max(rowHeight, m.height)
            x += itemWidth
            right = Swift.max(right, x)
            x += itemGap
        }
        let bounds = Rect(x: origin.x, y: origin.y, width: right - origin.x, height: y + rowHeight - origin.y)
        return LegendLayout(group: Group(nodes, name: "legend"), bounds: bounds, swatches: swatches, labelBoxes: labels)
    }
}
