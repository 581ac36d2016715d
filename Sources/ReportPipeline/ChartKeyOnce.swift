import Foundation
import ReportComposer

/// Each chart's input key (`ChartInputKey.of`) computed once for the build, whichever thread asks
/// first: the report's side needs the keys for its kept figures while the main thread needs them
/// for the charts' files, at the same moment. A thread asking for a key another is computing waits
/// for it, so two threads walking the charts in order share the work instead of repeating it
/// (the walk is ~10 ms of a one-cell rerun, mostly the runtime's first look at each type).
/// Keyed by chart id: the first chart of an id, as everywhere in the build.
final class ChartKeyOnce: @unchecked Sendable {
    private enum Entry { case computing, done(String) }
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var entries: [String: Entry] = [:]

    func key(_ job: ChartJob) -> String {
        condition.lock()
        while true {
            switch entries[job.id] {
            case .done(let key)?:
                condition.unlock()
                return key
            case .computing?:
                condition.wait()
            case nil:
                entries[job.id] = .computing
                condition.unlock()
                let key = ChartInputKey.of(job)
                condition.lock()
                entries[job.id] = .done(key)
                condition.broadcast()
                condition.unlock()
                return key
            }
        }
    }
}
