import Foundation
import Testing
@testable import ReportComposer
import ReportData

/// Typed decoding of report.yaml: wrong values said in the user's words at their line and
/// column, every one of them in one run.
@Suite struct TemplateDecodingTests {
    static func decode(_ yaml: String) -> (TemplateFile?, [Diagnostic]) {
        YAMLLoader.decodeAll(TemplateFile.self, data: Data(yaml.utf8), file: "report.yaml")
    }
    static func messages(_ yaml: String) -> [String] { decode(yaml).1.map(\.description) }

    @Test func everyWrongValueIsReportedAtOnce() {
        let yaml = """
        report: {title: t}
        theme: dark
        layout:
          numbering: roman
          bodySize: 0
        charts:
          - id: a
            type: bar
            dataset: figures
            orientation: horizonal
            sort: descnding
            report_height: .nan
        """
        let m = Self.messages(yaml)
        #expect(m.count == 6, "\(m)")
        #expect(m.contains { $0.hasPrefix("report.yaml:2:8: error: theme: \"dark\" is not a theme (allowed: standard)") })
        #expect(m.contains { $0.hasPrefix("report.yaml:4:14: error: numbering: \"roman\" is not a heading numbering") })
        #expect(m.contains { $0.hasPrefix("report.yaml:5:13: error: bodySize 0 pt is out of range") })
        #expect(m.contains { $0.hasPrefix("report.yaml:10:18: error: orientation: \"horizonal\"") && $0.hasSuffix("did you mean \"horizontal\"?") })
        #expect(m.contains { $0.hasPrefix("report.yaml:11:11: error: sort: \"descnding\"") && $0.hasSuffix("did you mean \"descending\"?") })
        #expect(m.contains { $0.hasPrefix("report.yaml:12:20: error: report_height is NaN; it must be a finite number") })
    }

    @Test func noSwiftWordsInMessages() {
        let m = Self.messages("report: {title: t}\ncharts:\n  - {id: a, type: pie3d, dataset: d}\n")
        #expect(m == ["report.yaml:3:19: error: type: \"pie3d\" is not a chart type (allowed: bar, timeline)"], "\(m)")
        let t = Self.messages("report: {title: [a, b]}\n")
        #expect(t.count == 1 && !t[0].contains("String") && t[0].contains("report.title must be a single value"), "\(t)")
    }

    @Test func duplicateKeyIsReportedAtItsSecondOccurrence() {
        let m = Self.messages("report:\n  title: a\n  subtitle: b\n  title: c\n")
        #expect(m.first?.hasPrefix("report.yaml:4:3: error: duplicate key \"title\"") == true, "\(m)")
        let nested = Self.messages("report: {title: t}\ncharts:\n  - id: a\n    type: bar\n    dataset: d\n  - id: b\n    type: bar\n    dataset: d\n    type: timeline\n")
        #expect(nested.first?.hasPrefix("report.yaml:9:5: error: duplicate key \"type\"") == true, "\(nested)")
    }

    @Test func hugeAndNonFiniteNumbersAreRangeErrors() {
        for value in ["1e300", ".inf", "-5", ".nan", "99999999999999999999"] {
            let m = Self.messages("report: {title: t}\nlayout:\n  pageSize: {width: \(value), height: 800}\n")
            #expect(m.count == 1 && m[0].hasPrefix("report.yaml:3:21: error: width "), "\(value): \(m)")
        }
        let r = Self.messages("report: {title: t}\ncharts:\n  - {id: a, type: bar, dataset: d, reference_lines: [{value: .nan, label: x}]}\n")
        #expect(r.count == 1 && r[0].contains("finite number"), "\(r)")
    }

    @Test func idsAreValidatedAtDecodeTime() {
        for bad in ["../../escaped", "/abs", "a b", "", "-lead", String(repeating: "x", count: 65), "名字", "a\\u0000b"] {
            let m = Self.messages("report: {title: t}\ncharts:\n  - {id: \"\(bad)\", type: bar, dataset: d}\n")
            #expect(m.count == 1 && m[0].contains("ids match [A-Za-z0-9][A-Za-z0-9_-]{0,63}") && m[0].hasPrefix("report.yaml:3:"), "\(bad): \(m)")
        }
        for good in ["a", "A-1_b", String(repeating: "x", count: 64)] {
            #expect(Self.messages("report: {title: t}\ncharts:\n  - {id: \(good), type: bar, dataset: d}\n").isEmpty)
        }
    }

    @Test func invisibleCharactersAreRejectedAndShownEscaped() {
        let m = Self.messages("report: {title: \"临平\\u200B报告\"}\n")
        #expect(m.count == 1 && m[0].contains("\\u{200B}") && m[0].contains("U+200B"), "\(m)")
        let nul = Self.messages("report: {title: \"a\\0b\"}\n")
        #expect(nul.count == 1 && nul[0].contains("\\u{0}"), "\(nul)")
        // Prose may hold line breaks.
        #expect(Self.messages("report: {title: t}\nsections:\n  - title: s\n    blocks:\n      - text: \"一\\n二\"\n").isEmpty)
    }

    @Test func keysThatDoNotApplyAreErrors() {
        let m = Self.messages("report: {title: t}\ncharts:\n  - {id: a, type: bar, dataset: d, lanes: [x]}\n")
        #expect(m.count == 1 && m[0].contains("lanes does not apply to a bar chart"), "\(m)")
    }

    /// Property: a random single-letter typo of an allowed word is suggested back.
    @Test func typosOfEnumerationWordsGetASuggestion() {
        var rng = SystemRandomNumberGenerator()
        let words = ["horizontal", "vertical", "automatic", "descending", "ascending", "grouped", "stacked", "timeline"]
        for _ in 0..<2000 {
            let w = words.randomElement(using: &rng)!
            var chars = Array(w)
            let i = Int.random(in: 0..<chars.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: chars.remove(at: i)
            case 1: chars[i] = Character(UnicodeScalar(UInt8.random(in: 97...122, using: &rng)))
            default: chars.insert(Character(UnicodeScalar(UInt8.random(in: 97...122, using: &rng))), at: i)
            }
            let typo = String(chars)
            guard !words.contains(typo) else { continue }
            let s = DidYouMean.suggestion(for: typo, in: words)
            #expect(s != nil, "\(typo) → nil")
        }
        #expect(DidYouMean.suggestion(for: "pie3d", in: ["bar", "timeline"]) == nil)
    }
}
