import Foundation
import ReportCharts
import ReportScene

/// The reference workloads' TSV files (`/work/shared/bench/data`), read into chart specs
/// through the library API, at the baseline's sizes: 800×500 pt bars, 1000×500 pt timelines.
enum TSVWorkload {
    /// Type sizes close to the baseline's (10 pt ticks, 9 pt value labels, 16 pt title):
    /// the standard theme is drawn for the 481 pt A4 column, this one for an 800 pt chart.
    static let theme = ChartTheme.standard.scaled(by: 1.15)
    static let barFrame = Size(800, 500)
    static let timelineFrame = Size(1000, 500)

    /// `# title` then `label<TAB>value`.
    static func bars(_ url: URL) throws -> BarChartSpec {
        let (title, rows) = try read(url)
        var categories: [String] = [], values: [Double] = []
        for f in rows where f.count >= 2 {
            guard let v = Double(f[1]) else { throw BenchError.badData("\(url.path): not a number: \(f[1])") }
            categories.append(f[0]); values.append(v)
        }
        // Vertical like the baseline, every k-th name (1,000 names cannot all be shown): `.automatic`
        // would turn 1,000 long labels horizontal.
        return BarChartSpec(notes: ChartNotes(title: title), categories: categories,
                            series: [BarSeries(name: "数值", values: values)], orientation: .vertical,
                            showLegend: false, categoryLabels: .sampled)
    }

    /// `# title` then `lane_idx<TAB>lane<TAB>sub<TAB>start<TAB>end<TAB>label`; `sub` (the baseline's
    /// hand-placed row) is ignored: the timeline places its labels itself.
    static func timeline(_ url: URL) throws -> TimelineSpec {
        let (title, rows) = try read(url)
        var lanes: [Int: String] = [:]
        var events: [TimelineEvent] = []
        for (i, f) in rows.enumerated() where f.count >= 6 {
            guard let laneIndex = Int(f[0]), let start = date(f[3]) else {
                throw BenchError.badData("\(url.path): bad event row \(i + 2)")
            }
            lanes[laneIndex] = f[1]
            let end: TimelineEvent.End = f[4] == "-" ? .none : (date(f[4]).map { .date($0) } ?? .none)
            events.append(TimelineEvent(id: "e\(i + 1)", date: start, end: end, lane: f[1], label: f[5]))
        }
        return TimelineSpec(notes: ChartNotes(title: title), lanes: lanes.keys.sorted().map { lanes[$0]! },
                            events: events,
                            domain: TimelineDomain(start: .year(2021), end: .year(2022)))
    }

    private static func date(_ s: String) -> TimelineDate? {
        let p = s.split(separator: "-").compactMap { Int($0) }
        return p.count == 3 ? .day(p[0], p[1], p[2]) : nil
    }

    /// Splits on bytes, not Characters: grapheme-aware String.split made reading the 10,000-row
    /// files cost more than rendering them.
    private static func read(_ url: URL) throws -> (String, [[String]]) {
        let bytes = [UInt8](try Data(contentsOf: url))
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let first = lines.first, first.starts(with: Array("# ".utf8)) else {
            throw BenchError.badData("\(url.path): first line must be '# title'")
        }
        lines.removeFirst()
        let rows = lines.map { line in
            line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        return (String(decoding: first.dropFirst(2), as: UTF8.self), rows)
    }
}

enum BenchError: Error, CustomStringConvertible {
    case badData(String)
    case usage(String)
    var description: String {
        switch self {
        case .badData(let s): "bad data: \(s)"
        case .usage(let s): s
        }
    }
}
