import Foundation
import ReportData

/// Reads `report.yaml` and the data folder, binds prose, tables and charts, and collects every
/// problem with its `path:line:column`.
public enum TemplateLoader {
    public static let fileName = "report.yaml"

    /// - Parameters:
    ///   - displayPrefix: how paths are printed in diagnostics (relative paths read better).
    ///   - sourceDateEpoch: overrides the creation date (SOURCE_DATE_EPOCH).
    ///   - scope: one unit of a batch: its rows replace the split datasets, and `{{unit.*}}` is its row.
    public static func load(template dir: URL, data: URL? = nil, sourceDateEpoch: Int64? = nil,
                            scope: UnitScope? = nil) -> BoundTemplate {
        let dataDir = data ?? dir.appendingPathComponent("data")
        let yamlURL = dir.appendingPathComponent(fileName)
        let yamlPath = displayPath(yamlURL)
        // Only the template folder and --data may be read (symlinks resolved). report.yaml is
        // decoded first so the data loader keeps only the rows the template uses.
        let roots = InputRoots([dir] + (data.map { [$0] } ?? []))
        // A batch reads and decodes report.yaml once for all its units (`PreparedTemplate`);
        // its text is parsed once for every position the binding asks for (`TemplateSource`).
        let prepared = scope?.prepared ?? PreparedTemplate(template: dir, data: data)
        let (yamlRead, early, demand, source) = (prepared.yamlRead, prepared.early, prepared.demand, prepared.source)
        let loaded = DatasetCatalog.load(directory: dataDir, displayPrefix: displayPath(dataDir), subsets: scope?.subsets,
                                         roots: roots, demand: demand ?? .all)
        // report.yaml decoded before the bound template is made: the placeholder (itself a decode,
        // with the runtime's first-use costs) is needed only when it cannot be read or decoded.
        var yamlData = Data()
        var decodedFile: TemplateFile?
        var problems: [Diagnostic] = []
        switch yamlRead {
        case .success(let d):
            yamlData = d
            let (decoded, decodeProblems) = early ?? YAMLLoader.decodeAll(TemplateFile.self, data: yamlData, file: yamlPath)
            if let decoded, decodeProblems.isEmpty { decodedFile = decoded } else { problems = decodeProblems }
        case .failure(let f):
            problems = [Diagnostic(.error, file: yamlPath, line: 1, column: 1, "the template file \(f.explanation)")]
        }
        var bound = BoundTemplate(
            name: dir.lastPathComponent, templateDirectory: dir, dataDirectory: dataDir,
            file: decodedFile ?? placeholderFile, catalog: loaded.catalog, charts: [], info: ReportInfo(title: ""),
            sections: [], boundTexts: [:], tables: [:], sources: [], values: [:], diagnostics: [])
        bound.yamlPath = yamlPath
        bound.dataDisplayPath = displayPath(dataDir)
        guard decodedFile != nil else {
            bound.diagnostics = loaded.diagnostics + problems
            return bound
        }
        bound.yamlText = String(decoding: yamlData, as: UTF8.self)
        // Like a compiler, stop at the first layer with errors: a bad cell would otherwise be
        // reported again by every placeholder and chart that uses its record.
        if loaded.hasErrors {
            bound.diagnostics = loaded.diagnostics
            return bound
        }
        var binding = TemplateBinding(bound: bound, source: source ?? TemplateSource(path: yamlPath, text: bound.yamlText))
        binding.diagnostics = loaded.diagnostics
        binding.unit = scope?.fields(catalog: loaded.catalog, formatter: binding.formatter)
        binding.bindChartsAndSections()
        binding.checkReferences()
        binding.bindInfo(sourceDateEpoch: sourceDateEpoch)
        return binding.finish()
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
