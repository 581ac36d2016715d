import Dispatch
import Foundation
import ReportData
import ReportSync

/// The stages of binding a decoded template to its data, each adding its problems with their
/// report.yaml (or CSV cell) position.
struct TemplateBinding {
    var bound: BoundTemplate
    let source: TemplateSource
    var diagnostics: [Diagnostic] = []
    let formatter = ChineseFormatter(currentYear: nil)
    /// A batch unit's row, for `{{unit.*}}` (nil for a single report).
    var unit: [String: String]?
    var file: TemplateFile { bound.file }
    var catalog: DatasetCatalog { bound.catalog }

    init(bound: BoundTemplate, source: TemplateSource) {
        self.bound = bound; self.source = source
    }

    private lazy var binder: ProseBinder = {
        let reportFields = [
            "title": file.report.title, "year": String(catalog.metadata?.reportYear ?? catalog.reportDate.year),
            "date": formatter.date(catalog.reportDate),
        ]
        return ProseBinder(catalog: catalog, formatter: formatter, report: reportFields, unit: unit)
    }()
    private lazy var stale = StaleNumberCheck(allowed: file.allowNumbers)

    /// Placeholders bound; unknown ones and digits typed into prose reported inside the text.
    mutating func bindText(_ text: String, _ keyPath: [String]) -> String {
        if let problem = TemplateSizeLimits.controlProblem(text) ?? TemplateSizeLimits.stackedMarksProblem(text) {
            diagnostics.append(source.diagnostic(.error, keyPath, problem))
        }
        let (out, problems) = binder.render(text)
        for p in problems {
            diagnostics.append(source.diagnostic(.error, keyPath, lineIndex: p.lineIndex, column: p.column, valueText: text, p.message))
        }
        for f in stale.findings(in: text) {
            diagnostics.append(source.diagnostic(.warning, keyPath, lineIndex: f.lineIndex, column: f.column, valueText: text,
                "number \(f.number) is written into the prose; take it from the data with a placeholder (or list it in allow_numbers)"))
        }
        return out ?? text
    }

    func position(_ keyPath: [String]) -> SourcePosition {
        let m = source.mark(keyPath)
        return SourcePosition(file: source.path, line: m.line, column: m.column)
    }

    mutating func bindCharts() {
        diagnostics += TemplateSizeLimits.problems(file, source: source)
        guard file.charts.count <= InputLimits.charts else {
            diagnostics.append(source.diagnostic(.error, ["charts"], "\(file.charts.count) charts; the limit is \(InputLimits.charts)"))
            return
        }
        var seen = Set<String>()
        for (i, def) in file.charts.enumerated() {
            let path = ["charts", "\(i)"]
            if let problem = OutputName.problem(with: def.id) {
                diagnostics.append(source.diagnostic(.error, path + ["id"], "chart id \(problem)"))
                continue
            }
            if !seen.insert(def.id).inserted {
                diagnostics.append(source.diagnostic(.error, path + ["id"], "duplicate chart id '\(def.id)'"))
                continue
            }
            // Titles and captions may quote data too.
            var def = def
            // A title also becomes metadata (SVG <title>, PDF /Title): no word joiners there.
            def.title = def.title.map { NoBreak.strip(bindText($0, path + ["title"])) }
            def.subtitle = def.subtitle.map { bindText($0, path + ["subtitle"]) }
            def.caption = def.caption.map { bindText($0, path + ["caption"]) }
            def.alt = def.alt.map { bindText($0, path + ["alt"]) }
            def.position = position(path)
            do {
                var job = try ChartBinder(catalog: catalog, formatter: formatter).bind(def)
                if def.reportHeight != nil { job.reportHeightPosition = position(path + ["report_height"]) }
                bound.charts.append(job)
            } catch let f as ChartBinder.Failure {
                diagnostics.append(diagnostic(f, keyPath: path, what: "chart '\(def.id)'"))
            } catch {
                diagnostics.append(source.diagnostic(.error, path, "chart '\(def.id)': \(error)"))
            }
        }
    }

    /// A binding failure at its data cell when it names one, else at the definition's key.
    func diagnostic(_ f: ChartBinder.Failure, keyPath: [String], what: String) -> Diagnostic {
        if let cell = f.cell {
            let column = CSVHeader.column(of: cell.column, dataset: cell.dataset, in: bound.dataDirectory)
            return Diagnostic(.error, file: bound.dataDisplayPath + "/" + cell.dataset + ".csv", line: cell.line, column: column,
                              "\(what): \(f.message)")
        }
        // A key may name a nested value: "columns.1.column".
        return source.diagnostic(.error, keyPath + f.key.split(separator: ".").map(String.init), "\(what): \(f.message)")
    }

    /// `bindCharts` and `bindSections`, side by side when there is a second core: neither reads
    /// what the other binds (the charts come from the file, the prose binder's caches are each
    /// copy's own or thread-safe), so the sections are bound on a copy made before either
    /// starts, and its results and problems are taken after the charts' in the order one after
    /// the other gives. A 20-section report bound its prose for ~4 ms after its charts.
    mutating func bindChartsAndSections() {
        guard Self.sideBySide.withLock({ $0 }), ProcessInfo.processInfo.activeProcessorCount > 1,
              !file.sections.isEmpty, !file.charts.isEmpty else {
            bindCharts(); bindSections(); return
        }
        let before = diagnostics.count
        let sections = Locked(self)
        let group = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            sections.withLock { $0.bindSections() }
        }
        bindCharts()
        group.wait()
        let other = sections.withLock { $0 }
        bound.sections = other.bound.sections
        bound.boundTexts = other.bound.boundTexts
        bound.tables = other.bound.tables
        diagnostics += other.diagnostics[before...]
    }

    /// False binds one after the other (tests compare the two).
    static let sideBySide = Locked(true)

    mutating func bindSections() {
        for (i, s) in file.sections.enumerated() { walk(s, path: ["sections", "\(i)"]) }
        bound.sections = file.sections
    }

    private mutating func walk(_ s: SectionTemplate, path: [String]) {
        _ = bindText(s.title, path + ["title"])
        if let problem = TemplateSizeLimits.titleProblem(s.title, "the section title") {
            diagnostics.append(source.diagnostic(.error, path + ["title"], problem))
        }
        let chartIDs = file.charts.map(\.id)
        for (i, b) in s.blocks.enumerated() {
            let keyPath = path + ["blocks", "\(i)"]
            switch b {
            case .text(let t):
                bound.boundTexts[keyPath.joined(separator: ".")] = ChineseSpacing.collapse(bindText(t, keyPath + ["text"]))
            case .figure(let id):
                if !chartIDs.contains(id) {
                    diagnostics.append(source.diagnostic(.error, keyPath + ["figure"],
                        DidYouMean.unknown("chart", id, among: chartIDs, in: "charts")))
                }
            case .table(let t):
                do { bound.tables[t.id] = try TableBinder(catalog: catalog, formatter: formatter).bind(t) } catch let f as ChartBinder.Failure {
                    diagnostics.append(diagnostic(f, keyPath: keyPath + ["table"], what: "table '\(t.id)'"))
                } catch {
                    diagnostics.append(source.diagnostic(.error, keyPath + ["table"], "table '\(t.id)': \(error)"))
                }
            case .pageBreak: break
            }
        }
        for (i, sub) in s.sections.enumerated() { walk(sub, path: path + ["sections", "\(i)"]) }
    }

    mutating func bindInfo(sourceDateEpoch: Int64?) {
        var reportDate = catalog.reportDate
        if let text = file.report.date {
            switch DateParser(reportDate: catalog.reportDate).parse(text) {
            case .success(.point(let p)) where (1...9999).contains(p.year): reportDate = p
            case .success(.point(let p)):
                diagnostics.append(source.diagnostic(.error, ["report", "date"], "report date \(QuotedValue.quote(text)) has year \(p.year); a year is 1 to 9999"))
            case .success(.span):
                diagnostics.append(source.diagnostic(.error, ["report", "date"], "report date \(QuotedValue.quote(text)) is a span; give one date such as 2022-06 or 2022年6月"))
            case .failure(let e):
                diagnostics.append(source.diagnostic(.error, ["report", "date"], "report date \(QuotedValue.quote(text)) \(e.explanation)"))
            }
        }
        let epoch = sourceDateEpoch ?? Int64(reportDate.firstDayNumber) * 86_400
        for (text, key) in [(file.report.title, "title"), (file.report.subtitle, "subtitle")] {
            if let problem = TemplateSizeLimits.titleProblem(text, "the report \(key)") {
                diagnostics.append(source.diagnostic(.error, ["report", key], problem))
            }
        }
        bound.info = ReportInfo(
            title: NoBreak.strip(bindText(file.report.title, ["report", "title"])),
            subtitle: NoBreak.strip(bindText(file.report.subtitle, ["report", "subtitle"])),
            author: file.report.author, organisation: file.report.organisation,
            dateText: ChineseFormatter().date(reportDate), keywords: file.report.keywords,
            language: file.report.language, creationDate: epoch)
    }

    mutating func finish() -> BoundTemplate {
        bound.sources = SourceList.entries(catalog: catalog, formatter: formatter)
        bound.values = ValueList.entries(catalog: catalog, formatter: formatter)
        bound.diagnostics = diagnostics
        return bound
    }
}

/// Column numbers of a CSV file's header, for diagnostics that point at a cell.
enum CSVHeader {
    /// 1-based field index of `name` in the first line of `<dataset>.csv`; 1 when not found.
    static func column(of name: String, dataset: String, in dir: URL) -> Int {
        guard let handle = try? FileHandle(forReadingFrom: dir.appendingPathComponent(dataset + ".csv")) else { return 1 }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        var text = String(decoding: head, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let first = text.split(whereSeparator: \.isNewline).first ?? ""
        let names = first.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
        return (names.firstIndex(of: name) ?? 0) + 1
    }
}
