import Foundation
import Testing

/// A template copy rendered once, whose output folder every refused run must leave exactly as
/// it was (same files, same bytes, same mtimes). Edits are undone with `restore`.
final class HostileFixture {
    let copy: TemplateCopy
    let out: URL
    var outputs: URL { copy.outputs(in: out) }
    var template: URL { copy.template }
    private var originals: [String: Data] = [:]

    /// `formats`: what the first, successful render writes (SVG alone is quick).
    init(formats: String = "svg") throws {
        copy = try TemplateCopy()
        out = copy.root.file("out")
        let first = try ReportBinary.run(["render", copy.template.path, "--out", out.path, "--format", formats])
        #expect(first.status == 0, "\(first.all)")
    }

    /// Replaces the text of a template file (path relative to the template), keeping the original.
    func edit(_ rel: String, _ change: (String) -> String) throws {
        let url = template.appendingPathComponent(rel)
        let data = try Data(contentsOf: url)
        if originals[rel] == nil { originals[rel] = data }
        try Data(change(String(decoding: data, as: UTF8.self)).utf8).write(to: url)
    }

    /// Puts something else (a symlink, a FIFO, a folder) where a template file was.
    func replace(_ rel: String, with make: (URL) throws -> Void) throws {
        let url = template.appendingPathComponent(rel)
        if originals[rel] == nil { originals[rel] = try Data(contentsOf: url) }
        try FileManager.default.removeItem(at: url)
        try make(url)
    }

    func restore() throws {
        for (rel, data) in originals {
            let url = template.appendingPathComponent(rel)
            try? FileManager.default.removeItem(at: url)
            try data.write(to: url)
        }
        originals = [:]
    }

    /// 1-based line of the first line of `rel` containing `needle`.
    func line(of needle: String, in rel: String) throws -> Int {
        let text = try String(contentsOf: template.appendingPathComponent(rel), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.contains(needle) }) + 1
    }

    /// Runs `report render` (and, unless `checkToo` is false, `report check`) and expects a
    /// normal exit with status 1, `expected` on stderr, and the output folder untouched.
    @discardableResult
    func expectRefused(_ expected: String, extra: [String] = [], checkToo: Bool = true,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> ReportBinary.Result {
        let before = OutputSnapshot(outputs)
        let r = try ReportBinary.run(["render", template.path, "--out", out.path, "--force"] + extra)
        #expect(r.exited, "killed by a signal \(r.status): \(r.all)", sourceLocation: sourceLocation)
        #expect(r.status == 1, "\(r.all)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(expected), "expected \(expected) in:\n\(r.stderr)", sourceLocation: sourceLocation)
        let after = OutputSnapshot(outputs)
        #expect(after == before, "changed: \(after.changed(from: before).sorted()), touched: \(after.touched(since: before).sorted())",
                sourceLocation: sourceLocation)
        if checkToo {
            let c = try ReportBinary.run(["check", template.path] + extra.filter { $0 != "--force" })
            #expect(c.exited && c.status == 1, "check: \(c.all)", sourceLocation: sourceLocation)
            #expect(c.stderr.contains(expected), "check: expected \(expected) in:\n\(c.stderr)", sourceLocation: sourceLocation)
        }
        return r
    }
}
