import Foundation
import Testing
@testable import ReportPipeline
import ReportComposer
import ReportData
import ReportRender

/// Render errors (a glyph no font has, a missing font family) point at the report.yaml value
/// or CSV cell holding the text, whichever font happens to be installed.
@Suite struct RenderErrorPositionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func template(yamlTitle: String, label: String) throws -> BoundTemplate {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rr-glyph-\(UUID().uuidString)/t")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data("report: {title: t}\nsections:\n  - title: \(yamlTitle)\n".utf8).write(to: dir.appendingPathComponent("report.yaml"))
        try Data("id,label,value\na,\(label),1\n".utf8).write(to: dir.appendingPathComponent("data/x.csv"))
        try Data("title: x\ncolumns:\n  - {name: id, type: id}\n  - {name: label, type: text}\n  - {name: value, type: number, unit: 家}\n".utf8)
            .write(to: dir.appendingPathComponent("data/x.yaml"))
        try Data("report_year: 2022\nreport_date: 2022-06\n".utf8).write(to: dir.appendingPathComponent("data/catalog.yaml"))
        let bound = TemplateLoader.load(template: dir)
        #expect(!bound.hasErrors, "\(bound.diagnostics)")
        return bound
    }

    @Test func missingGlyphInAHeadingPointsAtTheCharacter() throws {
        let bound = try template(yamlTitle: "总体\u{13000}目标", label: "甲")
        let d = ReportBuild.positioned(RenderError.missingGlyphs(text: "一、总体\u{13000}目标", family: "Noto Sans CJK SC", codePoints: [0x13000]), bound)
        #expect(d.file.hasSuffix("report.yaml") && d.line == 3 && d.column == 14, "\(d)")
        #expect(d.message.contains("U+13000"))
    }

    @Test func missingGlyphInAChartLabelPointsAtTheCell() throws {
        let bound = try template(yamlTitle: "总体", label: "乙\u{13000}")
        let failure = ChartLayoutFailure(chartID: "c", place: "export preset slide", position: SourcePosition(file: "report.yaml", line: 9, column: 5),
                                         underlying: RenderError.missingGlyphs(text: "乙\u{13000}", family: "Noto Sans CJK SC", codePoints: [0x13000]))
        let d = ReportBuild.positioned(failure, bound)
        #expect(d.file.hasSuffix("data/x.csv") && d.line == 2 && d.column == 2, "\(d)")
        #expect(d.message.hasPrefix("chart 'c': no font has a glyph for U+13000"), "\(d)")
    }

    @Test func otherChartFailuresPointAtTheDefinition() throws {
        let bound = try template(yamlTitle: "总体", label: "乙")
        struct TooSmall: Error, CustomStringConvertible { var description: String { "frame 481×45 pt is too small" } }
        let failure = ChartLayoutFailure(chartID: "c", place: "report column", position: SourcePosition(file: "report.yaml", line: 9, column: 5),
                                         underlying: TooSmall())
        #expect(ReportBuild.positioned(failure, bound).description == "report.yaml:9:5: error: chart 'c': frame 481×45 pt is too small (report column)")
    }
}
