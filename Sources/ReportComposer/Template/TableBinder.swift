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
                let text = formatter.cell(r[c.column])
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
}
