import ReportSync

/// What a one-shot `report render` process lets the kernel reclaim at exit instead of freeing
/// object by object. A build's bound template, scenes and manifest are millions of small
/// objects for 10,000-element charts: releasing them after the files are committed took 11–22 ms
/// of a 10,000-event timeline's process (W3 ~3.5 ms, a small chart ~1 ms), after the work was done.
/// Off unless the CLI turns it on for its single build: a library caller, the watcher and a batch
/// (many builds in one process) free as usual.
public enum ExitRetention {
    private static let state = Locked<(enabled: Bool, kept: [Any])>((false, []))

    /// Turns retention on for the rest of the process (the CLI, right before its one build).
    public static func enable() { state.withLock { $0.enabled = true } }

    /// Keeps `values` alive until the process ends, when retention is on; otherwise does nothing.
    static func keep(_ values: Any...) {
        state.withLock { if $0.enabled { $0.kept.append(contentsOf: values) } }
    }

    /// How many values are kept (the trace prints it; the tests read it).
    public static var keptCount: Int { state.withLock { $0.kept.count } }
}
