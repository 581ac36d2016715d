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
    /// The report PDF, with the figures the preflight laid out and the pages it composed (nil:
    /// composed here).
    case report(String, String, [String: ReportFigure], Result<Document, Error>?)
    /// `charts.pptx`: every chart, in slide order.
    case deck(String, String, [(ChartJob, Page)])

    typealias Output = [(String, String, [UInt8])]

    /// `pdfs`: the other PDFs of the build (the report shapes their text with its own, and has
    /// each font face subset once for all of them, before it is drawn).
    /// `fontsReady`: called by the report once every face is subset, when other PDFs may start.
    /// `fonts`: subset faces kept in the output folder between runs.
    func run(bound: BoundTemplate, measurer: PangoTextMeasurer, pdfs: [Document] = [], fonts: FontSubsetFiles? = nil,
             fontsReady: () -> Void = {}) throws -> Output {
        switch self {
        case .chart(let job, let page, let stale):
            return try stale.map { format, rel, key in
                (rel, key, try ChartFiles.render(page, format: format, job: job, template: bound.name,
                                                 info: bound.info, measurer: measurer))
            }
        case .deck(let rel, let key, let charts):
            return [(rel, key, try ChartDeck.render(charts, bound: bound, measurer: measurer))]
        case .report(let rel, let key, let figures, let composed):
            let document = try composed?.get() ?? PageComposer.compose(bound.content(measurer: measurer, figures: figures),
                                                                        measurer: measurer)
            PDFWriter.prepareFonts(for: [document] + pdfs, measurer: measurer, store: fonts)
            StageTrace.mark("report: fonts subset for every PDF")
            fontsReady()
            return [(rel, key, try PDFWriter.render(document, measurer: measurer))]
        }
    }

    /// Runs every task, on as many threads as there are cores; results come back in task order
    /// and the first failure (in task order) is thrown, so a build's outcome does not depend on
    /// scheduling. A chart's formats are separate pieces of work, and at most two PDFs are
    /// written at a time (`RenderQueue`): each holds its page content and font subsets until it
    /// is finished, so more at once would set the build's peak memory on a many-core machine.
    /// Every font face is subset once for all the PDFs: by the report, which is the first piece
    /// handed out, after it is composed (no other PDF starts before that; a chart's PDF then
    /// runs beside the report's drawing instead of after it: a one-cell rerun's wall time was the
    /// sum of both); with no report, here, before any piece starts.
    static func runAll(_ tasks: [RenderTask], bound: BoundTemplate, measurer: PangoTextMeasurer,
                       fonts: FontSubsetFiles? = nil) throws -> [Output] {
        let chartPDFs = tasks.flatMap { $0.chartPDFs(bound) }
        let hasReport = tasks.contains { if case .report = $0 { true } else { false } }
        // With kept subsets even a single PDF goes through them.
        if !hasReport && chartPDFs.count > (fonts == nil ? 1 : 0) {
            PDFWriter.prepareFonts(for: chartPDFs, measurer: measurer, store: fonts)
        }
        let others = hasReport ? chartPDFs : []
        let pieces = tasks.enumerated().flatMap { i, task in task.pieces.map { (task: i, piece: $0) } }
        guard pieces.count > 1 else {
            return try tasks.map { try $0.run(bound: bound, measurer: measurer, pdfs: others, fonts: fonts) }
        }
        let results = ResultSlots(count: pieces.count)
        let report = hasReport ? pieces.firstIndex { if case .report = $0.piece { true } else { false } } : nil
        let queue = RenderQueue(pdf: pieces.map(\.piece.isPDF), report: report, order: longestFirst(pieces.map(\.piece)))
        DispatchQueue.concurrentPerform(iterations: min(pieces.count, ProcessInfo.processInfo.activeProcessorCount)) { _ in
            while let k = queue.next() {
                StageTrace.mark("piece \(k) starts: \(pieces[k].piece.traceName)")
                defer { StageTrace.mark("piece \(k) ends") }
                results.set(k, Result {
                    try pieces[k].piece.run(bound: bound, measurer: measurer, pdfs: others, fonts: fonts,
                                            fontsReady: queue.fontsReady)
                })
                queue.done(k)
            }
        }
        var outputs = Array(repeating: Output(), count: tasks.count)
        // In task order, then piece order: the first failure thrown is the one a serial run meets first.
        for (k, slot) in results.values.enumerated() { outputs[pieces[k].task] += try slot!.get() }
        return outputs
    }

    /// The order pieces are handed out in: the report first, then the PNGs (rasterising and
    /// encoding: the longest pieces of a chart), then the PDFs, then the SVGs, each by page area,
    /// largest first, so that the last pieces, which decide when the build is done, are the
    /// shortest (the default report's timeline PNG came last, on one core, while the other
    /// idled). Ties keep the task order.
    static func longestFirst(_ pieces: [RenderTask]) -> [Int] {
        func rank(_ piece: RenderTask) -> (Int, Double) {
            switch piece {
            case .report: return (0, 0)
            case .deck: return (1, 0)
            case .chart(_, let page, let stale):
                let area = -page.size.width * page.size.height
                switch stale.first?.format {
                case .png?: return (2, area)
                case .pdf?: return (3, area)
                default: return (4, area)
                }
            }
        }
        let ranks = pieces.map(rank)
        return pieces.indices.sorted { ranks[$0] < ranks[$1] || (ranks[$0] == ranks[$1] && $0 < $1) }
    }

    /// What the piece renders, for `StageTrace`.
    var traceName: String {
        switch self {
        case .chart(let job, _, let stale): "\(job.id) " + stale.map(\.format.rawValue).joined(separator: ",")
        case .report: "report.pdf"
        case .deck: "charts.pptx"
        }
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

/// Hands out pieces of work in order (`order`, default: by index), except that a PDF waits while
/// `limit` PDFs are being written, and, when the build has a report, every other piece waits
/// until the report has subset the fonts of all PDFs (`fontsReady`, or the report's end); the
/// worker takes the next piece that may go instead, or waits when none may.
final class RenderQueue: @unchecked Sendable {
    static let limit = 2
    private let condition = NSCondition()
    private let isPDF: [Bool]
    private let report: Int?
    /// Piece indices in hand-out order.
    private let order: [Int]
    // Guarded by `condition`.
    private var taken: [Bool]
    private var pdfsInFlight = 0
    private var fontsAreReady: Bool

    /// `report`: the index of the report's piece, which subsets the fonts for every PDF.
    /// `order`: a permutation of the piece indices (nil: index order).
    init(pdf: [Bool], report: Int? = nil, order: [Int]? = nil) {
        isPDF = pdf; self.report = report
        self.order = order.flatMap { $0.sorted() == Array(pdf.indices) ? $0 : nil } ?? Array(pdf.indices)
        taken = Array(repeating: false, count: pdf.count)
        fontsAreReady = report == nil
    }

    /// The next piece to run, or nil when every piece has been handed out.
    func next() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            guard taken.contains(false) else { return nil }
            if let k = order.first(where: { !taken[$0] && mayStart($0) }) {
                taken[k] = true
                if isPDF[k] { pdfsInFlight += 1 }
                return k
            }
            condition.wait()
        }
    }

    /// Under `condition`.
    private func mayStart(_ k: Int) -> Bool {
        // Nothing starts beside the report before its fonts are ready: the report walks every
        // text of every PDF under the font environments' locks, and a chart drawn meanwhile took
        // the same locks text by text (a one-cell rerun's font step took 21 ms instead of ~5,
        // on the report's path, the longest of the build).
        guard fontsAreReady || k == report else { return false }
        guard isPDF[k] else { return true }
        return pdfsInFlight < Self.limit
    }

    /// The report has subset every face: the other PDFs may start.
    func fontsReady() {
        condition.lock()
        fontsAreReady = true
        condition.broadcast()
        condition.unlock()
    }

    func done(_ k: Int) {
        condition.lock()
        if isPDF[k] { pdfsInFlight -= 1 }
        if k == report { fontsAreReady = true }
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
