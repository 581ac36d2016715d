import Yams

/// Yams' number constructors for the common case without their cost: `Int.construct` and
/// `Double.construct` first strip `_` with Foundation's `replacingOccurrences`, whose first call
/// of a run makes the runtime scan every conformance record of the binary (~2 ms of a small
/// chart's `report render`). A plain scalar of only decimal digits (an optional sign first,
/// and for reals `.`, `e`, `E`) reads the same through the standard library's parsers, by the
/// very steps Yams takes for it (no `_` to strip, no radix prefix, no `:`, not `.inf`/`.nan`);
/// any other scalar goes to Yams.
enum PlainNumber {
    /// `construct` for integers, with the plain decimal case parsed directly. A leading zero
    /// (octal to Yams, and "-0" which it refuses) goes to Yams.
    static func integer<T: FixedWidthInteger>(_ scalar: Node.Scalar, _ construct: (Node.Scalar) -> T?) -> T? {
        guard scalar.style == .any || scalar.style == .plain else { return construct(scalar) }
        let u = scalar.string.utf8
        var digits = u[...]
        if let f = digits.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard let first = digits.first, !digits.contains(where: { $0 < 0x30 || $0 > 0x39 }),
              first != UInt8(ascii: "0") || u.count == 1 else { return construct(scalar) }
        return T(scalar.string, radix: 10)
    }

    /// `construct` for reals, with scalars of only digits, signs, `.`, `e` and `E` (at least one
    /// digit) parsed directly, as Yams does once it has found nothing to strip or special.
    static func double<T: LosslessStringConvertible>(_ scalar: Node.Scalar, _ construct: (Node.Scalar) -> T?) -> T? {
        guard scalar.style == .any || scalar.style == .plain else { return construct(scalar) }
        var digit = false
        for b in scalar.string.utf8 {
            switch b {
            case 0x30...0x39: digit = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): continue
            default: return construct(scalar)
            }
        }
        return digit ? T(scalar.string) : construct(scalar)
    }
}
