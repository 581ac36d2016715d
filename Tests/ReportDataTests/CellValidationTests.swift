import Foundation
import Testing
@testable import ReportData

/// Cell-level problems: each is reported at the physical line and field index of the cell.
@Suite struct CellValidationTests {
    @Test func chineseNumeralIsNotANumber() {
        let r = load("id,year,value,qualifier,note\na,2021,6.78,,\nb,2020,5.75,,\nc,2019,六点七八,,\n")
        #expect(r.diagnostics.map(\.description) ==
                ["data/income.csv:4:3: error: \"六点七八\" is not a number (column value, unit 亿元)"])
    }

    @Test func emptyRequiredCell() {
        let r = load("id,year,value,qualifier,note\na,2021,,,\nb,,5,,\n")
        #expect(positions(r.diagnostics) == ["2:3", "3:2"])
        #expect(r.diagnostics[0].message == "empty required cell (column value)")
    }

    @Test func raggedRows() {
        let r = load("id,year,value,qualifier,note\na,2021,1\nb,2021,1,,,extra\n")
        #expect(positions(r.diagnostics) == ["2:4", "3:6"])
        #expect(r.diagnostics[0].message == "row has 3 fields but the header has 5")
        #expect(r.diagnostics[1].message == "row has 6 fields but the header has 5")
    }

    @Test func nonFiniteAndHexAreRejected() {
        let r = load("id,year,value,qualifier,note\na,2021,inf,,\nb,2021,nan,,\nc,2021,1e309,,\nd,2021,0x1F,,\ne,2021,-Infinity,,\n")
        #expect(positions(r.diagnostics) == ["2:3", "3:3", "4:3", "5:3", "6:3"])
        #expect(r.diagnostics[0].message.contains("is not a finite number"))
        #expect(r.diagnostics[2].message.contains("is not a finite number"))
        #expect(r.diagnostics[3].message == "\"0x1F\" is hexadecimal; write the decimal value (column value, unit 亿元)")
    }

    @Test func fullWidthDigitsAreNormalisedWithAWarning() throws {
        let r = load("id,year,value,qualifier,note\na,２０２１,６．７８,,\n")
        #expect(r.diagnostics.map(\.severity) == [.warning])
        #expect(positions(r.diagnostics) == ["2:3"])
        let rec = try #require(r.dataset?.records.first)
        #expect(rec["value"].quantity == Quantity(6.78, unit: "亿元"))
        #expect(rec["year"].date == .point(PartialDate(year: 2021)!))
    }

    @Test func thousandsSeparatorsAndPercent() throws {
        let yaml = incomeYAML.replacingOccurrences(of: "unit: 亿元", with: "unit_column: note, qualifier_column: qualifier")
            .replacingOccurrences(of: "{name: note, type: text}", with: "{name: note, type: unit}")
        let r = load("id,year,value,qualifier,note\na,2021,\"1,200\",余,家\nb,2021,18%,,%\nc,2021,\"12,00\",,家\nd,2021,5%,,家\ne,2021,7%,,\n", yaml: yaml)
        #expect(positions(r.diagnostics) == ["4:3", "5:3"])
        #expect(r.diagnostics[0].message.contains("misplaced thousands separators"))
        #expect(r.diagnostics[1].message == "\"5%\" has a % sign but the unit is 家 (column value)")
        let ds = try #require(r.dataset)
        #expect(ds.record(id: "a")?["value"].quantity == Quantity(1200, unit: "家", qualifier: .moreThan))
        #expect(ds.record(id: "b")?["value"].quantity == Quantity(18, unit: "%"))
        #expect(ds.record(id: "e")?["value"].quantity == Quantity(7, unit: "%"))
    }

    @Test func impossibleDatesAndBackwardSpans() {
        let r = load("id,year,value,qualifier,note\na,2022-02-30,1,,\nb,2022-13-01,1,,\nc,2022年5月/2022年3月,1,,\nd,2023-02-29,1,,\ne,2024-02-29,1,,\n")
        #expect(positions(r.diagnostics) == ["2:2", "3:2", "4:2", "5:2"])
        #expect(r.diagnostics[0].message == "\"2022-02-30\" is not a valid calendar date (column year)")
        #expect(r.diagnostics[2].message == "\"2022年5月/2022年3月\" ends before it starts (column year)")
    }

    @Test func badQualifierAndDuplicateID() {
        let r = load("id,year,value,qualifier,note\na,2021,1,大概吧,\na,2020,1,,\n")
        #expect(positions(r.diagnostics) == ["2:4", "3:1"])
        #expect(r.diagnostics[1].message == "duplicate id 'a' (first used on line 2)")
    }

    @Test func allProblemsReportedInOneRunUpToTheCap() {
        var csv = "id,year,value,qualifier,note\n"
        for i in 0..<80 { csv += "r\(i),2021,x,,\n" }
        let r = load(csv)
        #expect(r.diagnostics.count == DiagnosticSink.defaultCap + 1)
        #expect(r.diagnostics.last?.message == "30 more problems not shown (limit 50)")
        #expect(r.diagnostics[49].line == 51)
    }

    @Test func lineOfCellAfterMultiLineQuotedField() {
        let r = load("id,year,value,qualifier,note\na,2021,1,,\"first\nsecond\nthird\"\nb,2021,x,,\"one\ntwo\"\n")
        #expect(positions(r.diagnostics) == ["5:3"])
        let r2 = load("id,year,value,qualifier,note\na,\"2021\n\",1,,\n")
        #expect(positions(r2.diagnostics) == ["2:2"])
    }
}
