/// Where the data comes from.
public struct SourceInfo: Sendable, Hashable, Decodable {
    public var publisher: String?
    public var article: String?
    public var authors: [String]?
    /// Path of the source text, relative to the data directory.
    public var path: String?
    public var note: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case publisher, article, authors, path, note }
    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        publisher = try c.decodeIfPresent(String.self, forKey: .publisher)
        article = try c.decodeIfPresent(String.self, forKey: .article)
        authors = try c.decodeIfPresent([String].self, forKey: .authors)
        path = try c.decodeIfPresent(String.self, forKey: .path)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}

/// A value computed from other figures, declared in metadata.
public struct DerivedSpec: Sendable, Hashable, Decodable {
    public var id: String
    public var label: String
    public var formula: String
    public var unit: String?
    public var section: String?
    public var date: String?
    /// Digits kept when formatting (the inputs' precision is usually lower than a Double's).
    public var decimals: Int?
    public var note: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case id, label, formula, unit, section, date, decimals, note }
    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        label = try c.decode(String.self, forKey: .label)
        formula = try c.decode(String.self, forKey: .formula)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        section = try c.decodeIfPresent(String.self, forKey: .section)
        date = try c.decodeIfPresent(ScalarText.self, forKey: .date)?.text
        decimals = try c.decodeIfPresent(Int.self, forKey: .decimals)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}

/// The `<name>.yaml` beside `<name>.csv`.
public struct DatasetMetadata: Sendable, Hashable, Decodable {
    /// What the dataset's rows are, which decides the columns it needs.
    public enum Kind: String, Sendable, Hashable, Decodable {
        /// Mixed figures addressable by id (`{{figures.<id>}}`); needs id, label, value columns.
        case figures
        /// Any other table (chart data, events).
        case table
    }
    public var title: String
    public var description: String?
    public var kind: Kind
    public var source: SourceInfo?
    public var columns: [ColumnSpec]
    /// Column naming each record for lookups; defaults to a column of type `id`.
    public var idColumn: String?
    /// Provenance columns kept on every record.
    public var sentenceColumn: String
    public var sectionColumn: String
    /// Column giving the date each record's source was written (an absolute date): the record's
    /// relative dates (近日, 今年3月, 今年以来) resolve against it instead of the report date.
    public var referenceDateColumn: String?
    public var derived: [DerivedSpec]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, description, kind, source, columns, idColumn = "id_column"
        case sentenceColumn = "sentence_column", sectionColumn = "section_column", derived
        case referenceDateColumn = "reference_date_column"
    }
    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .table
        source = try c.decodeIfPresent(SourceInfo.self, forKey: .source)
        columns = try c.decode([ColumnSpec].self, forKey: .columns)
        idColumn = try c.decodeIfPresent(String.self, forKey: .idColumn)
        sentenceColumn = try c.decodeIfPresent(String.self, forKey: .sentenceColumn) ?? "source_sentence"
        sectionColumn = try c.decodeIfPresent(String.self, forKey: .sectionColumn) ?? "section"
        derived = try c.decodeIfPresent([DerivedSpec].self, forKey: .derived) ?? []
        referenceDateColumn = try c.decodeIfPresent(String.self, forKey: .referenceDateColumn)
    }

    /// The column called `name`, or nil.
    public func column(named name: String) -> ColumnSpec? { columns.first { $0.name == name } }
}

/// `catalog.yaml`: settings for the whole data directory.
public struct CatalogMetadata: Sendable, Hashable, Decodable {
    public var title: String?
    public var reportYear: Int
    /// The date relative wording (今年3月, 近日, 今年以来) is resolved against.
    public var reportDate: String
    /// Why that report date was chosen.
    public var reportDateNote: String?
    public var source: SourceInfo?
    /// Allowed section names; records naming another section are errors.
    public var sections: [String]?
    /// The unit figures are shown in (元 amounts in 万元 from 1万…); nil shows them as written.
    public var display: DisplayPolicy?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, reportYear = "report_year", reportDate = "report_date", reportDateNote = "report_date_note", source, sections
        case display
    }
    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        reportYear = try c.decode(Int.self, forKey: .reportYear)
        reportDate = try c.decode(ScalarText.self, forKey: .reportDate).text
        reportDateNote = try c.decodeIfPresent(String.self, forKey: .reportDateNote)
        source = try c.decodeIfPresent(SourceInfo.self, forKey: .source)
        sections = try c.decodeIfPresent([String].self, forKey: .sections)
        display = try c.decodeIfPresent(DisplayPolicy.self, forKey: .display)
    }
}

/// A scalar read as its literal text, so `date: 2022` (an int to YAML) reads as "2022".
struct ScalarText: Decodable, Hashable {
    var text: String
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) { text = String(i) } else { text = try c.decode(String.self) }
    }
}
