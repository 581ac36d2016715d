import ReportData

/// What a run did, for the terminal.
public struct BuildOutcome: Sendable {
    /// Warnings (errors stop the run before anything is written).
    public var diagnostics: [Diagnostic]
    public var chartsRendered: [String]
    public var chartsUpToDate: [String]
    public var reportRendered: Bool
    public var reportUpToDate: Bool
    public var removed: [String]
    public var changes: ChangeSummary

    /// e.g. "12 charts up to date, 1 rendered; report.pdf rendered".
    public var summaryLine: String {
        var parts = ["\(chartsUpToDate.count) charts up to date, \(chartsRendered.count) rendered"]
        if reportRendered { parts.append("report.pdf rendered") } else if reportUpToDate { parts.append("report.pdf up to date") }
        if !removed.isEmpty { parts.append("\(removed.count) stale file(s) removed") }
        return parts.joined(separator: "; ")
    }
}

/// Bad input: nothing was written.
public struct BuildFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
