import Foundation
import Testing
import ReportCharts
import ReportComposer
import ReportScene
@testable import ReportPipeline

/// The build's work queue (issue 17, peak memory and wall time): every piece is handed out exactly
/// once, at most `RenderQueue.limit` PDFs are written at a time, no piece but the report starts
/// before the report has subset the fonts, and the pieces start in order except where a PDF has to wait.
@Suite struct RenderQueueTests {
    /// NSLock rather than `Mutex`: a contended `Mutex` waits inside the Swift runtime, which
    /// ThreadSanitizer does not see, so `make sanitize` would report a race that is not there.
    final class Record: @unchecked Sendable {
        private let lock = NSLock()
        private var value = (pdfsNow: 0, mostPDFs: 0, taken: [Int]())
        func withLock<R>(_ body: (inout (pdfsNow: Int, mostPDFs: Int, taken: [Int])) -> R) -> R {
            lock.lock()
            defer { lock.unlock() }
            return body(&value)
        }
    }

    final class Gate: @unchecked Sendable {
        private let lock = NSLock()
        private var open = false, early: [Int] = []
        func opened() { lock.lock(); open = true; lock.unlock() }
        func started(_ k: Int) { lock.lock(); if !open { early.append(k) }; lock.unlock() }
        var startedEarly: [Int] { lock.lock(); defer { lock.unlock() }; return early }
    }

    @Test func atMostTheLimitOfPDFsAtOnceAndEveryPieceOnce() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let count = Int.random(in: 1...40, using: &rng)
            // Half the rounds have a report: piece 0, a PDF, which subsets the fonts part-way.
            let report: Int? = round % 2 == 0 ? 0 : nil
            let pdf = (0..<count).map { k in k == report || Bool.random(using: &rng) }
            let workers = Int.random(in: 1...4, using: &rng)
            let queue = RenderQueue(pdf: pdf, report: report), record = Record(), gate = Gate()
            if report == nil { gate.opened() }
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let k = queue.next() {
                    if k != report { gate.started(k) }
                    record.withLock { s in
                        s.taken.append(k)
                        if pdf[k] { s.pdfsNow += 1; s.mostPDFs = max(s.mostPDFs, s.pdfsNow) }
                    }
                    // Some work, so that pieces overlap.
                    var x = 0
                    for i in 0..<Int.random(in: 0...2_000) { x &+= i }
                    if k == report { gate.opened(); queue.fontsReady() }
                    for i in 0..<Int.random(in: 0...2_000) { x &+= i }
                    _ = x
                    record.withLock { s in if pdf[k] { s.pdfsNow -= 1 } }
                    queue.done(k)
                }
            }
            let s = record.withLock { $0 }
            #expect(s.taken.sorted() == Array(0..<count))
            #expect(s.mostPDFs <= RenderQueue.limit)
            #expect(gate.startedEarly.isEmpty, "pieces \(gate.startedEarly) started before the fonts were ready")
        }
    }

    @Test func nothingStartsBesideTheReportBeforeItsFontsThenOnePDFBesideIt() {
        let queue = RenderQueue(pdf: [true, true, false, true], report: 0)
        #expect(queue.next() == 0)
        // The report is composing and collecting every PDF's glyphs: the others wait, the SVG too.
        final class Box: @unchecked Sendable { let lock = NSLock(); var value: Int?? }
        let got = Box(), handed = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let k = queue.next()
            got.lock.lock(); got.value = .some(k); got.lock.unlock()
            handed.signal()
        }
        #expect(handed.wait(timeout: .now() + 0.2) == .timedOut, "a piece started before the report's fonts")
        queue.fontsReady()
        handed.wait()
        got.lock.lock(); let first = got.value; got.lock.unlock()
        #expect(first == .some(1))
        // The report still draws; one chart PDF may run beside it, not two: the SVG goes.
        #expect(queue.next() == 2)
        queue.done(1)
        #expect(queue.next() == 3)
        queue.done(0); queue.done(2); queue.done(3)
        #expect(queue.next() == nil)
    }

    @Test func oneWorkerTakesThePiecesInOrder() {
        let pdf = [true, false, true, true, false]
        let queue = RenderQueue(pdf: pdf)
        var order: [Int] = []
        while let k = queue.next() { order.append(k); queue.done(k) }
        #expect(order == [0, 1, 2, 3, 4])
    }

    @Test func piecesGoInTheGivenOrder() {
        let queue = RenderQueue(pdf: [true, false, false, true, false], report: 0, order: [0, 4, 2, 3, 1])
        var order: [Int] = []
        while let k = queue.next() { order.append(k); queue.done(k) }
        #expect(order == [0, 4, 2, 3, 1])
        // Not a permutation of the pieces: index order.
        let plain = RenderQueue(pdf: [false, false, false], order: [2, 2, 0])
        #expect(plain.next() == 0 && plain.next() == 1 && plain.next() == 2 && plain.next() == nil)
    }

    /// The report first, then PNGs, PDFs and SVGs, each largest page first, ties in task order.
    @Test func longestPiecesFirst() {
        let job = ChartJob(id: "a", spec: .bar(BarChartSpec(notes: ChartNotes(), categories: ["x"],
                                                             series: [BarSeries(name: "s", values: [1], labels: ["1"])],
                                                             valueAxisTitle: "", totalFormatter: { "\($0)" })),
                           caption: "", source: "", exportPreset: .slide, reportHeight: 200)
        func piece(_ format: OutputFormat, _ w: Double) -> RenderTask {
            .chart(job, Page(size: Size(w, 100), root: Group()), [(format, "charts/a.\(format.rawValue)", "k")])
        }
        let pieces: [RenderTask] = [.report("report.pdf", "k", [:], nil), piece(.pdf, 100), piece(.png, 100), piece(.svg, 300),
                                    piece(.png, 400), piece(.pdf, 200), piece(.png, 100)]
        #expect(RenderTask.longestFirst(pieces) == [0, 4, 2, 6, 5, 1, 3])
    }

    @Test func aPDFWaitingForOthersLetsTheNextPieceGoFirst() {
        let queue = RenderQueue(pdf: [true, true, true, false])
        #expect(queue.next() == 0)
        #expect(queue.next() == 1)
        // 0 and 1 are still being written: 2 (a PDF) waits, 3 goes.
        #expect(queue.next() == 3)
        queue.done(0)
        #expect(queue.next() == 2)
        queue.done(1); queue.done(2); queue.done(3)
        #expect(queue.next() == nil)
    }
}
