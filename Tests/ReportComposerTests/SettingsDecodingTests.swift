import Foundation
import Testing
import ReportComposer
import ReportScene

@Suite struct SettingsDecodingTests {
    @Test func partialLayoutKeepsDefaults() throws {
        let json = #"{"numbering": "decimal", "bodySize": 11, "margins": {"left": 60}, "pageNumbers": "chinese"}"#
        let layout = try JSONDecoder().decode(LayoutSettings.self, from: Data(json.utf8))
        #expect(layout.numbering == .decimal && layout.bodySize == 11 && layout.pageNumbers == .chinese)
        #expect(layout.margins == Margins(top: 72, bottom: 68, left: 60, right: 57))
        #expect(layout.lineSpacing == 1.6 && layout.bodyFamily == Fonts.serif && layout.pageSize == Size(595.28, 841.89))
    }

    @Test func infoNeedsOnlyATitleAndRoundTrips() throws {
        let info = try JSONDecoder().decode(ReportInfo.self, from: Data(#"{"title": "临平区2022年度发展报告", "keywords": ["临平"]}"#.utf8))
        #expect(info == ReportInfo(title: "临平区2022年度发展报告", keywords: ["临平"]))
        let layout = LayoutSettings(numbering: .none, level1StartsNewPage: true)
        let again = try JSONDecoder().decode(LayoutSettings.self, from: JSONEncoder().encode(layout))
        #expect(again == layout)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ReportInfo.self, from: Data(#"{"subtitle": "x"}"#.utf8)) }
    }
}
