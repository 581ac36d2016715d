/// Font and paragraph settings of a text run.
public struct TextStyle: Sendable, Hashable, Codable {
    /// Font weight; the raw value is the CSS/fontconfig weight.
    public enum Weight: Int, Sendable, Codable { case light = 300, regular = 400, medium = 500, bold = 700 }
    /// Line alignment within the wrap width.
    public enum Alignment: String, Sendable, Codable { case left, center, right, justify }
    public var family: String
    public var size: Double
    public var weight: Weight
    public var color: Color
    /// Line advance as a multiple of the font's natural line height (1 = natural).
    public var lineSpacing: Double
    /// Alignment of lines inside the wrap width (ignored for single, unwrapped lines).
    public var alignment: Alignment
    /// With `.justify`, also stretch the last line (used for lines of a paragraph split across pages).
    public var justifyLastLine: Bool
    public init(family: String = Fonts.sans, size: Double, weight: Weight = .regular, color: Color = .black,
                lineSpacing: Double = 1, alignment: Alignment = .left, justifyLastLine: Bool = false) {
        self.family = family; self.size = size; self.weight = weight; self.color = color
        self.lineSpacing = lineSpacing; self.alignment = alignment; self.justifyLastLine = justifyLastLine
    }
}

/// Default font families; both ship in Debian's fonts-noto-cjk.
public enum Fonts {
    public static let sans = "Noto Sans CJK SC"
    public static let serif = "Noto Serif CJK SC"
}

/// Which point of the text box `TextNode.origin` names.
public struct TextAnchor: Sendable, Hashable, Codable {
    /// The point of the box named horizontally.
    public enum Horizontal: String, Sendable, Codable { case start, middle, end }
    /// The point of the box named vertically (`baseline`: the first line's baseline).
    public enum Vertical: String, Sendable, Codable { case top, middle, baseline, bottom }
    public var horizontal: Horizontal
    public var vertical: Vertical
    public init(_ horizontal: Horizontal = .start, _ vertical: Vertical = .baseline) {
        self.horizontal = horizontal; self.vertical = vertical
    }
    public static let topLeft = TextAnchor(.start, .top)
}

/// A run of text, shaped and drawn by the renderer's text engine (never the toy API).
/// With `wrapWidth` the text is broken into lines of at most that width; `.baseline`
/// then refers to the first line's baseline.
public struct TextNode: Sendable, Hashable, Codable {
    public var text: String
    public var style: TextStyle
    public var origin: Point
    public var anchor: TextAnchor
    public var wrapWidth: Double?
    public init(_ text: String, style: TextStyle, at origin: Point, anchor: TextAnchor = TextAnchor(),
                wrapWidth: Double? = nil) {
        self.text = text; self.style = style; self.origin = origin; self.anchor = anchor; self.wrapWidth = wrapWidth
    }

    /// The top-left corner of the layout box, given the measured metrics.
    /// With a wrap width the box is `wrapWidth` wide, and the horizontal anchor places that box.
    public func boxOrigin(_ m: TextMetrics) -> Point {
        let w = wrapWidth ?? m.width
        let x: Double
        switch anchor.horizontal {
        case .start: x = origin.x
        case .middle: x = origin.x - w / 2
        case .end: x = origin.x - w
        }
        let y: Double
        switch anchor.vertical {
        case .top: y = origin.y
        case .middle: y = origin.y - m.height / 2
        case .baseline: y = origin.y - m.baseline
        case .bottom: y = origin.y - m.height
        }
        return Point(x, y)
    }

    /// The layout box in the enclosing group's coordinates.
    public func bounds(using measurer: any TextMeasurer) throws -> Rect {
        let m = try measurer.measure(text, style: style, wrapWidth: wrapWidth)
        return bounds(metrics: m)
    }

    /// The box actually covered by lines: for wrapped, centred or right-aligned text this is
    /// narrower than the wrap width.
    public func bounds(metrics m: TextMetrics) -> Rect {
        let o = boxOrigin(m)
        guard let w = wrapWidth else { return Rect(x: o.x, y: o.y, width: m.width, height: m.height) }
        let inset: Double
        switch style.alignment {
        case .left, .justify: inset = 0
        case .center: inset = (w - m.width) / 2
        case .right: inset = w - m.width
        }
        return Rect(x: o.x + inset, y: o.y, width: m.width, height: m.height)
    }
}
