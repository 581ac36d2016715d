import Foundation
import ReportData
import ReportScene

/// A template with its data loaded and bound: everything a build needs, or the diagnostics that
/// stop it.
public struct BoundTemplate: Sendable {
    public var name: String
    public var templateDirectory: URL
    public var dataDirectory: URL
    public var file: TemplateFile
    public var catalog: DatasetCatalog
    public var charts: [ChartJob]
    /// Bound prose and tables; figures are laid out by `content(measurer:)`.
    public var info: ReportInfo
    public var sections: [SectionTemplate]
    public var boundTexts: [String: String]
    public var tables: [String: Table]
    public var sources: [SourceEntry]
    /// Displayed data values, for the change summary.
    public var values: [String: (label: String, display: String)]
    /// Errors and warnings (data files and report.yaml).
    public var diagnostics: [Diagnostic]
    /// report.yaml as printed in diagnostics, and its text (to place errors found later).
    public var yamlPath = TemplateLoader.fileName
    public var yamlText = ""
    /// The data folder as printed in diagnostics.
    public var dataDisplayPath = "data"
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Builds the composer's input: bound prose, tables and every figure laid out for the column
    /// (taken from `figures` when `verifyCharts` laid it out already, with the same measurer).
    public func content(measurer: any TextMeasurer, figures: [String: ReportFigure] = [:]) throws -> ReportContent {
        let layout = file.layout ?? LayoutSettings()
        let width = layout.textFrame.width
        // The first chart of an id wins; duplicates are reported by the loader, never trapped on here.
        let jobs = Dictionary(charts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func convert(_ s: SectionTemplate, path: String) throws -> Section {
            var blocks: [Block] = []
            for (i, b) in s.blocks.enumerated() {
                switch b {
                case .text: blocks.append(.paragraph(boundTexts["\(path).blocks.\(i)"] ?? ""))
                case .figure(let id):
                    guard let job = jobs[id] else { throw ComposerError.unknownReference(id) }
                    let (group, height, fullList) = try figures[id].map { ($0.group, $0.height, $0.fullList) }
                        ?? job.reportFigure(width: width, measurer: measurer)
                    blocks.append(.figure(Figure(id: id, content: group, size: Size(width, height),
                                                 caption: job.caption, source: job.source, alt: job.alt)))
                    if let fullList { blocks.append(.table(fullList)) }
                case .table(let t):
                    guard let table = tables[t.id] else { throw ComposerError.unknownReference(t.id) }
                    blocks.append(.table(table))
                case .pageBreak: blocks.append(.pageBreak)
                }
            }
            let subs = try s.sections.enumerated().map { try convert($1, path: "\(path).sections.\($0)") }
            return Section(id: s.id ?? path.replacingAll(".", with: "-"), title: s.title,
                           blocks: blocks, subsections: subs, numbered: s.numbered)
        }
        let secs = try sections.enumerated().map { try convert($1, path: "sections.\($0)") }
        return ReportContent(info: info, layout: layout, sections: secs, sources: file.appendix ? sources : [])
    }
}

/// A chart laid out for the report column: the figure's scene and height, and the table of all
/// its events when a timeline's key could not list them.
public struct ReportFigure: Sendable {
    public var group: Group
    public var height: Double
    public var fullList: Table?
    public init(group: Group, height: Double, fullList: Table?) {
        self.group = group; self.height = height; self.fullList = fullList
    }
}
