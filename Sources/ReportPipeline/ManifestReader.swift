/// Reads manifest.json without `JSONDecoder` (its `Decodable` walk was a fifth of a
/// 10,000-bar rerun: the manifest lists every displayed value). A plain JSON parser (RFC 8259:
/// objects, arrays, strings with every escape, numbers, literals) and a mapping of the fields
/// `BuildManifest` has; unknown fields are skipped, as `JSONDecoder` skipped them. Anything
/// malformed or of the wrong type gives nil: the run then rebuilds everything.
enum ManifestReader {
    static func decode(_ bytes: [UInt8]) -> BuildManifest? {
        var p = JSONParser(bytes: bytes)
        guard let value = p.document(), case .object(let top) = value else { return nil }
        guard case .string(let tool)? = top["tool"],
              let outputs = records(top["outputs"], { BuildManifest.Record(inputs: $0["inputs"], output: $0["output"]) }),
              let values = records(top["values"], { ValueSnapshot.Entry(label: $0["label"], display: $0["display"]) })
        else { return nil }
        var m = BuildManifest(tool: tool, outputs: outputs, values: values)
        switch top["quickKey"] {
        case nil, .null?: break
        case .string(let q)?: m.quickKey = q
        default: return nil
        }
        switch top["fontFiles"] {
        case nil, .null?: break
        case .object(let fonts)?:
            var out: [String: Int] = [:]
            for (k, v) in fonts {
                guard case .int(let n) = v else { return nil }
                out[k] = n
            }
            m.fontFiles = out
        default: return nil
        }
        switch top["warnings"] {
        case nil, .null?: break
        case .array(let items)?:
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item else { return nil }
                out.append(s)
            }
            m.warnings = out
        default: return nil
        }
        return m
    }

    /// An object of objects whose two named members are strings, each made into `T`.
    private static func records<T>(_ value: JSONValue?, _ make: (Fields) -> T?) -> [String: T]? {
        guard case .object(let entries)? = value else { return nil }
        var out: [String: T] = [:]
        out.reserveCapacity(entries.count)
        for (key, entry) in entries {
            guard case .object(let fields) = entry, let made = make(Fields(fields: fields)) else { return nil }
            out[key] = made
        }
        return out
    }

    private struct Fields {
        let fields: [String: JSONValue]
        subscript(_ key: String) -> String? {
            if case .string(let s)? = fields[key] { return s }
            return nil
        }
    }
}

extension BuildManifest.Record {
    fileprivate init?(inputs: String?, output: String?) {
        guard let inputs, let output else { return nil }
        self.init(inputs: inputs, output: output)
    }
}

extension ValueSnapshot.Entry {
    fileprivate init?(label: String?, display: String?) {
        guard let label, let display else { return nil }
        self.init(label: label, display: display)
    }
}

enum JSONValue {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case int(Int)
    /// A number that is not an integer in Int's range (kept only to be refused by the mapping).
    case number
    case bool(Bool)
    case null
}

/// A recursive-descent JSON parser over UTF-8 bytes; nesting is bounded.
struct JSONParser {
    let bytes: [UInt8]
    var at = 0
    static let maxDepth = 64

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The one value of the text, with nothing but white space around it.
    mutating func document() -> JSONValue? {
        guard let v = value(depth: 0) else { return nil }
        skipSpace()
        return at == bytes.count ? v : nil
    }

    mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    mutating func value(depth: Int) -> JSONValue? {
        skipSpace()
        guard at < bytes.count, depth < Self.maxDepth else { return nil }
        switch bytes[at] {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string().map { .string($0) }
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    mutating func literal(_ word: StaticString, _ v: JSONValue) -> JSONValue? {
        let n = word.utf8CodeUnitCount
        guard at + n <= bytes.count else { return nil }
        for i in 0..<n where bytes[at + i] != word.utf8Start[i] { return nil }
        at += n
        return v
    }

    mutating func object(depth: Int) -> JSONValue? {
        at += 1
        var out: [String: JSONValue] = [:]
        skipSpace()
        if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return .object(out) }
        while true {
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { return nil }
            at += 1
            guard let v = value(depth: depth + 1) else { return nil }
            // A key twice (by `String` equality, as the tables it becomes compare keys) is
            // damage: our writer never repeats one, and decoders differ on which copy wins.
            guard out.updateValue(v, forKey: key) == nil else { return nil }
            skipSpace()
            guard at < bytes.count else { return nil }
            if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
            if bytes[at] == UInt8(ascii: "}") { at += 1; return .object(out) }
            return nil
        }
    }

    mutating func array(depth: Int) -> JSONValue? {
        at += 1
        var out: [JSONValue] = []
        skipSpace()
        if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; return .array(out) }
        while true {
            guard let v = value(depth: depth + 1) else { return nil }
            out.append(v)
            skipSpace()
            guard at < bytes.count else { return nil }
            if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
            if bytes[at] == UInt8(ascii: "]") { at += 1; return .array(out) }
            return nil
        }
    }

    /// At the opening quote; the string's text (escapes resolved, valid UTF-8 required).
    mutating func string() -> String? {
        at += 1
        let start = at
        // Fast path: no escape before the closing quote.
        while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\"), bytes[at] >= 0x20 { at += 1 }
        guard at < bytes.count else { return nil }
        if bytes[at] == UInt8(ascii: "\"") {
            defer { at += 1 }
            return Self.validated(bytes[start..<at])
        }
        var out = Array(bytes[start..<at])
        while at < bytes.count {
            let b = bytes[at]
            switch b {
            case UInt8(ascii: "\""):
                at += 1
                return Self.validated(out[...])
            case UInt8(ascii: "\\"):
                guard at + 1 < bytes.count else { return nil }
                let e = bytes[at + 1]
                at += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(scalar) {
                        // A high surrogate must be followed by an escaped low one.
                        guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else { return nil }
                        at += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: String(Character(u)).utf8)
                default: return nil
                }
            case 0..<0x20: return nil
            default:
                out.append(b)
                at += 1
            }
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[at]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
            at += 1
        }
        return v
    }

    static func validated(_ utf8: ArraySlice<UInt8>) -> String? {
        String(validating: utf8, as: UTF8.self)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; an integer in Int's range is `.int`.
    mutating func number() -> JSONValue? {
        let start = at
        func digits() -> Int {
            let s = at
            while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) { at += 1 }
            return at - s
        }
        if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
        let intStart = at
        let n = digits()
        guard n > 0, !(n > 1 && bytes[intStart] == UInt8(ascii: "0")) else { return nil }
        var integral = true
        if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
            at += 1
            guard digits() > 0 else { return nil }
            integral = false
        }
        if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
            at += 1
            if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
            guard digits() > 0 else { return nil }
            integral = false
        }
        guard integral, let v = Int(String(decoding: bytes[start..<at], as: UTF8.self)) else { return .number }
        return .int(v)
    }
}
