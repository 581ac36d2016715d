import Dispatch
import ReportSync
import ReportData
import ReportComposer
import ReportRender
import ReportScene

/// The report's side of the preflight, on its own thread: every chart laid out for the report
/// column (the check `render` makes before writing), then, when the report is to be rendered,
/// its pages composed from those figures.
/// `figureCache`: figures kept by the last run (`ReportFigureCache`); a chart whose inputs are
/// unchanged takes its kept figure instead of being laid out, and the figures laid out are kept
/// for the next run (encoded after the pages are composed, off the report's path).
final class ReportAhead: @unchecked Sendable {
    struct Side {
        var figures: [String: ReportFigure]
        var column: [Diagnostic]
        var document: Result<Document, Error>?
    }

    private let done = DispatchSemaphore(value: 0)
    // Written by the worker before it signals `done`, read after `wait`.
    private var side: Side?

    /// `keys`: the build's input keys, shared with the main thread.
    init(_ bound: BoundTemplate, measurer: PangoTextMeasurer, compose: Bool, figureCache: ReportFigureCache? = nil,
         keys: ChartKeyOnce? = nil) {
        self.figureCache = figureCache
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let width = bound.reportColumnWidth
            var identities: [String: String] = [:], known: [String: ReportFigure] = [:]
            // The keys (~10 ms, mostly the runtime's first look at each type) before the figures
            // only when kept figures may be read; for `--force`, after the pages.
            func computeIdentities(_ cache: ReportFigureCache) {
                for job in bound.charts where identities[job.id] == nil {
                    identities[job.id] = cache.identity(of: job, width: width, keys: keys)
                }
            }
            if let cache = figureCache, cache.reads {
                computeIdentities(cache)
                StageTrace.mark("report: figure keys")
                // Decoded on every core (on the report's path).
                let wanted = identities.sorted { $0.key < $1.key }
                let loaded = Locked([String: ReportFigure]())
                DispatchQueue.concurrentPerform(iterations: wanted.count) { i in
                    if let figure = cache.load(wanted[i].value) { loaded.withLock { $0[wanted[i].key] = figure } }
                }
                known = loaded.withLock { $0 }
                StageTrace.mark("report: \(known.count) kept figures of \(bound.charts.count)")
            }
            let (figures, column) = bound.reportFigures(measurer: measurer, known: known) { ReportBuild.positioned($0, bound) }
            StageTrace.mark("report: figures laid out")
            var document: Result<Document, Error>?
            if compose && column.isEmpty {
                // The figures' texts shaped for drawing (the layouts a timeline's key needs only
                // the metrics of) while the pages are flowed, which takes one core.
                let groups = figures.sorted { $0.key < $1.key }.map(\.value.group)
                document = Result {
                    let content = try bound.content(measurer: measurer, figures: figures)
                    return try PageComposer.compose(content, measurer: measurer) {
                        measurer.shapeForDrawing(groups)
                        StageTrace.mark("report: figure texts shaped for drawing")
                    }
                }
            }
            StageTrace.mark("report: pages composed")
            side = Side(figures: figures, column: column, document: document)
            done.signal()
            if let cache = figureCache, column.isEmpty {
                if !cache.reads { computeIdentities(cache) }
                StageTrace.mark("report: storing figures")
                var stored = 0
                for (id, identity) in identities.sorted(by: { $0.key < $1.key }) where known[id] == nil {
                    if let figure = figures[id] { cache.store(identity, figure); stored += 1 }
                }
                StageTrace.mark("report: \(stored) figures stored")
            }
            stored.signal()
        }
    }

    private let stored = DispatchSemaphore(value: 0)
    private let figureCache: ReportFigureCache?

    /// Blocks until the worker has finished the figures and pages.
    func wait() -> Side {
        done.wait()
        return side!
    }

    /// The kept figures' changes, once the worker has handed it the figures it laid out.
    func addFigureWrites(to commit: inout OutputCommit) {
        guard let figureCache else { return }
        stored.wait()
        stored.signal()
        figureCache.addWrites(to: &commit)
    }
}
