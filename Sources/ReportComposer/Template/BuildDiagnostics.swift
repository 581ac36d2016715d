import Foundation
import ReportCharts
import ReportData
import ReportScene
import ReportSync

/// Failures found after binding (laying out charts, composing pages, drawing) turned into
/// diagnostics at the report.yaml node or CSV cell they come from.
extension BoundTemplate {
    /// Every chart laid out in memory at its export preset and in the report column; the problems
    /// at their positions. (`ReportBuild.check` then composes and draws the report.)
    /// `presets` nil: each chart at its own export preset (a chart with `export: report` writes
    /// no slide, so a slide that would not fit is no error).
    public func verifyCharts(measurer: any TextMeasurer, presets: [ChartPreset]? = nil,
                             describe: ((Error) -> Diagnostic)? = nil) -> [Diagnostic] {
        var figures: [String: ReportFigure] = [:]
        return verifyCharts(measurer: measurer, presets: presets, figures: &figures, describe: describe)
    }

    /// The same, keeping each report-column layout in `figures` (by chart id, the first chart of
    /// an id): `content(measurer:figures:)` takes them, so a build that checks before it renders
    /// lays each chart out for the column once.
    public func verifyCharts(measurer: any TextMeasurer, presets: [ChartPreset]? = nil,
                             figures: inout [String: ReportFigure],
                             describe: ((Error) -> Diagnostic)? = nil) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func note(_ error: Error) {
            let d = describe?(error) ?? diagnostic(for: error)
            if !found.contains(d) { found.append(d) }
        }
        let width = (file.layout ?? LayoutSettings()).textFrame.width
        for job in charts {
            for preset in presets ?? [job.exportPreset] {
                do { _ = try job.layoutStandalone(preset: preset, measurer: measurer) } catch { note(error) }
            }
            do {
                let figure = try job.reportFigure(width: width, measurer: measurer)
                if figures[job.id] == nil { figures[job.id] = ReportFigure(group: figure.group, height: figure.height, fullList: figure.fullList) }
            } catch { note(error) }
        }
        return found
    }

    /// Every chart laid out for the report column only, on every core (a report of 30 charts
    /// spent a fifth of its run laying them out one after another): the figures of
    /// `verifyCharts(presets: [])` and its problems, in the same order.
    /// `known`: figures already laid out for these inputs (a kept figure of an earlier run), by
    /// chart id: not laid out again.
    public func reportFigures(measurer: any TextMeasurer, known: [String: ReportFigure] = [:],
                              describe: ((Error) -> Diagnostic)? = nil) -> (figures: [String: ReportFigure], problems: [Diagnostic]) {
        let width = reportColumnWidth
        let jobs = charts.filter { known[$0.id] == nil }
        let slots = Locked([Result<ReportFigure, Error>?](repeating: nil, count: jobs.count))
        let next = Locked(0)
        let threads = min(jobs.count, ProcessInfo.processInfo.activeProcessorCount)
        DispatchQueue.concurrentPerform(iterations: max(threads, 1)) { _ in
            // Charts are handed out in order, one at a time: a long timeline does not hold up
            // the charts behind it.
            while case let i = next.withLock({ n -> Int in defer { n += 1 }; return n }), i < jobs.count {
                let r = Result { () throws -> ReportFigure in
                    let f = try jobs[i].reportFigure(width: width, measurer: measurer)
                    return ReportFigure(group: f.group, height: f.height, fullList: f.fullList)
                }
                slots.withLock { $0[i] = r }
            }
        }
        var figures = known, found: [Diagnostic] = []
        for (job, slot) in zip(jobs, slots.withLock { $0 }) {
            switch slot! {
            case .success(let figure): if figures[job.id] == nil { figures[job.id] = figure }
            case .failure(let error):
                let d = describe?(error) ?? diagnostic(for: error)
                if !found.contains(d) { found.append(d) }
            }
        }
        return (figures, found)
    }

    /// The width the report's figures are laid out at: the text column's.
    public var reportColumnWidth: Double { (file.layout ?? LayoutSettings()).textFrame.width }

    /// Where an error of the build comes from, in the user's words.
    public func diagnostic(for error: Error) -> Diagnostic {
        switch error {
        case let d as Diagnostic: return d
        case let f as ChartLayoutFailure: return f.diagnostic
        case let c as ComposerError: return composerDiagnostic(c)
        default: return diagnostic(at: nil, "\(error)")
        }
    }

    /// A diagnostic at `position`, or at the top of report.yaml when nothing better is known.
    public func diagnostic(at position: SourcePosition?, _ message: String) -> Diagnostic {
        let p = position ?? SourcePosition(file: yamlPath, line: 1, column: 1)
        return Diagnostic(.error, file: p.file, line: p.line, column: p.column, message)
    }

    private func composerDiagnostic(_ c: ComposerError) -> Diagnostic {
        switch c {
        case .unknownReference(let id):
            return diagnostic(at: position(ofText: "[[\(id)"), c.description)
        case .duplicateID(let id):
            return diagnostic(at: position(ofText: id), c.description)
        case .blockTooTall(let what):
            // "a line of “<start>…”": find the paragraph by its start.
            let start = what.split(separator: "“").dropFirst().first.map { String($0.prefix { $0 != "…" && $0 != "”" }) }
            return diagnostic(at: start.flatMap { position(ofText: String($0.prefix(8))) },
                              c.description + "; shorten it or make the page taller")
        case .contentsDidNotConverge:
            return diagnostic(at: nil, c.description)
        }
    }

    /// The first place in report.yaml, then in the data CSV files, that holds `text`.
    public func position(ofText text: String) -> SourcePosition? {
        let needle = NoBreak.strip(text).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !needle.isEmpty else { return nil }
        if let p = Self.find(needle, in: yamlText, file: yamlPath, csv: false) { return p }
        for (name, url) in dataFiles() {
            guard let text = try? String(contentsOf: url, encoding: .utf8),
                  let p = Self.find(needle, in: text, file: dataDisplayPath + "/" + name, csv: true) else { continue }
            return p
        }
        return nil
    }

    /// The first place that holds the character `scalar` (a glyph no font has).
    public func position(ofScalar scalar: Unicode.Scalar) -> SourcePosition? {
        position(ofText: String(Character(scalar)))
    }

    private func dataFiles() -> [(String, URL)] {
        let names = DirectoryNames.list(dataDirectory.path).sorted()
        return names.filter { $0.hasSuffix(".csv") }.map { ($0, dataDirectory.appendingPathComponent($0)) }
    }

    /// Line and column of `needle` in `text`; for CSV the column is the field number.
    static func find(_ needle: String, in text: String, file: String, csv: Bool) -> SourcePosition? {
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let r = line.range(of: needle) else { continue }
            let before = line[..<r.lowerBound]
            let column = csv ? fieldNumber(before) : before.count + 1
            return SourcePosition(file: file, line: i + 1, column: column)
        }
        return nil
    }

    /// 1-based field of the character after `prefix` (commas inside quotes do not count).
    static func fieldNumber(_ prefix: Substring) -> Int {
        var field = 1, quoted = false
        for c in prefix {
            if c == "\"" { quoted.toggle() } else if c == ",", !quoted { field += 1 }
        }
        return field
    }
}
