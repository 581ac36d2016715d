/// Cairo names SVG ids from process-wide counters (`surface12`, `glyph3-5`, `clip7`, ...), so
/// the same chart gets different ids depending on what was rendered before, and two charts
/// inlined in one HTML page can collide. This renames every id and every reference
/// (`href="#X"`, `xlink:href="#X"`, `url(#X)`) to `<prefix>-<n>`, numbered by first appearance.
enum SVGIdRewriter {
    static func isValidPrefix(_ p: String) -> Bool {
        guard let first = p.unicodeScalars.first, first == "_" || first.properties.isAlphabetic, first.isASCII else { return false }
        return p.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)) }
    }

    static func rewrite(_ input: [UInt8], prefix: String) -> [UInt8] {
        // One pass over raw bytes, copying unchanged runs in bulk: SVGs of large charts are
        // megabytes, and a per-byte append showed up at ~10% of SVG time in profiles.
        let markers: [[UInt8]] = [Array(" id=\"".utf8), Array("href=\"#".utf8), Array("url(#".utf8)]
        var names: [String: Int] = [:]
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 20)
        let prefixBytes = Array(prefix.utf8) + [UInt8(ascii: "-")]
        input.withUnsafeBufferPointer { s in
            let n = s.count
            var copied = 0, i = 0
            scan: while i < n {
                let b = s[i]
                // Every marker starts with one of these bytes; most bytes are none of them.
                guard b == 0x20 || b == 0x68 || b == 0x75 else { i += 1; continue }
                for marker in markers where matches(s, at: i, marker) {
                    var j = i + marker.count
                    let start = j
                    while j < n, isNameByte(s[j]) { j += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: s[copied..<start]))
                    // Cairo's ids are short ASCII (`glyph0-12`): small strings, no allocation.
                    let name = String(decoding: UnsafeBufferPointer(rebasing: s[start..<j]), as: UTF8.self)
                    let number = names[name] ?? { let k = names.count + 1; names[name] = k; return k }()
                    out.append(contentsOf: prefixBytes)
                    appendDecimal(number, to: &out)
                    copied = j
                    i = j
                    continue scan
                }
                i += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: s[copied..<n]))
        }
        return out
    }

    private static func appendDecimal(_ v: Int, to out: inout [UInt8]) {
        if v >= 10 { appendDecimal(v / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(v % 10))
    }

    private static func matches(_ s: UnsafeBufferPointer<UInt8>, at i: Int, _ m: [UInt8]) -> Bool {
        guard s[i] == m[0], i + m.count <= s.count else { return false }
        for k in 1..<m.count where s[i + k] != m[k] { return false }
        return true
    }

    private static func matches(_ s: [UInt8], at i: Int, _ m: [UInt8]) -> Bool {
        guard s[i] == m[0], i + m.count <= s.count else { return false }
        for k in 1..<m.count where s[i + k] != m[k] { return false }
        return true
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F || b == 0x2E
    }

    /// Adds `viewBox="0 0 w h"` to the root element when Cairo did not write one, so the SVG
    /// scales when embedded with a different width.
    static func ensureViewBox(_ input: [UInt8], width: Double, height: Double) -> [UInt8] {
        let svgOpen = Array("<svg".utf8)
        guard let start = (0..<input.count).first(where: { matches(input, at: $0, svgOpen) }),
              let end = input[start...].firstIndex(of: UInt8(ascii: ">")) else { return input }
        let tag = String(decoding: input[start..<end], as: UTF8.self)
        if tag.contains("viewBox=") { return input }
        let attr = " viewBox=\"0 0 \(PDFTags.number(width)) \(PDFTags.number(height))\""
        var out = input
        out.insert(contentsOf: Array(attr.utf8), at: start + svgOpen.count)
        return out
    }
}
