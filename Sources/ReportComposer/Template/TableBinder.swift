import ReportData

/// A table block bound to its dataset: the chosen columns of the selected records, formatted.
struct TableBinder {
    let catalog: DatasetCatalog
    let formatter: ChineseFormatter

    func bind(_ t: TableTemplate) throws -> Table {
        guard let ds = catalog.dataset(named: t.dataset) else {
            throw ChartBinder.Failure(key: "dataset", message: DidYouMean.unknown("dataset", t.dataset, among: catalog.datasets.keys.sorted()))
        }
        for (i, c) in t.columns.enumerated() where ds.metadata.column(named: c.column) == nil {
            let names = ds.metadata.columns.map(\.name)
            throw ChartBinder.Failure(key: "columns.\(i).column", message: "dataset '\(ds.name)' has no column '\(c.column)' (have: \(names.joined(separator: ", ")))"
                + (DidYouMean.suggestion(for: c.column, in: names).map { "; did you mean \"\($0)\"?" } ?? ""))
        }
        let records = try RecordSelection.select(t.records, from: ds, catalog: catalog)
        guard records.count <= TemplateLimits.tableRows else {
            throw ChartBinder.Failure(key: "dataset", message: "\(records.count) rows selected; a table holds at most \(TemplateLimits.tableRows) (choose some with records: or where:)")
        }
        let rows = try records.map { r in
            try t.columns.map { c in
                let text = cell(r, c.column, ds)
                guard text.count <= TemplateLimits.tableCell else {
                    throw ChartBinder.Failure(key: "columns", message: "the \(c.column) cell is \(text.count) characters long; a table cell may have at most \(TemplateLimits.tableCell)",
                                              cell: (ds.name, r.line, c.column))
                }
                return text
            }
        }
        return Table(id: t.id, header: t.columns.map { $0.title ?? $0.column },
                     rows: rows,
                     alignments: t.columns.enumerated().map { i, c in c.align ?? (i == 0 ? .left : .right) },
                     caption: t.caption, source: t.source ?? SourceText.of(ds, catalog: catalog))
    }

    /// A figure's value reads as everywhere else (its display unit); other cells as formatted.
    func cell(_ r: Record, _ column: String, _ ds: Dataset) -> String {
        if column == "value", ds.metadata.kind == .figures, let f = r.id.flatMap(catalog.figure(id:)) {
            return NoBreak.glue(formatter.figure(f))
        }
        // A qualifier column shows the source's word (近, 超过), not only its meaning.
        if ds.metadata.column(named: column)?.type == .qualifier, let m = r.raw[column].flatMap(QualifierMark.init(text:)) {
            return m.meaning == .exact ? "" : m.word
        }
        return Self.cellText(r[column], formatter)
    }

    /// Numbers and dates are glued (never split across lines); text wraps freely.
    static func cellText(_ v: CellValue, _ formatter: ChineseFormatter) -> String {
        switch v {
        case .number, .date: return NoBreak.glue(formatter.cell(v))
        default: return formatter.cell(v)
        }
    }
}
