import Foundation
import TestSupport

/// A private copy of a template that a test may edit, with helpers to change one CSV cell.
struct TemplateCopy {
    let root: TempDir
    /// `<root>/<template name>`: outputs go to `<out>/<template name>/`.
    let template: URL
    var data: URL { template.appendingPathComponent("data") }

    /// Copies `source` (default: the Linping template). The catalog's `source.path` is relative to
    /// the data folder, so it is rewritten to reach the same file from the copy, keeping the
    /// verbatim-sentence check on.
    init(of source: URL = ReportBinary.defaultTemplate) throws {
        root = try TempDir(prefix: "tpl")
        template = root.file(source.lastPathComponent)
        try FileManager.default.copyItem(at: source, to: template)
        let catalog = template.appendingPathComponent("data/catalog.yaml")
        var text = try String(contentsOf: catalog, encoding: .utf8)
        // A source text kept inside the template is copied with it; one outside is reached by path.
        if let r = text.range(of: #"(?m)^  path: (.*)$"#, options: .regularExpression),
           case let relative = String(text[r].dropFirst("  path: ".count)),
           !FileManager.default.fileExists(atPath: template.appendingPathComponent("data").appendingPathComponent(relative).path) {
            let absolute = source.appendingPathComponent("data").appendingPathComponent(relative).standardizedFileURL.path
            let up = String(repeating: "../", count: template.appendingPathComponent("data").standardizedFileURL.pathComponents.count - 1)
            text.replaceSubrange(r, with: "  path: \(up)\(absolute.dropFirst())")
            try Data(text.utf8).write(to: catalog)
        }
    }

    /// Output folder for `render --out <out>`.
    func outputs(in out: URL) -> URL { out.appendingPathComponent(template.lastPathComponent) }

    /// Where a record's cell sits: 1-based line of the row and 1-based column of the field.
    func position(dataset: String, id: String, column: String) throws -> (line: Int, column: Int) {
        let lines = try String(contentsOf: data.appendingPathComponent("\(dataset).csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[0].split(separator: ",").map(String.init)
        guard let col = header.firstIndex(of: column),
              let row = lines.firstIndex(where: { $0.hasPrefix("\(id),") }) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return (row + 1, col + 1)
    }

    /// Replaces one cell. Only the fields before it are split on commas, so the row's quoted
    /// text further right is untouched (the edited columns hold no quotes).
    func setCell(dataset: String, id: String, column: String, to value: String) throws {
        let url = data.appendingPathComponent("\(dataset).csv")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let pos = try position(dataset: dataset, id: id, column: column)
        var fields = lines[pos.line - 1].split(separator: ",", maxSplits: pos.column, omittingEmptySubsequences: false).map(String.init)
        precondition(fields[..<pos.column].allSatisfy { !$0.contains("\"") }, "cell left of a quoted field")
        fields[pos.column - 1] = value
        lines[pos.line - 1] = fields.joined(separator: ",")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
    }

    /// Text edit of report.yaml (first occurrence).
    func editReport(replacing old: String, with new: String) throws {
        let url = template.appendingPathComponent("report.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let r = text.range(of: old) else { throw CocoaError(.fileReadCorruptFile) }
        try Data(text.replacingCharacters(in: r, with: new).utf8).write(to: url)
    }
}
