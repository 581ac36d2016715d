import ReportCharts
import ReportComposer
import ReportScene

// What a chart's input key is made of (`ChartInputKey`): every stored property of the bound
// chart, in declaration order. `ChartInputKeyTests` checks each struct's list against its
// stored properties (a property added to a spec without a line here fails that test); enums are
// written by `switch` (a new case does not compile) or by their raw value.

extension InputKeyEncodable where Self: RawRepresentable, RawValue == String {
    func encodeKey(into k: inout KeyEncoder) { k.string(rawValue) }
}

extension BarValueStatus: InputKeyEncodable {}
extension BarValueLabels: InputKeyEncodable {}
extension BarCategoryLabels: InputKeyEncodable {}
extension BarOrientation: InputKeyEncodable {}
extension BarMode: InputKeyEncodable {}
extension BarSort: InputKeyEncodable {}
extension TimelineEvent.Status: InputKeyEncodable {}
extension TimelineDateFormat: InputKeyEncodable {}
extension TimelineDatePosition: InputKeyEncodable {}
extension SVGTextMode: InputKeyEncodable {}

extension ChartJob: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.field("id", id)
        k.field("spec", spec)
        k.field("caption", caption)
        k.field("source", source)
        k.field("exportPreset", exportPreset)
        k.field("exportsFiles", exportsFiles)
        k.field("reportHeight", reportHeight)
        k.field("svgText", svgText)
        k.field("alt", alt)
        // Where the chart is defined only places error messages, and a build with errors writes
        // nothing: a line added above the chart in report.yaml does not make its files stale.
        k.skip("position")
        k.skip("reportHeightPosition")
    }
}

extension ChartJob.Spec: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        switch self {
        case .bar(let b): k.tag(0); b.encodeKey(into: &k)
        case .timeline(let t): k.tag(1); t.encodeKey(into: &k)
        }
    }
}

extension BarChartSpec: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.field("notes", notes)
        k.field("categories", categories)
        k.field("series", series)
        k.field("orientation", orientation)
        k.field("mode", mode)
        k.field("sort", sort)
        k.field("referenceLines", referenceLines)
        k.field("valueAxisTitle", valueAxisTitle)
        // A closure has no value to read. The binder builds the formatters from the template-wide
        // formatter (a constant of the executable, part of the base key) and the axis unit, a
        // field of the spec: equal fields mean equal closures.
        k.skip("valueFormatter")
        k.skip("valueLabelFormatter")
        k.field("valueLabels", valueLabels)
        k.field("categoryLabels", categoryLabels)
        k.skip("totalFormatter")
        k.field("showLegend", showLegend)
        k.field("unitScaling", unitScaling)
    }
}

extension BarSeries: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.field("name", name)
        k.field("values", values)
        k.field("labels", labels)
        k.field("highlighted", highlighted)
        k.field("color", color)
        k.field("status", status)
    }
}

extension BarReferenceLine: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.field("value", value)
        k.field("label", label)
    }
}

extension UnitScaling: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        switch self {
        case .off: k.tag(0)
        case .automatic: k.tag(1)
        case .fixed(let s): k.tag(2); s.encodeKey(into: &k)
        }
    }
}

extension UnitScale: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.field("divisor", divisor)
        k.field("unit", unit)
    }
}

extension ChartNotes: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.field("title", title)
        k.field("subtitle", subtitle)
        k.field("unitNote", unitNote)
        k.field("sourceNote", sourceNote)
    }
}

extension TimelineSpec: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.field("notes", notes)
        k.field("lanes", lanes)
        k.field("events", events)
        k.field("reportDate", reportDate)
        k.field("domain", domain)
        k.field("dateFormat", dateFormat)
        k.field("datePosition", datePosition)
    }
}

extension TimelineDomain: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.field("start", start)
        k.field("end", end)
    }
}

extension TimelineEvent: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.field("id", id)
        k.field("date", date)
        k.field("end", end)
        k.field("lane", lane)
        k.field("status", status)
        k.field("label", label)
        k.field("detail", detail)
        k.field("dateLabel", dateLabel)
    }
}

extension TimelineEvent.End: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        switch self {
        case .none: k.tag(0)
        case .date(let d): k.tag(1); d.encodeKey(into: &k)
        case .open: k.tag(2)
        }
    }
}

extension TimelineDate: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.field("year", year)
        k.field("month", month)
        k.field("day", day)
        k.field("approximate", approximate)
    }
}

extension ChartPreset: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.field("name", name)
        k.field("size", size)
        k.field("theme", theme)
    }
}

extension ChartTheme: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.field("name", name)
        k.field("palette", palette)
        k.field("highlight", highlight)
        k.field("muted", muted)
        k.field("text", text)
        k.field("secondaryText", secondaryText)
        k.field("axis", axis)
        k.field("grid", grid)
        k.field("background", background)
        k.field("fontFamily", fontFamily)
        k.field("titleFamily", titleFamily)
        k.field("titleSize", titleSize)
        k.field("subtitleSize", subtitleSize)
        k.field("labelSize", labelSize)
        k.field("tickSize", tickSize)
        k.field("noteSize", noteSize)
        k.field("axisWidth", axisWidth)
        k.field("gridWidth", gridWidth)
        k.field("padding", padding)
    }
}

extension Size: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.field("width", width)
        k.field("height", height)
    }
}

extension Color: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.field("red", red)
        k.field("green", green)
        k.field("blue", blue)
        k.field("alpha", alpha)
    }
}

extension ReportInfo: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.field("title", title)
        k.field("subtitle", subtitle)
        k.field("author", author)
        k.field("organisation", organisation)
        k.field("dateText", dateText)
        k.field("keywords", keywords)
        k.field("language", language)
        k.field("creationDate", Int(creationDate))
    }
}
