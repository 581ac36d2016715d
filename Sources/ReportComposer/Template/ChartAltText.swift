import ReportCharts
import ReportData

/// The words a reader hears instead of a chart, from the same data and in the same display as the
/// chart's labels ("柱状图：临平全区村级集体经营性收入，2020年5.75亿元（推算），2021年6.78亿元"), in
/// the order the chart shows them. A chart's `alt:` in report.yaml replaces it.
struct ChartAltText {
    let formatter: ChineseFormatter

    func text(_ def: ChartDefinition, title: String, records: [Record], catalog: DatasetCatalog, spec: ChartJob.Spec) -> String {
        switch spec {
        case .bar(let b): bar(def, title: title, records: records, catalog: catalog, spec: b)
        case .timeline(let t): timeline(def, title: title, records: records, spec: t)
        }
    }

    private func bar(_ def: ChartDefinition, title: String, records: [Record], catalog: DatasetCatalog,
                     spec: BarChartSpec) -> String {
        let unit = spec.valueAxisTitle ?? ""
        let derived = records.map { r in r.id.flatMap { catalog.figure(id: $0) }?.derived == true }
        let quantities = def.series.map { s in records.map { r in r[s.column].quantity.map { $0.converted(to: unit) ?? $0 } } }
        // The chart's own order: by value (the total when stacked, else the first series) or as given.
        var order = Array(records.indices)
        if spec.sort != .data {
            func key(_ i: Int) -> Double {
                spec.mode == .stacked ? quantities.reduce(0) { $0 + ($1[i]?.value ?? 0) } : quantities.first?[i]?.value ?? 0
            }
            order.sort { spec.sort == .ascending ? key($0) < key($1) : key($0) > key($1) }
        }
        func entries(_ series: Int) -> String {
            order.map { i in
                let value = quantities[series][i].map { formatter.quantity($0) + (derived[i] ? formatter.derivedMark : "") } ?? "无数据"
                return spec.categories[i] + value
            }.joined(separator: "，")
        }
        let body = spec.series.count == 1 ? entries(0)
            : spec.series.indices.map { spec.series[$0].name + "：" + entries($0) }.joined(separator: "；")
        let lines = spec.referenceLines.map { "参考线" + $0.label + formatter.number($0.value) + unit }
        return (["柱状图：" + title, body] + lines).joined(separator: "，")
    }

    private func timeline(_ def: ChartDefinition, title: String, records: [Record], spec: TimelineSpec) -> String {
        // In time order, as the axis reads (ties keep the data's order).
        let dates = spec.events.prefix(records.count).map(\.date)
        let sorted = dates.indices.sorted { (dates[$0], $0) < (dates[$1], $1) }.map { records[$0] }
        let events = sorted.map { r -> String in
            let date = r[def.date].date.map(formatter.dateValue) ?? ""
            let planned = formatter.cell(r[def.status]).lowercased() == "planned"
            return date + " " + formatter.cell(r[def.label]) + (planned ? "（计划）" : "")
        }
        return "时间轴：\(title)，共\(events.count)项：" + events.joined(separator: "；")
    }
}
