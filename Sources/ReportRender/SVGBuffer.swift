import ReportScene

/// A growing byte buffer with the few appends an SVG needs: literal markup, decimal numbers
/// with a fixed number of decimals (trailing zeros trimmed, no exponent, no locale) and
/// `#rrggbb` colours. Numbers are written digit by digit into the buffer: no `String` per number.
struct SVGBuffer {
    var bytes: [UInt8] = []
    /// Set when a non-finite number was asked for: the page is then drawn by Cairo instead,
    /// which has its own rules for such geometry.
    var sawNonFinite = false

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func append(bytes other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func append(byte b: UInt8) { bytes.append(b) }

    static let powers: [Double] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]

    /// `v` rounded to `decimals` (0...9) places: "12", "-0.5", "3.142". Minus zero prints as "0".
    mutating func number(_ v: Double, decimals: Int) {
        let d = min(max(decimals, 0), 9)
        let scaled = (v * Self.powers[d]).rounded()
        guard scaled.isFinite, abs(scaled) < 9e15 else {
            if !v.isFinite { sawNonFinite = true }
            bytes.append(UInt8(ascii: "0"))
            return
        }
        let n = Int64(scaled)
        if n == 0 { bytes.append(UInt8(ascii: "0")); return }
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var a = n.magnitude
        // Digits from the right into a small stack buffer, then copied once, skipping the
        // fraction's trailing zeros.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buf in
            var i = 24
            var fractionDigits = d
            var trimming = true
            while fractionDigits > 0 {
                let digit = UInt8(a % 10)
                a /= 10
                fractionDigits -= 1
                if trimming && digit == 0 { continue }
                trimming = false
                i -= 1; buf[i] = UInt8(ascii: "0") + digit
            }
            if !trimming { i -= 1; buf[i] = UInt8(ascii: ".") }
            repeat {
                i -= 1; buf[i] = UInt8(ascii: "0") + UInt8(a % 10)
                a /= 10
            } while a > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<24]))
        }
    }

    mutating func integer(_ v: Int) { number(Double(v), decimals: 0) }

    /// `#rrggbb`, each channel rounded to 8 bits (the scene's colours come from 8-bit hex).
    mutating func hex(_ c: Color) {
        bytes.append(UInt8(ascii: "#"))
        for v in [c.red, c.green, c.blue] {
            let b = Int((min(max(v, 0), 1) * 255).rounded())
            bytes.append(Self.hexDigits[b >> 4])
            bytes.append(Self.hexDigits[b & 15])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
