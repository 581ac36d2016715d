import Synchronization
import Foundation
import ReportComposer
import ReportRender
import ReportScene

/// One independent unit of a build's rendering: a chart in its stale formats, the report PDF, or
/// the slide deck.
/// Each yields (relative path, input fingerprint, bytes) per output.
enum RenderTask {
    case chart(ChartJob, Page, [(format: OutputFormat, rel: String, key: String)])
    /// The report PDF, with the figures the preflight laid out.
    case report(String, String, [String: ReportFigure])
    /// `charts.pptx`: every chart, in slide order.
    case deck(String, String, [(ChartJob, Page)])

    typealias Output = [(String, String, [UInt8])]

    func run(bound: BoundTemplate, measurer: PangoTextMeasurer) throws -> Output {
        switch self {
        case .chart(let job, let page, let stale):
            return try stale.map { format, rel, key in
                (rel, key, try ChartFiles.render(page, format: format, job: job, template: bound.name,
                                                 info: bound.info, measurer: measurer))
            }
        case .deck(let rel, let key, let charts):
            return [(rel, key, try ChartDeck.render(charts, bound: bound, measurer: measurer))]
        case .report(let rel, let key, let figures):
            let content = try bound.content(measurer: measurer, figures: figures)
            let document = try PageComposer.compose(content, measurer: measurer)
            return [(rel, key, try PDFWriter.render(document, measurer: measurer))]
        }
    }

    /// Runs every task, on as many threads as there are cores; results come back in task order
    /// and the first failure (in task order) is thrown, so a build's outcome does not depend on
    /// scheduling.
    static func runAll(_ tasks: [RenderTask], bound: BoundTemplate, measurer: PangoTextMeasurer) throws -> [Output] {
        guard tasks.count > 1 else { return try tasks.map { try $0.run(bound: bound, measurer: measurer) } }
        let results = ResultSlots(count: tasks.count)
        // Each iteration writes only its own slot.
        DispatchQueue.concurrentPerform(iterations: tasks.count) { i in
            results.set(i, Result { try tasks[i].run(bound: bound, measurer: measurer) })
        }
        return try results.values.map { try $0!.get() }
    }
}

/// Slots written by concurrent iterations, each slot by exactly one; read after all have finished.
private final class ResultSlots: Sendable {
    private let slots: Mutex<[Result<RenderTask.Output, Error>?]>
    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
    func set(_ i: Int, _ r: Result<RenderTask.Output, Error>) { slots.withLock { $0[i] = r } }
    var values: [Result<RenderTask.Output, Error>?] { slots.withLock { $0 } }
}
