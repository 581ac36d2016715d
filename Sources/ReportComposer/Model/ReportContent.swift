import ReportScene

/// Everything the page-flow engine needs, already resolved: prose is bound text, charts are
/// pre-built scene groups. A template loader fills this; `PageComposer` turns it into pages.
public struct ReportContent: Sendable, Hashable {
    public var info: ReportInfo
    public var layout: LayoutSettings
    public var style: ReportStyle
    public var sections: [Section]
    /// Listed in the appendix "附录：数据来源"; the appendix is omitted when empty.
    public var sources: [SourceEntry]

    public init(info: ReportInfo, layout: LayoutSettings = LayoutSettings(), style: ReportStyle = .standard,
                sections: [Section], sources: [SourceEntry] = []) {
        self.info = info; self.layout = layout; self.style = style
        self.sections = sections; self.sources = sources
    }
}

/// Title-page and metadata facts about the report.
public struct ReportInfo: Sendable, Hashable {
    public var title: String
    public var subtitle: String
    public var author: String
    public var organisation: String
    /// Shown as written, e.g. "二〇二三年三月".
    public var dateText: String
    public var keywords: [String]
    public var language: String
    /// Seconds since 1970 (UTC) for the PDF metadata; supplied by the caller (e.g. SOURCE_DATE_EPOCH),
    /// never read from the clock, so identical input gives identical output.
    public var creationDate: Int64

    public init(title: String, subtitle: String = "", author: String = "", organisation: String = "",
                dateText: String = "", keywords: [String] = [], language: String = "zh-CN", creationDate: Int64 = 0) {
        self.title = title; self.subtitle = subtitle; self.author = author; self.organisation = organisation
        self.dateText = dateText; self.keywords = keywords; self.language = language; self.creationDate = creationDate
    }
}
