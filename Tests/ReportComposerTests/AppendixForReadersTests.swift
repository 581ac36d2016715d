import Foundation
import Testing
@testable import ReportComposer
import ReportData

/// Issue 13: the sources appendix names rows as a reader knows them, never by file name, id or line.
@Suite struct AppendixForReadersTests {
    @Test func rowsAreNamedByLabelTextOrValues() throws {
        let yaml = """
        title: 收入
        columns:
          - {name: id, type: id}
          - {name: year, type: date}
          - {name: value, type: number, unit: 亿元}
          - {name: note, type: text}
        """
        let meta = try YAMLLoader.decode(DatasetMetadata.self, data: Data(yaml.utf8), file: "x.yaml").get()
        let f = ChineseFormatter()
        func row(_ values: [String: CellValue]) -> Record {
            Record(line: 7, values: values, raw: [:], id: "income_2021", sourceSentence: nil, section: nil)
        }
        let p = { (y: Int) in DateValue.point(PartialDate(year: y)!) }
        #expect(SourceList.readerLabel(row(["label": .text("村级收入")]), meta, f) == "村级收入")
        #expect(SourceList.readerLabel(row(["note": .text("全区合计"), "value": .number(Quantity(6.78, unit: "亿元"))]), meta, f) == "全区合计")
        let values = SourceList.readerLabel(row(["id": .text("income_2021"), "year": .date(p(2021)), "value": .number(Quantity(6.78, unit: "亿元"))]), meta, f)
        #expect(values.map(NoBreak.strip) == "2021年，6.78亿元")
        #expect(SourceList.readerLabel(row([:]), meta, f) == nil)
    }

    @Test func defaultAppendixHasNoFileNamesOrIDs() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let bound = TemplateLoader.load(template: root.appendingPathComponent("Templates/linping-annual"))
        let text = bound.sources.map { ([$0.title, $0.citation] + $0.records).joined(separator: "\n") }.joined(separator: "\n")
        #expect(!bound.sources.isEmpty)
        #expect(!text.contains(".csv") && !text.contains("_"))
        for id in bound.catalog.figureIDs { #expect(!text.contains(id), "\(id)") }
        #expect(NoBreak.strip(text).contains("“临平智聘”首批动员企业：1200余家"))
    }
}
