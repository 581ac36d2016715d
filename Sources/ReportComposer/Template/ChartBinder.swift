import ReportCharts
import ReportData
import ReportScene

/// Turns a chart definition and the catalog into a chart spec. Problems are messages; the caller
/// attaches the template position.
struct ChartBinder {
    let catalog: DatasetCatalog
    let formatter: ChineseFormatter

    struct Failure: Error { var key: String; var message: String }

    func bind(_ def: ChartDefinition) throws -> ChartJob {
        guard let ds = catalog.dataset(named: def.dataset) else {
            throw Failure(key: "dataset", message: "no dataset '\(def.dataset)' (have: \(catalog.datasets.keys.sorted().joined(separator: ", ")))")
        }
        let records = try RecordSelection.select(def.records, from: ds, catalog: catalog)
        let source = def.source ?? SourceText.of(ds, catalog: catalog)
        let notes = ChartNotes(title: def.title, subtitle: def.subtitle, unitNote: nil,
                               sourceNote: source.isEmpty ? nil : source)
        let spec: ChartJob.Spec
        switch def.type {
        case .bar: spec = .bar(try bar(def, ds, records, notes))
        case .timeline: spec = .timeline(try timeline(def, ds, records, notes))
        }
        return ChartJob(id: def.id, spec: spec, caption: def.caption ?? def.title ?? def.id, source: source,
                        exportPreset: ChartPreset.named(def.export) ?? .slide,
                        reportHeight: def.reportHeight ?? 280)
    }

    func bar(_ def: ChartDefinition, _ ds: Dataset, _ records: [Record], _ notes: ChartNotes) throws -> BarChartSpec {
        try requireColumn(def.category, in: ds, key: "category")
        let categories = records.map { formatter.cell($0[def.category]) }
        // One display unit for all values, so bars stay comparable (万元 and 亿元 never mix).
        var all: [Quantity] = []
        for s in def.series {
            try requireColumn(s.column, in: ds, key: "series")
            for r in records {
                guard let q = r[s.column].quantity else {
                    throw Failure(key: "series", message: "record '\(r.id ?? "line \(r.line)")' has no number in column '\(s.column)'")
                }
                all.append(q)
            }
        }
        guard let unit = UnitScale.choose(for: all) else {
            throw Failure(key: "series", message: "the values mix units that cannot share an axis (\(Set(all.map(\.unit)).sorted().joined(separator: ", ")))")
        }
        let derivedIDs = Set(records.compactMap { r in r.id.flatMap { catalog.figure(id: $0) }.flatMap { $0.derived ? r.id : nil } })
        // Value labels in the prose's display; planned and derived values are drawn distinctly.
        let display = BarValueDisplay(formatter: formatter, axisUnit: unit)
        var series: [BarSeries] = []
        for s in def.series {
            var quantities: [Quantity?] = [], status: [BarValueStatus] = [], highlighted = Set<Int>()
            for (i, r) in records.enumerated() {
                let q = r[s.column].quantity!.converted(to: unit) ?? r[s.column].quantity!
                quantities.append(q)
                let derived = r.id.map { derivedIDs.contains($0) } == true
                status.append(q.qualifier == .planned ? .planned : (derived ? .derived : .measured))
                if let id = r.id, def.highlight.contains(id) { highlighted.insert(i) }
            }
            series.append(BarSeries(name: s.name ?? ds.metadata.column(named: s.column)?.description ?? s.column,
                                    values: quantities.map { $0?.value ?? .nan }, labels: display.labels(quantities),
                                    highlighted: highlighted, status: status))
        }
        return BarChartSpec(
            notes: notes, categories: categories, series: series,
            orientation: BarOrientation(rawValue: def.orientation ?? "automatic") ?? .automatic,
            mode: BarMode(rawValue: def.mode ?? "grouped") ?? .grouped,
            sort: BarSort(rawValue: def.sort ?? "data") ?? .data,
            referenceLines: def.referenceLines.map { BarReferenceLine(value: $0.value, label: $0.label) },
            // The unit is shown once, as the value axis title (none for unitless counts).
            valueAxisTitle: unit.isEmpty ? nil : unit,
            valueLabels: def.valueLabels ? .all : BarValueLabels.none,
            categoryLabels: BarCategoryLabels(rawValue: def.categoryLabels ?? "all") ?? .all,
            totalFormatter: { display.total($0) })
    }

    func timeline(_ def: ChartDefinition, _ ds: Dataset, _ records: [Record], _ notes: ChartNotes) throws -> TimelineSpec {
        for (col, key) in [(def.lane, "lane"), (def.label, "label"), (def.date, "date")] {
            try requireColumn(col, in: ds, key: key)
        }
        var events: [TimelineEvent] = []
        for r in records {
            guard let d = r[def.date].date else {
                throw Failure(key: "date", message: "record '\(r.id ?? "line \(r.line)")' has no date in column '\(def.date)'")
            }
            let start: PartialDate, end: TimelineEvent.End
            switch d {
            case .point(let p): start = p; end = .none
            case .span(let s): start = s.start; end = s.end.map { .date(Self.timelineDate($0)) } ?? .open
            }
            let status = formatter.cell(r[def.status]).lowercased()
            events.append(TimelineEvent(
                id: r.id ?? "line\(r.line)", date: Self.timelineDate(start), end: end,
                lane: formatter.cell(r[def.lane]), status: status == "planned" ? .planned : .done,
                label: formatter.cell(r[def.label]), detail: r.sourceSentence))
        }
        let lanes = def.lanes ?? (catalog.metadata?.sections?.filter { s in events.contains { $0.lane == s } } ?? [])
        return TimelineSpec(notes: notes, lanes: lanes, events: events, reportDate: Self.timelineDate(catalog.reportDate))
    }

    static func timelineDate(_ p: PartialDate) -> TimelineDate {
        TimelineDate(year: p.year, month: p.month, day: p.day, approximate: p.approximate)
    }

    func requireColumn(_ name: String, in ds: Dataset, key: String) throws {
        guard ds.metadata.column(named: name) != nil else {
            throw Failure(key: key, message: "dataset '\(ds.name)' has no column '\(name)' (have: \(ds.metadata.columns.map(\.name).joined(separator: ", ")))")
        }
    }
}

/// Records picked by a filter, in the listed order (ids) or the dataset's order (`where`).
enum RecordSelection {
    static func select(_ f: RecordFilter, from ds: Dataset, catalog: DatasetCatalog) throws -> [Record] {
        var out: [Record]
        if let ids = f.ids {
            out = try ids.map { id in
                // Derived figures are not rows of the file but can be selected like them.
                guard let r = ds.record(id: id)
                    ?? catalog.figure(id: id).flatMap({ $0.dataset == ds.name && $0.derived ? $0.asRecord : nil }) else {
                    throw ChartBinder.Failure(key: "records", message: "dataset '\(ds.name)' has no record '\(id)'")
                }
                return r
            }
        } else {
            out = ds.records
        }
        for (col, want) in f.where.sorted(by: { $0.key < $1.key }) {
            out = out.filter { ($0.raw[col] ?? "") == want }
        }
        guard !out.isEmpty else { throw ChartBinder.Failure(key: "records", message: "no records selected from '\(ds.name)'") }
        return out
    }
}

/// The "数据来源：..." line of a dataset.
enum SourceText {
    static func of(_ ds: Dataset, catalog: DatasetCatalog) -> String {
        let s = ds.metadata.source ?? catalog.metadata?.source
        let parts = [s?.publisher, s?.article.map { "《\($0)》" }].compactMap { $0 }
        return parts.isEmpty ? "" : "数据来源：" + parts.joined(separator: " ")
    }
}
