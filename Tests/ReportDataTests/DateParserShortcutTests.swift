import Foundation
import Testing
import TestSupport
@testable import ReportData

/// `DateParser.parse` reads plain ISO cells (`2022-05-15`, `2021-01-01/2021-03-01`) without normalising them
/// (`DateParser.plainISO`); every cell must parse exactly as the full path parses it.
@Suite struct DateParserShortcutTests {
    static let pieces = ["2022", "1999", "0000", "10000", "-", "--", "5", "05", "12", "13", "00", "31", "29", "2", "002",
                         " ", "/", "..", "年", "月", "日", "０", "−", "a", "1", "0"]

    @Test func shortcutAgreesWithTheFullParse() {
        var rng = SplitMix(seed: 0xda7e_c0de)
        let parsers = [PartialDate(year: 2022, month: 6)!, PartialDate(year: 2020, month: 2, day: 29)!].map { DateParser(reportDate: $0) }
        var shortcuts = 0
        for _ in 0..<20_000 {
            let cell = (0..<rng.int(0...6)).map { _ in rng.pick(Self.pieces) }.joined()
            if DateParser.plainISO(cell) != nil { shortcuts += 1 }
            for parser in parsers {
                #expect(parser.parse(cell) == parser.parseFully(cell), "\(cell)")
            }
        }
        // Every calendar day of a leap and a common year, and impossible days, in both spellings.
        for year in [2020, 2021] {
            for month in 0...13 {
                for day in 0...32 {
                    for cell in ["\(year)-\(month)-\(day)", String(format: "%04d-%02d-%02d", year, month, day), "\(year)-\(month)"] {
                        #expect(DateParser.plainISO(cell) != nil, "\(cell)")
                        #expect(parsers[0].parse(cell) == parsers[0].parseFully(cell), "\(cell)")
                    }
                }
            }
        }
        // Spans of plain dates, in order, reversed and impossible.
        for (a, b) in [("2021-01-01", "2021-03-01"), ("2021-03-01", "2021-01-01"), ("2021-02-30", "2021-03-01"),
                       ("2021-01-01", "2021-13-01"), ("2021", "2022-05"), ("2021-05", "2021-05"), ("2021-1-1", "..")] {
            let cell = a + "/" + b
            #expect(parsers[0].parse(cell) == parsers[0].parseFully(cell), "\(cell)")
        }
        #expect(DateParser.plainISO("2021-01-01/2021-03-01") != nil)
        #expect(shortcuts > 500)
    }
}
