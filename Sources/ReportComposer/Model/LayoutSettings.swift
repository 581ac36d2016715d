import ReportScene

/// Page margins in points. The running header lives inside the top margin, the footer inside the bottom one.
public struct Margins: Sendable, Hashable {
    public var top, bottom, left, right: Double
    public init(top: Double, bottom: Double, left: Double, right: Double) {
        self.top = top; self.bottom = bottom; self.left = left; self.right = right
    }
    /// Leaves a 481 pt text column on A4, the width `ChartPreset.report` is drawn for.
    public static let standard = Margins(top: 72, bottom: 68, left: 57, right: 57)
}

/// How headings are numbered.
public enum HeadingNumbering: String, Sendable, Hashable, Codable {
    /// 一、 for level 1, （一） for level 2, 1. for level 3 (Chinese official-document convention).
    case chinese
    /// 1. / 1.1 / 1.1.1
    case decimal
    /// Headings carry only their titles.
    case none
}

/// How the footer prints the page number.
public enum PageNumberFormat: String, Sendable, Hashable, Codable {
    /// "- 3 -"
    case dashed
    /// "第 3 页"
    case chinese
}

/// Page geometry and typographic settings of the body.
public struct LayoutSettings: Sendable, Hashable {
    public var pageSize: Size
    public var margins: Margins
    public var bodyFamily: String
    public var bodySize: Double
    /// Line advance as a multiple of the font's natural line height.
    public var lineSpacing: Double
    /// Extra space between paragraphs, in points.
    public var paragraphSpacing: Double
    /// First-line indent in em (2 by Chinese convention). Written as ideographic spaces, so the
    /// indent scales with the font and survives justification.
    public var firstLineIndent: Int
    public var headingFamily: String
    /// Sizes of heading levels 1, 2, 3 (deeper levels use the last).
    public var headingSizes: [Double]
    public var numbering: HeadingNumbering
    public var runningHeader: Bool
    public var pageNumbers: PageNumberFormat
    /// Start every level-1 section on a fresh page.
    public var level1StartsNewPage: Bool
    public var contentsTitle: String
    public var appendixTitle: String

    public init(pageSize: Size = Size(595.28, 841.89), margins: Margins = .standard,
                bodyFamily: String = Fonts.serif, bodySize: Double = 10.5, lineSpacing: Double = 1.6,
                paragraphSpacing: Double = 2, firstLineIndent: Int = 2, headingFamily: String = Fonts.sans,
                headingSizes: [Double] = [15, 12.5, 11], numbering: HeadingNumbering = .chinese,
                runningHeader: Bool = true, pageNumbers: PageNumberFormat = .dashed,
                level1StartsNewPage: Bool = false, contentsTitle: String = "目　录",
                appendixTitle: String = "附录：数据来源") {
        self.pageSize = pageSize; self.margins = margins; self.bodyFamily = bodyFamily; self.bodySize = bodySize
        self.lineSpacing = lineSpacing; self.paragraphSpacing = paragraphSpacing; self.firstLineIndent = firstLineIndent
        self.headingFamily = headingFamily; self.headingSizes = headingSizes; self.numbering = numbering
        self.runningHeader = runningHeader; self.pageNumbers = pageNumbers
        self.level1StartsNewPage = level1StartsNewPage; self.contentsTitle = contentsTitle
        self.appendixTitle = appendixTitle
    }

    /// The body text column of every page.
    public var textFrame: Rect {
        Rect(x: margins.left, y: margins.top, width: pageSize.width - margins.left - margins.right,
             height: pageSize.height - margins.top - margins.bottom)
    }

    /// Font size of a heading of `level` (1 = top); levels past the list take its last size.
    public func headingSize(level: Int) -> Double {
        headingSizes.isEmpty ? bodySize : headingSizes[min(max(level, 1), headingSizes.count) - 1]
    }
}
