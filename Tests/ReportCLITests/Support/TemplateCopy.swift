import Foundation
import TestSupport

/// A private copy of a template that a test may edit, with helpers to change one CSV cell.
struct TemplateCopy {
    let root: TempDir
    /// `<root>/<template name>`: outputs go to `<out>/<template name>/`.
    let template: URL
    var data: URL { template.appendingPathComponent("data") }

    /// Copies `source` (default: the Linping template). Templates are self-contained (the
    /// article the sentences are checked against is in data/), so the copy works as it is.
    init(of source: URL = ReportBinary.defaultTemplate) throws {
        root = try TempDir(prefix: "tpl")
        template = root.file(source.lastPathComponent)
        try FileManager.default.copyItem(at: source, to: template)
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
