import Foundation
import Testing
@testable import ReportData

/// Metadata problems carry the YAML line and column.
@Suite struct YAMLValidationTests {
    @Test func unknownKeyPointsAtTheKey() {
        let yaml = """
        title: t
        columns:
          - name: id
            type: id
            requried: true
        """
        let r = load("id\na\n", yaml: yaml)
        #expect(r.diagnostics.count == 1)
        #expect(r.diagnostics[0].file == "data/income.yaml")
        #expect(positions(r.diagnostics) == ["5:5"])
        #expect(r.diagnostics[0].message.hasPrefix("unknown key 'requried'"))
    }

    @Test func unknownTopLevelKeyAndBadType() {
        let r1 = load("id\na\n", yaml: "title: t\ncolumns: []\ntitel: x\n")
        #expect(positions(r1.diagnostics) == ["3:1"])
        let r2 = load("id\na\n", yaml: "title: t\ncolumns:\n  - {name: id, type: integer}\n")
        #expect(positions(r2.diagnostics) == ["3:22"])
        let r3 = load("id\na\n", yaml: "columns: []\n")
        #expect(r3.diagnostics.map(\.message) == ["missing key 'title'"])
    }

    @Test func syntaxErrorHasAPosition() {
        let r = load("id\na\n", yaml: "title: t\ncolumns: [\n  {name: id\n")
        #expect(r.diagnostics.count == 1)
        #expect(r.diagnostics[0].message.hasPrefix("YAML syntax"))
        #expect(r.diagnostics[0].line > 1)
    }

    @Test func inconsistentColumnReferences() {
        let yaml = """
        title: t
        columns:
          - {name: id, type: id}
          - {name: value, type: number, unit_column: note}
          - {name: note, type: text}
        """
        let r = load("id,value,note\na,1,x\n", yaml: yaml)
        #expect(r.diagnostics.map(\.description) ==
                ["data/income.yaml:4:46: error: unit_column 'note' must name a column of type unit"])
    }

    @Test func duplicateKeys() {
        let r = load("id\na\n", yaml: "title: t\ncolumns: []\ntitle: u\n")
        #expect(r.diagnostics.count == 1)
        #expect(r.diagnostics[0].message.contains("title"))
    }

    @Test func anchorsAreRejected() {
        let yaml = "title: &t x\ncolumns: []\ndescription: *t\n"
        let r = load("id\na\n", yaml: yaml)
        #expect(r.diagnostics.map(\.message) == ["YAML anchors and aliases (&name, *name) are not allowed in metadata"])
        #expect(positions(r.diagnostics) == ["1:8"])
    }

    @Test func oversizedMetadataIsRejectedBeforeParsing() {
        let big = "title: t\ncolumns: []\ndescription: \"" + String(repeating: "x", count: YAMLLoader.maxBytes) + "\"\n"
        #expect(load("id\na\n", yaml: big).diagnostics.first?.message.hasPrefix("metadata file is") == true)
    }
}
