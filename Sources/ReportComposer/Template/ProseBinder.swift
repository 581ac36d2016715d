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
    public func render(_ text: String) -> (text: String?, problems: [Problem]) { render(text, cache: .shared) }

    /// What the text alone decides is parsed once per process (`ProseTextCache`); tests pass
    /// their own cache.
    func render(_ text: String, cache: ProseTextCache) -> (text: String?, problems: [Problem]) {
        let parsed = cache.parsed(text, make: Self.parse)
        guard parsed.unsupported.isEmpty, let template = parsed.template else { return (nil, parsed.unsupported) }
        let problems = parsed.tags.compactMap { tag -> Problem? in
            // `{{}}` and `{{.}}` name the whole context: Mustache would print a dump of every
            // value, in the dictionaries' (per-process) order.
            if tag.name.isEmpty || tag.name == "." {
                return Problem(lineIndex: tag.lineIndex, column: tag.column,
                               message: "empty placeholder {{\(tag.name)}}: name a value, such as {{unit.name}} or {{figures.<id>}}")
            }
            return context.resolves(tag.name) ? nil
                : Problem(lineIndex: tag.lineIndex, column: tag.column,
                          message: "unknown placeholder {{\(tag.name)}}: no such value in the data")
        }
        guard problems.isEmpty else { return (nil, problems) }
        switch template {
        case .success(let t): return (t.render(context.root), [])
        case .failure(let p): return (nil, [p])
        }
    }

    /// The text's tags and its parsed template. Partials would read other files
    /// (`{{> ../../etc/passwd}}`), and a delimiter change hides every later placeholder from the
    /// checks: neither belongs in a one-file template, and such a text is not parsed at all.
    static func parse(_ text: String) -> ProseTextCache.Parsed {
        let unsupported = unsupportedTags(in: text)
        guard unsupported.isEmpty else { return .init(unsupported: unsupported, tags: [], template: nil) }
        let tags = tags(in: text).map { ProseTextCache.Tag(name: $0.name, lineIndex: $0.lineIndex, column: $0.column) }
        let template: Result<MustacheTemplate, Problem>
        do {
            template = .success(try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text))
        } catch let e as MustacheTemplate.ParserError {
            template = .failure(Problem(lineIndex: max(0, e.context.lineNumber - 1), column: e.context.columnNumber,
                                        message: "template syntax: \(e.error)"))
        } catch {
            template = .failure(Problem(lineIndex: 0, column: 0, message: "template syntax: \(error)"))
        }
        return .init(unsupported: [], tags: tags, template: template)
    }

    /// How deep sections may nest: the Mustache parser recurses once per level, and a few thousand
    /// levels overflow the stack (500 already do under AddressSanitizer's larger frames).
    static let maxSectionDepth = 50

    /// Tags other than variables, sections and comments: partials, parents and blocks, delimiter
    /// changes and pragmas; and sections nested deeper than `maxSectionDepth`.
    static func unsupportedTags(in text: String) -> [Problem] {
        var out: [Problem] = []
        var depth = 0, tooDeep = false
        for (li, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...].drop { $0 == " " }
                let column = line.distance(from: line.startIndex, to: open.lowerBound)
                switch after.first {
                case ">": out.append(Problem(lineIndex: li, column: column, message: "Mustache partials ({{> name}}) are not supported: a template is its own report.yaml"))
                case "<", "$": out.append(Problem(lineIndex: li, column: column, message: "Mustache parents and blocks ({{< name}}, {{$ name}}) are not supported"))
                case "=": out.append(Problem(lineIndex: li, column: column, message: "changing the Mustache delimiters ({{= =}}) is not supported; placeholders are written {{name}}"))
                case "%": out.append(Problem(lineIndex: li, column: column, message: "Mustache pragmas ({{% ...}}) are not supported"))
                case "#", "^":
                    depth += 1
                    if depth > maxSectionDepth, !tooDeep {
                        tooDeep = true
                        out.append(Problem(lineIndex: li, column: column, message: "Mustache sections nested more than \(maxSectionDepth) levels deep are not supported"))
                    }
                case "/": depth = max(0, depth - 1)
                default: break
                }
                rest = rest[open.upperBound...]
            }
        }
        return out
    }

    /// Variable tags `{{name}}` / `{{{name}}}` / `{{&name}}` with their positions (empty and `.`
    /// included, to be refused); sections and comments are skipped.
    static func tags(in text: String) -> [(name: String, lineIndex: Int, column: Int)] {
        var out: [(String, Int, Int)] = []
        for (li, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                var name = rest[open.upperBound..<close.lowerBound]
                if name.first == "{" { name = name.dropFirst() }
                if name.first == "&" { name = name.dropFirst() }
                let trimmed = name.trimmingWhitespaces
                if !"#/^!>%=$<".contains(trimmed.first ?? " ") {
                    out.append((String(trimmed), li, line.distance(from: line.startIndex, to: open.lowerBound)))
                }
                rest = rest[close.upperBound...]
                if rest.first == "}" { rest = rest.dropFirst() }
            }
        }
        return out
    }
}
