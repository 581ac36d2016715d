import Foundation
import ReportComposer
import ReportData

/// What a batch is made of, read once before any unit is built: the unit ids, where each unit's
/// rows are in every CSV file (byte ranges, not text: memory per unit is a few numbers whatever
/// the data's size), and the fingerprint of the inputs all units share.
struct BatchPlan: Sendable {
    var spec: BatchSpec
    /// Sorted (byte order), which fixes the shard split and the order of index.csv.
    var units: [String]
    /// Dataset name → its file cut by unit (the units dataset by its id column, the others by the key).
    var splits: [String: CSVSplit]
    /// Dataset name → its CSV file as messages show it.
    var csvPaths: [String: String]
    /// Template and data files other than the split CSVs, the tool and the creation date.
    var sharedKey: String
    /// report.yaml read and decoded once, shared by every unit's binding.
    var prepared: PreparedTemplate

    /// Folder names: no path separators, no dot files, no case-only collisions on any file system.
    static func isValidUnitID(_ id: String) -> Bool {
        let b = Array(id.utf8)
        func ok(_ c: UInt8, first: Bool) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (!first && (c == 0x5F || c == 0x2D))
        }
        return (1...64).contains(b.count) && ok(b[0], first: true) && b.dropFirst().allSatisfy { ok($0, first: false) }
    }

    /// The unit's rows, read back from the files; fails when a file changed since the plan was made.
    func scope(_ unit: String) throws(CSVSplit.ReadError) -> UnitScope {
        var subsets: [String: CSVSubset] = [:]
        for (name, split) in splits { subsets[name] = try split.subset(unit, csvPath: csvPaths[name] ?? name + ".csv") }
        return UnitScope(id: unit, unitsDataset: spec.dataset, subsets: subsets, prepared: prepared)
    }

    /// A unit's input key: what all units share plus its own rows, so a changed cell changes the
    /// key of the one unit whose row it is.
    func inputKey(_ unit: String, scope: UnitScope) -> String {
        var f = Fingerprint()
        f.add("shared", sharedKey)
        f.add("unit", unit)
        for name in scope.subsets.keys.sorted() { f.add(name, scope.subsets[name]!.bytes) }
        return f.hex()
    }
}

extension BatchPlan {
    /// Reads report.yaml's `batch:` (or `override`, from `--each`) and cuts the data files. Every
    /// problem that is not one unit's (a missing units dataset, a bad unit id, a row of no unit)
    /// fails the whole batch before anything is written.
    static func make(template: URL, data: URL?, override: BatchSpec?, sourceDateEpoch: Int64?) -> Result<BatchPlan, BuildFailure> {
        let yamlURL = template.appendingPathComponent(TemplateLoader.fileName)
        let yamlPath = displayPath(yamlURL)
        func fail(_ file: String, _ line: Int, _ column: Int, _ message: String) -> Result<BatchPlan, BuildFailure> {
            .failure(BuildFailure(diagnostics: [Diagnostic(.error, file: file, line: line, column: column, message)]))
        }
        let prepared = PreparedTemplate(template: template, data: data)
        guard case .success(let yamlData) = prepared.yamlRead, let (decoded, problems) = prepared.early else {
            return fail(yamlPath, 1, 1, "cannot read the template file")
        }
        let yamlText = String(decoding: yamlData, as: UTF8.self)
        guard let file = decoded, problems.isEmpty else { return .failure(BuildFailure(diagnostics: problems)) }
        guard let spec = override ?? file.batch else {
            return fail(yamlPath, 1, 1, "not a batch template: report.yaml has no `batch: {dataset: ..., key: ...}` (or pass --each DATASET)")
        }
        let mark = override == nil ? YAMLLoader.mark(["batch", "dataset"], in: yamlText) : (line: 1, column: 1)
        let dataDir = data ?? template.appendingPathComponent("data")
        let dataShown = displayPath(dataDir)
        func shown(_ name: String) -> String { dataShown + "/" + name }
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: dataDir.path)) ?? []).sorted()
        let datasets = names.filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }
        guard datasets.contains(spec.dataset),
              let unitsYAML = fm.contents(atPath: dataDir.appendingPathComponent(spec.dataset + ".yaml").path) else {
            return fail(yamlPath, mark.line, mark.column,
                        "batch dataset '\(spec.dataset)' not found in \(dataShown) (datasets: \(datasets.joined(separator: ", ")))")
        }
        let meta: DatasetMetadata
        switch YAMLLoader.decode(DatasetMetadata.self, data: unitsYAML, file: shown(spec.dataset + ".yaml")) {
        case .success(let m): meta = m
        case .failure(let d): return .failure(BuildFailure(diagnostics: [d]))
        }
        guard let idColumn = meta.idColumn ?? meta.columns.first(where: { $0.type == .id })?.name else {
            return fail(shown(spec.dataset + ".yaml"), 1, 1,
                        "the batch dataset '\(spec.dataset)' needs an id column (type: id): each unit's id names its folder")
        }
        let roots = InputRoots([template] + (data.map { [$0] } ?? []))
        func split(_ name: String, by column: String) -> CSVSplit? {
            CSVSplit(file: dataDir.appendingPathComponent(name + ".csv"), within: roots, csvPath: shown(name + ".csv"), keyColumn: column)
        }
        let unitsURL = dataDir.appendingPathComponent(spec.dataset + ".csv")
        switch InputFile.openRegular(unitsURL, within: roots, limit: InputLimits.csvBytes) {
        case .success(let opened): close(opened.fd)
        case .failure(.missing): break
        case .failure(let why): return fail(shown(spec.dataset + ".csv"), 1, 1, "\(spec.dataset).csv \(why.explanation)")
        }
        guard let unitSplit = split(spec.dataset, by: idColumn) else {
            return fail(shown(spec.dataset + ".csv"), 1, 1, "the batch dataset has no '\(idColumn)' column in its header (its id column)")
        }
        var diags = unitSplit.diagnostics
        diags += checkUnitIDs(unitSplit, file: shown(spec.dataset + ".csv"))
        let units = Set(unitSplit.keys)
        let key = spec.key ?? idColumn
        var splits = [spec.dataset: unitSplit]
        for name in datasets where name != spec.dataset {
            guard let split = split(name, by: key) else { continue }
            diags += split.diagnostics
            for k in split.keys where !units.contains(k) {
                diags.append(Diagnostic(.error, file: shown(name + ".csv"), line: split.firstLine[k] ?? 1, column: split.keyField,
                                        "\(key) '\(k)' is not a unit: \(spec.dataset).csv has no row with this id"))
            }
            splits[name] = split
        }
        if units.isEmpty && diags.isEmpty {
            diags.append(Diagnostic(.error, file: shown(spec.dataset + ".csv"), line: 1, column: 1, "the batch dataset has no rows: no unit to render"))
        }
        if diags.contains(where: { $0.severity == .error }) { return .failure(BuildFailure(diagnostics: diags)) }
        let splitFiles = Set(splits.keys.map { dataDir.appendingPathComponent($0 + ".csv").standardizedFileURL.path })
        let shared = sharedKey(template: template, data: data, skipping: splitFiles, spec: spec, key: key, epoch: sourceDateEpoch)
        return .success(BatchPlan(spec: BatchSpec(dataset: spec.dataset, key: key), units: units.sorted(by: Self.byteOrder),
                                  splits: splits, csvPaths: splits.keys.reduce(into: [:]) { $0[$1] = shown($1 + ".csv") },
                                  sharedKey: shared, prepared: prepared))
    }

    /// Unit ids become folder names: checked here, with the cell they come from.
    static func checkUnitIDs(_ split: CSVSplit, file: String) -> [Diagnostic] {
        var diags: [Diagnostic] = []
        var folded: [String: String] = [:]
        for id in split.keys {
            let lines = split.lines(of: id)
            if !isValidUnitID(id) {
                diags.append(Diagnostic(.error, file: file, line: lines[0], column: split.keyField,
                    "unit id \"\(id)\" cannot name a folder: use 1 to 64 ASCII letters, digits, '_' or '-', starting with a letter or digit"))
            }
            if lines.count > 1 {
                diags.append(Diagnostic(.error, file: file, line: lines[1], column: split.keyField,
                    "unit id '\(id)' appears twice (first on line \(lines[0])): each unit has one row"))
            }
            if let other = folded[id.lowercased()] {
                diags.append(Diagnostic(.error, file: file, line: lines[0], column: split.keyField,
                    "unit ids '\(other)' and '\(id)' differ only in case: their folders would be one on macOS and Windows"))
            } else { folded[id.lowercased()] = id }
        }
        return diags
    }

    static func byteOrder(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }

    /// Paths are hashed relative to their folder, so shards on machines that mount the template
    /// elsewhere compute the same keys (and write the same manifests).
    static func sharedKey(template: URL, data: URL?, skipping: Set<String>, spec: BatchSpec, key: String, epoch: Int64?) -> String {
        var f = Fingerprint()
        f.add("tool", InputFingerprints.toolVersion)
        f.add("executable", InputFingerprints.executableIdentity)
        f.add("epoch", epoch.map(String.init) ?? "")
        f.add("batch", spec.dataset + "\n" + key)
        for (label, root) in [("template", template), ("data", data)] {
            guard let root else { continue }
            for file in QuickCheck.regularFiles(below: root) where !skipping.contains(file.url.standardizedFileURL.path) {
                f.add(label + file.relative, (try? Data(contentsOf: file.url)) ?? Data())
            }
        }
        return f.hex()
    }

    static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let p = url.standardizedFileURL.path
        return p.hasPrefix(cwd) ? String(p.dropFirst(cwd.count)) : p
    }
}
