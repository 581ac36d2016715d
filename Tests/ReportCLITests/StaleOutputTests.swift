import Foundation
import Testing

/// Issue 7: which earlier outputs a run removes: those of a chart gone from the template, never
/// those of a format the run was not asked for.
@Suite struct StaleOutputTests {
    @Test func formatSubsetKeepsOtherFormatsAndRenamedChartIsCleanedUp() throws {
        let copy = try TemplateCopy()
        let out = copy.root.file("out"), outputs = copy.outputs(in: out)
        let first = try ReportBinary.run(["render", copy.template.path, "--out", out.path])
        #expect(first.status == 0, "\(first.all)")
        let all = OutputSnapshot(outputs)

        // Only SVG this time: report.pdf and the PNG/PDF charts are the user's, untouched.
        let svgOnly = try ReportBinary.run(["render", copy.template.path, "--out", out.path, "--format", "svg"])
        #expect(svgOnly.status == 0, "\(svgOnly.all)")
        #expect(svgOnly.stdout == "5 charts up to date, 0 rendered\n")
        #expect(OutputSnapshot(outputs) == all)

        // Renaming a chart makes its old files stale in every format.
        let yamlURL = copy.template.appendingPathComponent("report.yaml")
        let yaml = try String(contentsOf: yamlURL, encoding: .utf8)
        try Data(yaml.replacingOccurrences(of: "village-average", with: "village-avg").utf8).write(to: yamlURL)
        let renamed = try ReportBinary.run(["render", copy.template.path, "--out", out.path])
        #expect(renamed.status == 0, "\(renamed.all)")
        #expect(renamed.stdout.hasSuffix("4 charts up to date, 1 rendered; report.pdf rendered; 3 stale file(s) removed\n"), "\(renamed.stdout)")
        let files = Set(OutputSnapshot(outputs).files.keys)
        for ext in ["pdf", "png", "svg"] {
            #expect(!files.contains("charts/village-average.\(ext)"))
            #expect(files.contains("charts/village-avg.\(ext)"))
        }
    }
}
