import Foundation
import ReportComposer
import ReportRender
import ReportScene

/// A whole template rendered to its report PDF in process (W3): binding (data load, prose,
/// chart specs) once as set-up, like the baseline's data load; then per render the content
/// layout, pagination, PDF and the file write. Standalone chart exports are not part of it.
struct ReportRun {
    let bound: BoundTemplate
    let measurer = PangoTextMeasurer.shared

    init(template: URL) throws {
        bound = TemplateLoader.load(template: template)
        if bound.hasErrors {
            throw BenchError.badData(bound.diagnostics.map(\.description).joined(separator: "\n"))
        }
    }

    func render(to out: URL) throws -> (Double, Double) {
        let t0 = nowMs()
        let content = try bound.content(measurer: measurer)
        let document = try PageComposer.compose(content, measurer: measurer)
        let t1 = nowMs()
        let bytes = try PDFWriter.render(document, measurer: measurer)
        try writeFile(bytes, to: out.path)
        return (nowMs() - t0, t1 - t0)
    }
}
