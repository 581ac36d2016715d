import Foundation
import Testing

/// Issue 6: `report check` reports problems at the position an editor jumps to.
@Suite struct CheckCommandTests {
    @Test func defaultTemplateIsClean() throws {
        let r = try ReportBinary.run(["check", ReportBinary.defaultTemplate.path])
        #expect(r.status == 0, "\(r.all)")
        #expect(r.stdout.hasPrefix("ok: "))
        #expect(!r.stderr.contains("error:"))
    }

    @Test func badCellIsReportedAtItsLineAndColumn() throws {
        let copy = try TemplateCopy()
        let pos = try copy.position(dataset: "figures", id: "village_income_total", column: "value")
        #expect(pos.column == 4)
        try copy.setCell(dataset: "figures", id: "village_income_total", column: "value", to: "六点七八")
        // Run from the copy's parent so the path is printed relative, as an editor expects.
        let r = try ReportBinary.run(["check", copy.template.lastPathComponent], in: copy.root.url)
        #expect(r.status != 0)
        let lines = r.stderr.split(separator: "\n").filter { $0.contains(": error:") }
        #expect(!lines.isEmpty)
        #expect(lines.first?.hasPrefix("linping-annual/data/figures.csv:\(pos.line):\(pos.column): error:") == true, "\(r.stderr)")
    }

    @Test func unknownPlaceholderPointsIntoReportYAML() throws {
        let copy = try TemplateCopy()
        let typo = "{{figures.village_income_totl}}"
        // In the prose (the file's header comment names the same placeholder).
        try copy.editReport(replacing: "收入达{{figures.village_income_total}}", with: "收入达" + typo)
        let yaml = try String(contentsOf: copy.template.appendingPathComponent("report.yaml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(yaml.firstIndex { $0.contains(typo) })
        let column = yaml[row].distance(from: yaml[row].startIndex, to: yaml[row].range(of: typo)!.lowerBound) + 1
        let r = try ReportBinary.run(["check", "linping-annual"], in: copy.root.url)
        #expect(r.status != 0)
        let expected = "linping-annual/report.yaml:\(row + 1):\(column): error: unknown placeholder {{figures.village_income_totl}}"
        #expect(r.stderr.split(separator: "\n").contains { $0.hasPrefix(expected) }, "want \(expected)\n\(r.stderr)")
    }

    @Test func digitTypedIntoProseIsAWarning() throws {
        let copy = try TemplateCopy()
        try copy.editReport(replacing: "{{figures.recruitment_enterprises}}企业", with: "1200余家企业")
        let r = try ReportBinary.run(["check", "linping-annual"], in: copy.root.url)
        #expect(r.status == 0, "a warning does not fail the check: \(r.all)")
        let warning = r.stderr.split(separator: "\n").first { $0.contains(": warning:") && $0.contains("1200") }
        #expect(warning?.hasPrefix("linping-annual/report.yaml:") == true, "\(r.stderr)")
        #expect(r.stdout.contains("1 warning"))
    }
}
