/// A data source, listed in the appendix with the records it supports.
public struct SourceEntry: Sendable, Hashable {
    public var title: String
    /// Publisher or full citation, e.g. "临平区统计局，2023年3月".
    public var citation: String
    /// The figures/facts taken from it, e.g. "地区生产总值 1050.6 亿元".
    public var records: [String]

    public init(title: String, citation: String = "", records: [String] = []) {
        self.title = title; self.citation = citation; self.records = records
    }
}
