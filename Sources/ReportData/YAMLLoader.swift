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

    public static func decode<T: Decodable>(_ type: T.Type, data: Data, file: String) -> Result<T, Diagnostic> {
        guard data.count <= maxBytes else {
            return .failure(Diagnostic(.error, file: file, line: 1, column: 1,
                                       "metadata file is \(data.count) bytes; the limit is \(maxBytes)"))
        }
        let text: String
        switch TextDecoding.utf8(data, file: file) {
        case .success(let t): text = t
        case .failure(let d): return .failure(d)
        }
        if let d = YAMLLineLimit.check(text, file: file) { return .failure(d) }
        do {
            // The parser owns the anchor objects that nodes reference weakly; keep it alive.
            let parser = try Parser(yaml: text)
            guard let root = try parser.singleRoot() else {
                return .failure(Diagnostic(.error, file: file, line: 1, column: 1, "metadata file is empty"))
            }
            var budget = maxNodes
            if let d = screen(root, file: file, budget: &budget) { return .failure(d) }
            let value = try YAMLDecoder().decode(T.self, from: root)
            withExtendedLifetime(parser) {}
            return .success(value)
        } catch let e as YamlError {
            return .failure(diagnostic(for: e, file: file))
        } catch let e as DecodingError {
            return .failure(diagnostic(for: e, file: file, text: text))
        } catch {
            return .failure(Diagnostic(.error, file: file, line: 1, column: 1, "\(error)"))
        }
    }

    /// Rejects anchors/aliases and over-large trees; stops at the first problem, so a bomb costs
    /// at most `maxNodes` steps.
    private static func screen(_ node: Node, file: String, budget: inout Int) -> Diagnostic? {
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
        switch node {
        case .mapping(let m):
            for (k, v) in m {
                if let d = screen(k, file: file, budget: &budget) ?? screen(v, file: file, budget: &budget) { return d }
            }
        case .sequence(let s):
            for v in s { if let d = screen(v, file: file, budget: &budget) { return d } }
        case .alias(let a):
            return Diagnostic(.error, file: file, line: a.mark?.line ?? 1, column: a.mark?.column ?? 1,
                              "YAML anchors and aliases (&name, *name) are not allowed in metadata")
        case .scalar: break
        }
        return nil
    }

    private static func diagnostic(for e: YamlError, file: String) -> Diagnostic {
        switch e {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return Diagnostic(.error, file: file, line: mark.line, column: mark.column, "YAML syntax: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(.error, file: file, line: context.mark.line, column: context.mark.column,
                              "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return Diagnostic(.error, file: file, line: 1, column: 1, "YAML: \(e)")
        }
    }

    private static func diagnostic(for e: DecodingError, file: String, text: String) -> Diagnostic {
        let path: [CodingKey], message: String
        switch e {
        case let .keyNotFound(key, ctx):
            path = ctx.codingPath; message = "missing key '\(key.stringValue)'"
        case let .typeMismatch(type, ctx):
            path = ctx.codingPath; message = "expected \(type) at '\(dotted(ctx.codingPath))'"
        case let .valueNotFound(type, ctx):
            path = ctx.codingPath; message = "missing \(type) value at '\(dotted(ctx.codingPath))'"
        case let .dataCorrupted(ctx):
            path = ctx.codingPath
            message = ctx.debugDescription.hasPrefix("unknown key") ? ctx.debugDescription
                : "invalid value at '\(dotted(ctx.codingPath))': \(ctx.debugDescription)"
        @unknown default:
            path = []; message = "\(e)"
        }
        // Re-compose (cheap, already screened) to find where the path points.
        // Unknown keys point at the key itself; every other problem at the offending value.
        let atKey = message.hasPrefix("unknown key")
        let mark = (try? Parser(yaml: text).singleRoot()).flatMap { $0.flatMap { locate(path[...], in: $0, atKey: atKey) } }
        return Diagnostic(.error, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message)
    }

    private static func dotted(_ path: [CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
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

extension YAMLLoader {
    /// Line and column of the node a key path (keys, or sequence indices as digits) reaches; 1:1 if none.
    public static func mark(_ path: [String], in text: String) -> (line: Int, column: Int) {
        struct Key: CodingKey {
            var stringValue: String; var intValue: Int?
            init(stringValue: String) { self.stringValue = stringValue; intValue = Int(stringValue) }
            init?(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
        }
        guard let root = (try? Parser(yaml: text).singleRoot()) ?? nil,
              let m = locate(path.map { Key(stringValue: $0) }[...], in: root) else { return (1, 1) }
        return (m.line, m.column)
    }
}
