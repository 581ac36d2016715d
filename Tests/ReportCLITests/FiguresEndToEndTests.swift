import Foundation
import ReportComposer
import ReportData
import TestSupport
import Testing

/// Issue 13 end to end: a Yuhang-like template written as a new user would (近5.8万元, 超过860万元,
/// 860余万元, 1.58:1, 21.9%, 48705元 and its 万元 form), rendered by the built binary; every figure is
/// read back from the PDF with pdftotext, in the prose and in a chart's value labels, on one line.
@Suite struct FiguresEndToEndTests {
    /// Shifts the prose by 0…15 characters so each figure falls at every place of a line, the end included.
    static let shiftedProse: String = (0..<16).map { k in
        "      - text: >-\n          " + String(repeating: "文", count: k)
            + "全区{{figures.coops}}合作社经营收入{{figures.coop_income}}，村均经营性收入{{figures.village_avg}}，"
            + "帮扶资金{{figures.fund}}，另筹{{figures.fund_extra}}，农村居民人均可支配收入{{figures.rural_income}}"
            + "（合{{figures.rural_income.in.wan}}），城乡收入比{{figures.ratio_2022}}，"
            + "低于上年的{{figures.ratio_2021}}，增速{{figures.rural_growth}}。\n"
    }.joined()

    static let files: [String: String] = [
        "report.yaml": """
        report:
          title: "余杭区共同富裕报告（{{figures.coops}}合作社）"
          author: 测试
          organisation: 余杭区
          date: 2022-12
        charts:
          - id: money
            type: bar
            dataset: figures
            records: [coop_income, fund, fund_extra, village_avg, rural_income]
            title: "收入与资金（帮扶{{figures.fund}}）"
            report_height: 260
          - id: ratios
            type: bar
            dataset: figures
            records: [ratio_2021, ratio_2022]
            title: 城乡居民收入比
            report_height: 200
          - id: shares
            type: bar
            dataset: figures
            records: [rural_growth, online_share_low]
            title: 增速与占比
            report_height: 200
          - id: counts
            type: bar
            dataset: figures
            records: [coops, members]
            title: 合作社
            report_height: 200
        sections:
          - id: income
            title: 收入
            blocks:
        \(shiftedProse)      - text: >-
                  合作社总收入{{figures.coop_total}}，占比{{figures.online_share}}（基数{{figures.online_share.base}}），
                  目标{{figures.target_range}}，提高{{figures.gap_points}}。
              - figure: money
              - figure: ratios
              - figure: shares
              - figure: counts
              - table:
                  id: all
                  dataset: figures
                  columns: [{column: label, title: 指标}, {column: value, title: 数值}, {column: qualifier, title: 限定}]
                  caption: 主要指标

        """,
        "data/catalog.yaml": """
        title: 余杭区数据
        report_year: 2022
        report_date: 2022-12
        display:
          scale: [元]

        """,
        "data/figures.yaml": """
        title: 主要数字
        kind: figures
        source: {publisher: 余杭区农业农村局, article: 余杭共富新图景}
        columns:
          - {name: id, type: id, required: true}
          - {name: label, type: text, required: true}
          - {name: value, type: number, unit_column: unit, qualifier_column: qualifier, required: true}
          - {name: unit, type: unit}
          - {name: qualifier, type: qualifier}
          - {name: display, type: unit}
          - {name: base, type: text}

        """,
        "data/figures.csv": """
        id,label,value,unit,qualifier,display,base
        coops,农民专业合作社,143,家,,,
        members,入社农户,200,家,逾,,
        coop_total,合作社总收入,8.46,亿元,,,
        coop_income,合作社经营收入,592,万元,,,
        village_avg,村均经营性收入,5.8,万元,近,,
        fund,帮扶资金,8600000,元,超过,,
        fund_extra,另筹资金,860,万元,余,,
        rural_income,农村居民人均可支配收入,48705,元,,元,
        ratio_2022,城乡居民收入比,1.58:1,,,,
        ratio_2021,上年城乡居民收入比,1.96:1,,,,
        rural_growth,农村居民收入增速,21.9,%,,,rural_income
        online_share,线上销售占比,30%-40%,,约,,coop_total
        online_share_low,线上销售占比下限,30,%,,,
        target_range,户均增收目标,3-5,万元,,,
        gap_points,收入比降幅,0.38,个百分点,,,

        """,
    ]

    /// What each figure must read as, wherever it is shown.
    static let displays = ["143家", "逾200家", "8.46亿元", "592万元", "近5.8万元", "超过860万元", "860余万元",
                           "48705元", "4.8705万元", "1.58:1", "1.96:1", "21.9%", "约30%–40%", "3–5万元", "0.38个百分点"]

    @Test func everyFigureReadsTheSameInProseChartsTablesAndAppendix() throws {
        let tmp = try TempDir(prefix: "yuhang")
        let template = try tmp.write(Self.files, into: "yuhang")
        let check = try ReportBinary.run(["check", template.path])
        #expect(check.status == 0, "\(check.all)")
        // The bound table: each value as displayed, the qualifier column in the source's words.
        let bound = TemplateLoader.load(template: template)
        let rows = try #require(bound.tables["all"]).rows.map { $0.map(NoBreak.strip) }
        #expect(rows.first { $0[0] == "村均经营性收入" } == ["村均经营性收入", "近5.8万元", "近"])
        #expect(rows.first { $0[0] == "帮扶资金" } == ["帮扶资金", "超过860万元", "超过"])
        #expect(rows.first { $0[0] == "农民专业合作社" } == ["农民专业合作社", "143家", ""])

        let r = try ReportBinary.run(["render", template.path, "--out", tmp.file("out").path, "--format", "pdf,svg"])
        #expect(r.status == 0, "\(r.all)")
        let out = tmp.file("out/yuhang")
        let raw = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", out.appendingPathComponent("report.pdf").path, "-"]).stdout
        // The joiner that keeps figures on one line is not part of the copied text.
        #expect(!raw.unicodeScalars.contains("\u{2060}"))
        let lines = raw.components(separatedBy: .newlines)
        for d in Self.displays {
            // Prose: 16 shifted paragraphs (plus table, labels, appendix); never split across lines.
            let whole = lines.filter { $0.contains(d) }.count
            #expect(whole >= (["逾200家", "8.46亿元", "约30%–40%", "3–5万元", "0.38个百分点"].contains(d) ? 2 : 16),
                    "\(d) found whole on \(whole) lines")
        }
        for wrong in ["860万余元", "4.87万元", "5.8万元左右", ":1:1", "（figures.csv）", "coop_income"] {
            #expect(!raw.contains(wrong), "\(wrong)")
        }
        // Titles become metadata (PDF /Title, SVG <title>): the figure is there, the joiner is not.
        let info = try ExternalTool.run("pdfinfo", [out.appendingPathComponent("report.pdf").path]).stdout
        #expect(info.contains("余杭区共同富裕报告（143家合作社）"), "\(info)")
        let svg = try String(contentsOf: out.appendingPathComponent("charts/money.svg"), encoding: .utf8)
        #expect(svg.contains("<title>收入与资金（帮扶超过860万元）</title>"))
        #expect(!svg.contains("\u{2060}") && !info.contains("\u{2060}"))
        // Charts: each value label is the figure's one display (the standalone chart PDF).
        let money = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", out.appendingPathComponent("charts/money.pdf").path, "-"]).stdout
        for d in ["592万元", "超过860万元", "860余万元", "近5.8万元", "48705元"] { #expect(money.contains(d), "money chart: \(d)") }
        let ratios = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", out.appendingPathComponent("charts/ratios.pdf").path, "-"]).stdout
        for d in ["1.58:1", "1.96:1"] { #expect(ratios.contains(d), "ratio chart: \(d)") }
        #expect(!ratios.contains("单位："))
        let shares = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", out.appendingPathComponent("charts/shares.pdf").path, "-"]).stdout
        for d in ["21.9%", "30%"] { #expect(shares.contains(d), "shares chart: \(d)") }
        let counts = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", out.appendingPathComponent("charts/counts.pdf").path, "-"]).stdout
        for d in ["143家", "逾200家"] { #expect(counts.contains(d), "counts chart: \(d)") }
        // The appendix, for readers: labels with displays, the source, no file names.
        // (A label may end a line; the figure after it stays whole.)
        let flat = PDFInspection.normalised(raw)
        #expect(flat.contains(PDFInspection.normalised("农村居民人均可支配收入：48705元；城乡居民收入比：1.58:1")))
        #expect(flat.contains(PDFInspection.normalised("帮扶资金：超过860万元；另筹资金：860余万元")))
        #expect(raw.contains("余杭区农业农村局"))
    }

    @Test func checkPointsAtBadQualifiersAndValueForms() throws {
        let tmp = try TempDir(prefix: "yuhang-bad")
        var files = Self.files
        files["data/figures.csv"] = files["data/figures.csv"]!
            .replacingOccurrences(of: "5.8,万元,近", with: "5.8,万元,好像")
            .replacingOccurrences(of: "3-5,万元", with: "5-3,万元")
            .replacingOccurrences(of: "21.9,%,,,rural_income", with: "21.9,%,,,nosuch")

        let template = try tmp.write(files, into: "yuhang")
        let check = try ReportBinary.run(["check", template.path])
        #expect(check.status != 0)
        #expect(check.stderr.contains("figures.csv:6:5: error: \"好像\" is not a qualifier"), "\(check.stderr)")
        #expect(check.stderr.contains("figures.csv:15:3: error: \"5-3\" is a range that ends below its start"), "\(check.stderr)")
    }

    /// A bar cannot show a range: the chart fails at its report.yaml line instead of misstating it.
    @Test func aRangeInABarChartFailsTheCheck() throws {
        let tmp = try TempDir(prefix: "yuhang-range")
        var files = Self.files
        files["report.yaml"] = files["report.yaml"]!.replacingOccurrences(of: "[rural_growth, online_share_low]",
                                                                          with: "[rural_growth, online_share]")
        let template = try tmp.write(files, into: "yuhang")
        let check = try ReportBinary.run(["check", template.path])
        #expect(check.status != 0)
        #expect(check.stderr.contains("report.yaml:22:14: error: chart 'shares'"), "\(check.stderr)")
        #expect(check.stderr.contains("record 'online_share' is a range (约30%–40%), which a bar cannot show"), "\(check.stderr)")
    }

    /// Every figure of the default article, from its CSV row to the PDF: the appendix lists each as
    /// `label：display` (displays as before, qualifiers in place), each display whole on one line,
    /// and the bar charts' labels read as the prose.
    @Test func everyDefaultFigureReachesThePDFWhole() throws {
        let render = DefaultRender.shared
        #expect(render.result.status == 0, "\(render.result.all)")
        let raw = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", render.pdf.path, "-"]).stdout
        let lines = raw.components(separatedBy: .newlines)
        let flat = PDFInspection.normalised(raw)
        let catalog = DatasetCatalog.load(directory: ReportBinary.defaultTemplate.appendingPathComponent("data")).catalog
        let formatter = ChineseFormatter()
        #expect(catalog.orderedFigures.count >= 36)
        for f in catalog.orderedFigures {
            let shown = formatter.figure(f)
            #expect(flat.contains(PDFInspection.normalised(f.label + "：" + shown)), "\(f.id): \(shown)")
            #expect(lines.contains { $0.contains(shown) }, "\(f.id): \(shown) is split across lines")
        }
        for shown in ["1200余家", "12000余个", "3万余条", "预计12万份", "6.78亿元", "569.7万元", "5.75亿元（推算）"] {
            #expect(lines.contains { $0.contains(shown) }, "\(shown)")
        }
        #expect(!raw.contains(".csv") && !raw.contains("village_income_total"))
        let chart = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", render.charts.appendingPathComponent("village-average.pdf").path, "-"]).stdout
        for shown in ["569.7万元", "80万元"] { #expect(chart.contains(shown), "chart: \(shown)") }
    }
}
