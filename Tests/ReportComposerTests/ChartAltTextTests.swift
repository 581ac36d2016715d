import Foundation
import Testing
@testable import ReportComposer

/// Alt text of every chart comes from its data in the chart's display; `alt:` replaces it.
@Suite struct ChartAltTextTests {
    let bound = TemplateLoader.load(template: TemplateBindingTests.linping)

    func alt(_ id: String) throws -> String { try #require(bound.charts.first { $0.id == id }).alt }

    @Test func barChartsReadCategoryAndValueInOrder() throws {
        #expect(try alt("village-income") == "柱状图：临平全区村级集体经营性收入，2020年5.75亿元（推算），2021年6.78亿元")
        #expect(try alt("village-average").hasPrefix("柱状图：2021年村均集体经营性收入与相对薄弱村标准，村均集体经营性收入569.7万元，"))
        // Sorted descending in the chart, so read that way too.
        let projects = try alt("construction-projects")
        let values = projects.matches(of: /(\d+)个/).map { Int($0.1)! }
        #expect(values.count == 4 && values == values.sorted(by: >), "\(projects)")
    }

    @Test func timelineReadsEveryEventInTimeOrder() throws {
        let text = try alt("milestones")
        #expect(text.hasPrefix("时间轴：重点工作时间轴，共"))
        #expect(text.contains("2022年5月15日 中国江南水乡文化博物馆闭馆改造后正式开馆"))
        let job = try #require(bound.charts.first { $0.id == "milestones" })
        guard case .timeline(let spec) = job.spec else { Issue.record("not a timeline"); return }
        #expect(text.contains("共\(spec.events.count)项"))
        for e in spec.events { #expect(text.contains(e.label), "alt lacks \(e.label)") }
    }

    @Test func everyChartHasAnAltText() {
        for job in bound.charts { #expect(!job.alt.isEmpty, "\(job.id)") }
    }

    @Test func altKeyOverridesAndTakesPlaceholders() throws {
        let dir = try TemplateBindingTests().copy { yaml in
            yaml.replacingOccurrences(of: "    caption: 临平全区村级集体经营性收入\n",
                                      with: "    caption: 临平全区村级集体经营性收入\n    alt: 两年收入对比，2021年为{{figures.village_income_total}}\n")
        }
        let edited = TemplateLoader.load(template: dir)
        #expect(edited.diagnostics.filter { $0.severity == .error }.isEmpty, "\(edited.diagnostics)")
        #expect(edited.charts.first { $0.id == "village-income" }?.alt == "两年收入对比，2021年为6.78亿元")
    }

    @Test func misspeltAltKeyIsAnError() throws {
        let dir = try TemplateBindingTests().copy { yaml in
            yaml.replacingOccurrences(of: "    caption: 临平全区村级集体经营性收入\n",
                                      with: "    caption: 临平全区村级集体经营性收入\n    alt_text: 两年收入\n")
        }
        let errors = TemplateLoader.load(template: dir).diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.description.contains("alt_text") }, "\(errors)")
    }
}
