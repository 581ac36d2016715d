import ReportData
import ReportScene

/// One chart of a template: where its data comes from, how it looks, and its caption.
/// Bar charts read a category column and one or more value columns; timelines read a lane,
/// label, date and status column.
public struct ChartDefinition: Sendable, Decodable {
    /// The chart type (`type:` in report.yaml).
    public enum Kind: String, TemplateChoice {
        case bar, timeline
        static var what: String { "a chart type" }
    }
    /// Bar direction (`orientation:`); automatic picks what fits the labels.
    public enum Orientation: String, TemplateChoice {
        case automatic, vertical, horizontal
        static var what: String { "an orientation" }
    }
    /// Grouped or stacked bars (`mode:`).
    public enum Mode: String, TemplateChoice {
        case grouped, stacked
        static var what: String { "a bar mode" }
    }
    /// Category order (`sort:`): as in the data, or by value.
    public enum Sort: String, TemplateChoice {
        case data, ascending, descending
        static var what: String { "a sort order" }
    }
    /// Which preset the standalone chart export uses (`export:`).
    public enum Export: String, TemplateChoice {
        /// `none`: the chart is only a figure of the report; no standalone files are written.
        case slide, report, none
        static var what: String { "an export preset" }
    }
    /// One bar series: the dataset column it reads and the name its legend shows.
    public struct Series: Sendable, Decodable {
        public var column: String
        public var name: String?
        enum CodingKeys: String, CodingKey, CaseIterable { case column, name }
        public init(from decoder: Decoder) throws {
            try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            column = try c.requiredText(.column, decoder)
            name = try c.text(.name, decoder)
        }
    }
    /// A reference line drawn across the bars at `value`, labelled `label`.
    public struct Reference: Sendable, Decodable {
        /// In the chart's display unit.
        public var value: Double
        public var label: String
        enum CodingKeys: String, CodingKey, CaseIterable { case value, label }
        public init(from decoder: Decoder) throws {
            try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            guard c.contains(.value) else {
                throw DecodingError.keyNotFound(CodingKeys.value, .init(codingPath: c.codingPath, debugDescription: ""))
            }
            value = try c.number(.value, decoder, in: TemplateLimits.referenceValue, unit: "") ?? 0
            label = try c.requiredText(.label, decoder)
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
    /// The text read instead of the chart (tagged PDF /Alt, SVG <desc>); default: generated from the data.
    public var alt: String?
    /// Source line; defaults to the dataset's (or catalog's) source.
    public var source: String?
    // Bar charts.
    public var category: String
    public var series: [Series]
    public var orientation: Orientation
    public var mode: Mode
    public var sort: Sort
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
    /// How each timeline label writes its event's date: short (as the prose: 5月15日) | full | none.
    public var dateFormat: String?
    /// Where the date goes in the label: before | after the text.
    public var datePosition: String?
    // Sizes: the standalone export (default the 16:9 slide preset) and the height in the report column.
    public var export: Export
    /// The standalone files' size in points, replacing the preset's (its type scale stays).
    public var width: Double?
    public var height: Double?
    public var reportHeight: Double?
    /// `outlines` (default: outlines plus a searchable text layer) or `text` (editable `<text>` only).
    public var svgText: SVGTextMode?
    /// Where the definition stands in report.yaml (filled in by the loader), for errors found
    /// when the chart is laid out.
    public var position: SourcePosition?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, type, dataset, records, `where`, title, subtitle, caption, alt, source, category, value, series
        case orientation, mode, sort, highlight, referenceLines = "reference_lines", valueLabels = "value_labels"
        case categoryLabels = "category_labels"
        case lane, label, date, status, lanes, export, width, height, reportHeight = "report_height", svgText = "svg_text"
        case dateFormat = "date_format", datePosition = "date_position"
    }
    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard c.contains(.id) else { throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: c.codingPath, debugDescription: "")) }
        id = try c.id(.id, decoder, what: "chart") ?? ""
        guard c.contains(.type) else { throw DecodingError.keyNotFound(CodingKeys.type, .init(codingPath: c.codingPath, debugDescription: "")) }
        type = try c.choice(Kind.self, .type, decoder) ?? .bar
        dataset = try c.requiredText(.dataset, decoder)
        records = try RecordFilter(c, records: .records, where: .where, decoder)
        title = try c.text(.title, decoder)
        subtitle = try c.text(.subtitle, decoder)
        caption = try c.text(.caption, decoder)
        alt = try c.text(.alt, decoder)
        source = try c.text(.source, decoder)
        category = try c.text(.category, decoder) ?? "label"
        if c.contains(.series) && c.contains(.value) {
            try decoder.problem("a chart has either value (one series) or series (several), not both", key: CodingKeys.series)
        }
        if let s = try c.decodeIfPresent([Series].self, forKey: .series) {
            series = s
            if s.isEmpty { try decoder.problem("series is an empty list; a bar chart needs at least one", key: CodingKeys.series) }
        } else {
            series = [Series(column: try c.text(.value, decoder) ?? "value")]
        }
        orientation = try c.choice(Orientation.self, .orientation, decoder) ?? .automatic
        mode = try c.choice(Mode.self, .mode, decoder) ?? .grouped
        sort = try c.choice(Sort.self, .sort, decoder) ?? .data
        highlight = try c.texts(.highlight, decoder) ?? []
        referenceLines = try c.decodeIfPresent([Reference].self, forKey: .referenceLines) ?? []
        valueLabels = try c.decodeIfPresent(Bool.self, forKey: .valueLabels) ?? true
        categoryLabels = try c.text(.categoryLabels, decoder)
        if let v = categoryLabels, !["all", "sampled"].contains(v) {
            try decoder.problem("category_labels is \"\(v)\"; use all (every name) or sampled (every k-th)", key: CodingKeys.categoryLabels)
        }
        lane = try c.text(.lane, decoder) ?? "lane"
        label = try c.text(.label, decoder) ?? "label"
        date = try c.text(.date, decoder) ?? "date"
        status = try c.text(.status, decoder) ?? "status"
        lanes = try c.texts(.lanes, decoder)
        dateFormat = try c.text(.dateFormat, decoder)
        datePosition = try c.text(.datePosition, decoder)
        export = try c.choice(Export.self, .export, decoder) ?? .slide
        width = try c.number(.width, decoder, in: TemplateLimits.chartSide)
        height = try c.number(.height, decoder, in: TemplateLimits.chartSide)
        if export == .none, let key = [CodingKeys.width, .height].first(where: c.contains) {
            try decoder.problem("\(key.stringValue) sizes the standalone files, and export: none writes none", key: key)
        }
        reportHeight = try c.number(.reportHeight, decoder, in: TemplateLimits.reportHeight)
        svgText = try c.choice(SVGTextMode.self, .svgText, decoder)
        position = nil
        try checkKeysFit(c, decoder)
    }

    /// Bar keys on a timeline (or the reverse) would be silently ignored: say so.
    private func checkKeysFit(_ c: KeyedDecodingContainer<CodingKeys>, _ decoder: Decoder) throws {
        let barOnly: [CodingKeys] = [.category, .value, .series, .orientation, .mode, .sort, .highlight, .referenceLines, .valueLabels, .categoryLabels]
        let timelineOnly: [CodingKeys] = [.lane, .label, .date, .status, .lanes]
        for key in (type == .bar ? timelineOnly : barOnly) where c.contains(key) {
            try decoder.problem("\(key.stringValue) does not apply to a \(type.rawValue) chart", key: key)
        }
    }
}

/// A place in a template or data file.
public struct SourcePosition: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) { self.file = file; self.line = line; self.column = column }
}

extension ChartDefinition.Series {
    init(column: String) { self.column = column; self.name = nil }
}

extension SVGTextMode: TemplateChoice {
    static var what: String { "an SVG text mode" }
}
