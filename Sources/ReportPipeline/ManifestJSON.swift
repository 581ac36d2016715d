/// The manifest's JSON, written directly: `JSONEncoder` went through `Encodable` boxes and
/// runtime type lookups (~6% of a 10,000-bar run, whose manifest lists 10,000 values; a
/// first-use cost on every small run). Same content and shape as before (objects with sorted
/// keys, two-space indentation, strings as UTF-8 with only `"`, `\` and control characters
/// escaped), read back by `JSONDecoder` as before.
enum ManifestJSON {
    static func encode(_ m: BuildManifest) -> [UInt8] {
        var w = Writer()
        w.out.reserveCapacity(4096 + 200 * (m.values.count + m.outputs.count))
        w.begin()
        if let fonts = m.fontFiles {
            w.member("fontFiles", level: 1)
            w.begin()
            for key in fonts.keys.sorted() { w.member(key, level: 2); w.number(fonts[key]!) }
            w.end(level: 1)
        }
        w.records("outputs", m.outputs, ("inputs", "output")) { ($0.inputs, $0.output) }
        if let q = m.quickKey { w.member("quickKey", level: 1); w.string(q) }
        w.member("tool", level: 1); w.string(m.tool)
        w.records("values", m.values, ("display", "label")) { ($0.display, $0.label) }
        if let warnings = m.warnings { w.member("warnings", level: 1); w.array(level: 1, warnings) }
        w.end(level: 0)
        w.out.append(0x0A)
        return w.out
    }

    struct Writer {
        var out: [UInt8] = []
        /// Members written so far in each open object, innermost last.
        private var counts: [Int] = []

        mutating func indent(_ level: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * level))
        }

        /// A top-level member `name` holding, by sorted key, objects of two string members
        /// (`fields`, in key order), the values `strings` gives.
        mutating func records<R>(_ name: String, _ map: [String: R], _ fields: (String, String),
                                 _ strings: (R) -> (String, String)) {
            member(name, level: 1)
            begin()
            for key in map.keys.sorted() {
                let (a, b) = strings(map[key]!)
                member(key, level: 2)
                begin()
                member(fields.0, level: 3); string(a)
                member(fields.1, level: 3); string(b)
                end(level: 2)
            }
            end(level: 1)
        }

        /// Opens an object; its members are written at `level + 1` with `member`.
        mutating func begin() { out.append(UInt8(ascii: "{")); counts.append(0) }

        /// The key of the open object's next member; its value follows.
        mutating func member(_ key: String, level: Int) {
            if counts[counts.count - 1] > 0 { out.append(UInt8(ascii: ",")) }
            counts[counts.count - 1] += 1
            indent(level)
            string(key)
            out.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
        }

        /// Closes the open object, written at `level` (an empty object is `{}`).
        mutating func end(level: Int) {
            if counts.removeLast() > 0 { indent(level) }
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
}
