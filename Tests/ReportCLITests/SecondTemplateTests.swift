import Foundation
import TestSupport
import Testing

/// Issue 6: a template other than the default one, written from scratch in the documented
/// format (docs/data-format.md), renders with its own data.
@Suite struct SecondTemplateTests {
    static let files: [String: String] = [
        "report.yaml": """
        report:
          title: 示例市2023年水务报告
          author: 测试
          organisation: 示例市水务局
          date: 2023-12
        charts:
          - id: supply
            type: bar
            dataset: metrics
            records: [supply_2022, supply_2023]
            category: date
            title: 年供水量
            caption: 示例市年供水量
            highlight: [supply_2023]
            report_height: 220
          - id: works
            type: timeline
            dataset: works
            title: 水务工程进度
            caption: 水务工程时间轴
            report_height: 260
        sections:
          - id: water-supply
            title: 城市供水
            blocks:
              - text: >-
                  {{report.year}}年全市供水总量{{figures.supply_2023}}，新建管网{{figures.pipes}}（见[[supply]]）。
              - figure: supply
          - id: water-works
            title: 重点工程
            blocks:
              - text: >-
                  {{works.plant.date}}，{{works.plant.label}}；全年完成{{figures.projects}}重点工程（见[[works]]、[[works-table]]）。
              - figure: works
              - table:
                  id: works-table
                  dataset: works
                  columns:
                    - {column: label, title: 工程}
                    - {column: date, title: 时间}
                  caption: 重点工程一览

        """,
        "data/catalog.yaml": """
        title: 示例市2023年水务数据
        report_year: 2023
        report_date: 2023-12
        sections: [供水, 工程]

        """,
        "data/metrics.yaml": """
        title: 水务指标
        kind: figures
        columns:
          - {name: id, type: id, required: true}
          - {name: section, type: text, required: true}
          - {name: label, type: text, required: true}
          - {name: value, type: number, unit_column: unit, qualifier_column: qualifier, required: true}
          - {name: unit, type: unit, required: true}
          - {name: qualifier, type: qualifier}
          - {name: date, type: date}

        """,
        "data/metrics.csv": """
        id,section,label,value,unit,qualifier,date
        supply_2022,供水,年供水量,"3,150.5",万吨,,2022
        supply_2023,供水,年供水量,3420.25,万吨,,2023
        pipes,供水,新建供水管网,86.4,公里,about,2023
        projects,工程,重点工程,12,项,more_than,2023

        """,
        "data/works.yaml": """
        title: 水务工程
        columns:
          - {name: id, type: id, required: true}
          - {name: lane, type: text, required: true, values: [供水, 工程]}
          - {name: label, type: text, required: true}
          - {name: date, type: date, required: true}
          - {name: status, type: text, required: true, values: [done, planned]}

        """,
        "data/works.csv": """
        id,lane,label,date,status
        plant,工程,第三水厂扩建完工,2023年3月,done
        pipes_west,供水,西区管网改造,2023-05/2023-09,done
        reservoir,工程,南山水库加固,2024年6月,planned

        """,
    ]

    @Test func rendersWithItsOwnData() throws {
        let tmp = try TempDir(prefix: "second")
        let template = try tmp.write(Self.files, into: "water-2023")
        let check = try ReportBinary.run(["check", template.path])
        #expect(check.status == 0, "\(check.all)")
        #expect(!check.stderr.contains("warning:"), "\(check.stderr)")

        let r = try ReportBinary.run(["render", template.path, "--out", tmp.file("out").path])
        #expect(r.status == 0, "\(r.all)")
        #expect(r.stdout.contains("0 charts up to date, 2 rendered; report.pdf rendered"))
        let out = tmp.file("out/water-2023")
        let charts = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("charts").path).sorted()
        #expect(charts == ["supply.pdf", "supply.png", "supply.svg", "works.pdf", "works.png", "works.svg"])

        let pdf = PDFInspection(url: out.appendingPathComponent("report.pdf"))
        #expect(try ExternalTool.run("qpdf", ["--check", pdf.url.path]).status == 0)
        let text = PDFInspection.normalised(try pdf.pageTexts().joined())
        for s in ["示例市2023年水务报告", "城市供水", "重点工程", "2023年全市供水总量3420.25万吨", "新建管网约86.4公里",
                  "2023年3月", "第三水厂扩建完工", "12余项重点工程", "西区管网改造", "南山水库加固", "重点工程一览"] {
            #expect(text.contains(PDFInspection.normalised(s)), "\(s)")
        }
        // Nothing of the default report leaks in.
        #expect(!text.contains("临平"))
        #expect(try pdf.outline().map(\.title).contains { $0.hasSuffix("重点工程") })
    }
}
