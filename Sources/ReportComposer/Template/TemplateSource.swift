import Foundation
import ReportData

/// The raw text of `report.yaml`, to turn a position inside a template string into the
/// `path:line:column` of the YAML file (placeholders and stray digits are reported there).
public struct TemplateSource: Sendable {
    public var path: String
    public var text: String
    let lines: [Substring]
    /// Parsed once: every chart, block and placeholder asks for positions.
    let marks: YAMLMarks

    public init(path: String, text: String) {
        self.path = path; self.text = text
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        marks = YAMLMarks(text: text)
    }

    /// 1-based line and column of the node `keyPath` reaches (keys, or sequence indices as digits); 1:1 if none.
    public func mark(_ keyPath: [String]) -> (line: Int, column: Int) { marks.mark(keyPath) }

    /// Where `lineIndex`/`column` (0-based, in characters) of a string value found at `keyPath`
    /// stand in the file. Found by searching the string's line in the YAML from the value's mark,
    /// which works for plain, quoted and block scalars alike; falls back to the value's mark.
    public func location(of keyPath: [String], lineIndex: Int, column: Int, valueText: String) -> (line: Int, column: Int) {
        let mark = marks.mark(keyPath)
        let valueLines = valueText.split(separator: "\n", omittingEmptySubsequences: false)
        guard lineIndex < valueLines.count else { return mark }
        let needle = valueLines[lineIndex]
        guard !needle.trimmingWhitespaces.isEmpty else { return mark }
        for i in max(0, mark.line - 1)..<lines.count {
            if let r = lines[i].range(of: needle) {
                return (i + 1, lines[i].distance(from: lines[i].startIndex, to: r.lowerBound) + column + 1)
            }
        }
        return mark
    }

    /// A diagnostic at the value at `keyPath`, or at `lineIndex`/`column` inside its string `valueText` when given.
    public func diagnostic(_ severity: Diagnostic.Severity, _ keyPath: [String], lineIndex: Int = 0, column: Int = 0,
                           valueText: String = "", _ message: String) -> Diagnostic {
        let loc = valueText.isEmpty ? marks.mark(keyPath)
            : location(of: keyPath, lineIndex: lineIndex, column: column, valueText: valueText)
        return Diagnostic(severity, file: path, line: loc.line, column: loc.column, message)
    }
}

