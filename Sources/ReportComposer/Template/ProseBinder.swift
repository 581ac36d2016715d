import Foundation
import Mustache
import ReportData

/// Renders template prose with data: Mustache placeholders over the catalog, plain-text output
/// (no HTML escaping). Unknown names are errors, because Mustache alone would print nothing.
public struct ProseBinder {
    let context: PlaceholderContext

    public init(catalog: DatasetCatalog, formatter: ChineseFormatter, report: [String: String], unit: [String: String]? = nil) {
        context = PlaceholderContext(catalog: catalog, formatter: formatter, report: report, unit: unit)
    }

    /// A binding mistake in a prose text (an unknown figure, a bad tag), at its position.
    public struct Problem: Error, Sendable {
        /// Position inside the text: line index and column, 0-based.
        public var lineIndex: Int
        public var column: Int
        public var message: String
    }

    /// The bound text, or the problems found (unknown placeholders, Mustache syntax).
    public func render(_ text: String) -> (text: String?, problems: [Problem]) {
        let problems = Self.tags(in: text).compactMap { tag -> Problem? in
            context.resolves(tag.name) ? nil
                : Problem(lineIndex: tag.lineIndex, column: tag.column,
                          message: "unknown placeholder {{\(tag.name)}}: no such value in the data")
        }
        guard problems.isEmpty else { return (nil, problems) }
        do {
            let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
            return (template.render(context.root), [])
        } catch let e as MustacheTemplate.ParserError {
            return (nil, [Problem(lineIndex: max(0, e.context.lineNumber - 1), column: e.context.columnNumber,
                                     message: "template syntax: \(e.error)")])
        } catch {
            return (nil, [Problem(lineIndex: 0, column: 0, message: "template syntax: \(error)")])
        }
    }

    /// Variable tags `{{name}}` / `{{{name}}}` / `{{&name}}` with their positions; sections and comments are skipped.
    static func tags(in text: String) -> [(name: String, lineIndex: Int, column: Int)] {
        var out: [(String, Int, Int)] = []
        for (li, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                var name = rest[open.upperBound..<close.lowerBound]
                if name.first == "{" { name = name.dropFirst() }
                if name.first == "&" { name = name.dropFirst() }
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                if let c = trimmed.first, !"#/^!>%=$<".contains(c), !trimmed.isEmpty, trimmed != "." {
                    out.append((String(trimmed), li, line.distance(from: line.startIndex, to: open.lowerBound)))
                }
                rest = rest[close.upperBound...]
                if rest.first == "}" { rest = rest.dropFirst() }
            }
        }
        return out
    }
}
