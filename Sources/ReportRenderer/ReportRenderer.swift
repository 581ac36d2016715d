// The library product: one import gives a Swift program the whole public API, from data
// loading to rendered bytes. See docs/library.md.
//
//     import ReportRenderer
//     let chart = try BarChart.layout(spec, preset: .slide, measurer: PangoTextMeasurer.shared)
//     let svg = try SVGWriter.render(chart.page, idPrefix: "c")
@_exported import ReportCalendar
@_exported import ReportData
@_exported import ReportScene
@_exported import ReportCharts
@_exported import ReportComposer
@_exported import ReportRender
@_exported import ReportSlides
@_exported import ReportPipeline
