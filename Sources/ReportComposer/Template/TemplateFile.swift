import ReportData

/// `report.yaml`: the whole template. Every struct here rejects unknown keys, so a typo is an
/// error with its line and column rather than a silently ignored setting.
public struct TemplateFile: Sendable, Decodable {
    public var report: TemplateInfo
    public var layout: LayoutSettings?
    /// Chart theme.
    public var theme: ThemeName?
    /// Digits that may stand in prose without a placeholder (names like 9号线, slogans like 十大行动 in digits).
    public var allowNumbers: [String]
    /// Every chart, referenced from sections by id and also exported on its own.
    public var charts: [ChartDefinition]
    public var sections: [SectionTemplate]
    /// List every dataset and the records it supports in an appendix (default true).
    public var appendix: Bool
    /// One report per row of a dataset (see `BatchSpec`); nil for a single report.
    public var batch: BatchSpec?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case report, layout, theme, allowNumbers = "allow_numbers", charts, sections, appendix, batch
    }
    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        report = try c.decode(TemplateInfo.self, forKey: .report)
        layout = try c.decodeIfPresent(LayoutSettings.self, forKey: .layout)
        theme = try c.choice(ThemeName.self, .theme, decoder)
        allowNumbers = try c.texts(.allowNumbers, decoder) ?? []
        charts = try c.decodeIfPresent([ChartDefinition].self, forKey: .charts) ?? []
        sections = try c.decodeIfPresent([SectionTemplate].self, forKey: .sections) ?? []
        appendix = try c.decodeIfPresent(Bool.self, forKey: .appendix) ?? true
        batch = try c.decodeIfPresent(BatchSpec.self, forKey: .batch)
    }
}

/// The `report:` block: cover and PDF metadata. Texts may hold placeholders.
public struct TemplateInfo: Sendable, Decodable {
    public var title: String
    public var subtitle: String
    public var author: String
    public var organisation: String
    /// The report date (`2022-06`, `2022年6月`); shown on the cover and used as the PDF creation date
    /// unless SOURCE_DATE_EPOCH is set. Defaults to the data catalog's report date.
    public var date: String?
    public var keywords: [String]
    public var language: String

    enum CodingKeys: String, CodingKey, CaseIterable { case title, subtitle, author, organisation, date, keywords, language }
    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.requiredText(.title, decoder)
        subtitle = try c.text(.subtitle, decoder) ?? ""
        author = try c.text(.author, decoder) ?? ""
        organisation = try c.text(.organisation, decoder) ?? ""
        // `date: 2022` reads as a number; the date itself is checked against the data's report
        // date when the template is bound (relative dates need it).
        if let i = try? c.decodeIfPresent(Int.self, forKey: .date) { date = String(i) } else {
            date = try c.text(.date, decoder)
        }
        keywords = try c.texts(.keywords, decoder) ?? []
        language = try c.text(.language, decoder) ?? "zh-CN"
        if !Self.isLanguageTag(language) {
            try decoder.problem("language \(QuotedValue.quote(language)) is not a language tag such as zh-CN or en", key: CodingKeys.language)
            language = "zh-CN"
        }
    }
}

/// A section: a heading, its blocks, and sub-sections.
public struct SectionTemplate: Sendable, Decodable {
    public var id: String?
    public var title: String
    public var blocks: [BlockTemplate]
    public var sections: [SectionTemplate]
    public var numbered: Bool

    enum CodingKeys: String, CodingKey, CaseIterable { case id, title, blocks, sections, numbered }
    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.id(.id, decoder, what: "section")
        title = try c.requiredText(.title, decoder)
        blocks = try c.decodeIfPresent([BlockTemplate].self, forKey: .blocks) ?? []
        sections = try c.decodeIfPresent([SectionTemplate].self, forKey: .sections) ?? []
        numbered = try c.decodeIfPresent(Bool.self, forKey: .numbered) ?? true
    }
}

/// One block of a section, written as a one-key mapping: `- text: ...`, `- figure: chart-id`,
/// `- table: {...}` or `- page_break: true`.
public enum BlockTemplate: Sendable, Decodable {
    case text(String)
    case figure(String)
    case table(TableTemplate)
    case pageBreak

    enum CodingKeys: String, CodingKey, CaseIterable { case text, figure, table, pageBreak = "page_break" }
    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // The written keys (all known, after the check), read without `allKeys`' conformance look-up.
        let written = StrictKeys.writtenKeys(decoder) ?? c.allKeys.map { $0.stringValue }
        guard written.count == 1, let key = CodingKeys(rawValue: written[0]) else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath,
                debugDescription: "a block has exactly one of: text, figure, table, page_break"))
        }
        switch key {
        case .text: self = .text(try c.requiredText(.text, decoder, multiline: true))
        case .figure: self = .figure(try c.requiredText(.figure, decoder))
        case .table: self = .table(try c.decode(TableTemplate.self, forKey: .table))
        case .pageBreak:
            if try c.decode(Bool.self, forKey: .pageBreak) == false {
                try decoder.problem("page_break: false does nothing; write page_break: true or remove the block", key: CodingKeys.pageBreak)
            }
            self = .pageBreak
        }
    }
}

/// A table over a dataset: chosen columns of every record (optionally filtered).
public struct TableTemplate: Sendable, Decodable {
    /// One table column: the dataset column, its heading and its alignment.
    public struct Column: Sendable, Decodable {
        public var column: String
        public var title: String?
        public var align: Table.Alignment?
        enum CodingKeys: String, CodingKey, CaseIterable { case column, title, align }
        public init(from decoder: Decoder) throws {
            try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            column = try c.requiredText(.column, decoder)
            title = try c.text(.title, decoder)
            align = try c.choice(Table.Alignment.self, .align, decoder)
        }
    }
    public var id: String
    public var dataset: String
    public var columns: [Column]
    public var records: RecordFilter
    public var caption: String
    public var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case id, dataset, columns, records, `where`, caption, source }
    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.id(.id, decoder, what: "table") ?? ""
        if !c.contains(.id) { throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: c.codingPath, debugDescription: "")) }
        dataset = try c.requiredText(.dataset, decoder)
        columns = try c.decode([Column].self, forKey: .columns)
        if columns.isEmpty { try decoder.problem("a table needs at least one column", key: CodingKeys.columns) }
        records = try RecordFilter(c, records: .records, where: .where, decoder)
        caption = try c.requiredText(.caption, decoder)
        source = try c.text(.source, decoder)
    }
}

extension TemplateInfo {
    /// BCP 47 in its common shape: `zh`, `zh-CN`, `zh-Hans-CN`, `en-GB`.
    static func isLanguageTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}

/// The chart themes a template may name.
public enum ThemeName: String, TemplateChoice {
    case standard
    static var what: String { "a theme" }
}

extension Table.Alignment: TemplateChoice, CaseIterable {
    static var what: String { "an alignment" }
    public static var allCases: [Table.Alignment] { [.left, .center, .right] }
}

/// Which records of a dataset a chart or table uses: listed ids (in that order), or all records
/// whose raw cells equal the `where` values.
public struct RecordFilter: Sendable, Hashable {
    public var ids: [String]?
    public var `where`: [String: String]
    public init(ids: [String]? = nil, where: [String: String] = [:]) { self.ids = ids; self.where = `where` }

    init<K: CodingKey>(_ c: KeyedDecodingContainer<K>, records: K, where whereKey: K, _ decoder: Decoder) throws {
        ids = try c.texts(records, decoder)
        if ids?.isEmpty == true { try decoder.problem("records is an empty list; leave it out to take every record", key: records) }
        `where` = try c.decodeIfPresent([String: String].self, forKey: whereKey) ?? [:]
    }
}
