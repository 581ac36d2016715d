import ReportComposer
import ReportScene

/// A synthetic report of about ten pages built from the seed article: three chapters with
/// subsections, long paragraphs (one longer than a page), three figures and a long table.
enum SampleReport {
    /// A stand-in chart: a filled rectangle of the given size.
    static func chart(_ w: Double, _ h: Double) -> Group {
        Group([.rect(RectNode(Rect(x: 0, y: 0, width: w, height: h), fill: Color(hex: "#88AACC")!))], name: "chart")
    }

    static func paragraphs(_ start: Int, _ count: Int) -> [Block] {
        (0..<count).map { .paragraph(SeedText.paragraphs[(start + $0) % SeedText.paragraphs.count]) }
    }

    static let longParagraph = SeedText.paragraphs.prefix(12).joined()

    static let districtTable = Table(
        id: "towns", header: ["镇街", "常住人口（万人）", "村级集体经营性收入（万元）", "备注"],
        rows: (1...40).map { ["镇街\($0)", "\(10 + $0 % 7).\($0 % 10)", "\(500 + $0 * 13)", $0 % 5 == 0 ? "共富示范" : ""] },
        alignments: [.left, .right, .right, .center], caption: "临平区各镇街基本情况", source: "数据来源：临平区统计局")

    static func content(numbering: HeadingNumbering = .chinese) -> ReportContent {
        let gdp = Figure(id: "gdp", content: chart(481, 300), size: Size(481, 300), caption: "临平区地区生产总值",
                         source: "数据来源：临平区统计局", referencedBy: "[[gdp]]")
        let wide = Figure(id: "factories", content: chart(700, 350), size: Size(700, 350), caption: "未来工厂数量",
                          source: "数据来源：浙江省经信厅")
        let tall = Figure(id: "roads", content: chart(400, 520), size: Size(400, 520), caption: "四好农村路里程")
        let sections = [
            Section(id: "economy", title: "从制造到智造", blocks: paragraphs(0, 2), subsections: [
                Section(id: "future", title: "未来工厂", blocks: [
                    .paragraph("如[[gdp]]所示，临平经济总量稳步增长；[[factories]]展示了未来工厂的分布。"),
                    .figure(gdp),
                ] + paragraphs(2, 3) + [.figure(wide)] + paragraphs(5, 2)),
                Section(id: "talent", title: "人才支撑", blocks: [.paragraph(longParagraph)] + paragraphs(7, 2)),
            ]),
            Section(id: "rural", title: "城乡协调发展", blocks: paragraphs(9, 1), subsections: [
                Section(id: "canal", title: "大运河文化公园", blocks: paragraphs(10, 4) + [.figure(tall)] + paragraphs(14, 3)),
                Section(id: "villages", title: "强村富民", blocks: paragraphs(17, 3) + [.table(districtTable)] + paragraphs(20, 2)),
            ]),
            Section(id: "city", title: "品质城区建设", blocks: paragraphs(3, 2), subsections: [
                Section(id: "transport", title: "交通路网", blocks: paragraphs(5, 5)),
                Section(id: "culture", title: "文化浸润", blocks: paragraphs(11, 6)),
            ]),
        ]
        let info = ReportInfo(title: "临平区2022年度发展报告", subtitle: "高水平打造“数智临平” 高品质建设现代城区",
                              author: "应陶 卢阳 王艳侠", organisation: "杭州市临平区", dateText: "二〇二三年三月",
                              keywords: ["临平", "共同富裕"], creationDate: 1_680_000_000)
        let sources = [
            SourceEntry(title: "临平区国民经济和社会发展统计公报", citation: "临平区统计局，2022",
                        records: ["地区生产总值", "村级集体经营性收入 6.78 亿元"]),
            SourceEntry(title: "浙江省“未来工厂”试点企业名单", citation: "浙江省经济和信息化厅",
                        records: ["临平区入选企业 2 家"]),
        ]
        return ReportContent(info: info, layout: LayoutSettings(numbering: numbering), sections: sections, sources: sources)
    }
}
