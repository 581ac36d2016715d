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
    /// `scope`: one unit of a batch (see `BatchBuild.check`).
    public static func check(template: URL, data: URL?, scope: UnitScope? = nil, measurer: PangoTextMeasurer = .shared) -> [Diagnostic] {
        let bound = TemplateLoader.load(template: template, data: data, scope: scope)
        if bound.hasErrors { return bound.diagnostics }
        let fonts = fontProblems(bound, measurer)
        guard fonts.isEmpty else { return bound.diagnostics + fonts }
        var figures: [String: ReportFigure] = [:]
        let charts = bound.verifyCharts(measurer: measurer, figures: &figures) { positioned($0, bound) }
        guard charts.isEmpty else { return bound.diagnostics + charts }
        do {
            var documents: [Document] = []
            for job in bound.charts where job.exportsFiles {
                let chart = try job.layoutStandaloneSized(measurer: measurer)
                let page = Page(size: chart.size, root: chart.group, background: .white)
                documents.append(Document(info: DocumentInfo(title: job.caption), pages: [page]))
            }
            if !bound.sections.isEmpty {
                documents.append(try PageComposer.compose(try bound.content(measurer: measurer, figures: figures), measurer: measurer))
            }
            // Each font face subset once for all of them, as `render` does.
            if documents.count > 1 { PDFWriter.prepareFonts(for: documents, measurer: measurer) }
            for document in documents { _ = try PDFWriter.render(document, measurer: measurer) }
        } catch {
            return bound.diagnostics + [positioned(error, bound)]
        }
        return bound.diagnostics
    }

    /// What `render` checks before it touches the output folder (not even its lock file), once
    /// the fonts are known to be installed: every chart laid out for its export and for the
    /// report column. Returns both layouts by chart id, for the files and the report's figures
    /// (each laid out once).
    /// `skipping`: charts whose files are up to date, not laid out standalone.
    /// `reportSide`: the report's figures (and pages, when it is to be rendered), laid out on a
    /// second thread beside the standalone layouts: the two were the start of every build's
    /// critical path, one after the other. A template of charts alone (no sections) writes no
    /// report.pdf and has none (laying each chart out for it again doubled the layout time of a
    /// 1,000-event timeline). Errors are thrown in the order a serial run meets them
    /// (standalone first).
    /// `meanwhile`: more work for this thread once its layouts are done, before it waits for the report's side.
    static func preflight(_ bound: BoundTemplate, measurer: PangoTextMeasurer, skipping: Set<String> = [],
                          reportSide: ReportAhead?, meanwhile: () -> Void = {}) throws -> Preflight {
        var roots: [String: (group: Group, size: Size)] = [:]
        // A `report` export may grow taller to name every category: its page takes the laid-out size.
        do {
            for job in bound.charts where job.exportsFiles && !skipping.contains(job.id) {
                roots[job.id] = try layOutStandalone(job, bound: bound, measurer: measurer)
                StageTrace.mark("standalone layout of \(job.id)")
            }
        } catch {
            _ = reportSide?.wait()
            throw error
        }
        StageTrace.mark("standalone layouts")
        meanwhile()
        guard let side = reportSide?.wait() else { return Preflight(roots: roots, figures: [:]) }
        if !side.column.isEmpty { throw BuildFailure(diagnostics: bound.diagnostics + side.column) }
        return Preflight(roots: roots, figures: side.figures, document: side.document)
    }

    /// The chart's standalone export, or the build's failure at its definition.
    static func layOutStandalone(_ job: ChartJob, bound: BoundTemplate, measurer: PangoTextMeasurer) throws -> (group: Group, size: Size) {
        do { return try job.layoutStandaloneSized(measurer: measurer) } catch {
            throw BuildFailure(diagnostics: bound.diagnostics + [positioned(error, bound)])
        }
    }

    /// The layouts of `preflight`: each chart's export (scene and page size) and report figure.
    struct Preflight {
        var roots: [String: (group: Group, size: Size)]
        var figures: [String: ReportFigure]
        /// The report's pages, when `composeReport` asked for them (or why they could not be composed).
        var document: Result<Document, Error>? = nil
    }

    /// Warnings for manifest.json, without the project's location (a template given as an
    /// absolute path prints absolute paths).
    static func portableWarnings(_ diagnostics: [Diagnostic], template: URL) -> [String] {
        let parent = template.deletingLastPathComponent().standardizedFileURL.path + "/"
        return diagnostics.map { d in
            var d = d
            if d.file.hasPrefix(parent) { d.file = String(d.file.dropFirst(parent.count)) }
            return d.description
        }
    }

    /// The body and heading families must be installed (Pango would silently substitute).
    static func fontProblems(_ bound: BoundTemplate, _ measurer: PangoTextMeasurer) -> [Diagnostic] {
        let layout = bound.file.layout ?? LayoutSettings()
        return [("bodyFamily", layout.bodyFamily), ("headingFamily", layout.headingFamily)].compactMap { key, family in
            guard !measurer.isInstalled(family: family) else { return nil }
            let m = YAMLLoader.mark(["layout", key], in: bound.yamlText)
            return bound.diagnostic(at: SourcePosition(file: bound.yamlPath, line: m.line, column: m.column),
                                    "\(key): font family \(QuotedValue.quote(family)) is not installed (fontconfig knows no such family)")
        }
    }

    /// A build error at the report.yaml node or data cell behind it.
    static func positioned(_ error: Error, _ bound: BoundTemplate) -> Diagnostic {
        // A glyph missing in a chart's text: at the cell or value that holds it.
        if let f = error as? ChartLayoutFailure, let r = f.underlying as? RenderError {
            return f.diagnostic(at: textPosition(r, bound), r.description)
        }
        guard let r = error as? RenderError else { return bound.diagnostic(for: error) }
        return bound.diagnostic(at: textPosition(r, bound), r.description)
    }

    /// Where the text a render error names comes from, when it can be traced.
    static func textPosition(_ r: RenderError, _ bound: BoundTemplate) -> SourcePosition? {
        switch r {
        case let .missingGlyphs(text, _, codePoints):
            return codePoints.first.flatMap(Unicode.Scalar.init).flatMap(bound.position(ofScalar:)) ?? bound.position(ofText: text)
        case let .unknownFontFamily(family, text):
            // The family is named in report.yaml's layout (bodyFamily, headingFamily).
            return bound.position(ofText: family) ?? bound.position(ofText: text)
        case let .invalidFontSize(_, text):
            return bound.position(ofText: text)
        default:
            return nil
        }
    }
}
