import Foundation
import Testing
import TestSupport

/// Issue 14: every mistake a new user makes in a template is caught by `report check` and by
/// `report render` at its file:line:column, in the user's words, with a non-zero exit, and
/// nothing is written (neither into the output folder nor anywhere else in the project).
@Suite struct TemplateMistakeTests {
    /// One mistake: how to make it, and where and what the error is.
    struct Mistake: Sendable, CustomTestStringConvertible {
        var name: String
        /// report.yaml text edit (first occurrence), or a CSV cell edit.
        var replace: (String, String)? = nil
        var cell: (dataset: String, id: String, column: String, value: String)? = nil
        var catalog: (String, String)? = nil
        /// Where the error must point: the line of report.yaml holding `line`, at the column where
        /// `column` starts on it; or the edited cell; or catalog.yaml.
        var line: String = ""
        var column: String = ""
        var message: [String]
        /// Words that must not appear (Swift's own).
        var not: [String] = ["Cannot initialize", "Swift.", "DecodingError", "codingPath"]
        var testDescription: String { name }
    }

    static let mistakes: [Mistake] = [
        Mistake(name: "theme typo", replace: ("theme: standard", "theme: no-such-theme"), line: "theme: no-such-theme",
                column: "no-such-theme", message: ["\"no-such-theme\" is not a theme (allowed: standard)"]),
        Mistake(name: "orientation typo", replace: ("orientation: horizontal", "orientation: horizonal"), line: "orientation: horizonal",
                column: "horizonal", message: ["is not an orientation (allowed: automatic, vertical, horizontal)", "did you mean \"horizontal\"?"]),
        Mistake(name: "mode typo", replace: ("    orientation: horizontal\n", "    orientation: horizontal\n    mode: foo\n"), line: "mode: foo",
                column: "foo", message: ["\"foo\" is not a bar mode (allowed: grouped, stacked)"]),
        Mistake(name: "sort typo", replace: ("sort: descending", "sort: decending"), line: "sort: decending",
                column: "decending", message: ["is not a sort order", "did you mean \"descending\"?"]),
        Mistake(name: "export typo", replace: ("    report_height: 260\n", "    report_height: 260\n    export: slides\n"), line: "export: slides",
                column: "slides", message: ["is not an export preset (allowed: slide, report, none)", "did you mean \"slide\"?"]),
        Mistake(name: "status typo", cell: ("events", "prepared_meals_full_line", "status", "plannd"),
                message: ["\"plannd\" is not allowed in column status", "did you mean \"planned\"?"]),
        Mistake(name: "month 13", replace: ("  date: 2022-06", "  date: 2022-13"), line: "  date: 2022-13", column: "2022-13",
                message: ["report date \"2022-13\""]),
        Mistake(name: "year 0", replace: ("  date: 2022-06", "  date: 0000-06"), line: "  date: 0000-06", column: "0000-06",
                message: ["report date \"0000-06\""]),
        Mistake(name: "broken reference", replace: ("[[village-average]]", "[[village-averag]]"), line: "[[village-averag]]",
                column: "[[village-averag]]", message: ["[[village-averag]]", "did you mean \"village-average\"?"]),
        Mistake(name: "report_height below range", replace: ("report_height: 250", "report_height: 12"), line: "report_height: 12",
                column: "12", message: ["report_height 12 pt is out of range: it must be between 40 and 2000 pt"]),
        // A bar chart grows taller to name every bar (up to 680 pt); a height below the minimum is an error.
        Mistake(name: "report_height below the minimum", replace: ("report_height: 250", "report_height: 45"), line: "report_height: 45",
                column: "45", message: ["report_height", "between 50 and"]),
        // A timeline figure, like a bar chart, grows (up to 680 pt) to the height that names every
        // event, so a small report_height is no mistake; one below the range is.
        Mistake(name: "timeline height below the range", replace: ("report_height: 330", "report_height: 30"), line: "report_height: 30",
                column: "30", message: ["report_height 30 pt is out of range", "between 40 and 2000"]),
        Mistake(name: "figure taller than the page", replace: ("report_height: 330", "report_height: 1900"), line: "report_height: 1900",
                column: "1900", message: ["chart 'milestones': report_height 1900 pt does not fit the text column"]),
        Mistake(name: "unknown chart type", replace: ("    type: timeline", "    type: pie3d"), line: "type: pie3d", column: "pie3d",
                message: ["\"pie3d\" is not a chart type (allowed: bar, timeline)"]),
        Mistake(name: "duplicate key", replace: ("    report_height: 330\n", "    report_height: 330\n    caption: 又一个\n"), line: "caption: 又一个",
                column: "caption", message: ["duplicate key \"caption\""]),
        Mistake(name: "huge page size", replace: ("  pageNumbers: dashed\n", "  pageNumbers: dashed\n  pageSize: {width: 1e300, height: 842}\n"),
                line: "pageSize: {width: 1e300", column: "1e300", message: ["width 1e+300 pt is out of range"]),
        Mistake(name: "path in a chart id", replace: ("  - id: milestones", "  - id: ../../escaped"), line: "id: ../../escaped",
                column: "../../escaped", message: ["chart id \"../../escaped\" is not valid: ids match [A-Za-z0-9][A-Za-z0-9_-]{0,63}"]),
        Mistake(name: "NaN reference line", replace: ("report_height: 250", "report_height: 250\n    reference_lines: [{value: .nan, label: 标准}]"),
                line: "reference_lines: [{value: .nan", column: ".nan", message: ["value is NaN; it must be a finite number"]),
        Mistake(name: "invisible character in a caption", replace: ("caption: 重点工作时间轴", "caption: 重点\u{200B}工作时间轴"),
                line: "caption: 重点\u{200B}", column: "重点", message: ["U+200B", "\\u{200B}"]),
        Mistake(name: "pasted paragraph as a label", cell: ("events", "prepared_meals_full_line", "label", String(repeating: "很长的标签", count: 2000)),
                message: ["a chart label may have at most 200"]),
        Mistake(name: "misspelt key", replace: ("    caption: 重点工作时间轴", "    captoin: 重点工作时间轴"), line: "captoin:", column: "captoin",
                message: ["unknown key 'captoin'", "did you mean 'caption'?"]),
        Mistake(name: "source text outside the template", catalog: ("path: source.txt", "path: ../../../../shared/seed/000_786ed255b4b6f8ad.txt"),
                line: "path: ../", column: "../", message: ["must be a file inside the data folder"]),
        Mistake(name: "highlight of a record the chart does not show", replace: ("highlight: [village_income_average]", "highlight: [village_income_averag]"),
                line: "highlight: [village_income_averag]", column: "[village_income_averag]",
                message: ["highlight names record 'village_income_averag', which the chart does not show", "did you mean \"village_income_average\"?"]),
        Mistake(name: "dataset typo", replace: ("    dataset: events\n", "    dataset: event\n"), line: "dataset: event", column: "event",
                message: ["no dataset \"event\"", "did you mean \"events\"?"]),
        Mistake(name: "table column typo", replace: ("{column: kind, title: 类型", "{column: knd, title: 类型"), line: "{column: knd",
                column: "knd", message: ["dataset 'transport' has no column 'knd'", "did you mean \"kind\"?"]),
        Mistake(name: "invisible character in a label cell", cell: ("events", "prepared_meals_full_line", "label", "预制餐\u{200B}项目"),
                message: ["U+200B"]),
        Mistake(name: "pasted paragraph in a table cell", cell: ("transport", "donghu_elevated", "name", String(repeating: "高架路", count: 1000)),
                message: ["a table cell may have at most 1000"]),
        Mistake(name: "font family not installed", replace: ("  pageNumbers: dashed\n", "  pageNumbers: dashed\n  bodyFamily: No Such Serif\n"),
                line: "bodyFamily: No Such Serif", column: "No Such Serif", message: ["bodyFamily: font family \"No Such Serif\" is not installed"]),
        Mistake(name: "page_break false", replace: ("      - figure: milestones", "      - page_break: false"), line: "- page_break: false",
                column: "false", message: ["page_break: false does nothing"]),
        Mistake(name: "figure of an unknown chart", replace: ("- figure: milestones", "- figure: milestone"), line: "- figure: milestone",
                column: "milestone", message: ["no chart \"milestone\" in charts; did you mean \"milestones\"?"]),
    ]

    @Test(arguments: mistakes)
    func mistakeIsCaughtAtItsPosition(_ m: Mistake) throws {
        let copy = try TemplateCopy()
        let yamlURL = copy.template.appendingPathComponent("report.yaml")
        if let (old, new) = m.replace { try copy.editReport(replacing: old, with: new) }
        var expected: String
        if let c = m.cell {
            let pos = try copy.position(dataset: c.dataset, id: c.id, column: c.column)
            try copy.setCell(dataset: c.dataset, id: c.id, column: c.column, to: c.value)
            expected = "linping-annual/data/\(c.dataset).csv:\(pos.line):\(pos.column): error: "
        } else if let (old, new) = m.catalog {
            let url = copy.data.appendingPathComponent("catalog.yaml")
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
            expected = try "linping-annual/data/catalog.yaml:" + Self.position(of: m.line, at: m.column, in: url) + ": error: "
        } else {
            expected = try "linping-annual/report.yaml:" + Self.position(of: m.line, at: m.column, in: yamlURL) + ": error: "
        }
        // An earlier good output that must stay as it was.
        let out = copy.root.file("Output/linping-annual")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("charts"), withIntermediateDirectories: true)
        try Data("earlier report".utf8).write(to: out.appendingPathComponent("report.pdf"))
        try Data("<svg/>".utf8).write(to: out.appendingPathComponent("charts/milestones.svg"))
        let before = OutputSnapshot(copy.root.url)

        for command in [["check", "linping-annual"], ["render", "linping-annual", "--out", "Output"]] {
            let r = try ReportBinary.run(command, in: copy.root.url)
            #expect(r.status == 1, "\(command[0]) \(m.name): exit \(r.status)\n\(r.all)")
            let line = r.stderr.split(separator: "\n").first { $0.hasPrefix(expected) }
            #expect(line != nil, "\(command[0]) \(m.name): want \(expected)…\n\(r.stderr)")
            for part in m.message { #expect(line?.contains(part) == true, "\(command[0]) \(m.name): want “\(part)” in \(line ?? "")") }
            for word in m.not { #expect(!r.stderr.contains(word), "\(command[0]) \(m.name): Swift's words in \(r.stderr)") }
            let after = OutputSnapshot(copy.root.url)
            #expect(after == before, "\(command[0]) \(m.name) changed \(after.changed(from: before).sorted()) touched \(after.touched(since: before).sorted())")
        }
    }

    /// One run lists every wrong value, each at its own line, and writes nothing.
    @Test func checkReportsEveryWrongValueAtOnce() throws {
        let copy = try TemplateCopy()
        try copy.editReport(replacing: "theme: standard", with: "theme: dark")
        try copy.editReport(replacing: "orientation: horizontal", with: "orientation: sideways")
        try copy.editReport(replacing: "sort: descending", with: "sort: biggest")
        let before = OutputSnapshot(copy.root.url)
        let r = try ReportBinary.run(["check", "linping-annual"], in: copy.root.url)
        #expect(r.status == 1)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 3, "\(r.stderr)")
        #expect(errors.allSatisfy { $0.hasPrefix("linping-annual/report.yaml:") })
        #expect(r.stderr.contains("3 error(s)"))
        #expect(OutputSnapshot(copy.root.url) == before)
    }

    /// A clean check writes nothing either (no Output folder, no lock, no cache).
    @Test func cleanCheckWritesNothing() throws {
        let copy = try TemplateCopy()
        let before = OutputSnapshot(copy.root.url)
        let r = try ReportBinary.run(["check", "linping-annual"], in: copy.root.url)
        #expect(r.status == 0 && r.stdout == "ok: linping-annual\n", "\(r.all)")
        #expect(OutputSnapshot(copy.root.url) == before)
        #expect(!FileManager.default.fileExists(atPath: copy.root.file("Output").path))
    }

    /// "line:column" of `at` on the first line of `url` that contains `line`.
    static func position(of line: String, at column: String, in url: URL) throws -> String {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(lines.firstIndex { $0.contains(line) }, "no line with \(line)")
        let r = try #require(lines[row].range(of: column))
        return "\(row + 1):\(lines[row].distance(from: lines[row].startIndex, to: r.lowerBound) + 1)"
    }
}
