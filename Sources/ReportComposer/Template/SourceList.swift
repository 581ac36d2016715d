import ReportData

/// The appendix: every dataset with its source and the records it supports.
enum SourceList {
    static func entries(catalog: DatasetCatalog, formatter: ChineseFormatter) -> [SourceEntry] {
        catalog.datasets.keys.sorted().compactMap { name in
            let ds = catalog.datasets[name]!
            let s = ds.metadata.source ?? catalog.metadata?.source
            let citation = [s?.publisher, s?.article.map { "《\($0)》" }, s?.authors.map { $0.joined(separator: "、") }]
                .compactMap { $0 }.joined(separator: "，")
            let records: [String]
            if ds.metadata.kind == .figures {
                records = catalog.orderedFigures.filter { $0.dataset == name }.map { "\($0.label)：\(formatter.figure($0))" }
            } else {
                records = ds.records.map { r in
                    ["label", "name", "subject"].lazy.compactMap { r[$0].text }.first ?? r.id ?? "第\(r.line)行"
                }
            }
            return SourceEntry(title: "\(ds.metadata.title)（\(name).csv）", citation: citation, records: records)
        }
    }
}

/// Every displayed value with a stable key, for the change summary between runs.
enum ValueList {
    static func entries(catalog: DatasetCatalog, formatter: ChineseFormatter) -> [String: (label: String, display: String)] {
        var out: [String: (String, String)] = [:]
        for f in catalog.orderedFigures { out["figures.\(f.id)"] = (f.label, formatter.figure(f)) }
        for (name, ds) in catalog.datasets where ds.metadata.kind != .figures {
            for r in ds.records {
                let key = r.id ?? "line\(r.line)"
                let label = ["label", "name", "subject"].lazy.compactMap { r[$0].text }.first ?? key
                for c in ds.metadata.columns where [.number, .date, .span, .rank].contains(c.type) {
                    let v = r[c.name]
                    if v.isEmpty { continue }
                    // The main value reads as the record itself; other columns are named.
                    let shown = c.name == "value" ? label : "\(label)（\(c.description ?? c.name)）"
                    out["\(name).\(key).\(c.name)"] = (shown, formatter.cell(v))
                }
            }
        }
        return out
    }
}
