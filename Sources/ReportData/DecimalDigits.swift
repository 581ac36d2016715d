/// `ChineseFormatter.number`'s rounding and digits without printf (whose `withVaList` boxing and
/// format parsing were a fifth of a 10,000-bar chart): the same string for every value it
/// answers, and nil for the others, which take the printf path.
///
/// The printf definition: x = |v|·10^d is printed with 12 significant digits (so 2.675·100,
/// stored as 267.49999999999997, reads 267.5), that is rounded half away from zero to an integer
/// R, and R/10^d is printed with d decimals and its trailing zeros dropped. Here:
/// - the 12-digit print moves x by at most half a unit of its 12th digit, which is ≤ x·1e-11/2;
///   so when x's fraction is further than x·1e-11 from ½, R is x rounded to the nearest integer
///   (ties and near-ties go to printf);
/// - for R < 2^52 the double nearest R/10^d is within half an ulp < ½·10^-d of it, so its
///   correctly rounded d-decimal print is exactly R's digits with the point d places in.
enum DecimalDigits {
    /// Powers of ten up to 10^10, exact in a Double and a UInt64.
    private static let powers: [UInt64] = (0...10).map { d in (0..<d).reduce(1) { v, _ in v * 10 } }

    /// `a` (finite, ≥ 0) rounded to `fractionDigits` (0…10) decimals as `number` prints it, or nil.
    static func rounded(_ a: Double, fractionDigits d: Int) -> String? {
        let x = a * Double(powers[d])
        guard x < 1e15 else { return nil }
        let whole = x.rounded(.down)
        let fraction = x - whole
        guard abs(fraction - 0.5) > x * 1e-11 else { return nil }
        let r = UInt64(whole) + (fraction > 0.5 ? 1 : 0)
        return digits(r, fractionDigits: d)
    }

    /// R with the decimal point `d` places from the right, trailing fraction zeros dropped.
    static func digits(_ r: UInt64, fractionDigits d: Int) -> String {
        let p = powers[d]
        var intPart = r / p, frac = r % p, fracDigits = d
        while fracDigits > 0 && frac % 10 == 0 { frac /= 10; fracDigits -= 1 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buf in
            var end = 32
            for _ in 0..<fracDigits {
                end -= 1; buf[end] = UInt8(ascii: "0") + UInt8(frac % 10); frac /= 10
            }
            if fracDigits > 0 { end -= 1; buf[end] = UInt8(ascii: ".") }
            repeat {
                end -= 1; buf[end] = UInt8(ascii: "0") + UInt8(intPart % 10); intPart /= 10
            } while intPart > 0
            return String(decoding: UnsafeBufferPointer(rebasing: buf[end..<32]), as: UTF8.self)
        }
    }
}
