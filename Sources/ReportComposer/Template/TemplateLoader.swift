import Foundation
import ReportData

/// Reads `report.yaml` and the data folder, binds prose, tables and charts, and collects every
/// problem with its `path:line:column`.
public enum TemplateLoader {
    public static let fileName = "report.yaml"

    /// - Parameters:
    ///   - displayPrefix: how paths are printed in diagnostics (relative paths read better).
    ///   - sourceDateEpoch: overrides the creation date (SOURCE_DATE_EPOCH).
    public static func load(template dir: URL, data: URL? = nil, sourceDateEpoch: Int64? = nil) -> BoundTemplate {
        let dataDir = data ?? dir.appendingPathComponent("data")
        let yamlURL = dir.appendingPathComponent(fileName)
        let yamlPath = displayPath(yamlURL)
        var diags: [Diagnostic] = []
        // Only the template folder and --data may be read (symlinks resolved). report.yaml is
        // decoded first so the data loader keeps only the rows the template uses.
        let roots = InputRoots([dir] + (data.map { [$0] } ?? []))
        let yamlRead = InputFile.read(yamlURL, within: roots, limit: InputLimits.yamlBytes)
        let decoded = (try? yamlRead.get()).map { YAMLLoader.decode(TemplateFile.self, data: $0, file: yamlPath) }
        let demand = (try? yamlRead.get()).flatMap { y in (try? decoded?.get()).map { RowDemand.of($0, text: String(decoding: y, as: UTF8.self)) } }
        let loaded = DatasetCatalog.load(directory: dataDir, displayPrefix: displayPath(dataDir), roots: roots, demand: demand ?? .all)
        diags += loaded.diagnostics
        let catalog = loaded.catalog

        var bound = BoundTemplate(
            name: dir.lastPathComponent, templateDirectory: dir, dataDirectory: dataDir,
            file: placeholderFile, catalog: catalog, charts: [], info: ReportInfo(title: ""), sections: [],
            boundTexts: [:], tables: [:], sources: [], values: [:], diagnostics: [])
        let yamlData: Data
        switch yamlRead {
        case .success(let d): yamlData = d
        case .failure(let f):
            bound.diagnostics = diags + [Diagnostic(.error, file: yamlPath, line: 1, column: 1, "the template file \(f.explanation)")]
            return bound
        }
        let file: TemplateFile
        switch decoded ?? YAMLLoader.decode(TemplateFile.self, data: yamlData, file: yamlPath) {
        case .success(let f): file = f
        case .failure(let d):
            bound.diagnostics = diags + [d]
            return bound
        }
        bound.file = file
        // Like a compiler, stop at the first layer with errors: a bad cell would otherwise be
        // reported again by every placeholder and chart that uses its record.
        if loaded.hasErrors {
            bound.diagnostics = diags
            return bound
        }
        let source = TemplateSource(path: yamlPath, text: String(decoding: yamlData, as: UTF8.self))
        let formatter = ChineseFormatter(currentYear: nil)

        // Prose, tables and figure references.
        let reportFields = [
            "title": file.report.title, "year": String(catalog.metadata?.reportYear ?? catalog.reportDate.year),
            "date": formatter.date(catalog.reportDate),
        ]
        let binder = ProseBinder(catalog: catalog, formatter: formatter, report: reportFields)
        let stale = StaleNumberCheck(allowed: file.allowNumbers)
        func bindText(_ text: String, _ keyPath: [String]) -> String {
            if let problem = TemplateLimits.controlProblem(text) { diags.append(source.diagnostic(.error, keyPath, problem)) }
            let (out, problems) = binder.render(text)
            for p in problems {
                diags.append(source.diagnostic(.error, keyPath, lineIndex: p.lineIndex, column: p.column, valueText: text, p.message))
            }
            for f in stale.findings(in: text) {
                diags.append(source.diagnostic(.warning, keyPath, lineIndex: f.lineIndex, column: f.column, valueText: text,
                    "number \(f.number) is written into the prose; take it from the data with a placeholder (or list it in allow_numbers)"))
            }
            return out ?? text
        }
        // Charts.
        diags += TemplateLimits.problems(file, source: source)
        var seen = Set<String>()
        if file.charts.count > InputLimits.charts {
            diags.append(source.diagnostic(.error, ["charts"], "\(file.charts.count) charts; the limit is \(InputLimits.charts)"))
            bound.diagnostics = diags
            return bound
        }
        for (i, def) in file.charts.enumerated() {
            if let problem = OutputName.problem(with: def.id) {
                diags.append(source.diagnostic(.error, ["charts", "\(i)", "id"], "chart id \(problem)"))
                continue
            }
            if !seen.insert(def.id).inserted {
                diags.append(source.diagnostic(.error, ["charts", "\(i)", "id"], "duplicate chart id '\(def.id)'"))
                continue
            }
            // Titles and captions may quote data too.
            var def = def
            // A title also becomes metadata (SVG <title>, PDF /Title): no word joiners there.
            def.title = def.title.map { NoBreak.strip(bindText($0, ["charts", "\(i)", "title"])) }
            def.subtitle = def.subtitle.map { bindText($0, ["charts", "\(i)", "subtitle"]) }
            def.caption = def.caption.map { bindText($0, ["charts", "\(i)", "caption"]) }
            do {
                bound.charts.append(try ChartBinder(catalog: catalog, formatter: formatter).bind(def))
            } catch let f as ChartBinder.Failure {
                diags.append(source.diagnostic(.error, ["charts", "\(i)", f.key], "chart '\(def.id)': \(f.message)"))
            } catch {
                diags.append(source.diagnostic(.error, ["charts", "\(i)"], "chart '\(def.id)': \(error)"))
            }
        }

        let chartIDs = Set(bound.charts.map(\.id)).union(file.charts.map(\.id))
        func walk(_ s: SectionTemplate, path: [String]) {
            _ = bindText(s.title, path + ["title"])
            for (i, b) in s.blocks.enumerated() {
                let keyPath = path + ["blocks", "\(i)"]
                switch b {
                case .text(let t):
                    bound.boundTexts[keyPath.joined(separator: ".")] = ChineseSpacing.collapse(bindText(t, keyPath + ["text"]))
                case .figure(let id):
                    if !chartIDs.contains(id) {
                        diags.append(source.diagnostic(.error, keyPath + ["figure"], "no chart '\(id)' in charts"))
                    }
                case .table(let t):
                    do { bound.tables[t.id] = try TableBinder(catalog: catalog, formatter: formatter).bind(t) } catch let f as ChartBinder.Failure {
                        diags.append(source.diagnostic(.error, keyPath + ["table", f.key], "table '\(t.id)': \(f.message)"))
                    } catch {
                        diags.append(source.diagnostic(.error, keyPath + ["table"], "table '\(t.id)': \(error)"))
                    }
                case .pageBreak: break
                }
            }
            for (i, sub) in s.sections.enumerated() { walk(sub, path: path + ["sections", "\(i)"]) }
        }
        for (i, s) in file.sections.enumerated() { walk(s, path: ["sections", "\(i)"]) }
        bound.sections = file.sections

        let dateText = file.report.date.flatMap { try? DateParser(reportDate: catalog.reportDate).parse($0).get() }
        let reportDate: PartialDate = { if case .point(let p)? = dateText { return p }; return catalog.reportDate }()
        let epoch = sourceDateEpoch ?? Int64(reportDate.firstDayNumber) * 86_400
        bound.info = ReportInfo(
            title: NoBreak.strip(bindText(file.report.title, ["report", "title"])),
            subtitle: NoBreak.strip(bindText(file.report.subtitle, ["report", "subtitle"])),
            author: file.report.author, organisation: file.report.organisation,
            dateText: ChineseFormatter().date(reportDate), keywords: file.report.keywords,
            language: file.report.language, creationDate: epoch)
        bound.sources = SourceList.entries(catalog: catalog, formatter: formatter)
        bound.values = ValueList.entries(catalog: catalog, formatter: formatter)
        bound.diagnostics = diags
        return bound
    }

    /// Paths relative to the working directory when below it, as editors expect.
    static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let p = url.standardizedFileURL.path
        return p.hasPrefix(cwd) ? String(p.dropFirst(cwd.count)) : p
    }

    static let placeholderFile: TemplateFile = {
        // An empty template, used only when report.yaml cannot be read (then diagnostics stop the run).
        try! YAMLLoader.decode(TemplateFile.self, data: Data("report: {title: ''}\n".utf8), file: "").get()
    }()
}
