import ReportData

/// `report.yaml`: the whole template. Every struct here rejects unknown keys, so a typo is an
/// error with its line and column rather than a silently ignored setting.
public struct TemplateFile: Sendable, Decodable {
    public var report: TemplateInfo
    public var layout: LayoutSettings?
    /// Chart theme name (`standard`).
    public var theme: String?
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
        theme = try c.decodeIfPresent(String.self, forKey: .theme)
        allowNumbers = try c.decodeIfPresent([String].self, forKey: .allowNumbers) ?? []
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
        title = try c.decode(String.self, forKey: .title)
        subtitle = try c.decodeIfPresent(String.self, forKey: .subtitle) ?? ""
        author = try c.decodeIfPresent(String.self, forKey: .author) ?? ""
        organisation = try c.decodeIfPresent(String.self, forKey: .organisation) ?? ""
        if let i = try? c.decodeIfPresent(Int.self, forKey: .date) { date = String(i) } else {
            date = try c.decodeIfPresent(String.self, forKey: .date)
        }
        keywords = try c.decodeIfPresent([String].self, forKey: .keywords) ?? []
        language = try c.decodeIfPresent(String.self, forKey: .language) ?? "zh-CN"
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
        id = try c.decodeIfPresent(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
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
        guard c.allKeys.count == 1, let key = c.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath,
                debugDescription: "a block has exactly one of: text, figure, table, page_break"))
        }
        switch key {
        case .text: self = .text(try c.decode(String.self, forKey: .text))
        case .figure: self = .figure(try c.decode(String.self, forKey: .figure))
        case .table: self = .table(try c.decode(TableTemplate.self, forKey: .table))
        case .pageBreak: self = .pageBreak
        }
    }
}

/// A table over a dataset: chosen columns of every record (optionally filtered).
public struct TableTemplate: Sendable, Decodable {
    public struct Column: Sendable, Decodable {
        public var column: String
        public var title: String?
        public var align: Table.Alignment?
        enum CodingKeys: String, CodingKey, CaseIterable { case column, title, align }
        public init(from decoder: Decoder) throws {
            try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            column = try c.decode(String.self, forKey: .column)
            title = try c.decodeIfPresent(String.self, forKey: .title)
            align = try c.decodeIfPresent(Table.Alignment.self, forKey: .align)
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
        id = try c.decode(String.self, forKey: .id)
        dataset = try c.decode(String.self, forKey: .dataset)
        columns = try c.decode([Column].self, forKey: .columns)
        records = RecordFilter(ids: try c.decodeIfPresent([String].self, forKey: .records),
                               where: try c.decodeIfPresent([String: String].self, forKey: .where) ?? [:])
        caption = try c.decode(String.self, forKey: .caption)
        source = try c.decodeIfPresent(String.self, forKey: .source)
    }
}

/// Which records of a dataset a chart or table uses: listed ids (in that order), or all records
/// whose raw cells equal the `where` values.
public struct RecordFilter: Sendable, Hashable {
    public var ids: [String]?
    public var `where`: [String: String]
    public init(ids: [String]? = nil, where: [String: String] = [:]) { self.ids = ids; self.where = `where` }
}
