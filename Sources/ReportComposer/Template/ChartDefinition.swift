import ReportData

/// One chart of a template: where its data comes from, how it looks, and its caption.
/// Bar charts read a category column and one or more value columns; timelines read a lane,
/// label, date and status column.
public struct ChartDefinition: Sendable, Decodable {
    public enum Kind: String, Sendable, Decodable { case bar, timeline }
    public struct Series: Sendable, Decodable {
        public var column: String
        public var name: String?
        enum CodingKeys: String, CodingKey, CaseIterable { case column, name }
        public init(from decoder: Decoder) throws {
            try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            column = try c.decode(String.self, forKey: .column)
            name = try c.decodeIfPresent(String.self, forKey: .name)
        }
    }
    public struct Reference: Sendable, Decodable {
        /// In the chart's display unit.
        public var value: Double
        public var label: String
        enum CodingKeys: String, CodingKey, CaseIterable { case value, label }
        public init(from decoder: Decoder) throws {
            try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            value = try c.decode(Double.self, forKey: .value)
            label = try c.decode(String.self, forKey: .label)
        }
    }

    public var id: String
    public var type: Kind
    public var dataset: String
    public var records: RecordFilter
    public var title: String?
    public var subtitle: String?
    /// Shown under the figure in the report ("图N caption"); defaults to the title.
    public var caption: String?
    /// Source line; defaults to the dataset's (or catalog's) source.
    public var source: String?
    // Bar charts.
    public var category: String
    public var series: [Series]
    public var orientation: String?
    public var mode: String?
    public var sort: String?
    /// Record ids to highlight.
    public var highlight: [String]
    public var referenceLines: [Reference]
    public var valueLabels: Bool
    /// "all" (default: every category named, or the build fails) or "sampled" (every k-th, for dense overviews).
    public var categoryLabels: String?
    // Timelines.
    public var lane: String
    public var label: String
    public var date: String
    public var status: String
    public var lanes: [String]?
    // Sizes: the standalone export (default the 16:9 slide preset) and the height in the report column.
    public var export: String
    public var reportHeight: Double?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, type, dataset, records, `where`, title, subtitle, caption, source, category, value, series
        case orientation, mode, sort, highlight, referenceLines = "reference_lines", valueLabels = "value_labels"
        case categoryLabels = "category_labels"
        case lane, label, date, status, lanes, export, reportHeight = "report_height"
    }
    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        type = try c.decode(Kind.self, forKey: .type)
        dataset = try c.decode(String.self, forKey: .dataset)
        records = RecordFilter(ids: try c.decodeIfPresent([String].self, forKey: .records),
                               where: try c.decodeIfPresent([String: String].self, forKey: .where) ?? [:])
        title = try c.decodeIfPresent(String.self, forKey: .title)
        subtitle = try c.decodeIfPresent(String.self, forKey: .subtitle)
        caption = try c.decodeIfPresent(String.self, forKey: .caption)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        category = try c.decodeIfPresent(String.self, forKey: .category) ?? "label"
        if let s = try c.decodeIfPresent([Series].self, forKey: .series) {
            series = s
        } else {
            let v = try c.decodeIfPresent(String.self, forKey: .value) ?? "value"
            series = [try Series(column: v)]
        }
        orientation = try c.decodeIfPresent(String.self, forKey: .orientation)
        mode = try c.decodeIfPresent(String.self, forKey: .mode)
        sort = try c.decodeIfPresent(String.self, forKey: .sort)
        highlight = try c.decodeIfPresent([String].self, forKey: .highlight) ?? []
        referenceLines = try c.decodeIfPresent([Reference].self, forKey: .referenceLines) ?? []
        valueLabels = try c.decodeIfPresent(Bool.self, forKey: .valueLabels) ?? true
        categoryLabels = try c.decodeIfPresent(String.self, forKey: .categoryLabels)
        lane = try c.decodeIfPresent(String.self, forKey: .lane) ?? "lane"
        label = try c.decodeIfPresent(String.self, forKey: .label) ?? "label"
        date = try c.decodeIfPresent(String.self, forKey: .date) ?? "date"
        status = try c.decodeIfPresent(String.self, forKey: .status) ?? "status"
        lanes = try c.decodeIfPresent([String].self, forKey: .lanes)
        export = try c.decodeIfPresent(String.self, forKey: .export) ?? "slide"
        reportHeight = try c.decodeIfPresent(Double.self, forKey: .reportHeight)
    }
}

extension ChartDefinition.Series {
    init(column: String) throws { self.column = column; self.name = nil }
}
