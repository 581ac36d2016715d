import Foundation
import ReportComposer
import ReportData

/// What `report render` was asked to do for a batch.
public struct BatchOptions: Sendable {
    /// Template, data, output root, formats, force, creation date: as for one report.
    public var build: BuildOptions
    /// `--each DATASET`: the units dataset when report.yaml declares none (or another one).
    public var each: BatchSpec?
    /// This process's share of the units; nil renders them all.
    public var shard: Shard?

    public init(build: BuildOptions, each: BatchSpec? = nil, shard: Shard? = nil) {
        self.build = build; self.each = each; self.shard = shard
    }

    /// `Output/<template>/`: the unit folders and index.csv.
    public var outputDirectory: URL { build.outputDirectory }
}

/// How one unit went.
public struct UnitResult: Sendable {
    /// Whether the unit was built (and what was written) or failed (and why).
    public enum State: Sendable {
        case built(BuildOutcome)
        /// Bad input (diagnostics) or a failed write or render (`message` as `path: error: ...`).
        case failed([Diagnostic], message: String?)
    }
    public var unit: String
    public var state: State

    public var failed: Bool { if case .failed = state { return true }; return false }
    public var rendered: Bool {
        guard case .built(let o) = state else { return false }
        return o.reportRendered || !o.chartsRendered.isEmpty || !o.removed.isEmpty
    }
}

/// What a batch run did, for the terminal.
public struct BatchOutcome: Sendable {
    /// What happened to the batch's index.csv.
    public enum Index: Sendable, Equatable {
        case written, unchanged
        /// A shard leaves index.csv to the last one: `missing` units are not (yet) up to date.
        case waiting(missing: Int)
    }
    /// Units of the whole batch (every shard).
    public var total: Int
    public var shard: Shard?
    /// This run's units, in unit order.
    public var results: [UnitResult]
    public var index: Index
    /// Folders of units no longer in the data, removed (whole runs only).
    public var removed: [String]

    public var failed: [UnitResult] { results.filter(\.failed) }

    /// Problems and warnings, each printed once however many units share it (a template mistake
    /// fails every unit with the same `report.yaml:line:column`).
    public var diagnosticLines: [String] {
        var seen = Set<String>(), out: [String] = []
        for r in results {
            var lines: [String] = []
            switch r.state {
            case .built(let o): lines = o.diagnostics.map(\.description) + o.previousWarnings
            case .failed(let d, let m): lines = d.map(\.description) + (m.map { [$0] } ?? [])
            }
            for l in lines where seen.insert(l).inserted { out.append(l) }
        }
        return out
    }

    /// e.g. "8 units: 1 rendered, 7 up to date; index.csv written", or for a shard
    /// "shard 2/4: 2 of 8 units: 2 rendered, 0 up to date; index.csv left to the last shard (6 units pending)".
    public var summaryLine: String {
        let rendered = results.filter(\.rendered).count
        let bad = failed.count
        var head = "\(total) units"
        if let shard { head = "shard \(shard): \(results.count) of \(total) units" }
        var parts = ["\(head): \(rendered) rendered, \(results.count - rendered - bad) up to date"]
        if bad > 0 { parts[0] += ", \(bad) failed" }
        switch index {
        case .written: parts.append("index.csv written")
        case .unchanged: parts.append("index.csv up to date")
        case .waiting(let n): parts.append("index.csv left to the last shard (\(n) unit(s) not up to date yet)")
        }
        if !removed.isEmpty { parts.append("\(removed.count) stale unit folder(s) removed") }
        return parts.joined(separator: "; ")
    }

    /// The failure line, when some unit failed: "2 of 8 units failed: a, b; their earlier files are kept".
    public var failureLine: String? {
        guard !failed.isEmpty else { return nil }
        let names = failed.prefix(20).map(\.unit).joined(separator: ", ") + (failed.count > 20 ? ", …" : "")
        return "\(failed.count) of \(results.count) units failed: \(names); their earlier files are kept"
    }
}
