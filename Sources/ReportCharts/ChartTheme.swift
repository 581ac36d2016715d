import ReportScene

/// Colours, fonts, type sizes and line weights shared by every chart builder.
public struct ChartTheme: Sendable, Hashable {
    public var name: String
    /// Series colours, in order. The default is Okabe–Ito, safe for common colour-vision deficiencies.
    public var palette: [Color]
    /// Colour for highlighted bars / emphasised marks.
    public var highlight: Color
    /// Colour for de-emphasised marks when some are highlighted.
    public var muted: Color
    public var text: Color
    public var secondaryText: Color
    public var axis: Color
    public var grid: Color
    public var background: Color?
    public var fontFamily: String
    public var titleFamily: String
    public var titleSize: Double
    public var subtitleSize: Double
    public var labelSize: Double
    public var tickSize: Double
    public var noteSize: Double
    public var axisWidth: Double
    public var gridWidth: Double
    /// Outer padding between the frame and any content.
    public var padding: Double

    public init(name: String, palette: [Color], highlight: Color, muted: Color, text: Color, secondaryText: Color,
                axis: Color, grid: Color, background: Color?, fontFamily: String, titleFamily: String,
                titleSize: Double, subtitleSize: Double, labelSize: Double, tickSize: Double, noteSize: Double,
                axisWidth: Double, gridWidth: Double, padding: Double) {
        self.name = name; self.palette = palette; self.highlight = highlight; self.muted = muted
        self.text = text; self.secondaryText = secondaryText; self.axis = axis; self.grid = grid
        self.background = background; self.fontFamily = fontFamily; self.titleFamily = titleFamily
        self.titleSize = titleSize; self.subtitleSize = subtitleSize; self.labelSize = labelSize
        self.tickSize = tickSize; self.noteSize = noteSize; self.axisWidth = axisWidth
        self.gridWidth = gridWidth; self.padding = padding
    }

    /// The default theme, sized for the A4 text column.
    public static let standard = ChartTheme(
        name: "standard",
        palette: ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
            .map { Color(hex: $0)! },
        highlight: Color(hex: "#D55E00")!, muted: Color(hex: "#A9B8C6")!,
        text: Color(hex: "#1A1A1A")!, secondaryText: Color(hex: "#5F6368")!,
        axis: Color(hex: "#4D4D4D")!, grid: Color(hex: "#DADDE1")!, background: .white,
        fontFamily: Fonts.sans, titleFamily: Fonts.sans,
        titleSize: 13, subtitleSize: 10, labelSize: 9, tickSize: 8.5, noteSize: 7.5,
        axisWidth: 0.8, gridWidth: 0.5, padding: 10)

    /// Every size multiplied by `factor` (line weights and padding too).
    public func scaled(by factor: Double) -> ChartTheme {
        var t = self
        t.titleSize *= factor; t.subtitleSize *= factor; t.labelSize *= factor; t.tickSize *= factor
        t.noteSize *= factor; t.axisWidth *= factor; t.gridWidth *= factor; t.padding *= factor
        return t
    }

    /// The fonts a chart's first layout asks for, in order: the title, then the tick and label
    /// sizes (`PangoTextMeasurer.prefetchFonts`).
    public var firstLayoutStyles: [TextStyle] {
        [style(size: titleSize, weight: .bold, family: titleFamily), style(size: tickSize), style(size: labelSize)]
    }

    /// Colour of series `index`; the palette repeats past its end.
    public func seriesColor(_ index: Int) -> Color { palette[index % palette.count] }

    /// A text style in the theme's font family and text colour unless given.
    public func style(size: Double, weight: TextStyle.Weight = .regular, color: Color? = nil,
                      family: String? = nil) -> TextStyle {
        TextStyle(family: family ?? fontFamily, size: size, weight: weight, color: color ?? text)
    }
}

/// Where a chart goes: a frame size plus a theme scaled for that medium.
public struct ChartPreset: Sendable, Hashable {
    public var name: String
    public var size: Size
    public var theme: ChartTheme
    public init(name: String, size: Size, theme: ChartTheme) { self.name = name; self.size = size; self.theme = theme }

    /// 16:9 slide, 960×540 pt, type large enough to read from the back of a room.
    public static let slide = ChartPreset(name: "slide", size: Size(960, 540), theme: .standard.scaled(by: 1.9))
    /// The A4 text column (A4 minus 2×57 pt margins), 3:2-ish.
    public static let report = ChartPreset(name: "report", size: Size(481, 300), theme: .standard)

    /// The preset called `slide` or `report`, or nil for any other name.
    public static func named(_ name: String) -> ChartPreset? {
        switch name { case "slide": .slide; case "report": .report; default: nil }
    }
}
