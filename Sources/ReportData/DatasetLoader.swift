import Foundation

/// Reads one `<name>.csv` + `<name>.yaml` pair into a typed `Dataset`, reporting every problem
/// with the cell it concerns.
public struct DatasetLoader: Sendable {
    public var reportDate: PartialDate
    /// Allowed section names (from catalog.yaml); nil accepts any.
    public var sections: [String]?
    /// The rows to keep (all by default); the others are validated, then dropped.
    public var demand: RowDemand

    public init(reportDate: PartialDate, sections: [String]? = nil, demand: RowDemand = .all) {
        self.reportDate = reportDate; self.sections = sections; self.demand = demand
    }

    /// `csvPath`/`yamlPath` are the names diagnostics show (relative paths read best).
    public func load(name: String, csv: Data, csvPath: String, yaml: Data, yamlPath: String) -> (dataset: Dataset?, diagnostics: [Diagnostic]) {
        switch MetadataCache.shared.metadata(yaml, file: yamlPath) {
        case .success(let m): return load(name: name, csv: csv, csvPath: csvPath, metadata: m, yaml: yaml, yamlPath: yamlPath)
        case .failure(let d): return (nil, [d])
        }
    }

    /// The same with `meta` already decoded from `yaml` (the bytes still place metadata errors):
    /// a caller loading many CSV files against one metadata file decodes it once.
    public func load(name: String, csv: Data, csvPath: String, metadata meta: DatasetMetadata,
                     yaml: Data, yamlPath: String) -> (dataset: Dataset?, diagnostics: [Diagnostic]) {
        var sink = DiagnosticSink()
        checkMetadata(meta, yamlPath: yamlPath, yaml: yaml, sink: &sink)
        let bytes: [UInt8]
        switch TextDecoding.utf8Bytes(csv, file: csvPath) {
        case .success(let b): bytes = b
        case .failure(let d): sink.add(d); return (nil, sink.finish(file: csvPath))
        }
        // Streams the rows: the first is the header, every other becomes a record, validated and
        // kept only when the template uses it.
        var header: CSVRow?, columns: [ColumnSpec]?, dataRows = 0
        var records: [Record] = []
        var seenIDs: [String: Int] = [:]
        // About one row per 24 bytes: growing a million-entry table step by step costs more than the rows.
        seenIDs.reserveCapacity(min(bytes.count / 24, InputLimits.rows))
        var cells = DiagnosticSink()
        var counter: CapCounter?
        // The id column's index when its cells are ids or text (a record's id is then its trimmed text).
        var idIndex: Int??
        let structural = CSVParser.parse(bytes: bytes, file: csvPath) { row in
            guard let columns else {
                header = row
                columns = checkHeader(row, meta: meta, file: csvPath, sink: &cells)
                if let columns, let caps = demand.caps[name], !caps.isEmpty { counter = CapCounter(caps, columns: columns) }
                return columns != nil
            }
            dataRows += 1
            guard row.fields.count == columns.count else {
                let col = min(row.fields.count, columns.count) + 1
                cells.error(csvPath, row.line, col, "row has \(row.fields.count) fields but the header has \(columns.count)")
                return true
            }
            // Counted before the row is converted: past a chart's limit, nothing more is read.
            if let cap = counter?.count(row) {
                var d = cap.diagnostic
                d.message += "; record \(cap.limit + 1) is \(csvPath):\(row.line), the rest was not read"
                cells.add(d)
                return false
            }
            // A row the template does not use is validated cell by cell without building its
            // record (most rows of a large table): same checks, same messages.
            if idIndex == nil { idIndex = textIDIndex(columns, meta) }
            var rec: Record?, id: String?
            if meta.kind != .figures, let i = idIndex!, case let q = Self.nonEmpty(row.fields[i].text.trimmed),
               !demand.keeps(dataset: name, id: q) {
                validate(row, columns: columns, meta: meta, file: csvPath, sink: &cells)
                id = q
            } else {
                rec = record(row, columns: columns, meta: meta, file: csvPath, sink: &cells)
                id = rec!.id
            }
            if let id {
                if let first = seenIDs[id] {
                    let col = columns.firstIndex { $0.name == idColumn(meta) }.map { $0 + 1 } ?? 1
                    cells.error(csvPath, row.line, col, "duplicate id '\(id)' (first used on line \(first))")
                    rec?.id = nil
                } else { seenIDs[id] = row.line }
            }
            // Figures feed prose, notes and derived values: always kept.
            if let rec, meta.kind == .figures || demand.keeps(dataset: name, id: rec.id) { records.append(rec) }
            return true
        }
        // Structural errors first: they explain why a row is missing.
        sink.append(contentsOf: structural)
        sink.absorb(cells)
        guard let header else {
            if structural.isEmpty {
                sink.error(csvPath, 1, 1, "file is empty; expected a header row: \(meta.columns.map(\.name).joined(separator: ","))")
            }
            return (nil, sink.finish(file: csvPath))
        }
        guard columns != nil else { return (nil, sink.finish(file: csvPath)) }
        if dataRows == 0 && structural.isEmpty {
            sink.error(csvPath, header.line, 1, "file has a header but no data rows")
        }
        return (Dataset(name: name, metadata: meta, records: records), sink.finish(file: csvPath))
    }

    /// Counts the records each cap of a dataset takes, in file order.
    struct CapCounter {
        let caps: [RowCap]
        /// Per cap: (field index, wanted text) of its `where:`; a column the file lacks matches nothing.
        let tests: [[(Int?, String)]]
        var counts: [Int]

        init(_ caps: [RowCap], columns: [ColumnSpec]) {
            self.caps = caps
            tests = caps.map { c in c.match.map { (k, v) in (columns.firstIndex { $0.name == k }, v) } }
            counts = Array(repeating: 0, count: caps.count)
        }

        /// The first cap `row` takes past its limit, or nil.
        mutating func count(_ row: CSVRow) -> RowCap? {
            for (i, test) in tests.enumerated() where test.allSatisfy({ t in t.0.map { row.fields[$0].text == t.1 } ?? false }) {
                counts[i] += 1
                if counts[i] > caps[i].limit { return caps[i] }
            }
            return nil
        }
    }

    /// The common cell `123` or `12.5` (ASCII digits, at most one dot, up to 15 digits) read
    /// directly: what ValueForms returns for it, without its normalising passes.
    static func plainDecimal(_ t: String) -> Result<ValueForms.Parsed, ValueForms.Problem>? {
        var digits = 0, dots = 0
        for b in t.utf8 {
            if b >= 0x30 && b <= 0x39 { digits += 1 } else if b == 0x2E { dots += 1 } else { return nil }
        }
        guard digits > 0, digits <= 15, dots <= 1, t.utf8.first != 0x2E, t.utf8.last != 0x2E, let v = Double(t) else { return nil }
        return .success(ValueForms.Parsed(value: v, shape: .single, percent: false, normalisedFullWidth: false))
    }

    func idColumn(_ meta: DatasetMetadata) -> String? {
        meta.idColumn ?? meta.columns.first { $0.type == .id }?.name
    }

    private func checkMetadata(_ meta: DatasetMetadata, yamlPath: String, yaml: Data, sink: inout DiagnosticSink) {
        let text = String(decoding: yaml, as: UTF8.self)
        func at(_ path: [String], _ message: String) {
            let m = YAMLLoader.mark(path, in: text)
            sink.error(yamlPath, m.line, m.column, message)
        }
        var seen = Set<String>()
        for (i, c) in meta.columns.enumerated() {
            if !seen.insert(c.name).inserted { at(["columns", "\(i)", "name"], "duplicate column '\(c.name)'") }
            for (key, ref, want) in [("unit_column", c.unitColumn, ColumnType.unit), ("qualifier_column", c.qualifierColumn, .qualifier)] {
                guard let ref else { continue }
                if c.type != .number { at(["columns", "\(i)", key], "\(key) applies to number columns only") }
                if meta.column(named: ref)?.type != want {
                    at(["columns", "\(i)", key], "\(key) '\(ref)' must name a column of type \(want.rawValue)")
                }
            }
            if c.unit != nil && c.unitColumn != nil { at(["columns", "\(i)", "unit"], "give either unit or unit_column, not both") }
        }
        if let id = meta.idColumn, meta.column(named: id) == nil { at(["id_column"], "id_column '\(id)' is not a declared column") }
        if let r = meta.referenceDateColumn, meta.column(named: r)?.type != .date {
            at(["reference_date_column"], "reference_date_column '\(r)' must name a declared column of type date")
        }
        if meta.kind == .figures {
            for (name, type) in [("label", ColumnType.text), ("value", .number)] where meta.column(named: name)?.type != type {
                at(["kind"], "a figures dataset needs a '\(name)' column of type \(type.rawValue)")
            }
            if idColumn(meta) == nil { at(["kind"], "a figures dataset needs an id column") }
        }
    }

    /// Maps header fields to specs; nil when the header is unusable.
    private func checkHeader(_ header: CSVRow, meta: DatasetMetadata, file: String, sink: inout DiagnosticSink) -> [ColumnSpec]? {
        let names = header.fields.map { $0.text.trimmed }
        // Only for messages: joining is a generic call whose first use resolves types by name.
        func expected() -> String { meta.columns.map(\.name).joined(separator: ",") }
        if !names.contains(where: { meta.column(named: $0) != nil }) {
            sink.error(file, header.line, 1, "missing header row; the first line should be: \(expected())")
            return nil
        }
        var ok = true, specs: [ColumnSpec] = []
        var firstSeen: [String: Int] = [:]
        for (i, n) in names.enumerated() {
            if let j = firstSeen[n] {
                sink.error(file, header.line, i + 1, "duplicate column '\(n)' (also column \(j))"); ok = false
            } else { firstSeen[n] = i + 1 }
            if let spec = meta.column(named: n) { specs.append(spec) } else {
                sink.error(file, header.line, i + 1, "unknown column '\(n)'; declared columns: \(expected())"); ok = false
            }
        }
        for c in meta.columns where firstSeen[c.name] == nil {
            sink.error(file, header.line, names.count + 1, "missing column '\(c.name)' declared in the metadata"); ok = false
        }
        return ok ? specs : nil
    }

    /// The id column's index when a record's id is its trimmed cell text (columns of type id or
    /// text), else nil.
    private func textIDIndex(_ columns: [ColumnSpec], _ meta: DatasetMetadata) -> Int? {
        guard let name = idColumn(meta), let i = columns.firstIndex(where: { $0.name == name }),
              columns[i].type == .id || columns[i].type == .text else { return nil }
        return i
    }

    static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

    private func record(_ row: CSVRow, columns: [ColumnSpec], meta: DatasetMetadata, file: String, sink: inout DiagnosticSink) -> Record {
        var raw: [String: String] = [:]
        raw.reserveCapacity(columns.count)
        for (c, f) in zip(columns, row.fields) { raw[c.name] = f.text }
        var values: [String: CellValue] = [:]
        values.reserveCapacity(columns.count)
        let section = checkCells(row, columns: columns, meta: meta, file: file, sink: &sink, text: { raw[$0] }) { values[$0] = $1 }
        let id = idColumn(meta).flatMap { values[$0]?.text }
        let sentence = raw[meta.sentenceColumn].flatMap { $0.isEmpty ? nil : $0 }
        return Record(line: row.line, values: values, raw: raw, id: id, sourceSentence: sentence, section: section)
    }

    /// The checks of `record` alone, for a row that is not kept.
    private func validate(_ row: CSVRow, columns: [ColumnSpec], meta: DatasetMetadata, file: String, sink: inout DiagnosticSink) {
        _ = checkCells(row, columns: columns, meta: meta, file: file, sink: &sink,
                       text: { name in columns.firstIndex { $0.name == name }.map { row.fields[$0].text } }) { _, _ in }
    }

    /// Checks every cell of `row`, handing each column's value to `store`; returns the row's
    /// section. `text(name)` is the raw text of the named column.
    private func checkCells(_ row: CSVRow, columns: [ColumnSpec], meta: DatasetMetadata, file: String, sink: inout DiagnosticSink,
                            text raw: (String) -> String?, store: (String, CellValue) -> Void) -> String? {
        let dates = DateParser(reportDate: referenceDate(row, columns: columns, meta: meta, file: file, sink: &sink))
        for (c, f) in zip(columns, row.fields) {
            let t = f.text.trimmed
            func error(_ m: String) { sink.error(file, f.line, f.column, m) }
            if t.isEmpty {
                if c.required { error("empty required cell (column \(c.name))") }
                store(c.name, .empty); continue
            }
            switch c.type {
            case .text, .unit:
                if let allowed = c.values, !allowed.contains(t) {
                    error("\"\(t)\" is not allowed in column \(c.name) (allowed: \(allowed.joined(separator: ", ")))"
                          + (DidYouMean.suggestion(for: t, in: allowed).map { "; did you mean \"\($0)\"?" } ?? ""))
                }
                store(c.name, .text(t))
            case .id:
                if !t.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }) {
                    error("id \"\(t)\" may contain only ASCII letters, digits and _")
                }
                store(c.name, .text(t))
            case .qualifier:
                if let q = Qualifier(text: t) { store(c.name, .qualifier(q)) }
                else { error("\"\(t)\" is not a qualifier (use \(QualifierMark.acceptedList); empty = exact)") }
            case .rank:
                store(c.name, .rank(Rank(t)))
            case .date, .span:
                switch dates.parse(t) {
                case .success(let d):
                    if c.type == .span, case .point = d { error("\"\(t)\" is a single date; column \(c.name) needs a span (A/B or A以来)") }
                    store(c.name, .date(d))
                case .failure(let e): error("\"\(t)\" \(e.explanation) (column \(c.name))")
                }
            case .number:
                if let v = number(t, column: c, raw: raw, error: error, warn: { sink.warning(file, f.line, f.column, $0) }) {
                    store(c.name, .number(v))
                }
            }
        }
        let section = raw(meta.sectionColumn).map { $0.trimmed }.flatMap { $0.isEmpty ? nil : $0 }
        if let s = section, let allowed = sections, !allowed.contains(s),
           let i = columns.firstIndex(where: { $0.name == meta.sectionColumn }) {
            sink.error(file, row.fields[i].line, i + 1, "unknown section \"\(s)\" (sections: \(allowed.joined(separator: ", ")))")
        }
        return section
    }

    /// The date this record's relative wording resolves against: its reference-date cell when
    /// the metadata names one and the cell is filled (it must be an absolute date), else the
    /// report date.
    private func referenceDate(_ row: CSVRow, columns: [ColumnSpec], meta: DatasetMetadata, file: String,
                               sink: inout DiagnosticSink) -> PartialDate {
        guard let col = meta.referenceDateColumn, let i = columns.firstIndex(where: { $0.name == col }),
              i < row.fields.count else { return reportDate }
        let f = row.fields[i]
        let t = f.text.trimmed
        guard !t.isEmpty else { return reportDate }
        if case .success(.point(let p)) = DateParser(reportDate: reportDate).parse(t), !p.approximate,
           DateParser.isAbsolute(t) {
            return p
        }
        sink.error(file, f.line, f.column, "\"\(t)\" is not an absolute date; the reference date (column \(col)) must be one such as 2022-04-19, 2022-04 or 2022年4月19日")
        return reportDate
    }

    /// A number cell with its unit and qualifier: single amounts, ratios (1.58:1) and ranges (3-5).
    private func number(_ t: String, column c: ColumnSpec, raw: (String) -> String?, error: (String) -> Void,
                        warn: (String) -> Void) -> Quantity? {
        var unit = c.unit ?? c.unitColumn.flatMap { raw($0)?.trimmed } ?? ""
        let unitNote = unit.isEmpty ? "" : ", unit \(unit)"
        let p: ValueForms.Parsed
        switch Self.plainDecimal(t) ?? ValueForms.parse(t) {
        case .success(let v): p = v
        case .failure(let e): error("\"\(t)\" \(e.explanation) (column \(c.name)\(unitNote))"); return nil
        }
        if let why = InputLimits.magnitudeProblem(p.value) {
            error("\"\(t)\" \(why) (column \(c.name)\(unitNote))"); return nil
        }
        if p.percent {
            if unit.isEmpty { unit = "%" }
            else if unit != "%" { error("\"\(t)\" has a % sign but the unit is \(unit) (column \(c.name))"); return nil }
        }
        // A ratio written with the old ":1" unit work-around reads the same as 1.58:1.
        if case .ratio = p.shape, !unit.isEmpty {
            error("\"\(t)\" is a ratio; leave its unit empty (column \(c.name), unit \(unit))"); return nil
        }
        if p.normalisedFullWidth { warn("full-width characters in \"\(t)\" were read as \(p.value); type ASCII digits") }
        let mark = c.qualifierColumn.flatMap { raw($0) }.flatMap { QualifierMark(text: $0) } ?? QualifierMark(.exact)
        // The word is stored only when it differs from the meaning's default, so 余 and more_than are equal.
        let word = mark.word == mark.meaning.defaultWord ? nil : mark.word
        return Quantity(p.value, unit: unit, qualifier: mark.meaning, word: word, shape: p.shape, explicitPlus: p.explicitPlus)
    }
}
