import Foundation
import Yams

/// Decodes YAML metadata into Codable structs with diagnostics that carry line:column.
///
/// Hardening: input is capped at `maxBytes`; anchors and aliases are rejected (metadata never
/// needs them, and they are how "billion laughs" documents blow up); the composed tree is
/// walked with a node cap before anything is decoded.
public enum YAMLLoader {
    static let maxBytes = 1 << 20
    static let maxNodes = 50_000

    /// Decodes `data` as `T`, or the first problem as a diagnostic at `file`'s line and column.
    public static func decode<T: Decodable>(_ type: T.Type, data: Data, file: String) -> Result<T, Diagnostic> {
        let (value, diagnostics) = decodeAll(type, data: data, file: file)
        if let value, diagnostics.isEmpty { return .success(value) }
        return .failure(diagnostics.first ?? Diagnostic(.error, file: file, line: 1, column: 1, "cannot decode"))
    }

    /// Decodes and reports every wrong value recorded with `Decoder.problem` (in file order), plus
    /// the error that stopped decoding, if any. The value is nil when decoding stopped.
    public static func decodeAll<T: Decodable>(_ type: T.Type, data: Data, file: String) -> (T?, [Diagnostic]) {
        decodeAll(type, data: data, file: file, engine: .nodes)
    }

    /// How a document is parsed and decoded. `.nodes` is the product's; `.yamsReference` is the
    /// way it was done before (Yams' default resolver, whose tags come from seven regular
    /// expressions, and `YAMLDecoder`), kept so tests can hold the two to the same diagnostics.
    enum Engine { case nodes, yamsReference }

    /// The parser of metadata: plain scalars are typed where they are read (`Bool.construct`,
    /// `Int.construct`, ...), so the default resolver's tags are never needed.
    static func parser(_ text: String, engine: Engine = .nodes) throws -> Parser {
        // `encoding:` given: Yams' default is a computed property that copies the whole
        // environment (ProcessInfo) at every parser, to look for YAMS_DEFAULT_ENCODING.
        engine == .nodes ? try Parser(yaml: text, resolver: .basic, constructor: noConstructor, encoding: .utf8) : try Parser(yaml: text)
    }

    /// Nodes are read by `NodeDecoder`, never converted to `Any`, so the parser needs none of
    /// the default constructor's maps (building them is a run's first use of several types).
    /// Immutable once made.
    nonisolated(unsafe) private static let noConstructor = Constructor([:], [:], [:])

    static func decodeAll<T: Decodable>(_ type: T.Type, data: Data, file: String, engine: Engine) -> (T?, [Diagnostic]) {
        guard data.count <= maxBytes else {
            return (nil, [Diagnostic(.error, file: file, line: 1, column: 1,
                                     "metadata file is \(data.count) bytes; the limit is \(maxBytes)")])
        }
        let text: String
        switch TextDecoding.utf8(data, file: file) {
        case .success(let t): text = t
        case .failure(let d): return (nil, [d])
        }
        let problems = DecodingProblems()
        var root: Node?
        func located() -> [Diagnostic] {
            problems.items.map { diagnostic(for: $0, file: file, root: root) }
        }
        if let d = YAMLLineLimit.check(text, file: file) { return (nil, [d]) }
        do {
            // The parser owns the anchor objects that nodes reference weakly; keep it alive.
            let parser = try parser(text, engine: engine)
            root = try parser.singleRoot()
            guard let root else {
                return (nil, [Diagnostic(.error, file: file, line: 1, column: 1, "metadata file is empty")])
            }
            var budget = maxNodes
            if let d = screen(root, file: file, text: text, budget: &budget) { return (nil, [d]) }
            let userInfo: [CodingUserInfoKey: Any] = [DecodingProblems.key: problems]
            let value = engine == .nodes ? try T(from: NodeDecoder(node: root, userInfo: userInfo))
                : try YAMLDecoder().decode(T.self, from: root, userInfo: userInfo)
            withExtendedLifetime(parser) {}
            return (value, sorted(located()))
        } catch let e as YamlError {
            return (nil, sorted(located() + [diagnostic(for: e, file: file, text: text)]))
        } catch let p as DecodingProblem {
            return (nil, sorted(located() + [diagnostic(for: p, file: file, root: root)]))
        } catch let e as DecodingError {
            return (nil, sorted(located() + [diagnostic(for: e, file: file, text: text)]))
        } catch {
            return (nil, located() + [Diagnostic(.error, file: file, line: 1, column: 1, "\(error)")])
        }
    }

    private static func sorted(_ d: [Diagnostic]) -> [Diagnostic] {
        d.enumerated().sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }

    private static func diagnostic(for p: DecodingProblem, file: String, root: Node?) -> Diagnostic {
        let mark = root.flatMap { locate(p.codingPath.map { PathKey(stringValue: $0) }[...], in: $0, atKey: p.atKey) }
        return Diagnostic(.error, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, p.message)
    }

    /// Rejects anchors/aliases and over-large trees; stops at the first problem, so a bomb costs
    /// at most `maxNodes` steps.
    /// `asKey`: the node is (inside) a mapping key. The parser used to type keys, and only keys,
    /// with the default resolver (hashing them to find duplicates), so a key written `<<`, `=`
    /// or as a date carried the tag !!merge, !!value or !!timestamp and was refused here;
    /// `YAMLKeyTags` gives keys the same tags without its regular expressions.
    private static func screen(_ node: Node, file: String, text: String, asKey: Bool = false, budget: inout Int) -> Diagnostic? {
        budget -= 1
        let mark = node.mark
        if budget < 0 {
            return Diagnostic(.error, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                              "metadata has more than \(maxNodes) nodes")
        }
        if node.anchor != nil {
            return Diagnostic(.error, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                              "YAML anchors and aliases (&name, *name) are not allowed in metadata")
        }
        if let tag = explicitTag(node) ?? (asKey ? YAMLKeyTags.refused(node) : nil) {
            return Diagnostic(.error, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                              "YAML tag \(tag) is not allowed; write the value plainly")
        }
        switch node {
        case .mapping(let m):
            if let d = duplicateText(m, file: file, text: text) { return d }
            for (k, v) in m {
                if let d = screen(k, file: file, text: text, asKey: true, budget: &budget)
                    ?? screen(v, file: file, text: text, asKey: asKey, budget: &budget) { return d }
            }
        case .sequence(let s):
            for v in s { if let d = screen(v, file: file, text: text, asKey: asKey, budget: &budget) { return d } }
        case .alias(let a):
            return Diagnostic(.error, file: file, line: a.mark?.line ?? 1, column: a.mark?.column ?? 1,
                              "YAML anchors and aliases (&name, *name) are not allowed in metadata")
        case .scalar: break
        }
        return nil
    }

    /// Keys are matched by their text, so two keys that read the same are one key written twice
    /// even when the parser tells them apart by quoting (`1:` and `"1":`): the same error as the
    /// parser's own duplicate keys.
    private static func duplicateText(_ m: Node.Mapping, file: String, text: String) -> Diagnostic? {
        guard m.count > 1 else { return nil }
        var seen = Set<String>(minimumCapacity: m.count), duplicates: [String] = []
        for case .scalar(let s) in m.keys where !seen.insert(s.string).inserted && !duplicates.contains(s.string) {
            duplicates.append(s.string)
        }
        guard !duplicates.isEmpty else { return nil }
        return duplicateDiagnostic(duplicates, file: file, text: text, fallback: m.mark)
    }

    private static func duplicateDiagnostic(_ duplicates: [String], file: String, text: String, fallback: Mark?) -> Diagnostic {
        // Point at the second occurrence: the parser only knows the mapping.
        let at = DuplicateKeyFinder.find(duplicates, in: text) ?? (fallback?.line ?? 1, fallback?.column ?? 1)
        let names = duplicates.map { QuotedValue.quote($0) }.joined(separator: ", ")
        return Diagnostic(.error, file: file, line: at.line, column: at.column,
                          "duplicate key \(names): a key may appear only once in a mapping")
    }

    /// The tags plain YAML resolves to: an explicit `!!binary`, `!!python/object` or `!local` tag
    /// asks for a type this format does not have (and in other tools runs constructors).
    static let plainTags = Set(["", "!"] + ["str", "int", "float", "bool", "null", "map", "seq"].map { "tag:yaml.org,2002:" + $0 })

    /// The node's explicit tag as written (`!!binary`), when it is not a plain one.
    static func explicitTag(_ node: Node) -> String? {
        let name: String
        switch node {
        case .scalar(let s): name = s.tag.description
        case .mapping(let m): name = m.tag.description
        case .sequence(let s): name = s.tag.description
        case .alias: return nil
        }
        guard !plainTags.contains(name) else { return nil }
        return name.hasPrefix("tag:yaml.org,2002:") ? "!!" + name.dropFirst("tag:yaml.org,2002:".count) : name
    }

    private static func diagnostic(for e: YamlError, file: String, text: String) -> Diagnostic {
        switch e {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return Diagnostic(.error, file: file, line: mark.line, column: mark.column, "YAML syntax: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return duplicateDiagnostic(duplicates, file: file, text: text, fallback: context.mark)
        default:
            return Diagnostic(.error, file: file, line: 1, column: 1, "YAML: \(e)")
        }
    }

    private static func diagnostic(for e: DecodingError, file: String, text: String) -> Diagnostic {
        let path: [CodingKey], message: String
        switch e {
        case let .keyNotFound(key, ctx):
            path = ctx.codingPath
            message = "missing key '\(key.stringValue)'" + (ctx.codingPath.isEmpty ? "" : " in \(dotted(ctx.codingPath))")
        case let .typeMismatch(type, ctx):
            path = ctx.codingPath; message = "\(dotted(ctx.codingPath)) must be \(userWords(type))"
        case let .valueNotFound(type, ctx):
            path = ctx.codingPath; message = "\(dotted(ctx.codingPath)) is empty; it must be \(userWords(type))"
        case let .dataCorrupted(ctx):
            path = ctx.codingPath
            if ctx.debugDescription.hasPrefix("unknown key") {
                message = ctx.debugDescription
            } else if let type = ctx.debugDescription.firstMatch(of: /Cannot initialize (\w+) from invalid String value (.*)/) {
                // Swift's words for a plain enum; our own enums say what is allowed.
                message = "\(dotted(ctx.codingPath)): \(QuotedValue.quote(String(type.2))) is not a valid \(type.1)"
            } else {
                message = "\(dotted(ctx.codingPath)): \(ctx.debugDescription)"
            }
        @unknown default:
            path = []; message = "\(e)"
        }
        // Re-compose (cheap, already screened) to find where the path points.
        // Unknown keys point at the key itself; every other problem at the offending value.
        let atKey = message.hasPrefix("unknown key")
        let mark = (try? parser(text).singleRoot()).flatMap { $0.flatMap { locate(path[...], in: $0, atKey: atKey) } }
        return Diagnostic(.error, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message)
    }

    /// `charts[0].type`, as a reader of the file would name the place.
    private static func dotted(_ path: [CodingKey]) -> String {
        var out = ""
        for k in path {
            if let i = k.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + k.stringValue }
        }
        return out.isEmpty ? "the file" : out
    }

    /// "text", "a number", ... instead of Swift type names.
    static func userWords(_ type: Any.Type) -> String {
        switch String(describing: type) {
        case "String": "text"
        case "Double", "Float": "a number"
        case "Int", "Int64", "UInt", "UInt64": "a whole number"
        case "Bool": "true or false"
        case "Scalar": "a single value (text or a number), not a list or mapping"
        case "Mapping": "a mapping (key: value)"
        case "Sequence": "a list ([a, b] or one \"- \" item per line)"
        case let t where t.hasPrefix("Array"): "a list ([a, b] or one \"- \" item per line)"
        case let t where t.hasPrefix("Dictionary") || t.contains("KeyedDecodingContainer"): "a mapping (key: value)"
        default: "a value of another kind (\(type))"
        }
    }

    /// The mark of the deepest node the coding path reaches; with `atKey`, the last mapping key's own mark.
    static func locate(_ path: ArraySlice<CodingKey>, in node: Node, atKey: Bool = false) -> Mark? {
        guard let key = path.first else { return node.mark }
        switch node {
        case .mapping(let m):
            guard let pair = m.first(where: { $0.key.string == key.stringValue }) else { return node.mark }
            if path.count == 1 && atKey { return pair.key.mark }
            return locate(path.dropFirst(), in: pair.value, atKey: atKey) ?? pair.key.mark
        case .sequence(let s):
            guard let i = key.intValue, i < s.count else { return node.mark }
            return locate(path.dropFirst(), in: s[i], atKey: atKey) ?? s[i].mark
        default:
            return node.mark
        }
    }
}

/// A coding key spelt as text: keys, or sequence indices as digits.
struct PathKey: CodingKey {
    var stringValue: String; var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; intValue = Int(stringValue) }
    init?(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
}

extension YAMLLoader {
    /// Line and column of the node a key path (keys, or sequence indices as digits) reaches; 1:1 if none.
    public static func mark(_ path: [String], in text: String) -> (line: Int, column: Int) {
        YAMLMarks(text: text).mark(path)
    }
}

/// A YAML text parsed once for many position look-ups. report.yaml is asked for the position of
/// every chart and block: parsing it again for each made a 1,000-chart template quadratic.
/// (The node tree is immutable once built, hence safe to share.)
public struct YAMLMarks: @unchecked Sendable {
    private let root: Node?

    public init(text: String) { root = (try? YAMLLoader.parser(text).singleRoot()) ?? nil }

    /// Line and column of the node a key path reaches; 1:1 if none.
    public func mark(_ path: [String]) -> (line: Int, column: Int) {
        guard let root, let m = YAMLLoader.locate(path.map { PathKey(stringValue: $0) }[...], in: root) else { return (1, 1) }
        return (m.line, m.column)
    }
}
