import Foundation
import Testing
import TestSupport

/// Issue 20: hostile inputs never crash the tool, never make it read outside the template
/// folder (and --data) or write outside the output folder, and never change the output folder
/// when the run fails. Each case runs the built binary and checks the message with its position,
/// a normal exit with status 1 (not a signal), and the output folder byte for byte.
@Suite struct HostileInputTests {
    @Test func chartIdsThatWouldNameFilesOutsideTheFolderAreRefused() throws {
        let f = try HostileFixture()
        let line = try f.line(of: "  - id: milestones", in: "report.yaml")
        // Each is refused at the id by the template decoder (or, behind it, the binder).
        for yaml in ["\"../etc/x\"", "\"a/../../x\"", "/etc/x", "\"\"", "\"mile\\0stones\"", "\".svg\"", "\"-x\"",
                     String(repeating: "a", count: 65)] {
            try f.edit("report.yaml") { $0.replacingOccurrences(of: "  - id: milestones", with: "  - id: \(yaml)") }
            let r = try f.expectRefused("report.yaml:\(line):9: error:")
            #expect(r.stderr.contains("chart id"), "\(yaml): \(r.stderr)")
            try f.restore()
        }
    }

    @Test func inputPathsLeadingOutsideTheTemplateAreRefusedBeforeOpening() throws {
        let f = try HostileFixture()
        try f.replace("data/transport.csv") { try FileManager.default.createSymbolicLink(atPath: $0.path, withDestinationPath: "/etc/passwd") }
        try f.expectRefused("transport.csv:1:1: error: transport.csv leads outside the template and data folders (to /etc/passwd)")
        try f.restore()

        for path in ["/etc/passwd", "../../../../../../../../etc/passwd", "/dev/zero"] {
            try f.edit("data/catalog.yaml") { $0.replacingOccurrences(of: "  path: source.txt", with: "  path: \(path)") }
            try f.expectRefused("error: source path \"\(path)\" must be a file inside the data folder")
            try f.restore()
        }
        // Spelled inside, leading outside: caught when the path is resolved.
        try f.replace("data/source.txt") { try FileManager.default.createSymbolicLink(atPath: $0.path, withDestinationPath: "/etc/passwd") }
        try f.expectRefused("source.txt leads outside the template and data folders (to /etc/passwd)")
        try f.restore()

        try f.replace("report.yaml") { try FileManager.default.createSymbolicLink(atPath: $0.path, withDestinationPath: "/etc/passwd") }
        try f.expectRefused("report.yaml:1:1: error: the template file leads outside the template and data folders (to /etc/passwd)")
        try f.restore()
    }

    @Test func specialFilesAreRefusedSayingWhatTheyAre() throws {
        let f = try HostileFixture()
        // A FIFO would block a reader forever: refused without being opened for reading.
        try f.replace("data/transport.csv") { #expect(mkfifo($0.path, 0o644) == 0) }
        try f.expectRefused("transport.csv:1:1: error: transport.csv is a FIFO (named pipe), not a regular file")
        try f.restore()
        try f.replace("data/transport.csv") { try FileManager.default.createDirectory(at: $0, withIntermediateDirectories: false) }
        try f.expectRefused("transport.csv:1:1: error: transport.csv is a directory, not a regular file")
        try f.restore()
        try f.expectRefused("/dev/zero/:1:1: error: the data folder is a character device, not a folder", extra: ["--data", "/dev/zero"])
        // The data folder itself may not lead elsewhere either.
        let data = f.template.appendingPathComponent("data"), moved = f.copy.root.file("data-moved")
        try FileManager.default.moveItem(at: data, to: moved)
        try FileManager.default.createSymbolicLink(at: data, withDestinationURL: moved)
        try f.expectRefused("error: the data folder leads outside the template and data folders")
        try FileManager.default.removeItem(at: data)
        try FileManager.default.moveItem(at: moved, to: data)
    }

    @Test func anOutputPathThatIsADirectoryFailsBeforeAnyFileIsWritten() throws {
        let f = try HostileFixture(formats: "pdf,svg,png")
        let svg = f.outputs.appendingPathComponent("charts/milestones.svg")
        try FileManager.default.removeItem(at: svg)
        try FileManager.default.createDirectory(at: svg, withIntermediateDirectories: false)
        try f.expectRefused("\(svg.path): error: is a directory, not a file this tool wrote", checkToo: false)
        try FileManager.default.removeItem(at: svg)

        // A charts folder that is a symlink would write elsewhere: refused, nothing lands there.
        let charts = f.outputs.appendingPathComponent("charts"), elsewhere = f.copy.root.file("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: false)
        try FileManager.default.moveItem(at: charts, to: f.copy.root.file("charts-moved"))
        try FileManager.default.createSymbolicLink(at: charts, withDestinationURL: elsewhere)
        try f.expectRefused("\(charts.path): error: is a symbolic link, not a folder", checkToo: false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func badCellsAreErrorsAtTheirCell() throws {
        let f = try HostileFixture()
        let cases: [(column: String, value: String, message: String)] = [
            ("label", "共同\u{0}富裕", "control character U+0000 (NUL) in the cell"),
            ("label", "共同\u{1B}[31m富裕", "control character U+001B (ESC) in the cell"),
            ("label", "共同\u{85}富裕", "control character U+0085 in the cell"),
            ("value", "1e308", "\"1e308\" is too large"),
            ("value", "-1e300", "\"-1e300\" is too large"),
            ("value", "1e-300", "\"1e-300\" is too small"),
            ("date", "0000", "\"0000\" is not a valid calendar date"),
            ("date", "0年", "\"0年\" is not a valid calendar date"),
            // Invisible characters are shown escaped, so the message says what is wrong.
            ("value", "\u{FEFF}10", "\"\\u{FEFF}10\" is not a number"),
            ("value", "1\u{A0}0", "\"1\\u{A0}0\" is not a number"),
        ]
        for c in cases {
            let pos = try f.copy.position(dataset: "figures", id: "ten_actions", column: c.column)
            try f.copy.setCell(dataset: "figures", id: "ten_actions", column: c.column, to: c.value)
            try f.expectRefused("figures.csv:\(pos.line):\(pos.column): error: \(c.message)")
            try f.restore()
            try restoreFigures(f)
        }
    }

    @Test func oversizedInputsFailAtTheirPosition() throws {
        let f = try HostileFixture()
        // One 10 MB cell: refused at the cell after one pass.
        let pos = try f.copy.position(dataset: "figures", id: "ten_actions", column: "label")
        try f.copy.setCell(dataset: "figures", id: "ten_actions", column: "label", to: String(repeating: "字", count: 3_500_000))
        try f.expectRefused("figures.csv:\(pos.line):\(pos.column): error: cell is longer than 65536 bytes (the limit)")
        try restoreFigures(f)
        // A 200 KB YAML key (a 1 MB one already passes the file size limit).
        let line = try f.line(of: "theme: standard", in: "report.yaml")
        try f.edit("report.yaml") { $0.replacingOccurrences(of: "theme: standard", with: String(repeating: "k", count: 200_000) + ": 1\ntheme: standard") }
        try f.expectRefused("report.yaml:\(line):1: error: line is longer than 65536 bytes (the limit")
        try f.restore()
    }

    @Test func pageAndChartSizesThatWouldCrashAreErrors() throws {
        let f = try HostileFixture()
        let line = try f.line(of: "  numbering: chinese", in: "report.yaml") + 1
        for (value, shown) in [("1e20", "1e+20"), (".nan", "nan"), (".inf", "inf"), ("-5", "-5.0")] {
            try f.edit("report.yaml") { $0.replacingOccurrences(of: "  numbering: chinese", with: "  numbering: chinese\n  pageSize: {width: \(value), height: 841}") }
            _ = shown
            try f.expectRefused("report.yaml:\(line):21: error: width")
            try f.restore()
        }
    }

    @Test func controlCharactersInTemplateTextAreErrorsAndNewlinesGiveValidSVG() throws {
        let f = try HostileFixture()
        let line = try f.line(of: "caption: 城乡建设重点项目数量", in: "report.yaml")
        try f.edit("report.yaml") { $0.replacingOccurrences(of: "caption: 城乡建设重点项目数量", with: "caption: \"城乡建设\\e重点项目数量\"") }
        try f.expectRefused("report.yaml:\(line):14: error:")
        try f.restore()

        try f.edit("report.yaml") { $0.replacingOccurrences(of: "caption: 城乡建设重点项目数量", with: "caption: \"城乡建设\\r\\n重点<项目>&数量\"") }
        let r = try ReportBinary.run(["render", f.template.path, "--out", f.out.path, "--format", "svg"])
        // Refused by the template decoder, or rendered into an SVG that parses.
        #expect(r.exited)
        guard r.status == 0 else { return }
        let svg = f.outputs.appendingPathComponent("charts/construction-projects.svg")
        let lint = try ExternalTool.run("xmllint", ["--noout", svg.path])
        #expect(lint.status == 0, "\(lint.all)")
    }

    @Test func aFailedRunInAFreshFolderLeavesNoFolderBehind() throws {
        let copy = try TemplateCopy()
        // A page so narrow that the chart's frame is negative: found while laying out, after the
        // output folder was locked (and created).
        let yaml = copy.template.appendingPathComponent("report.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "  numbering: chinese", with: "  numbering: chinese\n  pageSize: {width: 72, height: 841}").utf8).write(to: yaml)
        let out = copy.root.file("fresh")
        let r = try ReportBinary.run(["render", copy.template.path, "--out", out.path])
        #expect(r.exited && r.status == 1, "\(r.all)")
        #expect(r.stderr.contains("error:"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func emojiAndThaiUseFallbackFontsOnlyUnknownCodePointsFail() throws {
        let f = try HostileFixture()
        let subtitle = "subtitle: 高质量发展行动、共富帮扶"
        try f.edit("report.yaml") { $0.replacingOccurrences(of: subtitle, with: "subtitle: 🚀 สวัสดี 高质量发展行动、共富帮扶") }
        let ok = try ReportBinary.run(["render", f.template.path, "--out", f.out.path, "--format", "svg"])
        #expect(ok.status == 0, "\(ok.all)")
        try f.restore()
        // U+0378 is unassigned: no font can have it, and the message shows it escaped.
        try f.edit("report.yaml") { $0.replacingOccurrences(of: subtitle, with: "subtitle: \u{378}高质量发展行动、共富帮扶") }
        // Refused at its position by the template decoder (or, behind it, the missing-glyph check).
        try f.expectRefused("error:", checkToo: false)
    }

    /// A mistake found only while composing the report (a table row taller than the text column)
    /// fails after the output folder was locked: the lock file that run created goes too, so the
    /// folder is exactly as it was. A lock file left by a killed run is only a file (the kernel
    /// dropped its lock): the next run takes it and succeeds.
    @Test func aComposerErrorLeavesNoLockFileAndAStaleOneBlocksNothing() throws {
        let tmp = try TempDir(prefix: "lockfile")
        let template = try tmp.write(SecondTemplateTests.files, into: "water")
        let yaml = template.appendingPathComponent("report.yaml"), csv = template.appendingPathComponent("data/metrics.csv")
        var text = try String(contentsOf: yaml, encoding: .utf8)
        text = text.replacingOccurrences(of: "charts:\n", with: "layout:\n  margins: {left: 200, right: 200}\ncharts:\n")
        text = text.replacingOccurrences(of: "      - figure: supply\n", with: """
                  - figure: supply
                  - table:
                      id: metrics-table
                      dataset: metrics
                      records: [pipes]
                      columns:
                        - {column: label, title: 指标}
                        - {column: value, title: 数值}
                      caption: 指标

            """)
        try Data(text.utf8).write(to: yaml)
        let csvText = try String(contentsOf: csv, encoding: .utf8)
        try Data(csvText.replacingOccurrences(of: "新建供水管网", with: String(repeating: "新建供水管网", count: 150)).utf8).write(to: csv)

        // An output folder that exists but has no lock file (made by hand, or by another tool).
        let folder = tmp.file("out/water")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let before = OutputSnapshot(folder)
        let r = try ReportBinary.run(["render", template.path, "--out", tmp.file("out").path, "--format", "pdf"])
        #expect(r.exited && r.status == 1, "\(r.all)")
        #expect(r.stderr.contains("report.yaml:1:1: error: a row of 表1 is taller than the text column"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
        #expect(OutputSnapshot(folder) == before)

        // A stale lock file (its process is gone): the next run is not blocked.
        try Data(csvText.utf8).write(to: csv)
        try Data("12345\n".utf8).write(to: folder.appendingPathComponent(".report.lock"))
        let ok = try ReportBinary.run(["render", template.path, "--out", tmp.file("out").path, "--format", "pdf"])
        #expect(ok.status == 0, "\(ok.all)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.pdf").path))
    }

    /// figures.csv as the template has it (setCell writes the file directly).
    private func restoreFigures(_ f: HostileFixture) throws {
        let original = ReportBinary.defaultTemplate.appendingPathComponent("data/figures.csv")
        let copy = f.template.appendingPathComponent("data/figures.csv")
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: original, to: copy)
    }
}
