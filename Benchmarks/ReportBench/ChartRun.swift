import Foundation
import ReportCharts
import ReportRender
import ReportScene

/// One chart rendered to one file the way a caller of the library would: lay out the spec,
/// render the page, write the bytes. Layout is timed apart so the profile split is visible.
struct ChartRun {
    enum Spec { case bar(BarChartSpec), timeline(TimelineSpec) }
    let spec: Spec
    let measurer = PangoTextMeasurer.shared

    var title: String {
        switch spec {
        case .bar(let b): b.notes.title ?? ""
        case .timeline(let t): t.notes.title ?? ""
        }
    }

    func layout() throws -> Page {
        switch spec {
        case .bar(let b):
            let l = try BarChart.layout(b, frame: TSVWorkload.barFrame, theme: TSVWorkload.theme, measurer: measurer)
            return Page(size: l.frame, root: l.group, background: .white)
        case .timeline(let t):
            let l = try t.layout(frame: TSVWorkload.timelineFrame, theme: TSVWorkload.theme, measurer: measurer)
            return Page(size: l.frame, root: l.group, background: .white)
        }
    }

    /// Renders to `out` (format from its extension); returns (total ms, layout ms).
    func render(to out: URL) throws -> (Double, Double) {
        let t0 = nowMs()
        let page = try layout()
        let t1 = nowMs()
        let bytes: [UInt8]
        switch out.pathExtension.lowercased() {
        case "svg": bytes = try SVGWriter.render(page, idPrefix: "chart", measurer: measurer)
        case "png": bytes = try PNGWriter.render(page, scale: 2, measurer: measurer)
        case "pdf":
            let doc = Document(info: DocumentInfo(title: title), pages: [page])
            bytes = try PDFWriter.render(doc, measurer: measurer)
        default: throw BenchError.usage("unknown output format: \(out.path)")
        }
        try writeFile(bytes, to: out.path)
        return (nowMs() - t0, t1 - t0)
    }
}
