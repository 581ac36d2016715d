import Foundation
import ReportSync
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

    /// `pdfs`: the other PDFs of the build (the report shapes their text with its own, and has
    /// each font face subset once for all of them, before it is drawn).
    func run(bound: BoundTemplate, measurer: PangoTextMeasurer, pdfs: [Document] = []) throws -> Output {
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
            PDFWriter.prepareFonts(for: [document] + pdfs, measurer: measurer)
            return [(rel, key, try PDFWriter.render(document, measurer: measurer))]
        }
    }

    /// Runs every task, on as many threads as there are cores; results come back in task order
    /// and the first failure (in task order) is thrown, so a build's outcome does not depend on
    /// scheduling. A chart's formats are separate pieces of work, and at most one PDF is written
    /// at a time (`RenderQueue`): each PDF holds its fonts' tables and subsets while it is
    /// finished, so two at once set the build's peak memory.
    /// Every font face is subset once for all the PDFs: by the report, which is the first piece
    /// handed out and a PDF (no other PDF starts before it is done), after it is composed; with
    /// no report, here, before any piece starts.
    static func runAll(_ tasks: [RenderTask], bound: BoundTemplate, measurer: PangoTextMeasurer) throws -> [Output] {
        let chartPDFs = tasks.flatMap { $0.chartPDFs(bound) }
        let hasReport = tasks.contains { if case .report = $0 { true } else { false } }
        if !hasReport && chartPDFs.count > 1 { PDFWriter.prepareFonts(for: chartPDFs, measurer: measurer) }
        let others = hasReport ? chartPDFs : []
        let pieces = tasks.enumerated().flatMap { i, task in task.pieces.map { (task: i, piece: $0) } }
        guard pieces.count > 1 else { return try tasks.map { try $0.run(bound: bound, measurer: measurer, pdfs: others) } }
        let results = ResultSlots(count: pieces.count)
        let queue = RenderQueue(pdf: pieces.map(\.piece.isPDF))
        DispatchQueue.concurrentPerform(iterations: min(pieces.count, ProcessInfo.processInfo.activeProcessorCount)) { _ in
            while let k = queue.next() {
                results.set(k, Result { try pieces[k].piece.run(bound: bound, measurer: measurer, pdfs: others) })
                queue.done(k)
            }
        }
        var outputs = Array(repeating: Output(), count: tasks.count)
        // In task order, then piece order: the first failure thrown is the one a serial run meets first.
        for (k, slot) in results.values.enumerated() { outputs[pieces[k].task] += try slot!.get() }
        return outputs
    }

    /// The task as pieces of work that can run in parallel: one per stale format of a chart.
    var pieces: [RenderTask] {
        guard case .chart(let job, let page, let stale) = self, stale.count > 1 else { return [self] }
        return stale.map { .chart(job, page, [$0]) }
    }

    /// The chart's PDF file as it will be drawn, when it is one of the stale formats.
    func chartPDFs(_ bound: BoundTemplate) -> [Document] {
        guard case .chart(let job, let page, let stale) = self, stale.contains(where: { $0.format == .pdf }) else { return [] }
        return [ChartFiles.pdfDocument(page, job: job, info: bound.info)]
    }

    /// Writes a PDF (the report, or a chart's PDF file).
    var isPDF: Bool {
        switch self {
        case .chart(_, _, let stale): stale.contains { $0.format == .pdf }
        case .report: true
        case .deck: false
        }
    }
}

/// Hands out pieces of work in order, except that a PDF waits while another PDF is being written
/// (the worker takes the next piece that is not a PDF instead, or waits when only PDFs are left).
final class RenderQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let isPDF: [Bool]
    private var taken: [Bool]
    private var pdfInFlight = false
    // Guarded by `condition`.

    init(pdf: [Bool]) { isPDF = pdf; taken = Array(repeating: false, count: pdf.count) }

    /// The next piece to run, or nil when every piece has been handed out.
    func next() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            guard let first = taken.firstIndex(of: false) else { return nil }
            if let k = (first..<taken.count).first(where: { !taken[$0] && !(isPDF[$0] && pdfInFlight) }) {
                taken[k] = true
                if isPDF[k] { pdfInFlight = true }
                return k
            }
            condition.wait()
        }
    }

    func done(_ k: Int) {
        condition.lock()
        if isPDF[k] { pdfInFlight = false }
        condition.broadcast()
        condition.unlock()
    }
}

/// Slots written by concurrent iterations, each slot by exactly one; read after all have finished.
private final class ResultSlots: Sendable {
    private let slots: Locked<[Result<RenderTask.Output, Error>?]>
    init(count: Int) { slots = Locked(Array(repeating: nil, count: count)) }
    func set(_ i: Int, _ r: Result<RenderTask.Output, Error>) { slots.withLock { $0[i] = r } }
    var values: [Result<RenderTask.Output, Error>?] { slots.withLock { $0 } }
}
