import ReportScene

/// Colours, secondary type sizes and rule weights shared by every part of the page flow.
/// Body and heading fonts/sizes live in `LayoutSettings`; this is the visual identity.
public struct ReportStyle: Sendable, Hashable {
    /// Headings, rules, the cover band.
    public var accent: Color
    public var body: Color
    /// Captions' sources, running header, footer, leader dots.
    public var secondary: Color
    public var rule: Color
    public var coverBand: Color
    public var coverText: Color
    public var captionSize: Double
    public var sourceSize: Double
    public var tableSize: Double
    public var headerSize: Double
    public var footerSize: Double
    public var contentsSize: Double
    public var coverTitleSize: Double
    public var coverSubtitleSize: Double
    /// Top and bottom rules of three-line tables.
    public var thickRule: Double
    /// Header rule of tables and the running-header rule.
    public var thinRule: Double

    public init(accent: Color, body: Color, secondary: Color, rule: Color, coverBand: Color, coverText: Color,
                captionSize: Double, sourceSize: Double, tableSize: Double, headerSize: Double, footerSize: Double,
                contentsSize: Double, coverTitleSize: Double, coverSubtitleSize: Double,
                thickRule: Double, thinRule: Double) {
        self.accent = accent; self.body = body; self.secondary = secondary; self.rule = rule
        self.coverBand = coverBand; self.coverText = coverText; self.captionSize = captionSize
        self.sourceSize = sourceSize; self.tableSize = tableSize; self.headerSize = headerSize
        self.footerSize = footerSize; self.contentsSize = contentsSize; self.coverTitleSize = coverTitleSize
        self.coverSubtitleSize = coverSubtitleSize; self.thickRule = thickRule; self.thinRule = thinRule
    }

    /// Deep blue accent on near-black body text, matching `ChartTheme.standard`.
    public static let standard = ReportStyle(
        accent: Color(hex: "#0B4F8A")!, body: Color(hex: "#1A1A1A")!, secondary: Color(hex: "#5F6368")!,
        rule: Color(hex: "#333333")!, coverBand: Color(hex: "#0B4F8A")!, coverText: Color(hex: "#1A1A1A")!,
        captionSize: 9.5, sourceSize: 8, tableSize: 9, headerSize: 8.5, footerSize: 9,
        contentsSize: 11, coverTitleSize: 28, coverSubtitleSize: 16, thickRule: 1.2, thinRule: 0.5)
}
