import Foundation
import Testing
@testable import ReportComposer
import ReportData
import ReportScene

/// Template loading and binding, on the default template and on small edited copies.
@Suite struct TemplateBindingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let linping = root.appendingPathComponent("Templates/linping-annual")

    /// A copy of the default template whose report.yaml has `edit` applied.
    func copy(editing edit: (String) -> String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rr-tpl-\(UUID().uuidString)/linping-annual")
        try FileManager.default.createDirectory(at: dir.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.linping, to: dir)
        let yaml = dir.appendingPathComponent("report.yaml")
        try edit(try String(contentsOf: yaml, encoding: .utf8)).write(to: yaml, atomically: true, encoding: .utf8)
        return dir
    }

    @Test func defaultTemplateBindsWithoutDiagnostics() throws {
        let bound = TemplateLoader.load(template: Self.linping)
        #expect(bound.diagnostics.map(\.description) == [])
        #expect(bound.charts.map(\.id) == ["manufacturing-factories", "village-income", "village-average",
                                           "construction-projects", "milestones"])
        let glued = bound.boundTexts.values.joined()
        // Figures are glued with word joiners so no line break splits them; the text is otherwise unchanged.
        #expect(glued.contains(NoBreak.glue("1200余家")) && glued.contains(NoBreak.glue("2022年5月15日")))
        let prose = NoBreak.strip(glued)
        for shown in ["6.78亿元", "569.7万元", "1200余家", "12000余个", "267.83公里", "18%", "80万元",
                      "2022年5月15日", "5.75亿元（推算）", "预计12万份"] {
            #expect(prose.contains(shown), "prose lacks \(shown)")
        }
        #expect(!prose.contains("{{"))
    }

    @Test func derivedFiguresCanBeChartedAndAreMarked() throws {
        let bound = TemplateLoader.load(template: Self.linping)
        let job = try #require(bound.charts.first { $0.id == "village-income" })
        guard case .bar(let spec) = job.spec else { Issue.record("not a bar chart"); return }
        #expect(spec.categories == ["2020年", "2021年"])
        // Figures read as in the prose; the derived value is drawn hatched with a legend entry.
        #expect(spec.series[0].labels == ["5.75亿元", "6.78亿元"].map(NoBreak.glue))
        #expect(spec.valueAxisTitle == "亿元")
        #expect(spec.notes.unitNote == nil)
        #expect(spec.series[0].status == [.derived, .measured])
    }

    @Test func unknownPlaceholderPointsIntoReportYAML() throws {
        let dir = try copy { $0.replacingOccurrences(of: "{{figures.rural_roads}}", with: "{{figures.rural_road}}") }
        let bound = TemplateLoader.load(template: dir)
        let errors = bound.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        let e = try #require(errors.first)
        let lines = try String(contentsOf: dir.appendingPathComponent("report.yaml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines[e.line - 1]
        #expect(line.contains("{{figures.rural_road}}"))
        #expect(Array(line)[e.column - 1] == "{")
        #expect(String(Array(line)[(e.column - 1)...].prefix(22)) == "{{figures.rural_road}}")
        #expect(e.message.contains("figures.rural_road"))
    }

    /// `{{}}` and `{{.}}` would print the whole context (every value, in dictionary order, which
    /// differs between processes): refused at their place, like an unknown name.
    @Test func emptyPlaceholdersAreErrorsAtTheirPlace() throws {
        for tag in ["{{}}", "{{ . }}", "{{{.}}}", "{{&}}"] {
            let dir = try copy { $0.replacingOccurrences(of: "{{figures.rural_roads}}", with: "{{figures.rural_roads}}" + tag) }
            let errors = TemplateLoader.load(template: dir).diagnostics.filter { $0.severity == .error }
            #expect(errors.count == 1, "\(tag)")
            let e = try #require(errors.first)
            let lines = try String(contentsOf: dir.appendingPathComponent("report.yaml"), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            #expect(String(Array(lines[e.line - 1])[(e.column - 1)...].prefix(tag.count)) == tag, "\(tag)")
            #expect(e.message.contains("empty placeholder"), "\(e.message)")
        }
    }

    @Test func digitsTypedIntoProseAreWarnings() throws {
        let dir = try copy { $0.replacingOccurrences(of: "{{figures.quality_villages}}村", with: "54个村") }
        let warnings = TemplateLoader.load(template: dir).diagnostics.filter { $0.severity == .warning && $0.file.hasSuffix("report.yaml") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("number 54") == true)
    }

    @Test func staleCheckAllowsYearsOrdinalsAndNames() {
        let check = StaleNumberCheck(allowed: ["9号线"])
        #expect(check.findings(in: "2022年，第3次，地铁9号线开通，{{figures.x}}").isEmpty)
        #expect(check.findings(in: "新增12家企业").map(\.number) == ["12"])
        #expect(check.findings(in: "增长18.5%").map(\.number) == ["18.5"])
    }

    @Test func foldedLinesDoNotLeaveSpacesInChinese() {
        #expect(ChineseSpacing.collapse("收入达604.5万元，\n比上年增加") == "收入达604.5万元，比上年增加")
        #expect(ChineseSpacing.collapse("Linping district\nreport 临平 区") == "Linping district report临平区")
    }

    @Test func unknownChartKeyIsAnErrorWithPosition() throws {
        let dir = try copy { $0.replacingOccurrences(of: "    report_height: 250\n", with: "    report_hieght: 250\n") }
        let errors = TemplateLoader.load(template: dir).diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("unknown key 'report_hieght'") == true)
        #expect(errors.first?.file.hasSuffix("report.yaml") == true)
    }

    /// A bad cell is reported once, not again by every derived value, chart and placeholder using it.
    @Test func aBadCellIsReportedOnce() throws {
        let dir = try copy { $0 }
        let csv = dir.appendingPathComponent("data/figures.csv")
        let text = try String(contentsOf: csv, encoding: .utf8)
        try text.replacingOccurrences(of: "村级集体经营性收入,6.78,", with: "村级集体经营性收入,六点七八,")
            .write(to: csv, atomically: true, encoding: .utf8)
        let errors = TemplateLoader.load(template: dir).diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["\"六点七八\" is not a number (column value, unit 亿元)"])
        #expect(errors.first?.file.hasSuffix("data/figures.csv") == true)
    }

    @Test func contentComposesWithFixedMeasurer() throws {
        let bound = TemplateLoader.load(template: Self.linping)
        let doc = try PageComposer.compose(try bound.content(measurer: FixedTextMeasurer()), measurer: FixedTextMeasurer())
        #expect(doc.pages.count >= 6)
        #expect(doc.outline.map(\.title).contains("三、既强村也富农"))
        #expect(doc.info.creationDate == 1_654_041_600)  // 2022-06-01T00:00:00Z, from the report date
    }
}
