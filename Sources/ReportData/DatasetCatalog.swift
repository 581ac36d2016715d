import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// All datasets of a report's data directory, with figures addressable by id.
public struct DatasetCatalog: Sendable {
    public var metadata: CatalogMetadata?
    /// Relative dates (今年3月, 近日, 今年以来) were resolved against this.
    public var reportDate: PartialDate
    public var datasets: [String: Dataset]
    public var figures: [String: Figure]
    /// Figure ids in file order (source figures first, then derived).
    public var figureIDs: [String]

    /// The dataset loaded from `<name>.csv`, or nil.
    public func dataset(named name: String) -> Dataset? { datasets[name] }
    /// The figure with id `id` (from a figures table or derived), or nil.
    public func figure(id: String) -> Figure? { figures[id] }
    /// `figures.village_income_total` or `<dataset>.<record id>` as used by prose placeholders.
    public func figure(path: String) -> Figure? {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return figures[path] }
        guard let f = figures[parts[1]], datasets[parts[0]]?.metadata.kind == .figures || f.dataset == parts[0] else { return nil }
        return f
    }
    /// A record of any dataset by its id column.
    public func record(dataset: String, id: String) -> Record? { datasets[dataset]?.record(id: id) }
    public var orderedFigures: [Figure] { figureIDs.compactMap { figures[$0] } }

    /// Where a figure comes from, for notes: its source sentence, or for a derived value the
    /// labels of its inputs ("由村级集体经营性收入、村级集体经营性收入同比增长推算").
    public func provenance(of id: String) -> String? {
        guard let f = figures[id] else { return nil }
        guard f.derived else { return f.sourceSentence }
        return "由" + f.inputs.map { figures[$0]?.label ?? $0 }.joined(separator: "、") + "推算"
    }
}

/// What `DatasetCatalog.load` returns: the catalog (possibly partial) and every diagnostic.
public struct LoadResult: Sendable {
    public var catalog: DatasetCatalog
    public var diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    /// The lines `report check` prints: one per diagnostic, then a summary.
    public var report: String {
        let lines = diagnostics.map(\.description)
        let summary = "\(errors.count) error(s), \(warnings.count) warning(s) in \(catalog.datasets.count) dataset(s), \(catalog.figures.count) figure(s)"
        return (lines + [summary]).joined(separator: "\n")
    }
    /// 0 when there are no errors, 1 otherwise (warnings do not fail a check).
    public var exitCode: Int32 { hasErrors ? 1 : 0 }
}

extension DatasetCatalog {
    /// Loads `catalog.yaml` and every `<name>.csv` + `<name>.yaml` pair in `directory`, computes
    /// derived figures and, when catalog.yaml names the source text, checks that every record's
    /// source sentence occurs in it verbatim. `reportDate` overrides catalog.yaml's.
    /// Diagnostics name files as `<displayPrefix>/<file>`; the default prefix is the directory's last
    /// two components (`linping-annual/data/figures.csv`); pass "" for bare file names.
    /// `subsets` replaces some CSV files by a subset of their rows (one batch unit's).
    /// Every file is read through `InputFile`: it must lead inside `roots` (default: the folder
    /// itself) and be a regular file within its size limit. Rows not in `demand` are validated,
    /// then dropped.
    public static func load(directory: URL, reportDate: PartialDate? = nil, displayPrefix: String? = nil,
                            subsets: [String: CSVSubset]? = nil,
                            roots: InputRoots? = nil, demand: RowDemand = .all) -> LoadResult {
        let roots = roots ?? InputRoots([directory])
        let prefix = displayPrefix ?? directory.deletingLastPathComponent().lastPathComponent + "/" + directory.lastPathComponent
        func shown(_ file: String) -> String { prefix.isEmpty ? file : prefix + "/" + file }
        var sink = DiagnosticSink(cap: 500)
        /// The file's bytes; nil (with an error unless it is just missing) when it may not be read.
        func read(_ file: String, limit: Int) -> Data? {
            switch InputFile.read(directory.appendingPathComponent(file), within: roots, limit: limit) {
            case .success(let d): return d
            case .failure(.missing): return nil
            case .failure(let f): sink.error(shown(file), 1, 1, "\(file) \(f.explanation)"); return nil
            }
        }
        var catalogMeta: CatalogMetadata?
        let catalogURL = directory.appendingPathComponent("catalog.yaml")
        if let failure = InputFile.checkDirectory(directory, within: roots), failure != .missing {
            sink.error(shown(""), 1, 1, "the data folder \(failure.explanation)")
            return LoadResult(catalog: DatasetCatalog(metadata: nil, reportDate: reportDate ?? PartialDate(year: 2022)!,
                                                      datasets: [:], figures: [:], figureIDs: []),
                              diagnostics: sink.finish(file: shown("")))
        }
        if let data = read("catalog.yaml", limit: InputLimits.yamlBytes) {
            switch MetadataCache.shared.catalog(data, file: shown("catalog.yaml")) {
            case .success(let m): catalogMeta = m
            case .failure(let d): sink.add(d)
            }
        } else if reportDate == nil && !sink.hasErrors {
            sink.error(shown("catalog.yaml"), 1, 1, "missing catalog.yaml (needs report_year and report_date)")
        }
        var resolved = reportDate
        if resolved == nil, let m = catalogMeta {
            let parser = DateParser(reportDate: PartialDate(year: m.reportYear)!)
            switch parser.parse(m.reportDate) {
            case .success(.point(let p)): resolved = p
            default:
                let mk = YAMLLoader.mark(["report_date"], in: Self.text(of: catalogURL, in: directory))
                sink.error(shown("catalog.yaml"), mk.line, mk.column, "report_date \"\(m.reportDate)\" is not a single date")
            }
        }
        let date = resolved ?? PartialDate(year: catalogMeta?.reportYear ?? 2022)!
        var catalog = DatasetCatalog(metadata: catalogMeta, reportDate: date, datasets: [:], figures: [:], figureIDs: [])

        let names = DirectoryNames.list(directory.path).sorted()
        if names.isEmpty { sink.error(shown(""), 1, 1, "data directory is missing or empty") }
        let csvNames = Set(names.filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) })
        let yamlNames = Set(names.filter { $0.hasSuffix(".yaml") && $0 != "catalog.yaml" }.map { String($0.dropLast(5)) })
        if csvNames.count > InputLimits.datasets {
            sink.error(shown(""), 1, 1, "\(csvNames.count) datasets; the limit is \(InputLimits.datasets)")
            return LoadResult(catalog: catalog, diagnostics: sink.finish(file: shown("")))
        }
        for orphan in yamlNames.subtracting(csvNames).sorted() {
            sink.error(shown(orphan + ".yaml"), 1, 1, "metadata without data: \(orphan).csv is missing")
        }
        let loader = DatasetLoader(reportDate: date, sections: catalogMeta?.sections, demand: demand)
        for name in csvNames.sorted() {
            let errorsBefore = sink.errorCount
            guard let yaml = read(name + ".yaml", limit: InputLimits.yamlBytes) else {
                if sink.errorCount == errorsBefore { sink.error(shown(name + ".csv"), 1, 1, "no metadata: \(name).yaml is missing") }
                continue
            }
            let subset = subsets?[name]
            let csvData: Data
            if let subset { csvData = Data(subset.text.utf8) } else {
                guard let whole = read(name + ".csv", limit: InputLimits.csvBytes) else { continue }
                csvData = whole
            }
            // A batch unit's subset has its own line numbers (remapped below): its charts are
            // checked by the binder, not counted here.
            var unitLoader = loader
            if subset != nil { unitLoader.demand.caps[name] = nil }
            var (ds, diags) = unitLoader.load(name: name, csv: csvData, csvPath: shown(name + ".csv"),
                                          yaml: yaml, yamlPath: shown(name + ".yaml"))
            subset?.remap(&ds, &diags, csvPath: shown(name + ".csv"))
            sink.append(contentsOf: diags)
            if let ds { catalog.datasets[name] = ds }
        }
        catalog.collectFigures(sink: &sink, shown: shown)
        catalog.computeDerived(directory: directory, sink: &sink, shown: shown)
        if let path = catalogMeta?.source?.path {
            // The source text belongs to the data folder: a template never reads outside itself.
            let catalogText = (try? String(contentsOf: catalogURL, encoding: .utf8)) ?? ""
            let mk = YAMLLoader.mark(["source", "path"], in: catalogText)
            if path.hasPrefix("/") || path.split(separator: "/").contains("..") || path.contains("\0") || path.isEmpty {
                sink.error(shown("catalog.yaml"), mk.line, mk.column,
                           "source path \"\(path)\" must be a file inside the data folder (no absolute path, no '..'); copy the text next to catalog.yaml")
            } else {
                catalog.verifySentences(sourceURL: directory.appendingPathComponent(path), shownPath: shown(path),
                                        at: mk, roots: roots, sink: &sink, shown: shown)
            }
        }
        return LoadResult(catalog: catalog, diagnostics: sink.finish(file: shown("")))
    }

    mutating func collectFigures(sink: inout DiagnosticSink, shown: (String) -> String) {
        for (name, ds) in datasets.sorted(by: { $0.key < $1.key }) where ds.metadata.kind == .figures {
            for r in ds.records {
                guard let id = r.id, let q = r["value"].quantity else { continue }
                if let other = figures[id] {
                    sink.error(shown(name + ".csv"), r.line, 1, "figure id '\(id)' is also defined in \(other.dataset).csv:\(other.line)")
                    continue
                }
                figures[id] = Figure(id: id, label: r["label"].text ?? id, quantity: q, rank: r["rank"].rank,
                                     date: r["date"].date, section: r.section, sourceSentence: r.sourceSentence,
                                     dataset: name, line: r.line)
                figureIDs.append(id)
            }
        }
        resolveDisplay(sink: &sink, shown: shown)
    }

    /// A file already loaded, read again for positions: through the same checks, "" when refused.
    static func text(of url: URL, in directory: URL, limit: Int = InputLimits.yamlBytes) -> String {
        let data = (try? InputFile.read(url, within: InputRoots([directory]), limit: limit).get()) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// True when some CSV of the folder has a row whose first cell is `id` (a row that failed to load).
    static func rowExists(_ id: String, in directory: URL, datasets: some Sequence<String>) -> Bool {
        datasets.contains { name in
            let text = Self.text(of: directory.appendingPathComponent(name + ".csv"), in: directory, limit: InputLimits.csvBytes)
            return text.split(whereSeparator: \.isNewline).contains { $0.hasPrefix(id + ",") }
        }
    }

    mutating func computeDerived(directory: URL, sink: inout DiagnosticSink, shown: (String) -> String) {
        let parser = DateParser(reportDate: reportDate)
        for (name, ds) in datasets.sorted(by: { $0.key < $1.key }) {
            guard !ds.metadata.derived.isEmpty else { continue }
            // Parsed once per process for every derived figure's line (not once per figure and unit).
            let marks = MetadataCache.shared.marks(Self.text(of: directory.appendingPathComponent(name + ".yaml"), in: directory))
            for (i, spec) in ds.metadata.derived.enumerated() {
                func fail(_ key: String, _ message: String) {
                    let m = marks.mark(["derived", "\(i)", key])
                    sink.error(shown(name + ".yaml"), m.line, m.column, message)
                }
                if figures[spec.id] != nil { fail("id", "derived id '\(spec.id)' is already a figure"); continue }
                let formula: Formula
                switch Formula.parse(spec.formula) {
                case .success(let f): formula = f
                case .failure(let e): fail("formula", e.description); continue
                }
                let value: Quantity
                switch formula.evaluate({ self.figures[$0]?.quantity }, unit: spec.unit) {
                case .success(let q) where InputLimits.magnitudeProblem(q.value) != nil:
                    fail("formula", "the result \(q.value) \(InputLimits.magnitudeProblem(q.value)!)"); continue
                case .success(let q): value = q
                case .failure(.missingInput(let id)) where Self.rowExists(id, in: directory, datasets: datasets.keys):
                    continue  // The row is there but has an error of its own, already reported.
                case .failure(let e): fail("formula", e.description); continue
                }
                var date: DateValue?
                if let d = spec.date {
                    switch parser.parse(d) {
                    case .success(let v): date = v
                    case .failure(let e): fail("date", "\"\(d)\" \(e.explanation)")
                    }
                }
                figures[spec.id] = Figure(id: spec.id, label: spec.label, quantity: value, date: date,
                                          section: spec.section, derived: true, inputs: formula.inputs,
                                          formula: spec.formula, decimals: spec.decimals, dataset: name,
                                          line: marks.mark(["derived", "\(i)"]).line)
                if let u = metadata?.display?.unit(for: value), u != value.unit { figures[spec.id]?.displayUnit = u }
                figureIDs.append(spec.id)
            }
        }
    }

    /// Every record's source sentence must be a verbatim substring of the source text.
    /// True when `needle`'s UTF-8 bytes occur in `haystack`.
    static func bytes(of haystack: Data, contain needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            n.isEmpty || haystack.withUnsafeBytes { h in
                guard h.count >= n.count, let base = h.baseAddress else { return false }
                // memchr for the first byte, memcmp for the rest (glibc's memmem is a GNU extension).
                var at = 0
                let last = h.count - n.count
                while at <= last, let hit = memchr(base + at, Int32(n[0]), last - at + 1) {
                    let i = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + i, n.baseAddress!, n.count) == 0 { return true }
                    at = i + 1
                }
                return false
            }
        }
    }

    func verifySentences(sourceURL: URL, shownPath: String, at mark: (line: Int, column: Int), roots: InputRoots,
                         sink: inout DiagnosticSink, shown: (String) -> String) {
        let data: Data
        switch InputFile.read(sourceURL, within: roots, limit: InputLimits.sourceTextBytes) {
        case .success(let d): data = d
        case .failure(.missing):
            sink.warning(shown("catalog.yaml"), mark.line, mark.column,
                         "source text \(shownPath) not found; source sentences not verified")
            return
        case .failure(let f):
            sink.error(shown("catalog.yaml"), mark.line, mark.column, "source text \(shownPath) \(f.explanation)")
            return
        }
        let article = String(decoding: data, as: UTF8.self)
        for (name, ds) in datasets.sorted(by: { $0.key < $1.key }) {
            let col = ds.metadata.columns.firstIndex { $0.name == ds.metadata.sentenceColumn }.map { $0 + 1 } ?? 1
            for r in ds.records {
                guard let s = r.sourceSentence else { continue }
                // The bytes first: Foundation's `contains` folds character clusters one by one
                // (3% of a default render); it decides only what the bytes do not find.
                if !Self.bytes(of: data, contain: s) && !article.contains(s) {
                    sink.error(shown(name + ".csv"), r.line, col, "source sentence not found verbatim in the source text")
                }
            }
        }
    }
}
