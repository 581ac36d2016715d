import Foundation
import ReportCharts
import ReportComposer
import ReportData
import ReportRender
import ReportScene
import ReportSlides

/// `charts.pptx`: every chart of the template on its own slide, in the order the report shows
/// them (charts the report does not show follow in template order).
enum ChartDeck {
    static let fileName = "charts.pptx"

    static func ordered(_ bound: BoundTemplate) -> [ChartJob] {
        var seen: [String] = []
        func walk(_ s: SectionTemplate) {
            for case .figure(let id) in s.blocks where !seen.contains(id) { seen.append(id) }
            s.sections.forEach(walk)
        }
        bound.sections.forEach(walk)
        let byID = Dictionary(bound.charts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let shown = seen.compactMap { byID[$0] }
        return shown + bound.charts.filter { !seen.contains($0.id) }
    }

    /// The task that renders the deck, or nil when `charts.pptx` is up to date (its manifest
    /// record then carries over into `next`).
    static func plan(_ pages: [(ChartJob, Page)], scenes: [String: String], bound: BoundTemplate, fingerprints: InputFingerprints,
                     manifest: BuildManifest?, next: inout BuildManifest, in outDir: URL) -> RenderTask? {
        let byID = Dictionary(pages.map { ($0.0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let slides = ordered(bound).compactMap { byID[$0.id] }
        let key = fingerprints.deck(slides.map { ($0.0, scenes[$0.0.id] ?? "") }, info: bound.info)
        if let m = manifest, m.isUpToDate(fileName, inputs: key, in: outDir) {
            next.outputs[fileName] = m.outputs[fileName]
            return nil
        }
        return .deck(fileName, key, slides)
    }

    /// The deck's bytes: each chart's standalone page as SVG (the same file as `charts/<id>.svg`)
    /// with a 2× PNG fallback.
    static func render(_ charts: [(ChartJob, Page)], bound: BoundTemplate, measurer: PangoTextMeasurer) throws -> [UInt8] {
        // Word joiners hold figures together on the page; slide texts are edited and searched.
        let slides = try charts.map { job, page in
            DeckSlide(title: NoBreak.strip(title(job)), altText: NoBreak.strip(altText(job)), notes: notes(job).map(NoBreak.strip),
                      svg: try ChartFiles.render(page, format: .svg, job: job, template: bound.name, info: bound.info, measurer: measurer),
                      png: try PNGWriter.render(page, scale: 2, measurer: measurer),
                      width: page.size.width, height: page.size.height)
        }
        let info = bound.info
        return try PPTXWriter.render(slides, info: DeckInfo(title: info.title, author: info.author,
                                                            language: info.language, created: info.creationDate))
    }

    /// The chart's title, else its caption.
    static func title(_ job: ChartJob) -> String {
        let t: String?
        switch job.spec {
        case .bar(let b): t = b.notes.title
        case .timeline(let tl): t = tl.notes.title
        }
        return t.flatMap { $0.isEmpty ? nil : $0 } ?? job.caption
    }

    /// What the picture shows, for screen readers and PowerPoint's alt-text pane: the chart's
    /// alt text (every value in words, or the template's `alt:`), else its kind, title and size.
    static func altText(_ job: ChartJob) -> String {
        if !job.alt.isEmpty { return job.alt }
        switch job.spec {
        case .bar(let b):
            let series = b.series.count > 1 ? "，\(b.series.count)个系列（\(b.series.map(\.name).joined(separator: "、"))）" : ""
            return "柱状图：\(title(job))" + (b.notes.subtitle.map { "（\($0)）" } ?? "")
                + "，\(b.categories.count)项\(series)" + (b.notes.unitNote.map { "，\($0)" } ?? "") + "。"
        case .timeline(let t):
            return "时间轴：\(title(job))" + (t.notes.subtitle.map { "（\($0)）" } ?? "") + "，\(t.events.count)个事件。"
        }
    }

    /// Speaker notes: the source line, then every figure the chart shows, as the chart labels it.
    static func notes(_ job: ChartJob) -> [String] {
        var lines: [String] = []
        if !job.source.isEmpty { lines.append(job.source) }
        switch job.spec {
        case .bar(let b):
            if let unit = b.notes.unitNote { lines.append(unit) }
            for (i, category) in b.categories.enumerated() {
                let values = b.series.map { s -> String in
                    let shown = (i < s.labels.count ? s.labels[i] : nil)
                        ?? (i < s.values.count ? (b.valueFormatter?(s.values[i]) ?? "\(s.values[i])") : "")
                    return b.series.count > 1 ? "\(s.name) \(shown)" : shown
                }
                lines.append("\(category)：\(values.joined(separator: "，"))")
            }
        case .timeline(let t):
            for e in t.events {
                let planned = e.status == .planned ? "（计划）" : ""
                lines.append("\(e.dateText) \(e.label)\(planned)" + (e.lane.isEmpty ? "" : "〔\(e.lane)〕"))
            }
        }
        return lines
    }
}
