import ReportCharts
import ReportComposer
import ReportScene
@testable import ReportPipeline

/// Random bound charts for the input-key tests, and one-field mutations of them covering every
/// field the key is made of.
enum RandomJobs {
    static let texts = ["", "a", "类", "亿元", "共富发展项目", "5月15日", "x y", "\u{0}", "b"]

    static func text(_ r: inout Mix) -> String { texts[Int(r.next() % UInt64(texts.count))] }
    static func maybe(_ r: inout Mix) -> String? { r.next() % 3 == 0 ? nil : text(&r) }
    static func number(_ r: inout Mix) -> Double { [0, -0.0, 1, 0.5, 29, 31, 1e8, .nan, -.infinity][Int(r.next() % 9)] }
    static func pick<T>(_ all: [T], _ r: inout Mix) -> T { all[Int(r.next() % UInt64(all.count))] }
    static func color(_ r: inout Mix) -> Color { Color(red: Double(r.next() % 4) / 3, green: 0.5, blue: Double(r.next() % 2), alpha: 1) }

    static func notes(_ r: inout Mix) -> ChartNotes {
        ChartNotes(title: maybe(&r), subtitle: maybe(&r), unitNote: maybe(&r), sourceNote: maybe(&r))
    }

    static func bar(_ r: inout Mix) -> ChartJob {
        let n = Int(r.next() % 6) + 1, s = Int(r.next() % 3) + 1
        let series = (0..<s).map { _ in
            BarSeries(name: text(&r), values: (0..<n).map { _ in number(&r) },
                      labels: r.next() % 2 == 0 ? [] : (0..<n).map { _ in maybe(&r) },
                      highlighted: Set((0..<n).filter { _ in r.next() % 3 == 0 }),
                      color: r.next() % 2 == 0 ? nil : color(&r),
                      status: r.next() % 2 == 0 ? [] : (0..<n).map { _ in pick([.measured, .planned, .derived], &r) })
        }
        let spec = BarChartSpec(notes: notes(&r), categories: (0..<n).map { "类\($0)" }, series: series,
                                orientation: pick([.vertical, .horizontal, .automatic], &r), mode: pick([.grouped, .stacked], &r),
                                sort: pick([.data, .ascending, .descending], &r),
                                referenceLines: r.next() % 2 == 0 ? [] : [BarReferenceLine(value: number(&r), label: text(&r))],
                                valueAxisTitle: maybe(&r), valueFormatter: { "\($0)" }, showLegend: pick([nil, true, false], &r),
                                unitScaling: pick([.off, .automatic, .fixed(UnitScale(divisor: 1e4, unit: "万元"))], &r),
                                valueLabels: pick([.none, .ifRoom, .all], &r), categoryLabels: pick([.all, .sampled], &r))
        return job(.bar(spec), &r)
    }

    static func date(_ r: inout Mix) -> TimelineDate {
        let month = r.next() % 3 == 0 ? nil : Int(r.next() % 12) + 1
        return TimelineDate(year: 2020 + Int(r.next() % 3), month: month, day: month == nil || r.next() % 2 == 0 ? nil : Int(r.next() % 28) + 1,
                            approximate: r.next() % 5 == 0)
    }

    static func event(_ i: Int, _ r: inout Mix) -> TimelineEvent {
        TimelineEvent(id: "e\(i)", date: date(&r), end: pick([.none, .open, .date(date(&r))], &r), lane: pick(["经济", "乡村"], &r),
                      status: pick([.done, .ongoing, .planned], &r), label: text(&r), detail: maybe(&r), dateLabel: maybe(&r))
    }

    static func timeline(_ r: inout Mix) -> ChartJob {
        let events = (0..<(Int(r.next() % 6) + 1)).map { event($0, &r) }
        let d = date(&r)
        let spec = TimelineSpec(notes: notes(&r), lanes: r.next() % 2 == 0 ? [] : ["经济", "文化"], events: events,
                                reportDate: r.next() % 2 == 0 ? nil : d,
                                domain: r.next() % 2 == 0 ? nil : TimelineDomain(start: d, end: d),
                                dateFormat: pick([.short, .full, .none], &r), datePosition: pick([.before, .after], &r))
        return job(.timeline(spec), &r)
    }

    static func job(_ spec: ChartJob.Spec, _ r: inout Mix) -> ChartJob {
        var j = ChartJob(id: pick(["a", "b"], &r), spec: spec, caption: text(&r), source: text(&r),
                         exportPreset: pick([.slide, .report], &r), reportHeight: pick([280, 300], &r))
        j.exportsFiles = r.next() % 4 != 0
        j.svgText = pick([.outlines, .text], &r)
        j.alt = text(&r)
        return j
    }

    /// `job` with one field (of the job, its preset and theme, or its spec) set anew; the new value
    /// may equal the old one (the test asks the reflection walk whether it does).
    static func mutated(_ job: ChartJob, _ r: inout Mix) -> ChartJob {
        var j = job
        let jobFields: [(inout ChartJob, inout Mix) -> Void] = [
            { j, r in j.id = text(&r) }, { j, r in j.caption = text(&r) }, { j, r in j.source = text(&r) },
            { j, r in j.exportsFiles.toggle() }, { j, r in j.reportHeight += 1 }, { j, r in j.alt = text(&r) + "!" },
            { j, r in j.svgText = j.svgText == .text ? .outlines : .text },
            { j, r in j.exportPreset.name = text(&r) }, { j, r in j.exportPreset.size.width += 1 },
            { j, r in j.exportPreset.size.height = number(&r) },
            { j, r in j.exportPreset.theme.name = text(&r) }, { j, r in j.exportPreset.theme.palette.append(color(&r)) },
            { j, r in j.exportPreset.theme.palette[0] = color(&r) }, { j, r in j.exportPreset.theme.highlight.alpha = 0.5 },
            { j, r in j.exportPreset.theme.muted.red = number(&r) }, { j, r in j.exportPreset.theme.text.green = 0.25 },
            { j, r in j.exportPreset.theme.secondaryText.blue = 0.125 }, { j, r in j.exportPreset.theme.axis = color(&r) },
            { j, r in j.exportPreset.theme.grid = color(&r) }, { j, r in j.exportPreset.theme.background = pick([nil, .white, color(&r)], &r) },
            { j, r in j.exportPreset.theme.fontFamily = text(&r) }, { j, r in j.exportPreset.theme.titleFamily = text(&r) },
            { j, r in j.exportPreset.theme.titleSize += 0.5 }, { j, r in j.exportPreset.theme.subtitleSize -= 0.5 },
            { j, r in j.exportPreset.theme.labelSize = number(&r) }, { j, r in j.exportPreset.theme.tickSize *= 2 },
            { j, r in j.exportPreset.theme.noteSize += 1 }, { j, r in j.exportPreset.theme.axisWidth += 0.1 },
            { j, r in j.exportPreset.theme.gridWidth += 0.1 }, { j, r in j.exportPreset.theme.padding = number(&r) },
        ]
        // Half the time a field of the job, else one of the spec.
        if r.next() % 3 == 0 {
            pick(jobFields, &r)(&j, &r)
            return j
        }
        switch j.spec {
        case .bar(var b): mutate(&b, &r); j.spec = .bar(b)
        case .timeline(var t): mutate(&t, &r); j.spec = .timeline(t)
        }
        return j
    }

    static func mutate(_ b: inout BarChartSpec, _ r: inout Mix) {
        let s = Int(r.next() % UInt64(b.series.count)), c = Int(r.next() % UInt64(b.categories.count))
        let fields: [(inout BarChartSpec, inout Mix) -> Void] = [
            { b, r in b.notes.title = maybe(&r) }, { b, r in b.notes.subtitle = maybe(&r) },
            { b, r in b.notes.unitNote = maybe(&r) }, { b, r in b.notes.sourceNote = maybe(&r) },
            { b, r in b.categories[c] = text(&r) }, { b, r in b.categories.append("新") },
            { b, r in b.series[s].name = text(&r) }, { b, r in b.series[s].values[c] = number(&r) },
            { b, r in b.series[s].values[c] = b.series[s].values[c].nextUp },
            { b, r in b.series[s].labels = b.series[s].labels.isEmpty ? b.series[s].values.map { _ in maybe(&r) } : [] },
            { b, r in if !b.series[s].labels.isEmpty { b.series[s].labels[c] = maybe(&r) } },
            { b, r in if b.series[s].highlighted.contains(c) { b.series[s].highlighted.remove(c) } else { b.series[s].highlighted.insert(c) } },
            { b, r in b.series[s].color = r.next() % 2 == 0 ? nil : color(&r) },
            { b, r in b.series[s].status = b.series[s].values.map { _ in pick([.measured, .planned, .derived], &r) } },
            { b, r in b.series.append(BarSeries(name: "n", values: b.categories.map { _ in 1 })) },
            { b, r in b.orientation = pick([.vertical, .horizontal, .automatic], &r) }, { b, r in b.mode = pick([.grouped, .stacked], &r) },
            { b, r in b.sort = pick([.data, .ascending, .descending], &r) },
            { b, r in b.referenceLines.append(BarReferenceLine(value: number(&r), label: text(&r))) },
            { b, r in if !b.referenceLines.isEmpty { b.referenceLines[0].value = number(&r) } else { b.referenceLines = [BarReferenceLine(value: 0, label: "")] } },
            { b, r in if !b.referenceLines.isEmpty { b.referenceLines[0].label = text(&r) } else { b.referenceLines = [BarReferenceLine(value: 1, label: "")] } },
            { b, r in b.valueAxisTitle = maybe(&r) }, { b, r in b.valueLabels = pick([.none, .ifRoom, .all], &r) },
            { b, r in b.categoryLabels = pick([.all, .sampled], &r) }, { b, r in b.showLegend = pick([nil, true, false], &r) },
            { b, r in b.unitScaling = pick([.off, .automatic, .fixed(UnitScale(divisor: 1e8, unit: "亿元")), .fixed(UnitScale(divisor: 1e8, unit: "亿"))], &r) },
        ]
        pick(fields, &r)(&b, &r)
    }

    static func mutate(_ t: inout TimelineSpec, _ r: inout Mix) {
        let e = Int(r.next() % UInt64(t.events.count))
        let fields: [(inout TimelineSpec, inout Mix) -> Void] = [
            { t, r in t.notes.title = maybe(&r) }, { t, r in t.notes.sourceNote = maybe(&r) },
            { t, r in t.lanes.append("城区") }, { t, r in t.lanes = t.lanes.isEmpty ? ["经济"] : [] },
            { t, r in t.events.append(event(t.events.count, &r)) }, { t, r in t.events.swapAt(0, e) },
            { t, r in t.events[e].id = text(&r) }, { t, r in t.events[e].date.year += 1 },
            { t, r in t.events[e].date.month = pick([nil, 1, 12], &r) }, { t, r in t.events[e].date.day = pick([nil, 1, 28], &r) },
            { t, r in t.events[e].date.approximate.toggle() }, { t, r in t.events[e].end = pick([.none, .open, .date(date(&r))], &r) },
            { t, r in t.events[e].lane = pick(["经济", "乡村", "文化"], &r) },
            { t, r in t.events[e].status = pick([.done, .ongoing, .planned], &r) },
            { t, r in t.events[e].label = text(&r) }, { t, r in t.events[e].detail = maybe(&r) },
            { t, r in t.events[e].dateLabel = maybe(&r) }, { t, r in t.reportDate = r.next() % 2 == 0 ? nil : date(&r) },
            { t, r in let d = date(&r); t.domain = r.next() % 3 == 0 ? nil : TimelineDomain(start: d, end: d) },
            { t, r in if let d = t.domain { t.domain = TimelineDomain(start: d.start, end: TimelineDate(year: d.end.year + 1, month: nil, day: nil, approximate: false)) } },
            { t, r in t.dateFormat = pick([.short, .full, .none], &r) }, { t, r in t.datePosition = pick([.before, .after], &r) },
        ]
        pick(fields, &r)(&t, &r)
    }
}
