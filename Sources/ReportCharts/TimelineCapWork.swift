#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import ReportSync

/// Solves a timeline's track caps (4 tracks a lane down to 1) as `solveWithTracks` compares
/// them: the first cap alone, since it names every event in most charts; only when it does not
/// are the others solved side by side, one thread per core. A crowded chart compares every cap,
/// and each is a whole placement-and-key search (most of a 100-event layout).
///
/// The answer is the one cap after another gives: each cap's solution depends on its tracks
/// alone, not on what the memos of its thread hold (they only spare work), and the caller
/// compares the results in cap order. Each thread has memos of its own (they are not
/// thread-safe); the measurer is shared (it locks). Hence `@unchecked Sendable`: the threads
/// share only the read-only spec, marks and frame the closures capture, and the locked measurer.
struct TimelineCapWork: @unchecked Sendable {
    /// The memos of one thread's solves (`@unchecked Sendable`: each set is used by one thread).
    struct Memos: @unchecked Sendable {
        var widths: TimelineLabelWidths
        var placements: TimelineSolver.Placements
        var floors: TimelineLabelFloors
        var clusterText: TimelineClusterText

        /// Memos holding what these hold now, for another thread.
        func copy() -> Memos {
            Memos(widths: widths.copy(), placements: placements.copy(), floors: floors.copy(), clusterText: clusterText.copy())
        }
    }

    /// At most this many threads when set (tests compare one thread with several). Locked: the
    /// tests set it while other suites lay timelines out on other threads.
    static let threadLimit = Locked<Int?>(nil)

    /// Number of caps.
    let count: Int
    /// The caller's memos: the first cap's, then the first thread's (the others get copies).
    let shared: Memos
    let namesAll: (TimelineBuilder.Solved) -> Bool
    /// Solves cap k with a thread's memos.
    let solve: (Int, Memos) throws -> TimelineBuilder.Solved

    /// The results in cap order, up to the first that names every event (the later caps are not
    /// needed) or to the last.
    func run() -> [Result<TimelineBuilder.Solved, Error>] {
        guard count > 0 else { return [] }
        let first = Result { try solve(0, shared) }
        if count == 1 || (try? first.get()).map(namesAll) == true { return [first] }
        struct Queue { var next = 1, stop = Int.max }
        let queue = Locked(Queue())
        let slots = Locked([Result<TimelineBuilder.Solved, Error>?](repeating: nil, count: count))
        let threads = max(1, min(count - 1, Self.threadLimit.withLock { $0 } ?? Int.max, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        // The other threads start from what the first cap left in the memos (label widths, lanes
        // placed), copied before any thread changes them.
        let memos = [shared] + (1..<threads).map { _ in shared.copy() }
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            let memos = memos[t]
            // Caps are handed out in order; none after one that names every event.
            while let k = queue.withLock({ q -> Int? in
                guard q.next < count, q.next <= q.stop else { return nil }
                defer { q.next += 1 }
                return q.next
            }) {
                let r = Result { try solve(k, memos) }
                let all = (try? r.get()).map(namesAll) ?? false
                slots.withLock { $0[k] = r }
                if all { queue.withLock { $0.stop = min($0.stop, k) } }
            }
        }
        // Every cap up to the first naming all was handed out, so every one of them is done.
        var out = [first]
        for slot in slots.withLock({ $0 }).dropFirst() {
            guard let r = slot else { break }
            out.append(r)
            if (try? r.get()).map(namesAll) == true { break }
        }
        return out
    }
}
