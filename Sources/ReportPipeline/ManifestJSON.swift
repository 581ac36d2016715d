/// The manifest's JSON, written directly: `JSONEncoder` went through `Encodable` boxes and
/// runtime type lookups (~6% of a 10,000-bar run, whose manifest lists 10,000 values; a
/// first-use cost on every small run). Same content and shape as before (objects with sorted
/// keys, two-space indentation, strings as UTF-8 with only `"`, `\` and control characters
/// escaped), read back by `JSONDecoder` as before.
enum ManifestJSON {
    static func encode(_ m: BuildManifest) -> [UInt8] {
        var w = Writer()
        w.out.reserveCapacity(4096 + 200 * (m.values.count + m.outputs.count))
        w.object(level: 0) { o in
            if let fonts = m.fontFiles {
                o.member("fontFiles") { w in
                    w.object(level: 1) { f in
                        for key in fonts.keys.sorted() { f.member(key) { $0.number(fonts[key]!) } }
                    }
                }
            }
            o.member("outputs") { w in
                w.object(level: 1) { f in
                    for key in m.outputs.keys.sorted() {
                        let r = m.outputs[key]!
                        f.member(key) { w in
                            w.object(level: 2) { e in
                                e.member("inputs") { $0.string(r.inputs) }
                                e.member("output") { $0.string(r.output) }
                            }
                        }
                    }
                }
            }
            if let q = m.quickKey { o.member("quickKey") { $0.string(q) } }
            o.member("tool") { $0.string(m.tool) }
            o.member("values") { w in
                w.object(level: 1) { f in
                    for key in m.values.keys.sorted() {
                        let v = m.values[key]!
                        f.member(key) { w in
                            w.object(level: 2) { e in
                                e.member("display") { $0.string(v.display) }
                                e.member("label") { $0.string(v.label) }
                            }
                        }
                    }
                }
            }
            if let warnings = m.warnings {
                o.member("warnings") { w in w.array(level: 1, warnings) }
            }
        }
        w.out.append(0x0A)
        return w.out
    }

    struct Writer {
        var out: [UInt8] = []

        mutating func indent(_ level: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * level))
        }

        /// `{ … }`; members at `level + 1`. An empty object is `{}`.
        mutating func object(level: Int, _ body: (inout Members) -> Void) {
            var members = Members(writer: self, level: level + 1)
            self = Writer()
            members.writer.out.append(UInt8(ascii: "{"))
            body(&members)
            self = members.writer
            if members.count > 0 { indent(level) }
            out.append(UInt8(ascii: "}"))
        }

        mutating func array(level: Int, _ items: [String]) {
            out.append(UInt8(ascii: "["))
            for (i, s) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                indent(level + 1)
                string(s)
            }
            if !items.isEmpty { indent(level) }
            out.append(UInt8(ascii: "]"))
        }

        mutating func number(_ n: Int) { out.append(contentsOf: String(n).utf8) }

        mutating func string(_ s: String) {
            out.append(UInt8(ascii: "\""))
            for b in s.utf8 {
                switch b {
                case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
                default: out.append(b)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
    }

    /// The members of one object, written in the order given (callers sort them).
    struct Members {
        var writer: Writer
        let level: Int
        var count = 0

        mutating func member(_ key: String, _ value: (inout Writer) -> Void) {
            if count > 0 { writer.out.append(UInt8(ascii: ",")) }
            count += 1
            writer.indent(level)
            writer.string(key)
            writer.out.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
            value(&writer)
        }
    }
}
