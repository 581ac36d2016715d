import Foundation
import Testing
@testable import ReportComposer

/// docs/template-reference.md documents every key the template decoder accepts: each key of
/// each decodable template type is a table row (`| \`key\` |`) in the section for that type.
@Suite struct TemplateReferenceDocTests {
    static let doc: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/template-reference.md"), encoding: .utf8)) ?? ""
    }()

    /// (heading that starts the part of the doc, the part's end marker, the type's keys).
    static let types: [(String, String, String, [String])] = [
        ("top level", "## Top level", "## ", TemplateFile.CodingKeys.allCases.map(\.rawValue)),
        ("report", "## `report:`", "## ", TemplateInfo.CodingKeys.allCases.map(\.rawValue)),
        ("layout", "## `layout:`", "`pageSize` keys:", LayoutSettings.Keys.allCases.map(\.rawValue)),
        ("pageSize", "`pageSize` keys:", "`margins` keys:", PageSizeTemplate.CodingKeys.allCases.map(\.rawValue)),
        ("margins", "`margins` keys:", "## ", Margins.Keys.allCases.map(\.rawValue)),
        ("charts", "## `charts:`", "`series` entries:", ChartDefinition.CodingKeys.allCases.map(\.rawValue)),
        ("series", "`series` entries:", "`reference_lines` entries:", ChartDefinition.Series.CodingKeys.allCases.map(\.rawValue)),
        ("reference_lines", "`reference_lines` entries:", "Timelines", ChartDefinition.Reference.CodingKeys.allCases.map(\.rawValue)),
        ("sections", "## `sections:`", "Each block is", SectionTemplate.CodingKeys.allCases.map(\.rawValue)),
        ("blocks", "Each block is", "`table:` keys:", BlockTemplate.CodingKeys.allCases.map(\.rawValue)),
        ("table", "`table:` keys:", "`columns` entries:", TableTemplate.CodingKeys.allCases.map(\.rawValue)),
        ("columns", "`columns` entries:", "## ", TableTemplate.Column.CodingKeys.allCases.map(\.rawValue)),
    ]

    static func part(from start: String, to end: String) -> Substring? {
        guard let s = doc.range(of: start) else { return nil }
        let rest = doc[s.upperBound...]
        let e = rest.range(of: end)?.lowerBound ?? rest.endIndex
        return rest[..<e]
    }

    @Test(arguments: types.map(\.0))
    func everyDecodedKeyIsDocumented(type: String) throws {
        let (_, start, end, keys) = try #require(Self.types.first { $0.0 == type })
        #expect(!keys.isEmpty)
        // Bar and timeline keys are documented in tables after the chart's own.
        let text = type == "charts" ? Self.part(from: start, to: "## `sections:`") : Self.part(from: start, to: end)
        let part = try #require(text, "docs/template-reference.md has no part \(start)")
        for key in keys {
            #expect(part.contains("| `\(key)` |"), "key '\(key)' of \(type) is decoded but not documented in docs/template-reference.md")
        }
    }

    /// The decoder refuses what the doc does not list: an undocumented key cannot sneak in.
    @Test func unknownKeysAreRejected() throws {
        let yaml = "report: {title: x, titel: y}\n"
        let (value, diags) = ReportDataShim.decode(yaml)
        #expect(value == nil)
        #expect(diags.first?.message.contains("did you mean 'title'") == true, "\(diags)")
    }
}

import ReportData
enum ReportDataShim {
    static func decode(_ yaml: String) -> (TemplateFile?, [Diagnostic]) {
        YAMLLoader.decodeAll(TemplateFile.self, data: Data(yaml.utf8), file: "report.yaml")
    }
}
