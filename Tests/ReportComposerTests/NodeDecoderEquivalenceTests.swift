import Foundation
import Testing
@testable import ReportComposer
@testable import ReportData
import TestSupport

/// The metadata decoder reads `Yams.Node` trees itself (`NodeDecoder`, basic resolver) instead of
/// Yams' `YAMLDecoder` with its regular-expression resolver. These tests hold the two to the same
/// values and the same diagnostics (text, line, column, order) over every YAML file of the
/// templates and thousands of mutations of them, and pin the scalar typing the files rely on.
@Suite struct NodeDecoderEquivalenceTests {
    enum Kind { case template, catalog, dataset }

    /// Diagnostics and a full dump of the value, through one engine.
    static func outcome(_ kind: Kind, _ text: String, _ engine: YAMLLoader.Engine) -> String {
        let data = Data(text.utf8)
        func show<T>(_ r: (T?, [Diagnostic])) -> String {
            r.1.map(\.description).joined(separator: "\n") + "\n---\n" + (r.0.map { String(reflecting: $0) } ?? "nil")
        }
        switch kind {
        case .template: return show(YAMLLoader.decodeAll(TemplateFile.self, data: data, file: "report.yaml", engine: engine))
        case .catalog: return show(YAMLLoader.decodeAll(CatalogMetadata.self, data: data, file: "catalog.yaml", engine: engine))
        case .dataset: return show(YAMLLoader.decodeAll(DatasetMetadata.self, data: data, file: "d.yaml", engine: engine))
        }
    }

    /// Every YAML file under Templates/ with the type it decodes as.
    static func corpus() throws -> [(Kind, String, String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates")
        var out: [(Kind, String, String)] = []
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for url in files.sorted(by: { $0.path < $1.path }) where url.pathExtension == "yaml" {
            let name = url.lastPathComponent
            let kind: Kind = name == "report.yaml" ? .template : name == "catalog.yaml" ? .catalog : .dataset
            out.append((kind, url.path, try String(contentsOf: url, encoding: .utf8)))
        }
        return out
    }

    /// Values that YAML types differently (and that the resolver used to type with regexes).
    static let tokens = [
        "true", "True", "TRUE", "yes", "Yes", "on", "On", "off", "no", "NO", "false", "y", "n",
        "~", "null", "Null", "NULL", "''", "\"\"", "'null'", "\"~\"", "'yes'", "\"true\"",
        "0", "1", "-1", "+1", "010", "09", "0x1F", "0o17", "0b101", "1_000", "1:30", "-1:30",
        "1.5", "-0.0", ".5", "1e3", "1.5e-3", "1E3", ".inf", "-.inf", "+.inf", ".nan", ".NaN", "1.0.0",
        "2022", "2022-01-01", "2022-1-1 10:00:00", "2022-06", "\"2022\"", "'2022-01-01'",
        "abc", "雨", "\"雨\"", "[a, b]", "[]", "{}", "{a: 1}", "[1, 2.5]", "- x", "|\n  block", ">\n  folded",
        "=", "<<", "'<<'", "!!str 5", "!!int 5", "!!binary AAAA", "&a x", "*a",
    ]
    static let keys = ["title", "titel", "type", "typo", "unit", "values", "kind", "<<", "=", "records", "where",
                       "value", "series", "highlight", "report_year", "columns", "name", "required", "id"]

    /// One random edit of a line: a new value, a new key, a removed or repeated line.
    static func mutate(_ text: String, _ rng: inout SplitMix) -> String {
        var lines = text.components(separatedBy: "\n")
        guard !lines.isEmpty else { return text }
        let i = rng.int(lines.count)
        let line = lines[i]
        let colon = line.range(of: ": ") ?? (line.hasSuffix(":") ? line.range(of: ":", options: .backwards) : nil)
        switch rng.int(6) {
        case 0, 1, 2:
            if let colon { lines[i] = String(line[..<colon.lowerBound]) + ": " + rng.pick(tokens) }
        case 3:
            if let colon {
                let indent = line.prefix { $0 == " " || $0 == "-" }
                lines[i] = indent + rng.pick(keys) + String(line[colon.lowerBound...])
            }
        case 4: lines.remove(at: i)
        default: lines.insert(line, at: i)
        }
        return lines.joined(separator: "\n")
    }

    @Test func everyTemplateFileDecodesAlike() throws {
        let files = try Self.corpus()
        #expect(files.count >= 10)
        for (kind, path, text) in files {
            #expect(Self.outcome(kind, text, .nodes) == Self.outcome(kind, text, .yamsReference), "\(path)")
        }
    }

    @Test func mutatedFilesGiveTheSameDiagnostics() throws {
        var rng = SplitMix(seed: 17)
        var compared = 0, failing = 0
        for (kind, path, text) in try Self.corpus() {
            for _ in 0..<120 {
                var doc = text
                for _ in 0..<(1 + rng.int(3)) { doc = Self.mutate(doc, &rng) }
                let new = Self.outcome(kind, doc, .nodes), old = Self.outcome(kind, doc, .yamsReference)
                #expect(new == old, "\(path) mutated:\n\(doc)")
                compared += 1
                if new.hasPrefix("\n---") == false { failing += 1 }
                if new != old { return }
            }
        }
        // The mutations reach the error paths, not just the happy one.
        #expect(compared > 1000 && failing > compared / 4, "\(failing) of \(compared)")
    }

    struct One<T: Decodable>: Decodable { var v: T? }
    struct Required<T: Decodable>: Decodable { var v: T }

    static func decoded<T: Decodable>(_ type: T.Type, _ token: String, _ engine: YAMLLoader.Engine) -> String {
        let r = YAMLLoader.decodeAll(One<T>.self, data: Data("v: \(token)\n".utf8), file: "f.yaml", engine: engine)
        let q = YAMLLoader.decodeAll(Required<T>.self, data: Data("v: \(token)\n".utf8), file: "f.yaml", engine: engine)
        return "\(String(describing: r.0?.v)) \(r.1.map(\.description)) \(String(describing: q.0?.v)) \(q.1.map(\.description))"
    }

    @Test func scalarsAreTypedAsYamsTypedThem() {
        for token in Self.tokens {
            #expect(Self.decoded(String.self, token, .nodes) == Self.decoded(String.self, token, .yamsReference), "\(token)")
            #expect(Self.decoded(Bool.self, token, .nodes) == Self.decoded(Bool.self, token, .yamsReference), "\(token)")
            #expect(Self.decoded(Int.self, token, .nodes) == Self.decoded(Int.self, token, .yamsReference), "\(token)")
            #expect(Self.decoded(Double.self, token, .nodes) == Self.decoded(Double.self, token, .yamsReference), "\(token)")
            #expect(Self.decoded([String].self, token, .nodes) == Self.decoded([String].self, token, .yamsReference), "\(token)")
            #expect(Self.decoded([String: String].self, token, .nodes) == Self.decoded([String: String].self, token, .yamsReference), "\(token)")
        }
    }

    static func value<T: Decodable>(_ type: T.Type, _ token: String) -> T?? {
        let r = YAMLLoader.decodeAll(One<T>.self, data: Data("v: \(token)\n".utf8), file: "f.yaml")
        return r.1.isEmpty ? .some(r.0?.v) : .none
    }

    @Test func theFormsTheFilesUseReadAsBefore() {
        #expect(Self.value(Bool.self, "yes") == true && Self.value(Bool.self, "On") == true && Self.value(Bool.self, "off") == false)
        #expect(Self.value(Bool.self, "'yes'") == .none, "a quoted word is text, not true")
        #expect(Self.value(String.self, "~") == .some(nil) && Self.value(String.self, "null") == .some(nil) && Self.value(String.self, "") == .some(nil))
        #expect(Self.value(String.self, "'null'") == "null" && Self.value(String.self, "\"\"") == "")
        #expect(Self.value(String.self, "2022-01-01") == "2022-01-01" && Self.value(String.self, "1.50") == "1.50")
        #expect(Self.value(Int.self, "0x1F") == 31 && Self.value(Int.self, "010") == 8 && Self.value(Int.self, "1_000") == 1000)
        #expect(Self.value(Int.self, "1:30") == 90 && Self.value(Int.self, "\"5\"") == .none && Self.value(Int.self, "1.5") == .none)
        #expect(Self.value(Double.self, "1e3") == 1000 && Self.value(Double.self, "-.inf") == -.infinity && Self.value(Double.self, "7") == 7)
        #expect(Self.value(Double.self, ".nan")??.isNaN == true && Self.value(Double.self, "'1.5'") == .none)
    }

    @Test func keysAreMatchedByTheirText() {
        // Yams compared resolved tags, so a quoted year key was "missing" when looked up.
        let r = YAMLLoader.decodeAll(One<[String: String]>.self, data: Data("v: {\"2022\": a, 'yes': b}\n".utf8), file: "f.yaml")
        #expect(r.1.isEmpty && r.0?.v == ["2022": "a", "yes": "b"], "\(r.1)")
        // Two keys that read the same are one key written twice, however they are quoted.
        let d = YAMLLoader.decodeAll(One<[String: String]>.self, data: Data("v:\n  1: a\n  \"1\": b\n".utf8), file: "f.yaml")
        #expect(d.1.map(\.description) == ["f.yaml:3:3: error: duplicate key \"1\": a key may appear only once in a mapping"], "\(d.1)")
        // Keys the default resolver tagged !!merge, !!value or !!timestamp are refused, as before.
        for (key, tag) in [("<<", "merge"), ("=", "value"), ("2022-01-01", "timestamp"), ("2022-1-5 8:00:00", "timestamp")] {
            let yaml = "v:\n  a: b\n  \(key): c\n"
            let r = YAMLLoader.decodeAll(One<[String: String]>.self, data: Data(yaml.utf8), file: "f.yaml")
            #expect(r.1.map(\.description) == ["f.yaml:3:3: error: YAML tag !!\(tag) is not allowed; write the value plainly"], "\(r.1)")
            let old = YAMLLoader.decodeAll(One<[String: String]>.self, data: Data(yaml.utf8), file: "f.yaml", engine: .yamsReference)
            #expect(old.1.map(\.description) == r.1.map(\.description), "the old path refused it too: \(old.1)")
            let quoted = YAMLLoader.decodeAll(One<[String: String]>.self, data: Data("v: {'\(key)': c}\n".utf8), file: "f.yaml")
            #expect(quoted.1.isEmpty && quoted.0?.v == [key: "c"], "\(quoted.1)")
        }
    }

    /// Yams' timestamp rule, as its resolver compiled it.
    static let timestampRule = try! NSRegularExpression(pattern: """
        ^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\
        |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?\
        (?:[Tt]|[ \\t]+)[0-9][0-9]?\
        :[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?\
        (?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$
        """)

    @Test func keyTimestampsAreThoseOfTheRule() {
        var rng = SplitMix(seed: 2022)
        let seeds = ["2022-01-01", "2022-1-1T1:00:00", "2022-12-31 10:20:30.5 +08:00", "2022-06-01t23:59:59Z",
                     "2022-6-1\t\t1:02:03.", "2022-06-01 10:00:00 -5", "2022-06-1", "2022-06-01T10:00:00+0800"]
        let alphabet = Array("0123456789-:Tt .Z+\tx")
        var matched = 0
        for n in 0..<20_000 {
            var s = Array(rng.pick(seeds))
            for _ in 0..<rng.int(4) {
                let i = rng.int(s.count + 1)
                switch rng.int(3) {
                case 0: s.insert(rng.pick(alphabet), at: i)
                case 1: if i < s.count { s.remove(at: i) }
                default: if i < s.count { s[i] = rng.pick(alphabet) }
                }
            }
            let text = n < seeds.count ? seeds[n] : String(s)
            let regex = Self.timestampRule.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
            #expect(YAMLKeyTags.isTimestamp(text) == regex, "\(text.debugDescription)")
            if regex { matched += 1 }
        }
        #expect(matched > 2000, "\(matched)")
    }
}
