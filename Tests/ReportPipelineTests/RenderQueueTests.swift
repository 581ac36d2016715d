import Foundation
import Testing
@testable import ReportPipeline

/// The build's work queue (issue 17, peak memory): every piece is handed out exactly once, at most
/// one PDF is written at a time, and the pieces start in order except where a PDF has to wait.
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

    @Test func neverTwoPDFsAtOnceAndEveryPieceOnce() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let count = Int.random(in: 1...40, using: &rng)
            let pdf = (0..<count).map { _ in Bool.random(using: &rng) }
            let workers = Int.random(in: 1...4, using: &rng)
            let queue = RenderQueue(pdf: pdf), record = Record()
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let k = queue.next() {
                    record.withLock { s in
                        s.taken.append(k)
                        if pdf[k] { s.pdfsNow += 1; s.mostPDFs = max(s.mostPDFs, s.pdfsNow) }
                    }
                    // Some work, so that pieces overlap.
                    var x = 0
                    for i in 0..<Int.random(in: 0...2_000) { x &+= i }
                    _ = x
                    record.withLock { s in if pdf[k] { s.pdfsNow -= 1 } }
                    queue.done(k)
                }
            }
            let s = record.withLock { $0 }
            #expect(s.taken.sorted() == Array(0..<count))
            #expect(s.mostPDFs <= 1)
        }
    }

    @Test func oneWorkerTakesThePiecesInOrder() {
        let pdf = [true, false, true, true, false]
        let queue = RenderQueue(pdf: pdf)
        var order: [Int] = []
        while let k = queue.next() { order.append(k); queue.done(k) }
        #expect(order == [0, 1, 2, 3, 4])
    }

    @Test func aPDFWaitingForAnotherLetsTheNextPieceGoFirst() {
        let queue = RenderQueue(pdf: [true, true, false])
        #expect(queue.next() == 0)
        // 0 is still being written: 1 (a PDF) waits, 2 goes.
        #expect(queue.next() == 2)
        queue.done(0)
        #expect(queue.next() == 1)
        queue.done(1); queue.done(2)
        #expect(queue.next() == nil)
    }
}
