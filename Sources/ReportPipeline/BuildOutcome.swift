import Foundation
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
    /// `charts.pptx` was written this run.
    public var deckRendered = false
    public var changes: ChangeSummary
    /// Warnings of the last full run, when this run skipped loading (nothing changed).
    public var previousWarnings: [String] = []

    /// e.g. "12 charts up to date, 1 rendered; report.pdf rendered".
    public var summaryLine: String {
        var parts = ["\(chartsUpToDate.count) charts up to date, \(chartsRendered.count) rendered"]
        if reportRendered { parts.append("report.pdf rendered") } else if reportUpToDate { parts.append("report.pdf up to date") }
        if deckRendered { parts.append("\(ChartDeck.fileName) rendered") }
        if !removed.isEmpty { parts.append("\(removed.count) stale file(s) removed") }
        return parts.joined(separator: "; ")
    }
}

extension BuildOutcome {
    /// A rerun that found nothing to do (see `QuickCheck`).
    static func upToDate(manifest m: BuildManifest, formats: Set<OutputFormat>) -> BuildOutcome {
        let charts = Set(m.outputs.keys.filter { $0.hasPrefix("charts/") }
            .map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
        return BuildOutcome(diagnostics: [], chartsRendered: [], chartsUpToDate: charts.sorted(),
                            reportRendered: false, reportUpToDate: formats.contains(.pdf) && m.outputs["report.pdf"] != nil, removed: [],
                            changes: ChangeSummary(old: m.values, new: ValueSnapshot(m.values)),
                            previousWarnings: m.warnings ?? [])
    }
}

/// Bad input: nothing was written.
public struct BuildFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
