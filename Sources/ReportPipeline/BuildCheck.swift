import Foundation
import ReportComposer
import ReportData
import ReportRender
import ReportScene

extension ReportBuild {
    /// `report check`: the whole build in memory, writing nothing. Binds the template, lays out
    /// every chart at every preset and in the report column, composes the report with the real
    /// Pango measurer and draws it and every chart (PDF, in memory), so every problem `render`
    /// would hit is reported here, at its position.
    public static func check(template: URL, data: URL?, measurer: PangoTextMeasurer = .shared) -> [Diagnostic] {
        let bound = TemplateLoader.load(template: template, data: data)
        if bound.hasErrors { return bound.diagnostics }
        let charts = bound.verifyCharts(measurer: measurer)
        guard charts.isEmpty else { return bound.diagnostics + charts }
        do {
            for job in bound.charts {
                let page = Page(size: job.exportPreset.size, root: try job.layoutStandalone(measurer: measurer), background: .white)
                _ = try PDFWriter.render(Document(info: DocumentInfo(title: job.caption), pages: [page]), measurer: measurer)
            }
            if !bound.sections.isEmpty {
                let document = try PageComposer.compose(try bound.content(measurer: measurer), measurer: measurer)
                _ = try PDFWriter.render(document, measurer: measurer)
            }
        } catch {
            return bound.diagnostics + [positioned(error, bound)]
        }
        return bound.diagnostics
    }

    /// A build error at the report.yaml node or data cell behind it.
    static func positioned(_ error: Error, _ bound: BoundTemplate) -> Diagnostic {
        guard let r = error as? RenderError else { return bound.diagnostic(for: error) }
        switch r {
        case let .missingGlyphs(text, _, codePoints):
            let at = codePoints.first.flatMap(Unicode.Scalar.init).flatMap(bound.position(ofScalar:)) ?? bound.position(ofText: text)
            return bound.diagnostic(at: at, r.description)
        case let .unknownFontFamily(family, text):
            // The family is named in report.yaml's layout (bodyFamily, headingFamily).
            return bound.diagnostic(at: bound.position(ofText: family) ?? bound.position(ofText: text), r.description)
        case let .invalidFontSize(_, text):
            return bound.diagnostic(at: bound.position(ofText: text), r.description)
        default:
            return bound.diagnostic(at: nil, r.description)
        }
    }
}
