// Renders one bar chart and a one-section report to bytes using only the public API of the
// `ReportRenderer` library product. Run: swift run RenderExample [OUT_DIR]
// Without OUT_DIR it prints the byte counts; with it, it also writes chart.svg and report.pdf.
import Foundation
import ReportRenderer

/// A two-bar chart of village collective income, laid out for a 16:9 slide.
func incomeChart() -> BarChartSpec {
    BarChartSpec(
        notes: ChartNotes(title: "村级集体经营性收入", unitNote: "单位：亿元", sourceNote: "数据来源：示例"),
        categories: ["2021年", "2022年"],
        series: [BarSeries(name: "收入", values: [6.12, 6.78], highlighted: [1])])
}

func run(outDir: URL?) throws {
    let measurer = PangoTextMeasurer.shared

    // 1. A chart on its own: spec → scene → SVG bytes.
    let chart = try BarChart.layout(incomeChart(), preset: .slide, measurer: measurer)
    let page = Page(size: chart.frame, root: chart.group, background: .white)
    let svg = try SVGWriter.render(page, idPrefix: "income")

    // 2. A report: the same chart as a figure in a section of prose → pages → PDF bytes.
    let column = ChartPreset.report
    let figureChart = try BarChart.layout(incomeChart(), preset: column, measurer: measurer)
    let figure = Figure(id: "income", content: figureChart.group, size: column.size,
                        caption: "村级集体经营性收入", source: "数据来源：示例")
    let content = ReportContent(
        info: ReportInfo(title: "示例报告", author: "示例作者", dateText: "2023年3月"),
        sections: [Section(id: "economy", title: "经济发展", blocks: [
            .paragraph("村级集体经营性收入达6.78亿元，见[[income]]。"),
            .figure(figure),
        ])])
    let document = try PageComposer.compose(content, measurer: measurer)
    let pdf = try PDFWriter.render(document)

    print("chart.svg: \(svg.count) bytes; report.pdf: \(pdf.count) bytes, \(document.pages.count) pages")
    if let outDir {
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        try Data(svg).write(to: outDir.appendingPathComponent("chart.svg"))
        try Data(pdf).write(to: outDir.appendingPathComponent("report.pdf"))
    }
}

do {
    let args = CommandLine.arguments.dropFirst()
    try run(outDir: args.first.map { URL(fileURLWithPath: $0) })
} catch {
    FileHandle.standardError.write(Data("RenderExample: error: \(error)\n".utf8))
    exit(1)
}
