import Foundation
import Testing
import TestSupport

/// Issue 20, the corpus beyond the reported one: inputs an acceptance run would try (line ends,
/// encodings, number and date spellings, YAML bombs and tags, special files, invisible and
/// combining characters, Mustache partials ...), each applied to a small template. Every case
/// ends either in a positioned error (exit 1, not a signal, from `render` and `check` alike, the
/// output folder untouched) or in a correct render. scripts/hostile_corpus.py runs the same
/// inputs against the release build with timings.
@Suite struct HostileCorpusTests {
    enum Outcome: Sendable {
        /// Exit 1 with this text on stderr (a `path:line:column: error:` line).
        case refused(String)
        case renders
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var change: @Sendable (URL) throws -> Void
        var outcome: Outcome
        var testDescription: String { name }
    }

    static let works = "data/works.csv", metrics = "data/metrics.csv", report = "report.yaml"

    static let cases: [Case] = csvCases + numberAndDateCases + yamlCases + fileCases + textCases

    static let csvCases: [Case] = [
        Case(name: "CRLF line ends", change: { try transform($0, metrics) { $0.replacingOccurrences(of: "\n", with: "\r\n") } }, outcome: .renders),
        Case(name: "CR-only line ends", change: { try transform($0, metrics) { $0.replacingOccurrences(of: "\n", with: "\r") } }, outcome: .renders),
        Case(name: "UTF-8 BOM", change: { try transformBytes($0, metrics) { [0xEF, 0xBB, 0xBF] + $0 } }, outcome: .renders),
        Case(name: "UTF-16 with BOM", change: { try transformBytes($0, metrics) { [0xFF, 0xFE] + utf16LE($0) } },
             outcome: .refused("metrics.csv:1:1: error: file is UTF-16; save it as UTF-8")),
        Case(name: "UTF-16 without BOM", change: { try transformBytes($0, metrics) { utf16LE($0) } },
             outcome: .refused("metrics.csv:2:2: error: file is not valid UTF-8")),
        Case(name: "only a BOM", change: { try set($0, metrics, [0xEF, 0xBB, 0xBF]) },
             outcome: .refused("metrics.csv:1:1: error: file is empty; expected a header row")),
        Case(name: "invalid UTF-8 in a cell", change: { try transformBytes($0, works) { replace($0, Array("西区".utf8), [0xFF, 0xFE]) } },
             outcome: .refused("works.csv:3:3: error: file is not valid UTF-8")),
        Case(name: "quoted cell with a line break in a chart label", change: { try edit($0, works, "西区管网改造", "\"西区管网\n改造\"") },
             outcome: .refused("works.csv:3:3: error: chart 'works': the label cell")),
        Case(name: "quoted multi-line cell past the cell limit", change: { try edit($0, works, "西区管网改造", "\"" + String(repeating: "长\n", count: 30_000) + "\"") },
             outcome: .refused("works.csv:3:3: error: cell is longer than 65536 bytes (the limit)")),
        Case(name: "unterminated quote at the end of the file", change: { try transform($0, works) { $0 + "x,工程,\"未闭合,2023,done\n" } },
             outcome: .refused("works.csv:5:3: error: unterminated quoted field (opened here, never closed)")),
        Case(name: "10,000 columns", change: { try set($0, metrics, Array(((["id"] + (0..<10_000).map { "c\($0)" }).joined(separator: ",") + "\nx\n").utf8)) },
             outcome: .refused("metrics.csv:1:1002: error: row has more than 1000 fields (the limit)")),
        Case(name: "duplicate column names", change: { try edit($0, metrics, "id,section,label", "id,label,label") },
             outcome: .refused("metrics.csv:1:3: error: duplicate column 'label' (also column 2)")),
        Case(name: "header only", change: { try set($0, metrics, Array("id,section,label,value,unit,qualifier,date\n".utf8)) },
             outcome: .refused("metrics.csv:1:1: error: file has a header but no data rows")),
        Case(name: "a column named like a YAML key", change: { try edit($0, metrics, "id,section", "\"title: x\",section") },
             outcome: .refused("metrics.csv:1:1: error: unknown column 'title: x'")),
        Case(name: "a row with an extra field", change: { try edit($0, metrics, ",万吨,,2022\n", ",万吨,,2022,extra\n") },
             outcome: .refused("metrics.csv:2:8: error: row has 8 fields but the header has 7")),
    ]

    static func number(_ text: String) -> @Sendable (URL) throws -> Void { { try edit($0, metrics, "\"3,150.5\"", text) } }
    static func date(_ text: String) -> @Sendable (URL) throws -> Void { { try edit($0, works, "2023年3月", text) } }

    static let numberAndDateCases: [Case] = [
        Case(name: "misplaced thousands separators", change: number("\"31,50.5\""), outcome: .refused("metrics.csv:2:4: error: \"31,50.5\" has misplaced thousands separators")),
        Case(name: "Arabic-Indic digits", change: number("١٢٣"), outcome: .refused("metrics.csv:2:4: error: \"١٢٣\" is not a number")),
        Case(name: "double minus", change: number("--3"), outcome: .refused("metrics.csv:2:4: error: \"--3\" is not a number")),
        Case(name: "hexadecimal", change: number("0x10"), outcome: .refused("metrics.csv:2:4: error: \"0x10\" is hexadecimal")),
        Case(name: "underscore digit groups", change: number("1_000"), outcome: .refused("metrics.csv:2:4: error: \"1_000\" is not a number")),
        Case(name: "1e308", change: number("1e308"), outcome: .refused("metrics.csv:2:4: error: \"1e308\" is too large")),
        Case(name: "NaN", change: number("NaN"), outcome: .refused("metrics.csv:2:4: error: \"NaN\" is not a finite number")),
        Case(name: "inf", change: number("inf"), outcome: .refused("metrics.csv:2:4: error: \"inf\" is not a finite number")),
        Case(name: "February 30", change: date("2022-02-30"), outcome: .refused("works.csv:2:4: error: \"2022-02-30\" is not a valid calendar date")),
        Case(name: "month 13", change: date("2022-13-01"), outcome: .refused("works.csv:2:4: error: \"2022-13-01\" is not a valid calendar date")),
        Case(name: "a negative year", change: date("-0001-01-01"), outcome: .refused("works.csv:2:4: error: \"-0001-01-01\" is not a date")),
        Case(name: "year 0", change: date("0000-01-01"), outcome: .refused("works.csv:2:4: error: \"0000-01-01\" is not a valid calendar date")),
        Case(name: "year 9999 on a timeline", change: { try edit($0, works, "2024年6月", "9999-12-31") }, outcome: .renders),
        Case(name: "year 1 on a timeline", change: date("0001-01-01"), outcome: .renders),
    ]

    static func billionLaughs() -> String {
        var bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1..<10 { bomb += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n" }
        return bomb
    }

    static let yamlCases: [Case] = [
        Case(name: "billion laughs", change: { try transform($0, report) { $0 + billionLaughs() } },
             outcome: .refused("report.yaml:42:5: error: YAML anchors and aliases (&name, *name) are not allowed")),
        Case(name: "10,000 nested lists", change: { try transform($0, report) { $0 + "deep: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n" } },
             outcome: .refused("report.yaml:42:8: error: YAML syntax: Maximum nesting level reached")),
        Case(name: "!!binary tag", change: { try edit($0, report, "  author: 测试", "  author: !!binary aGVsbG8=") },
             outcome: .refused("report.yaml:3:11: error: YAML tag !!binary is not allowed")),
        Case(name: "!!python/object tag", change: { try edit($0, report, "  author: 测试", "  author: !!python/object:os.system [ls]") },
             outcome: .refused("report.yaml:3:11: error: YAML tag !!python/object:os.system is not allowed")),
        Case(name: "a local tag", change: { try edit($0, report, "  author: 测试", "  author: !shell rm") },
             outcome: .refused("report.yaml:3:11: error: YAML tag !shell is not allowed")),
        Case(name: "duplicate key", change: { try edit($0, report, "  author: 测试", "  author: 测试\n  author: 二") },
             outcome: .refused("report.yaml:4:3: error: duplicate key \"author\"")),
        Case(name: "tab indentation", change: { try edit($0, report, "  author: 测试", "\tauthor: 测试") },
             outcome: .refused("report.yaml:3:1: error: YAML syntax: found a tab character")),
        Case(name: "a NUL escape", change: { try edit($0, report, "  author: 测试", "  author: \"测\\0试\"") },
             outcome: .refused("report.yaml:3:11: error: author \"测\\u{0}试\" contains the invisible character")),
        Case(name: "a lone surrogate escape", change: { try edit($0, report, "  author: 测试", "  author: \"测\\uD800试\"") },
             outcome: .refused("report.yaml:3:15: error: YAML syntax: found invalid Unicode character escape code")),
        Case(name: "an empty report.yaml", change: { try set($0, report, []) }, outcome: .refused("report.yaml:1:1: error:")),
        Case(name: "report.yaml a list", change: { try set($0, report, Array("- a\n- b\n".utf8)) },
             outcome: .refused("report.yaml:1:1: error: the file must be a mapping (key: value)")),
        Case(name: "10,001 record ids on one line", change: { try edit($0, report, "records: [supply_2022, supply_2023]", "records: [" + (0...10_000).map { "r\($0)" }.joined(separator: ", ") + "]") },
             outcome: .refused("report.yaml:10:1: error: line is longer than 65536 bytes")),
    ]

    static let fileCases: [Case] = [
        Case(name: "a 100 MB report.yaml", change: { try sparse($0, report, 100 << 20) },
             outcome: .refused("report.yaml:1:1: error: the template file is 104857600 bytes; the limit is 1048576 bytes")),
        Case(name: "a 100 MB CSV of NUL bytes", change: { try sparse($0, metrics, 100 << 20) },
             outcome: .refused("metrics.csv:6:1: error: control character U+0000 (NUL) in the cell")),
        Case(name: "report.yaml is a directory", change: { try replace($0, report) { try FileManager.default.createDirectory(at: $0, withIntermediateDirectories: false) } },
             outcome: .refused("report.yaml:1:1: error: the template file is a directory, not a regular file")),
        Case(name: "metadata file is a FIFO", change: { try replace($0, "data/works.yaml") { _ = mkfifo($0.path, 0o644) } },
             outcome: .refused("works.yaml:1:1: error: works.yaml is a FIFO (named pipe), not a regular file")),
        Case(name: "a symlink loop", change: { try replace($0, works) { try FileManager.default.createSymbolicLink(atPath: $0.path, withDestinationPath: "works.csv") } },
             outcome: .refused("works.csv:1:1: error: works.csv cannot be read: Too many levels of symbolic links")),
        Case(name: "a dataset spelled %2e%2e", change: { try edit($0, report, "dataset: works\n", "dataset: \"%2e%2e/data/works\"\n") },
             outcome: .refused("report.yaml:18:14: error: chart 'works': no dataset \"%2e%2e/data/works\"")),
        Case(name: "a dataset spelled with ..", change: { try edit($0, report, "dataset: works\n", "dataset: ../data/works\n") },
             outcome: .refused("report.yaml:18:14: error: chart 'works': no dataset \"../data/works\"")),
    ]

    static let textCases: [Case] = [
        Case(name: "a decomposed chart id", change: { try edit($0, report, "- id: works", "- id: \"cafe\u{301}\"") },
             outcome: .refused("report.yaml:16:9: error: chart id \"café\" is not valid")),
        Case(name: "two charts with one id", change: { try edit($0, report, "- id: works", "- id: supply") },
             outcome: .refused("report.yaml:16:9: error: duplicate chart id 'supply'")),
        Case(name: "a decomposed record id", change: { try edit($0, works, "plant,", "pla\u{301}nt,") },
             outcome: .refused("works.csv:2:1: error: id \"plánt\" may contain only ASCII letters, digits and _")),
        Case(name: "a right-to-left override in a label", change: { try edit($0, works, "西区管网改造", "西区\u{202E}管网改造") },
             outcome: .refused("works.csv:3:3: error: chart 'works': the label cell \"西区\\u{202E}管网改造\" holds the invisible character U+202E")),
        Case(name: "a zero-width space in a label", change: { try edit($0, works, "西区管网改造", "西区\u{200B}管网改造") },
             outcome: .refused("works.csv:3:3: error: chart 'works': the label cell \"西区\\u{200B}管网改造\" holds the invisible character U+200B")),
        Case(name: "10,000 combining marks in a label", change: { try edit($0, works, "西区管网改造", "西区" + String(repeating: "\u{301}", count: 10_000)) },
             outcome: .refused("works.csv:3:3: error: chart 'works': the label cell: text stacks 10000 combining marks on one character")),
        Case(name: "10,000 combining marks in prose", change: { try edit($0, report, "{{report.year}}年全市", "年" + String(repeating: "\u{301}", count: 10_000) + "{{report.year}}年全市") },
             outcome: .refused("report.yaml:26:15: error: text stacks 10000 combining marks on one character")),
        Case(name: "a report title of 10,000 characters", change: { try edit($0, report, "  title: 示例市2023年水务报告", "  title: " + String(repeating: "水", count: 10_000)) },
             outcome: .refused("report.yaml:2:10: error: the report title is 10000 characters long; at most 200 are allowed")),
        Case(name: "a section title of 10,000 characters", change: { try edit($0, report, "    title: 城市供水", "    title: " + String(repeating: "水", count: 10_000)) },
             outcome: .refused("report.yaml:24:12: error: the section title is 10000 characters long")),
        Case(name: "a chart title of 10,000 characters", change: { try edit($0, report, "    title: 年供水量", "    title: " + String(repeating: "水", count: 10_000)) },
             outcome: .refused("report.yaml:12:12: error: chart 'supply': title is 10000 characters long; a chart shows at most 200")),
        Case(name: "a chart caption referring to itself", change: { try edit($0, report, "    caption: 示例市年供水量", "    caption: 示例市年供水量（见[[supply]]）") },
             outcome: .renders),
        Case(name: "a Mustache partial", change: { try edit($0, report, "{{report.year}}年全市", "{{> ../../etc/passwd}}{{report.year}}年全市") },
             outcome: .refused("report.yaml:27:11: error: Mustache partials ({{> name}}) are not supported")),
        Case(name: "a Mustache delimiter change", change: { try edit($0, report, "{{report.year}}年全市", "{{=<% %>=}}<%report.year%>年全市") },
             outcome: .refused("report.yaml:27:11: error: changing the Mustache delimiters ({{= =}}) is not supported")),
        Case(name: "50 nested Mustache sections", change: { try edit($0, report, "{{report.year}}年全市", String(repeating: "{{#report}}", count: 50) + String(repeating: "{{/report}}", count: 50) + "{{report.year}}年全市") },
             outcome: .renders),
        // The Mustache parser recurses per level: 500 levels overflowed the stack under ASan.
        Case(name: "60 nested Mustache sections", change: { try edit($0, report, "{{report.year}}年全市", String(repeating: "{{#report}}", count: 60) + String(repeating: "{{/report}}", count: 60) + "{{report.year}}年全市") },
             outcome: .refused("error: Mustache sections nested more than 50 levels deep are not supported")),
        Case(name: "an unclosed Mustache section", change: { try edit($0, report, "{{report.year}}年全市", "{{#report}}{{report.year}}年全市") },
             outcome: .refused("report.yaml:27:128: error: template syntax")),
        Case(name: "1 MB of prose", change: { try edit($0, report, "{{report.year}}年全市", String(repeating: "很长", count: 200_000) + "{{report.year}}年全市") },
             outcome: .refused("bytes; the limit is 1048576 bytes")),
    ]

    @Test(arguments: cases) func endsInAPositionedErrorOrARender(_ c: Case) throws {
        let tmp = try TempDir(prefix: "corpus")
        let template = try tmp.write(SecondTemplateTests.files, into: "water")
        let out = tmp.file("out")
        // The output folder a failed run must leave alone: a successful render of the unchanged template.
        let first = try ReportBinary.run(["render", template.path, "--out", out.path, "--format", "svg"])
        try #require(first.status == 0, "\(first.all)")
        try c.change(template)
        let before = OutputSnapshot(out)
        let r = try ReportBinary.run(["render", template.path, "--out", out.path, "--format", "svg", "--force"])
        let check = try ReportBinary.run(["check", template.path])
        #expect(r.exited && check.exited, "killed by a signal: \(r.all) \(check.all)")
        switch c.outcome {
        case .renders:
            #expect(r.status == 0, "\(r.all)")
            #expect(check.status == 0, "check: \(check.all)")
            #expect(!r.stderr.contains("error:"), "\(r.stderr)")
        case .refused(let expected):
            #expect(r.status == 1, "\(r.all)")
            #expect(r.stderr.contains(expected), "expected \(expected) in:\n\(r.stderr)")
            #expect(check.status == 1, "check: \(check.all)")
            #expect(check.stderr.contains(expected), "check: expected \(expected) in:\n\(check.stderr)")
            let after = OutputSnapshot(out)
            #expect(after == before, "changed: \(after.changed(from: before).sorted()), touched: \(after.touched(since: before).sorted())")
        }
    }

    // MARK: - Edits

    static func url(_ t: URL, _ rel: String) -> URL { t.appendingPathComponent(rel) }

    static func edit(_ t: URL, _ rel: String, _ old: String, _ new: String) throws {
        try transform(t, rel) { text in
            guard let r = text.range(of: old) else { Issue.record("\(rel) has no \(old)"); return text }
            return text.replacingCharacters(in: r, with: new)
        }
    }

    static func transform(_ t: URL, _ rel: String, _ change: (String) -> String) throws {
        let text = try String(contentsOf: url(t, rel), encoding: .utf8)
        try Data(change(text).utf8).write(to: url(t, rel))
    }

    static func transformBytes(_ t: URL, _ rel: String, _ change: ([UInt8]) -> [UInt8]) throws {
        try set(t, rel, change([UInt8](try Data(contentsOf: url(t, rel)))))
    }

    static func set(_ t: URL, _ rel: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: url(t, rel)) }

    static func replace(_ t: URL, _ rel: String, with make: (URL) throws -> Void) throws {
        try FileManager.default.removeItem(at: url(t, rel))
        try make(url(t, rel))
    }

    /// Grows a file to `size` bytes without writing them (a sparse file of NUL bytes).
    static func sparse(_ t: URL, _ rel: String, _ size: Int) throws {
        let h = try FileHandle(forWritingTo: url(t, rel))
        try h.truncate(atOffset: UInt64(size))
        try h.close()
    }

    static func utf16LE(_ bytes: [UInt8]) -> [UInt8] {
        String(decoding: bytes, as: UTF8.self).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    static func replace(_ bytes: [UInt8], _ old: [UInt8], _ new: [UInt8]) -> [UInt8] {
        guard let i = (0...(bytes.count - old.count)).first(where: { Array(bytes[$0..<$0 + old.count]) == old }) else { return bytes }
        return Array(bytes[..<i]) + new + Array(bytes[(i + old.count)...])
    }
}
