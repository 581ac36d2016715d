#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import ReportScene
import ReportSync

/// Every event's label text and date measured on every core before the placement asks for them
/// one at a time: in a first layout of up to 300 events nearly all of the shaping is these
/// (~200 texts at 100 events), and the placement needs each label's width in order. Only where
/// the label floors are not used: floors exist to leave most labels of a large chart unmeasured.
/// The results land in the caching measurer the solver reads, so the layout is unchanged.
enum TimelineLabelPrefetch {
    /// At most this many events: past that the floors or the single-cap path decide what is measured.
    static let limit = 300
    /// At least this many: a 20-event chart measured ahead on two threads took ~2 ms longer (the
    /// threads' start and the locks cost more than the shaping they share).
    static let minimum = 40

    static func run(_ labels: [(date: String, text: String)], styles: TimelineStyles, cache: TimelineMeasureCache) {
        // The cap work's limit applies here too (tests compare one thread with several).
        let threads = min(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 4, TimelineCapWork.threadLimit.withLock { $0 } ?? 4)
        guard labels.count >= minimum, labels.count <= limit, threads > 1 else { return }
        let next = Locked(0)
        DispatchQueue.concurrentPerform(iterations: min(threads, labels.count)) { _ in
            while case let i = next.withLock({ n -> Int in defer { n += 1 }; return n }), i < labels.count {
                _ = try? cache.measure(labels[i].text, styles.label)
                if !labels[i].date.isEmpty { _ = try? cache.measure(labels[i].date, styles.date) }
            }
        }
    }
}
