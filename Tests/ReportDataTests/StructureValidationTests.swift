import Foundation
import Testing
@testable import ReportData

/// File-level problems: header, structure, encoding.
@Suite struct StructureValidationTests {
    @Test func unterminatedQuotePointsAtTheOpeningQuote() {
        let r = load("id,year,value,qualifier,note\na,2021,1,,ok\nb,2021,2,,\"never closed\nmore\n")
        #expect(r.diagnostics.map(\.description) ==
                ["data/income.csv:3:5: error: unterminated quoted field (opened here, never closed)"])
    }

    @Test func strayQuotes() {
        let r = load("id,year,value,qualifier,note\na,2021,1,,ab\"c\nb,2021,2,,\"x\"y\nc,2021,x,,\n")
        #expect(positions(r.diagnostics) == ["2:5", "3:5", "4:3"])
    }

    @Test func duplicateAndUnknownColumns() {
        let r = load("id,year,value,value,qualifier,notes\n")
        #expect(positions(r.diagnostics) == ["1:4", "1:6", "1:7"])
        #expect(r.diagnostics[0].message == "duplicate column 'value' (also column 3)")
        #expect(r.diagnostics[1].message.hasPrefix("unknown column 'notes'"))
        #expect(r.diagnostics[2].message == "missing column 'note' declared in the metadata")
    }

    @Test func missingHeader() {
        let r = load("a,2021,6.78,,\nb,2020,5.75,,\n")
        #expect(r.diagnostics.map(\.description) ==
                ["data/income.csv:1:1: error: missing header row; the first line should be: id,year,value,qualifier,note"])
    }

    @Test func emptyAndHeaderOnlyFiles() {
        #expect(positions(load("").diagnostics) == ["1:1"])
        #expect(load("").diagnostics[0].message.hasPrefix("file is empty"))
        #expect(load("\n\n").diagnostics[0].message.hasPrefix("file is empty"))
        let h = load("id,year,value,qualifier,note\r\n")
        #expect(h.diagnostics.map(\.message) == ["file has a header but no data rows"])
    }

    @Test func invalidUTF8PointsAtTheCell() {
        var bytes = Data("id,year,value,qualifier,note\na,2021,1,,ok\nb,2021,2,,".utf8)
        bytes.append(contentsOf: [0xC0, 0x80])
        let r = loadBytes(bytes)
        #expect(positions(r.diagnostics) == ["3:5"])
        #expect(r.diagnostics[0].message.hasPrefix("file is not valid UTF-8"))
    }

    @Test func gb18030IsRejectedWithAHint() {
        // "村级收入" in GB18030.
        var bytes = Data("id,year,value,qualifier,note\na,2021,1,,".utf8)
        bytes.append(contentsOf: [0xB4, 0xE5, 0xBC, 0xB6, 0xCA, 0xD5, 0xC8, 0xEB, 0x0A])
        let r = loadBytes(bytes)
        #expect(r.diagnostics.map(\.description) == [
            "data/income.csv:2:5: error: file is not valid UTF-8 (it looks like GB18030/GBK); save it as UTF-8 (in Excel: \"CSV UTF-8\")"])
    }

    @Test func utf16IsRejected() {
        var bytes = Data([0xFF, 0xFE])
        bytes.append("id".data(using: .utf16LittleEndian)!)
        #expect(loadBytes(bytes).diagnostics.first?.message.hasPrefix("file is UTF-16") == true)
    }

    @Test func unknownSectionIsAnError() {
        let yaml = """
        title: t
        columns:
          - {name: id, type: id}
          - {name: section, type: text}
        """
        let r = DatasetLoader(reportDate: reportDate, sections: ["导语"]).load(
            name: "x", csv: Data("id,section\na,导语\nb,前言\n".utf8), csvPath: "x.csv", yaml: Data(yaml.utf8), yamlPath: "x.yaml")
        #expect(positions(r.diagnostics) == ["3:2"])
    }
}
