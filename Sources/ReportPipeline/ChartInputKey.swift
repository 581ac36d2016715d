import Crypto
import ReportCharts
import ReportComposer

/// A chart's key from what its layout is made of, known right after binding: every field of the
/// bound `ChartJob` (spec with its data values and bound texts, export preset and theme, caption,
/// alt text) in a canonical binary form (`InputKeyEncodable`, `ChartSpecKeys.swift`). With the
/// base key (tool, executable, fonts) it decides whether the chart's files are up to date before
/// the chart is laid out, so a rerun lays out and renders only the charts an edit reaches, and a
/// chart with a key is never hashed by its scene.
///
/// The spec's formatter closures are not part of it (a closure has no value to read): the binder
/// builds them from the template-wide formatter, a constant, and the axis unit, which is a field
/// of the spec, so equal fields mean equal closures for one executable (part of the base key).
enum ChartInputKey {
    static func of(_ job: ChartJob) -> String {
        Fingerprint.hex(SHA256.hash(data: bytes(of: job)))
    }

    static func bytes(of job: ChartJob) -> [UInt8] {
        var k = KeyEncoder(capacity: 1_024 + 128 * elements(job.spec))
        job.encodeKey(into: &k)
        return k.bytes
    }

    static func elements(_ spec: ChartJob.Spec) -> Int {
        switch spec {
        case .bar(let b): b.categories.count * max(1, b.series.count)
        case .timeline(let t): t.events.count
        }
    }
}
