import Testing
import TestSupport
@testable import ReportData

/// `DateParser.find` (a byte search) finds what the standard library's Character search finds,
/// over random cells built from date pieces, separators and other text.
@Suite struct DateParserSearchTests {
    static let pieces = ["2022", "年", "5", "月", "15", "日", "-", "--", "－－", "/", "至", "—", "–", "~", "今", "近日", "以来",
                         "至今", "..", " ", "a", "é", "鎮", "０", "1"]
    static let needles = ["/", "至", "—", "–", "~", "－－", "--", "近日", "以来", "今年", "至今"]

    @Test func byteSearchAgreesWithCharacterSearch() {
        var rng = SplitMix(seed: 0x5eed_da7e)
        for _ in 0..<5_000 {
            let cell = (0..<rng.int(0...8)).map { _ in rng.pick(Self.pieces) }.joined()
            for needle in Self.needles {
                let byBytes = DateParser.find(Array(needle.utf8), in: cell)
                let byCharacters = cell.firstRange(of: needle)
                #expect(byBytes == byCharacters, "\(needle) in \(cell)")
            }
        }
    }

    @Test func spansSplitAtTheFirstSeparator() throws {
        let parser = DateParser(reportDate: PartialDate(year: 2022, month: 6)!)
        guard case .success(.span(let span)) = parser.parse("2022年3月—5月") else { Issue.record("not a span"); return }
        #expect(span.start == PartialDate(year: 2022, month: 3))
        #expect(span.end == PartialDate(year: 2022, month: 5))
        guard case .success(.span(let open)) = parser.parse("2021-01/..") else { Issue.record("not a span"); return }
        #expect(open.end == nil)
        #expect(DateParser.isAbsolute("2022-04-19"))
        #expect(!DateParser.isAbsolute("近日"))
    }
}
