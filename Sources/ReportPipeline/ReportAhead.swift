import Dispatch
import ReportData
import ReportComposer
import ReportRender
import ReportScene

/// The report's side of the preflight, on its own thread: every chart laid out for the report
/// column (the check `render` makes before writing), then, when the report is to be rendered,
/// its pages composed from those figures.
final class ReportAhead: @unchecked Sendable {
    struct Side {
        var figures: [String: ReportFigure]
        var column: [Diagnostic]
        var document: Result<Document, Error>?
    }

    private let done = DispatchSemaphore(value: 0)
    // Written by the worker before it signals `done`, read after `wait`.
    private var side: Side?

    init(_ bound: BoundTemplate, measurer: PangoTextMeasurer, compose: Bool) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let (figures, column) = bound.reportFigures(measurer: measurer) { ReportBuild.positioned($0, bound) }
            StageTrace.mark("report: figures laid out")
            var document: Result<Document, Error>?
            if compose && column.isEmpty {
                document = Result {
                    let content = try bound.content(measurer: measurer, figures: figures)
                    return try PageComposer.compose(content, measurer: measurer)
                }
            }
            StageTrace.mark("report: pages composed")
            side = Side(figures: figures, column: column, document: document)
            done.signal()
        }
    }

    /// Blocks until the worker has finished.
    func wait() -> Side {
        done.wait()
        return side!
    }
}
