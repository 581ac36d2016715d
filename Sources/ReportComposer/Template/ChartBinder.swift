import Foundation
import ReportCharts
import ReportData
import ReportScene

/// Turns a chart definition and the catalog into a chart spec. Problems are messages; the caller
/// attaches the template position.
struct ChartBinder {
    let catalog: DatasetCatalog
    let formatter: ChineseFormatter

    /// A problem with the definition (`key` of the chart in report.yaml) or, with `cell`, with a
    /// data cell (dataset, CSV line, column name).
    struct Failure: Error {
        var key: String
        var message: String
        var cell: (dataset: String, line: Int, column: String)? = nil
    }

    func bind(_ def: ChartDefinition) throws -> ChartJob {
        guard let ds = catalog.dataset(named: def.dataset) else {
            throw Failure(key: "dataset", message: DidYouMean.unknown("dataset", def.dataset, among: catalog.datasets.keys.sorted())
                          + " (have: \(catalog.datasets.keys.sorted().joined(separator: ", ")))")
        }
        let records = try RecordSelection.select(def.records, from: ds, catalog: catalog)
        guard records.count <= TemplateLimits.chartRecords else {
            throw Failure(key: def.records.ids == nil ? "dataset" : "records",
                          message: "\(records.count) records selected; a chart shows at most \(TemplateLimits.chartRecords) (choose some with records: or where:)")
        }
        for (text, key) in [(def.title, "title"), (def.subtitle, "subtitle"), (def.caption, "caption")] {
            if let t = text, t.count > TemplateLimits.chartText {
                throw Failure(key: key, message: "\(key) is \(t.count) characters long; a chart shows at most \(TemplateLimits.chartText)")
            }
        }
        let source = def.source ?? SourceText.of(ds, catalog: catalog)
        let notes = ChartNotes(title: def.title, subtitle: def.subtitle, unitNote: nil,
                               sourceNote: source.isEmpty ? nil : source)
        let spec: ChartJob.Spec
        switch def.type {
        case .bar: spec = .bar(try bar(def, ds, records, notes))
        case .timeline: spec = .timeline(try timeline(def, ds, records, notes))
        }
        let caption = def.caption ?? def.title ?? def.id
        var job = ChartJob(id: def.id, spec: spec, caption: caption, source: source,
                           exportPreset: Self.exportPreset(def),
                           reportHeight: def.reportHeight ?? 280, position: def.position)
        job.exportsFiles = def.export != .none
        job.svgText = def.svgText ?? .outlines
        // Read aloud, not laid out: no word joiners.
        job.alt = NoBreak.strip(def.alt ?? ChartAltText(formatter: formatter).text(def, title: caption, records: records,
                                                                                   catalog: catalog, spec: spec))
        return job
    }

    /// The preset of the standalone files, at the chart's own `width`/`height` when it sets them
    /// (the preset's type scale stays).
    static func exportPreset(_ def: ChartDefinition) -> ChartPreset {
        let base = ChartPreset.named(def.export.rawValue) ?? .slide
        guard def.width != nil || def.height != nil else { return base }
        return ChartPreset(name: base.name, size: Size(def.width ?? base.size.width, def.height ?? base.size.height),
                           theme: base.theme)
    }

    func bar(_ def: ChartDefinition, _ ds: Dataset, _ records: [Record], _ notes: ChartNotes) throws -> BarChartSpec {
        try requireColumn(def.category, in: ds, key: "category")
        let categories = try records.map { r in try Self.shortText(formatter.cell(r[def.category]), r, ds, def.category) }
        // One display unit for all values, so bars stay comparable (万元 and 亿元 never mix).
        var all: [Quantity] = []
        for s in def.series {
            try requireColumn(s.column, in: ds, key: "series")
            for r in records {
                guard let q = r[s.column].quantity else {
                    throw Failure(key: "series", message: "record '\(r.id ?? "line \(r.line)")' has no number in column '\(s.column)'")
                }
                try Self.checkBarShape(q, record: r.id ?? "line \(r.line)", among: all, formatter: formatter)
                all.append(q)
            }
        }
        guard let unit = UnitScale.choose(for: all) else {
            throw Failure(key: "series", message: "the values mix units that cannot share an axis (\(Set(all.map(\.unit)).sorted().joined(separator: ", ")))")
        }
        let selected = Set(records.compactMap(\.id))
        for id in def.highlight where !selected.contains(id) {
            throw Failure(key: "highlight", message: "highlight names record '\(id)', which the chart does not show"
                          + (DidYouMean.suggestion(for: id, in: selected.sorted()).map { "; did you mean \"\($0)\"?" } ?? ""))
        }
        let derivedIDs = Set(records.compactMap { r in r.id.flatMap { catalog.figure(id: $0) }.flatMap { $0.derived ? r.id : nil } })
        // Value labels in the prose's display; planned and derived values are drawn distinctly
        // (hatched, with a legend entry), so no derived mark is appended.
        let display = BarValueDisplay(formatter: formatter, axisUnit: unit)
        let figureDisplay = ChineseFormatter(maxFractionDigits: formatter.maxFractionDigits, derivedMark: "",
                                             currentYear: formatter.currentYear)
        var series: [BarSeries] = []
        for s in def.series {
            var quantities: [Quantity?] = [], status: [BarValueStatus] = [], highlighted = Set<Int>()
            var digits: [Int?] = [], figures: [String?] = []
            for (i, r) in records.enumerated() {
                let q = r[s.column].quantity!.converted(to: unit) ?? r[s.column].quantity!
                quantities.append(q)
                let derived = r.id.map { derivedIDs.contains($0) } == true
                status.append(q.qualifier == .planned ? .planned : (derived ? .derived : .measured))
                // A figure keeps the decimals the source gave it (4.8705万元).
                let figure = s.column == "value" ? r.id.flatMap(catalog.figure(id:)).flatMap { $0.dataset == ds.name ? $0 : nil } : nil
                digits.append(figure?.decimals)
                figures.append(figure.map { figureDisplay.figure($0) })
                if let id = r.id, def.highlight.contains(id) { highlighted.insert(i) }
            }
            series.append(BarSeries(name: s.name ?? ds.metadata.column(named: s.column)?.description ?? s.column,
                                    values: quantities.map { $0?.value ?? .nan }, labels: labels(quantities, digits, figures, display).map { $0.map(NoBreak.glue) },
                                    highlighted: highlighted, status: status))
        }
        return BarChartSpec(
            notes: notes, categories: categories, series: series,
            orientation: BarOrientation(rawValue: def.orientation.rawValue) ?? .automatic,
            mode: BarMode(rawValue: def.mode.rawValue) ?? .grouped,
            sort: BarSort(rawValue: def.sort.rawValue) ?? .data,
            referenceLines: def.referenceLines.map { BarReferenceLine(value: $0.value, label: $0.label) },
            // The unit is shown once, as the value axis title (none for unitless counts).
            valueAxisTitle: unit.isEmpty ? nil : unit,
            valueLabels: def.valueLabels ? .all : BarValueLabels.none,
            categoryLabels: BarCategoryLabels(rawValue: def.categoryLabels ?? "all") ?? .all,
            totalFormatter: { display.total($0) })
    }

    /// A figure's label is its one display, as in the prose (4.8705万元, 超过860万元); then every
    /// other label carries its unit too. Without figures: numbers in the axis unit when that is
    /// honest for all (`BarValueDisplay`).
    func labels(_ quantities: [Quantity?], _ digits: [Int?], _ figures: [String?], _ display: BarValueDisplay) -> [String?] {
        guard figures.contains(where: { $0 != nil }) else { return display.labels(quantities, fractionDigits: digits) }
        return zip(quantities, figures).map { q, f in f ?? q.map(display.withOwnUnit) }
    }

    /// A bar has one length: a range (3–5万元) has none, and ratios compare only over the same
    /// second term. Such a chart fails rather than draw a bar that misstates the figure.
    static func checkBarShape(_ q: Quantity, record: String, among earlier: [Quantity], formatter: ChineseFormatter) throws {
        switch q.shape {
        case .single: break
        case .range:
            throw Failure(key: "records", message: "record '\(record)' is a range (\(formatter.quantity(q))), which a bar cannot show; chart its ends as two figures or leave it out")
        case .ratio(let second):
            for case .ratio(let other) in earlier.map(\.shape) where other != second {
                throw Failure(key: "records", message: "record '\(record)' is a ratio to \(formatter.number(second)), the others to \(formatter.number(other)); bars compare ratios to the same second term only")
            }
        }
    }

    func timeline(_ def: ChartDefinition, _ ds: Dataset, _ records: [Record], _ notes: ChartNotes) throws -> TimelineSpec {
        for (col, key) in [(def.lane, "lane"), (def.label, "label"), (def.date, "date")] {
            try requireColumn(col, in: ds, key: key)
        }
        let format = try option(def.dateFormat, key: "date_format", default: TimelineDateFormat.short)
        let position = try option(def.datePosition, key: "date_position", default: TimelineDatePosition.before)
        // The date as the prose writes it (the report year left out), one display everywhere.
        let dates = ChineseFormatter(currentYear: catalog.reportDate.year)
        let hasStatus = ds.metadata.column(named: def.status) != nil
        if def.status != "status" && !hasStatus { try requireColumn(def.status, in: ds, key: "status") }
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
            let status = hasStatus ? try Self.status(formatter.cell(r[def.status]), r, ds, def.status) : .done
            events.append(TimelineEvent(
                id: r.id ?? "line\(r.line)", date: Self.timelineDate(start), end: end,
                lane: try Self.shortText(formatter.cell(r[def.lane]), r, ds, def.lane), status: status,
                label: try Self.shortText(formatter.cell(r[def.label]), r, ds, def.label), detail: r.sourceSentence, dateLabel: dates.dateValue(d)))
        }
        if let listed = def.lanes {
            for e in events where !listed.contains(e.lane) {
                let r = records.first { ($0.id ?? "line\($0.line)") == e.id }
                throw Failure(key: "lanes", message: "lane \(QuotedValue.quote(e.lane)) of record '\(e.id)' is not in lanes (\(listed.joined(separator: ", ")))",
                              cell: r.map { (ds.name, $0.line, def.lane) })
            }
        }
        let lanes = def.lanes ?? (catalog.metadata?.sections?.filter { s in events.contains { $0.lane == s } } ?? [])
        return TimelineSpec(notes: notes, lanes: lanes, events: events, reportDate: Self.timelineDate(catalog.reportDate),
                            dateFormat: format, datePosition: position)
    }

    /// A timeline option's value, or an error listing the allowed ones.
    func option<T: RawRepresentable & CaseIterable>(_ value: String?, key: String, default d: T) throws -> T
    where T.RawValue == String {
        guard let value else { return d }
        guard let v = T(rawValue: value) else {
            throw Failure(key: key, message: "'\(value)' is not a \(key) (use \(T.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return v
    }

    /// A timeline's status words; an empty cell is done.
    static let statuses: [String: TimelineEvent.Status] = ["done": .done, "ongoing": .ongoing, "planned": .planned]

    static func status(_ text: String, _ r: Record, _ ds: Dataset, _ column: String) throws -> TimelineEvent.Status {
        // A status word as written needs no trimming (most cells of a large timeline).
        if let s = statuses[text] { return s }
        let t = text.trimmingWhitespaces
        if t.isEmpty { return .done }
        guard let s = statuses[t] else {
            throw Failure(key: "status", message: "status " + DidYouMean.message(t, isNot: "a timeline status", allowed: ["done", "ongoing", "planned"]),
                          cell: (ds.name, r.line, column))
        }
        return s
    }

    /// Labels are drawn on one or two lines: a cell longer than `TemplateLimits.chartText` is a
    /// mistake (a pasted paragraph), said at the cell before any layout runs.
    static func shortText(_ text: String, _ r: Record, _ ds: Dataset, _ column: String) throws -> String {
        if let bad = text.unicodeScalars.first(where: QuotedValue.isInvisible) {
            throw Failure(key: column, message: "the \(column) cell \(QuotedValue.quote(text)) holds the invisible character U+\(String(bad.value, radix: 16, uppercase: true)); remove it",
                          cell: (ds.name, r.line, column))
        }
        if let problem = TemplateSizeLimits.stackedMarksProblem(text) {
            throw Failure(key: column, message: "the \(column) cell: \(problem)", cell: (ds.name, r.line, column))
        }
        guard text.count <= TemplateLimits.chartText else {
            throw Failure(key: column, message: "the \(column) cell is \(text.count) characters long; a chart label may have at most \(TemplateLimits.chartText)",
                          cell: (ds.name, r.line, column))
        }
        return text
    }

    static func timelineDate(_ p: PartialDate) -> TimelineDate {
        TimelineDate(year: p.year, month: p.month, day: p.day, approximate: p.approximate)
    }

    func requireColumn(_ name: String, in ds: Dataset, key: String) throws {
        guard ds.metadata.column(named: name) != nil else {
            let names = ds.metadata.columns.map(\.name)
            throw Failure(key: key, message: "dataset '\(ds.name)' has no column '\(name)' (have: \(names.joined(separator: ", ")))"
                          + (DidYouMean.suggestion(for: name, in: names).map { "; did you mean \"\($0)\"?" } ?? ""))
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
                    throw ChartBinder.Failure(key: "records", message: "dataset '\(ds.name)' has no record '\(id)'"
                        + (DidYouMean.suggestion(for: id, in: ds.records.compactMap(\.id)).map { "; did you mean \"\($0)\"?" } ?? ""))
                }
                return r
            }
        } else {
            out = ds.records
        }
        for col in f.where.keys.sorted() where ds.metadata.column(named: col) == nil {
            let names = ds.metadata.columns.map(\.name)
            throw ChartBinder.Failure(key: "where", message: "dataset '\(ds.name)' has no column '\(col)' (have: \(names.joined(separator: ", ")))"
                + (DidYouMean.suggestion(for: col, in: names).map { "; did you mean \"\($0)\"?" } ?? ""))
        }
        for (col, want) in f.where.sorted(by: { $0.key < $1.key }) {
            out = out.filter { ($0.raw[col] ?? "") == want }
        }
        guard !out.isEmpty else {
            let filter = f.where.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            throw ChartBinder.Failure(key: f.where.isEmpty ? "records" : "where",
                                      message: f.where.isEmpty ? "no records selected from '\(ds.name)'"
                                        : "no record of '\(ds.name)' has \(filter)")
        }
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
