import ReportScene

// Tolerant decoding so a template's report.yaml can set only what it changes:
// every missing key keeps the default of the memberwise initialiser.

extension Margins: Codable {
    private enum Keys: String, CodingKey { case top, bottom, left, right }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let d = Margins.standard
        self.init(top: try c.decodeIfPresent(Double.self, forKey: .top) ?? d.top,
                  bottom: try c.decodeIfPresent(Double.self, forKey: .bottom) ?? d.bottom,
                  left: try c.decodeIfPresent(Double.self, forKey: .left) ?? d.left,
                  right: try c.decodeIfPresent(Double.self, forKey: .right) ?? d.right)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(top, forKey: .top); try c.encode(bottom, forKey: .bottom)
        try c.encode(left, forKey: .left); try c.encode(right, forKey: .right)
    }
}

extension LayoutSettings: Codable {
    private enum Keys: String, CodingKey {
        case pageSize, margins, bodyFamily, bodySize, lineSpacing, paragraphSpacing, firstLineIndent, headingFamily,
             headingSizes, numbering, runningHeader, pageNumbers, level1StartsNewPage, contentsTitle, appendixTitle
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let d = LayoutSettings()
        func get<T: Decodable>(_ key: Keys, _ fallback: T) throws -> T { try c.decodeIfPresent(T.self, forKey: key) ?? fallback }
        self.init(pageSize: try get(.pageSize, d.pageSize), margins: try get(.margins, d.margins),
                  bodyFamily: try get(.bodyFamily, d.bodyFamily), bodySize: try get(.bodySize, d.bodySize),
                  lineSpacing: try get(.lineSpacing, d.lineSpacing), paragraphSpacing: try get(.paragraphSpacing, d.paragraphSpacing),
                  firstLineIndent: try get(.firstLineIndent, d.firstLineIndent), headingFamily: try get(.headingFamily, d.headingFamily),
                  headingSizes: try get(.headingSizes, d.headingSizes), numbering: try get(.numbering, d.numbering),
                  runningHeader: try get(.runningHeader, d.runningHeader), pageNumbers: try get(.pageNumbers, d.pageNumbers),
                  level1StartsNewPage: try get(.level1StartsNewPage, d.level1StartsNewPage),
                  contentsTitle: try get(.contentsTitle, d.contentsTitle), appendixTitle: try get(.appendixTitle, d.appendixTitle))
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
