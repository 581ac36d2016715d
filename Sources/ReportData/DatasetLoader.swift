import Foundation

/// Reads one `<name>.csv` + `<name>.yaml` pair into a typed `Dataset`, reporting every problem
/// with the cell it concerns.
public struct DatasetLoader: Sendable {
    public var reportDate: PartialDate
    /// Allowed section names (from catalog.yaml); nil accepts any.
    public var sections: [String]?

    public init(reportDate: PartialDate, sections: [String]? = nil) {
        self.reportDate = reportDate; self.sections = sections
    }

    /// `csvPath`/`yamlPath` are the names diagnostics show (relative paths read best).
    public func load(name: String, csv: Data, csvPath: String, yaml: Data, yamlPath: String) -> (dataset: Dataset?, diagnostics: [Diagnostic]) {
        var sink = DiagnosticSink()
        let meta: DatasetMetadata
        switch YAMLLoader.decode(DatasetMetadata.self, data: yaml, file: yamlPath) {
        case .success(let m): meta = m
        case .failure(let d): return (nil, [d])
        }
        checkMetadata(meta, yamlPath: yamlPath, yaml: yaml, sink: &sink)
        let text: String
        switch TextDecoding.utf8(csv, file: csvPath) {
        case .success(let t): text = t
        case .failure(let d): sink.add(d); return (nil, sink.finish(file: csvPath))
        }
        let parsed = CSVParser.parse(text, file: csvPath)
        sink.append(contentsOf: parsed.diagnostics)
        guard let header = parsed.rows.first else {
            if parsed.diagnostics.isEmpty {
                sink.error(csvPath, 1, 1, "file is empty; expected a header row: \(meta.columns.map(\.name).joined(separator: ","))")
            }
            return (nil, sink.finish(file: csvPath))
        }
        guard let columns = checkHeader(header, meta: meta, file: csvPath, sink: &sink) else {
            return (nil, sink.finish(file: csvPath))
        }
        if parsed.rows.count == 1 && parsed.diagnostics.isEmpty {
            sink.error(csvPath, header.line, 1, "file has a header but no data rows")
        }
        var records: [Record] = []
        var seenIDs: [String: Int] = [:]
        for row in parsed.rows.dropFirst() {
            guard row.fields.count == columns.count else {
                let col = min(row.fields.count, columns.count) + 1
                sink.error(csvPath, row.line, col,
                           "row has \(row.fields.count) fields but the header has \(columns.count)")
                continue
            }
            var rec = record(row, columns: columns, meta: meta, file: csvPath, sink: &sink)
            if let id = rec.id {
                if let first = seenIDs[id] {
                    let col = columns.firstIndex { $0.name == idColumn(meta) }.map { $0 + 1 } ?? 1
                    sink.error(csvPath, row.line, col, "duplicate id '\(id)' (first used on line \(first))")
                    rec.id = nil
                } else { seenIDs[id] = row.line }
            }
            records.append(rec)
        }
        return (Dataset(name: name, metadata: meta, records: records), sink.finish(file: csvPath))
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
        let expected = meta.columns.map(\.name).joined(separator: ",")
        if !names.contains(where: { meta.column(named: $0) != nil }) {
            sink.error(file, header.line, 1, "missing header row; the first line should be: \(expected)")
            return nil
        }
        var ok = true, specs: [ColumnSpec] = []
        var firstSeen: [String: Int] = [:]
        for (i, n) in names.enumerated() {
            if let j = firstSeen[n] {
                sink.error(file, header.line, i + 1, "duplicate column '\(n)' (also column \(j))"); ok = false
            } else { firstSeen[n] = i + 1 }
            if let spec = meta.column(named: n) { specs.append(spec) } else {
                sink.error(file, header.line, i + 1, "unknown column '\(n)'; declared columns: \(expected)"); ok = false
            }
        }
        for c in meta.columns where firstSeen[c.name] == nil {
            sink.error(file, header.line, names.count + 1, "missing column '\(c.name)' declared in the metadata"); ok = false
        }
        return ok ? specs : nil
    }

    private func record(_ row: CSVRow, columns: [ColumnSpec], meta: DatasetMetadata, file: String, sink: inout DiagnosticSink) -> Record {
        var raw: [String: String] = [:]
        for (c, f) in zip(columns, row.fields) { raw[c.name] = f.text }
        var values: [String: CellValue] = [:]
        let dates = DateParser(reportDate: reportDate)
        for (c, f) in zip(columns, row.fields) {
            let t = f.text.trimmed
            func error(_ m: String) { sink.error(file, f.line, f.column, m) }
            if t.isEmpty {
                if c.required { error("empty required cell (column \(c.name))") }
                values[c.name] = .empty; continue
            }
            switch c.type {
            case .text, .unit:
                if let allowed = c.values, !allowed.contains(t) {
                    error("\"\(t)\" is not allowed in column \(c.name) (allowed: \(allowed.joined(separator: ", ")))"
                          + (DidYouMean.suggestion(for: t, in: allowed).map { "; did you mean \"\($0)\"?" } ?? ""))
                }
                values[c.name] = .text(t)
            case .id:
                if !t.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
                    error("id \"\(t)\" may contain only ASCII letters, digits and _")
                }
                values[c.name] = .text(t)
            case .qualifier:
                if let q = Qualifier(text: t) { values[c.name] = .qualifier(q) }
                else { error("\"\(t)\" is not a qualifier (use \(QualifierMark.acceptedList); empty = exact)") }
            case .rank:
                values[c.name] = .rank(Rank(t))
            case .date, .span:
                switch dates.parse(t) {
                case .success(let d):
                    if c.type == .span, case .point = d { error("\"\(t)\" is a single date; column \(c.name) needs a span (A/B or A以来)") }
                    values[c.name] = .date(d)
                case .failure(let e): error("\"\(t)\" \(e.explanation) (column \(c.name))")
                }
            case .number:
                if let v = number(t, column: c, raw: raw, error: error, warn: { sink.warning(file, f.line, f.column, $0) }) {
                    values[c.name] = .number(v)
                }
            }
        }
        let section = raw[meta.sectionColumn].map { $0.trimmed }.flatMap { $0.isEmpty ? nil : $0 }
        if let s = section, let allowed = sections, !allowed.contains(s),
           let i = columns.firstIndex(where: { $0.name == meta.sectionColumn }) {
            sink.error(file, row.fields[i].line, i + 1, "unknown section \"\(s)\" (sections: \(allowed.joined(separator: ", ")))")
        }
        let id = idColumn(meta).flatMap { values[$0]?.text }
        let sentence = raw[meta.sentenceColumn].flatMap { $0.isEmpty ? nil : $0 }
        return Record(line: row.line, values: values, raw: raw, id: id, sourceSentence: sentence, section: section)
    }

    /// A number cell with its unit and qualifier: single amounts, ratios (1.58:1) and ranges (3-5).
    private func number(_ t: String, column c: ColumnSpec, raw: [String: String], error: (String) -> Void,
                        warn: (String) -> Void) -> Quantity? {
        var unit = c.unit ?? c.unitColumn.flatMap { raw[$0]?.trimmed } ?? ""
        let unitNote = unit.isEmpty ? "" : ", unit \(unit)"
        let p: ValueForms.Parsed
        switch ValueForms.parse(t) {
        case .success(let v): p = v
        case .failure(let e): error("\"\(t)\" \(e.explanation) (column \(c.name)\(unitNote))"); return nil
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
        let mark = c.qualifierColumn.flatMap { raw[$0] }.flatMap { QualifierMark(text: $0) } ?? QualifierMark(.exact)
        // The word is stored only when it differs from the meaning's default, so 余 and more_than are equal.
        let word = mark.word == mark.meaning.defaultWord ? nil : mark.word
        return Quantity(p.value, unit: unit, qualifier: mark.meaning, word: word, shape: p.shape)
    }
}
