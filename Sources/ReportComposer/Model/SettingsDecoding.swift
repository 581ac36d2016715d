import ReportData
import ReportScene

// Tolerant decoding so a template's report.yaml can set only what it changes:
// every missing key keeps the default of the memberwise initialiser.

extension Margins: Codable {
    enum Keys: String, CodingKey, CaseIterable { case top, bottom, left, right }
    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: Keys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: Keys.self)
        let d = Margins.standard, r = TemplateLimits.margin
        self.init(top: try c.number(.top, decoder, in: r) ?? d.top, bottom: try c.number(.bottom, decoder, in: r) ?? d.bottom,
                  left: try c.number(.left, decoder, in: r) ?? d.left, right: try c.number(.right, decoder, in: r) ?? d.right)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(top, forKey: .top); try c.encode(bottom, forKey: .bottom)
        try c.encode(left, forKey: .left); try c.encode(right, forKey: .right)
    }
}

/// `pageSize: {width: 595.28, height: 841.89}` in points.
struct PageSizeTemplate: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case width, height }
    var size: Size
    init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = LayoutSettings().pageSize
        size = Size(try c.number(.width, decoder, in: TemplateLimits.pageSide) ?? d.width,
                    try c.number(.height, decoder, in: TemplateLimits.pageSide) ?? d.height)
    }
}

extension HeadingNumbering: TemplateChoice, CaseIterable {
    static var what: String { "a heading numbering" }
    public static var allCases: [HeadingNumbering] { [.chinese, .decimal, .none] }
}
extension PageNumberFormat: TemplateChoice, CaseIterable {
    static var what: String { "a page number format" }
    public static var allCases: [PageNumberFormat] { [.dashed, .chinese] }
}

extension LayoutSettings: Codable {
    enum Keys: String, CodingKey, CaseIterable {
        case pageSize, margins, bodyFamily, bodySize, lineSpacing, paragraphSpacing, firstLineIndent, headingFamily,
             headingSizes, numbering, runningHeader, pageNumbers, level1StartsNewPage, contentsTitle, appendixTitle
    }
    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: Keys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: Keys.self)
        let d = LayoutSettings()
        func get<T: Decodable>(_ key: Keys, _ fallback: T) throws -> T { try c.decodeIfPresent(T.self, forKey: key) ?? fallback }
        let fonts = TemplateLimits.fontSize
        var headings = try get(.headingSizes, d.headingSizes)
        if let bad = headings.first(where: { !$0.isFinite || !fonts.contains($0) }) {
            try decoder.problem("headingSizes entry \(KeyedDecodingContainer<Keys>.shown(bad)) pt is out of range: sizes must be between \(Int(fonts.lowerBound)) and \(Int(fonts.upperBound)) pt", key: Keys.headingSizes)
            headings = d.headingSizes
        }
        self.init(pageSize: try c.decodeIfPresent(PageSizeTemplate.self, forKey: .pageSize)?.size ?? d.pageSize,
                  margins: try get(.margins, d.margins),
                  bodyFamily: try c.text(.bodyFamily, decoder) ?? d.bodyFamily,
                  bodySize: try c.number(.bodySize, decoder, in: fonts) ?? d.bodySize,
                  lineSpacing: try c.number(.lineSpacing, decoder, in: TemplateLimits.lineSpacing, unit: "") ?? d.lineSpacing,
                  paragraphSpacing: try c.number(.paragraphSpacing, decoder, in: TemplateLimits.paragraphSpacing) ?? d.paragraphSpacing,
                  firstLineIndent: try c.integer(.firstLineIndent, decoder, in: TemplateLimits.firstLineIndent) ?? d.firstLineIndent,
                  headingFamily: try c.text(.headingFamily, decoder) ?? d.headingFamily,
                  headingSizes: headings,
                  numbering: try c.choice(HeadingNumbering.self, .numbering, decoder) ?? d.numbering,
                  runningHeader: try get(.runningHeader, d.runningHeader),
                  pageNumbers: try c.choice(PageNumberFormat.self, .pageNumbers, decoder) ?? d.pageNumbers,
                  level1StartsNewPage: try get(.level1StartsNewPage, d.level1StartsNewPage),
                  contentsTitle: try c.text(.contentsTitle, decoder) ?? d.contentsTitle,
                  appendixTitle: try c.text(.appendixTitle, decoder) ?? d.appendixTitle)
        // The margins must leave a usable text column.
        let frame = textFrame
        if frame.width < 144 || frame.height < 144 {
            try decoder.problem("the margins leave a text column of \(Int(frame.width))×\(Int(frame.height)) pt on a \(Int(pageSize.width))×\(Int(pageSize.height)) pt page; it must be at least 144×144 pt", key: Keys.margins)
            margins = d.margins
        }
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(pageSize, forKey: .pageSize); try c.encode(margins, forKey: .margins)
        try c.encode(bodyFamily, forKey: .bodyFamily); try c.encode(bodySize, forKey: .bodySize)
        try c.encode(lineSpacing, forKey: .lineSpacing); try c.encode(paragraphSpacing, forKey: .paragraphSpacing)
        try c.encode(firstLineIndent, forKey: .firstLineIndent); try c.encode(headingFamily, forKey: .headingFamily)
        try c.encode(headingSizes, forKey: .headingSizes); try c.encode(numbering, forKey: .numbering)
        try c.encode(runningHeader, forKey: .runningHeader); try c.encode(pageNumbers, forKey: .pageNumbers)
        try c.encode(level1StartsNewPage, forKey: .level1StartsNewPage)
        try c.encode(contentsTitle, forKey: .contentsTitle); try c.encode(appendixTitle, forKey: .appendixTitle)
    }
}

extension ReportInfo: Codable {
    private enum Keys: String, CodingKey {
        case title, subtitle, author, organisation, dateText, keywords, language, creationDate
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        func get<T: Decodable>(_ key: Keys, _ fallback: T) throws -> T { try c.decodeIfPresent(T.self, forKey: key) ?? fallback }
        self.init(title: try c.decode(String.self, forKey: .title), subtitle: try get(.subtitle, ""),
                  author: try get(.author, ""), organisation: try get(.organisation, ""), dateText: try get(.dateText, ""),
                  keywords: try get(.keywords, []), language: try get(.language, "zh-CN"),
                  creationDate: try get(.creationDate, 0))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(title, forKey: .title); try c.encode(subtitle, forKey: .subtitle); try c.encode(author, forKey: .author)
        try c.encode(organisation, forKey: .organisation); try c.encode(dateText, forKey: .dateText)
        try c.encode(keywords, forKey: .keywords); try c.encode(language, forKey: .language)
        try c.encode(creationDate, forKey: .creationDate)
    }
}
