import Foundation
import ReportCharts
import ReportComposer
import ReportScene
import TestSupport
import Testing

/// Golden scenes (issue 19): the five charts of the default template at both presets and three
/// of its report pages, laid out with the fixed measurer, compared as canonical JSON with the
/// files in Snapshots/. Any layout change of 0.01 pt or more fails with a diff.
/// `make snapshots` (RECORD_SNAPSHOTS=1) records them again after an intended change.
@Suite struct GoldenSceneTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let linping = root.appendingPathComponent("Templates/linping-annual")

    static func bound() throws -> BoundTemplate {
        let bound = TemplateLoader.load(template: linping, sourceDateEpoch: 0)
        #expect(!bound.hasErrors, "\(bound.diagnostics)")
        return bound
    }

    static func check(_ value: some Encodable, as name: String) throws {
        let json = try CanonicalJSON.string(value)
        if let message = try GoldenFile.mismatch(json, file: snapshots.appendingPathComponent(name + ".json")) {
            Issue.record(Comment(rawValue: message))
        }
    }

    @Test(arguments: [ChartPreset.slide, ChartPreset.report])
    func defaultCharts(preset: ChartPreset) throws {
        let charts = try Self.bound().charts
        #expect(charts.count == 5)
        for var job in charts {
            job.exportPreset = preset
            let page = Page(size: preset.size, root: try job.layoutStandalone(measurer: FixedTextMeasurer()), background: .white)
            try Self.check(page, as: "chart-\(job.id)-\(preset.name)")
        }
    }

    /// The cover, the first page holding a figure, and the last page (the source appendix).
    @Test func reportPages() throws {
        let measurer = FixedTextMeasurer()
        let doc = try PageComposer.compose(try Self.bound().content(measurer: measurer), measurer: measurer)
        let figurePage = try #require(doc.pages.firstIndex { page in
            page.root.leaves().contains { $0.path.contains { $0.hasPrefix("figure.") } }
        })
        for (name, index) in [("cover", 0), ("first-figure", figurePage), ("last", doc.pages.count - 1)] {
            try Self.check(doc.pages[index], as: "page-\(name)")
        }
        try Self.check(doc.outline, as: "outline")
    }

    /// The canonical form itself: sorted keys, numbers to 0.01, round-trips through Codable.
    @Test func canonicalFormIsStableAndDecodable() throws {
        let text = TextNode("收入6.78亿元", style: TextStyle(size: 12.004), at: Point(1.0049, -0.001))
        let page = Page(size: Size(100, 50), root: Group([.text(text), .anchor(AnchorNode("a", at: .zero))], name: "g"))
        let json = try CanonicalJSON.string(page)
        #expect(json.contains("\"size\" : 12,") || json.contains("\"size\" : 12\n"))
        #expect(json.contains("\"x\" : 1,") || json.contains("\"x\" : 1\n"))
        #expect(json.contains("\"y\" : 0"))
        #expect(!json.contains("-0"))
        #expect(json.contains("收入6.78亿元"))
        let decoded = try JSONDecoder().decode(Page.self, from: Data(json.utf8))
        #expect(try CanonicalJSON.string(decoded) == json)
        #expect(CanonicalJSON.format(2.345) == "2.35" || CanonicalJSON.format(2.345) == "2.34")
        #expect(CanonicalJSON.format(-0.004) == "0")
        #expect(CanonicalJSON.format(10.5) == "10.5")
        #expect(CanonicalJSON.format(-3.07) == "-3.07")
    }

    /// A one-point move of one node is caught: the comparison is not blind to small changes.
    @Test func onePointChangeIsCaught() throws {
        let job = try #require(try Self.bound().charts.first)
        let group = try job.layoutStandalone(measurer: FixedTextMeasurer())
        var moved = group
        moved.transform = Transform(a: 1, b: 0, c: 0, d: 1, tx: 1, ty: 0)
        #expect(try CanonicalJSON.string(group) != CanonicalJSON.string(moved))
    }
}
