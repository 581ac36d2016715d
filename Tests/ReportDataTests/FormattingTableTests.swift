import Testing
@testable import ReportData

/// The display a Chinese reader expects for values and dates, as one table.
@Suite struct FormattingTableTests {
    let f = ChineseFormatter()

    @Test func quantities() {
        let table: [(Quantity, String)] = [
            (Quantity(6.78, unit: "亿元"), "6.78亿元"),
            (Quantity(569.7, unit: "万元"), "569.7万元"),
            (Quantity(1200, unit: "家", qualifier: .moreThan), "1200余家"),
            (Quantity(18, unit: "%"), "18%"),
            (Quantity(267.83, unit: "公里"), "267.83公里"),
            (Quantity(12, unit: "万份"), "12万份"),
            (Quantity(3, unit: "万条", qualifier: .moreThan), "3万余条"),
            (Quantity(12000, unit: "个", qualifier: .moreThan), "12000余个"),
            (Quantity(5, unit: "亿元", qualifier: .about), "约5亿元"),
            (Quantity(12, unit: "万份", qualifier: .planned), "预计12万份"),
            (Quantity(2.50, unit: "亿元"), "2.5亿元"),
            (Quantity(3.0, unit: "家"), "3家"),
            (Quantity(-3.5, unit: "%"), "-3.5%"),
            (Quantity(-0.001, unit: "%"), "0%"),
            (Quantity(5.745762711, unit: "亿元"), "5.75亿元"),
            (Quantity(2.675, unit: "亿元"), "2.68亿元"),
            (Quantity(1234567, unit: "元"), "1234567元"),
            (Quantity(20, unit: "%", qualifier: .moreThan), "20%以上"),
            (Quantity(6, unit: "亿元", qualifier: .moreThan), "6余亿元"),   // issue 13: 余 before 亿元
            (Quantity(8, unit: "大系列"), "8大系列"),
            (Quantity(0.05, unit: ""), "0.05"),
        ]
        for (q, text) in table { #expect(f.quantity(q) == text, "\(q)") }
        #expect(f.quantity(Quantity(569.7, unit: "万元"), in: "亿元") == "0.06亿元")
        #expect(f.quantity(Quantity(6.78, unit: "亿元"), in: "万元") == "67800万元")
        #expect(f.quantity(Quantity(119.01, unit: "个"), fractionDigits: 0) == "119个")
        #expect(f.tick(2.5) == "2.5" && f.tick(1e4) == "10000")
        #expect(f.axisTitle("村级集体经营性收入", unit: "亿元") == "村级集体经营性收入（亿元）")
    }

    @Test func dates() {
        let P = { (y: Int, m: Int?, d: Int?) in PartialDate(year: y, month: m, day: d)! }
        let table: [(DateValue, String)] = [
            (.point(P(2022, 5, 15)), "2022年5月15日"),
            (.point(P(2022, 3, nil)), "2022年3月"),
            (.point(P(2022, nil, nil)), "2022年"),
            (.point(PartialDate(year: 2022, month: 6, approximate: true)!), "近日"),
            (.span(DateSpan(start: P(2022, 1, nil), end: nil)!), "2022年1月至今"),
            (.span(DateSpan(start: P(2022, 3, nil), end: P(2022, 5, nil))!), "2022年3月—5月"),
            (.span(DateSpan(start: P(2021, 10, nil), end: P(2022, 5, nil))!), "2021年10月—2022年5月"),
            (.span(DateSpan(start: P(2022, 3, 1), end: P(2022, 3, 15))!), "2022年3月1日—15日"),
            (.span(DateSpan(start: P(2020, nil, nil), end: P(2022, nil, nil))!), "2020年—2022年"),
            (.point(P(2021, 12, 31)), "2021年12月31日"),
        ]
        for (d, text) in table { #expect(f.dateValue(d) == text, "\(d)") }
        let current = ChineseFormatter(currentYear: 2022)
        #expect(current.date(P(2022, 5, 15)) == "5月15日")
        #expect(current.date(P(2022, nil, nil)) == "2022年")
        #expect(current.date(P(2021, 3, nil)) == "2021年3月")
    }

    @Test func ranksAndDerivedFigures() {
        #expect(f.rank(Rank("居杭州市第一")) == "居杭州市第一")
        #expect(Rank("新增量居全省各县(市、区)第一").position == 1)
        #expect(Rank("全省第3").position == 3)
        #expect(Rank("省级示范县").position == nil)
        let fig = Figure(id: "x", label: "x", quantity: Quantity(5.7457, unit: "亿元"), derived: true, decimals: 2)
        #expect(f.figure(fig) == "5.75亿元（推算）")
        #expect(ChineseFormatter(derivedMark: "*").figure(fig) == "5.75亿元*")
        let fields = f.fields(of: Figure(id: "r", label: "企业", quantity: Quantity(1200, unit: "家", qualifier: .moreThan),
                                         rank: Rank("全省第一"), date: .point(PartialDate(year: 2022, month: 3)!)))
        #expect(fields["value"] == "1200余家" && fields["number"] == "1200" && fields["unit"] == "家")
        #expect(fields["date"] == "2022年3月" && fields["rank"] == "全省第一" && fields["derived"] == "")
    }

    @Test func unitScalePerColumn() {
        #expect(UnitScale.choose(for: [6.78e8, 5.2e8], baseUnit: "元") == "亿元")
        #expect(UnitScale.choose(for: [5.697e6, 8e5], baseUnit: "元") == "万元")
        #expect(UnitScale.choose(for: [120, 35], baseUnit: "元") == "元")
        #expect(UnitScale.choose(for: [18, 20], baseUnit: "%") == "%")
        #expect(UnitScale.choose(for: [Quantity(6.78, unit: "亿元"), Quantity(569.7, unit: "万元")]) == "亿元")
        #expect(UnitScale.choose(for: [Quantity(80, unit: "万元"), Quantity(569.7, unit: "万元")]) == "万元")
        #expect(UnitScale.choose(for: [Quantity(1, unit: "家"), Quantity(2, unit: "公里")]) == nil)
        #expect(Quantity(569.7, unit: "万元").converted(to: "元")?.value == 5_697_000)
    }
}
