import ReportData

/// The appendix, written for readers: every dataset under its title with its source (publisher,
/// article, authors) and what it supports, figures as displayed everywhere else (qualifiers and
/// derived marks kept). File names and record ids are the data's plumbing and stay out.
enum SourceList {
    static func entries(catalog: DatasetCatalog, formatter: ChineseFormatter) -> [SourceEntry] {
        catalog.datasets.keys.sorted().compactMap { name in
            let ds = catalog.datasets[name]!
            let s = ds.metadata.source ?? catalog.metadata?.source
            let citation = [s?.publisher, s?.article.map { "《\($0)》" }, s?.authors.map { $0.joined(separator: "、") }]
                .compactMap { $0 }.joined(separator: "，")
            let records: [String]
            if ds.metadata.kind == .figures {
                records = catalog.orderedFigures.filter { $0.dataset == name }
                    .map { "\($0.label)：" + NoBreak.glue(formatter.figure($0)) }
            } else {
                records = ds.records.compactMap { readerLabel($0, ds.metadata, formatter) }
            }
            return SourceEntry(title: ds.metadata.title, citation: citation, records: records)
        }
    }

    /// What a reader recognises a row by: its label, name or subject, else its first text cell,
    /// else its values (2021年，6.78亿元) — never its id or line number.
    static func readerLabel(_ r: Record, _ meta: DatasetMetadata, _ formatter: ChineseFormatter) -> String? {
        if let named = ["label", "name", "subject"].lazy.compactMap({ r[$0].text }).first { return named }
        let readable = meta.columns.filter { $0.name != meta.sentenceColumn && $0.name != meta.sectionColumn && $0.type != .id }
        if let text = readable.lazy.filter({ $0.type == .text }).compactMap({ r[$0.name].text }).first { return text }
        let values = readable.map { TableBinder.cellText(r[$0.name], formatter) }.filter { !$0.isEmpty }
        return values.isEmpty ? nil : values.joined(separator: "，")
    }
}

/// Every displayed value with a stable key, for the change summary between runs.
enum ValueList {
    static func entries(catalog: DatasetCatalog, formatter: ChineseFormatter) -> [String: (label: String, display: String)] {
        var out: [String: (label: String, display: String)] = [:]
        for f in catalog.orderedFigures { out["figures.\(f.id)"] = (f.label, formatter.figure(f)) }
        for (name, ds) in catalog.datasets where ds.metadata.kind != .figures {
            // The valued columns, each with the suffix its entries' labels take, found once per
            // dataset rather than per record (10,000 records in a large timeline).
            let columns = ds.metadata.columns.filter { [.number, .date, .span, .rank].contains($0.type) }
                .map { c in (name: c.name, suffix: c.name == "value" ? nil : "（" + (c.description ?? c.name) + "）") }
            guard !columns.isEmpty else { continue }
            for r in ds.records {
                let key = r.id ?? "line\(r.line)"
                let label = r["label"].text ?? r["name"].text ?? r["subject"].text ?? key
                let prefix = name + "." + key + "."
                for c in columns {
                    let v = r[c.name]
                    if v.isEmpty { continue }
                    // The main value reads as the record itself; other columns are named.
                    out[prefix + c.name] = (c.suffix.map { label + $0 } ?? label, formatter.cell(v))
                }
            }
        }
        return out
    }
}
