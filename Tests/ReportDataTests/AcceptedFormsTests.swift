import Foundation
import Testing
@testable import ReportData

/// Inputs a spreadsheet produces that must load cleanly.
@Suite struct AcceptedFormsTests {
    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let r = load("id,year,value,qualifier,note\na,2021,6.78,,\"说明,含逗号\"\"引号\"\"\n第二行\"\nb,2021,1,,\"\"\n")
        #expect(r.diagnostics.isEmpty)
        let ds = try #require(r.dataset)
        #expect(ds.records.map(\.line) == [2, 4])
        #expect(ds.record(id: "a")?["note"].text == "说明,含逗号\"引号\"\n第二行")
        #expect(ds.record(id: "b")?["note"] == .empty)
    }

    @Test func bomAndCRLF() throws {
        var bytes = Data([0xEF, 0xBB, 0xBF])
        bytes.append(Data("id,year,value,qualifier,note\r\na,2021,6.78,约,\"x\r\ny\"\r\nb,2021,1,,\r\n".utf8))
        let r = loadBytes(bytes)
        #expect(r.diagnostics.isEmpty)
        let ds = try #require(r.dataset)
        #expect(ds.records.map(\.line) == [2, 4])
        #expect(ds.record(id: "a")?["value"].quantity == Quantity(6.78, unit: "亿元"))
        #expect(ds.record(id: "a")?["qualifier"] == .qualifier(.about))
        #expect(ds.record(id: "a")?["note"].text == "x\r\ny")
    }

    @Test func missingFinalNewlineAndBlankLines() throws {
        let r = load("id,year,value,qualifier,note\n\na,2021,1,,\n\nb,2021,-2.5,,")
        #expect(r.diagnostics.isEmpty)
        #expect(r.dataset?.records.map(\.line) == [3, 5])
        #expect(r.dataset?.record(id: "b")?["value"].quantity?.value == -2.5)
    }

    @Test func chineseAndISODates() throws {
        let p = DateParser(reportDate: reportDate)
        let cases: [(String, DateValue)] = [
            ("2022-05-15", .point(PartialDate(year: 2022, month: 5, day: 15)!)),
            ("2022-05", .point(PartialDate(year: 2022, month: 5)!)),
            ("2022", .point(PartialDate(year: 2022)!)),
            ("2022年5月15日", .point(PartialDate(year: 2022, month: 5, day: 15)!)),
            ("2022年3月", .point(PartialDate(year: 2022, month: 3)!)),
            ("2022年", .point(PartialDate(year: 2022)!)),
            ("5月15日", .point(PartialDate(year: 2022, month: 5, day: 15)!)),
            ("今年3月", .point(PartialDate(year: 2022, month: 3)!)),
            ("去年", .point(PartialDate(year: 2021)!)),
            ("近日", .point(PartialDate(year: 2022, month: 6, approximate: true)!)),
            ("今年以来", .span(DateSpan(start: PartialDate(year: 2022, month: 1)!, end: nil)!)),
            ("2022年3月—5月", .span(DateSpan(start: PartialDate(year: 2022, month: 3)!, end: PartialDate(year: 2022, month: 5)!)!)),
            ("2021/2022-05", .span(DateSpan(start: PartialDate(year: 2021)!, end: PartialDate(year: 2022, month: 5)!)!)),
            ("2022-01/..", .span(DateSpan(start: PartialDate(year: 2022, month: 1)!, end: nil)!)),
            ("2021年10月至今", .span(DateSpan(start: PartialDate(year: 2021, month: 10)!, end: nil)!)),
            ("２０２２年５月", .point(PartialDate(year: 2022, month: 5)!)),
        ]
        for (text, expected) in cases {
            #expect((try? p.parse(text).get()) == expected, "\(text)")
        }
        for bad in ["2022-02-30", "2022-13-01", "2022年2月29日", "15日", "2022/05/15x", "明天", "22-05"] {
            #expect((try? p.parse(bad).get()) == nil, "\(bad)")
        }
    }

    @Test func numberForms() {
        let ok: [(String, Double)] = [("1,200", 1200), ("12,000.5", 12000.5), ("-3.5", -3.5), ("+7", 7), (".5", 0.5),
                                      ("1e3", 1000), (" 42 ", 42), ("６．７８", 6.78), ("－1", -1), ("1,234,567", 1234567)]
        for (text, v) in ok { #expect((try? NumberParser.parse(text).get().value) == v, "\(text)") }
        for bad in ["1,2,3", "1.2.3", "12e", "0x1F", "NaN", "1e309", "六", "12万", "1 200", "", "-"] {
            #expect((try? NumberParser.parse(bad).get()) == nil, "\(bad)")
        }
    }
}
