import Foundation
import Testing
@testable import ReportComposer
import ReportData
import TestSupport

/// `RowDemand.placeholderNames` finds the braces byte by byte; it must name exactly what the
/// Foundation search it replaced named, on any text (braces split across pieces, triple
/// mustaches, non-ASCII around and inside tags).
@Suite struct PlaceholderNamesTests {
    /// The earlier implementation, kept as the reference.
    static func reference(_ text: String) -> [(String, String?)] {
        var out: [(String, String?)] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            let tag = rest[..<close.lowerBound].drop { " #^/&{>!".contains($0) }
            let name = tag.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
            let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if let first = parts.first, !first.isEmpty { out.append((first, parts.count > 1 ? parts[1] : nil)) }
            rest = rest[close.upperBound...]
        }
        return out
    }

    static let pieces = ["{", "}", "{{", "}}", "{{{", "}}}", "figures", ".", "village_income", "a.b.c", "#", "^", "/",
                         "&", ">", "!", " ", "镇", "亿元", "é", "e\u{301}", "\u{600}", "-", "_x", "9", "\n", "👍🏽"]

    @Test func sameNamesAsTheFoundationSearch() {
        var rng = SplitMix(seed: 0x51AC_E5)
        for _ in 0..<4_000 {
            let text = (0..<Int(rng.next() % 14)).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined()
            let got = RowDemand.placeholderNames(in: text), want = Self.reference(text)
            #expect(got.map(\.0) == want.map(\.0) && got.map(\.1) == want.map(\.1), "\(text.debugDescription)")
        }
    }

    @Test func namesDatasetAndId() {
        let names = RowDemand.placeholderNames(in: "共{{figures.total}}，{{#rows}}x{{/rows}}{{{unit.name}}}{{")
        #expect(names.map(\.0) == ["figures", "rows", "rows", "unit"])
        #expect(names.map(\.1) == ["total", nil, nil, "name"])
    }
}
