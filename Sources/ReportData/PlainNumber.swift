import Yams

/// Yams' number constructors for the common case without their cost: `Int.construct` and
/// `Double.construct` first strip `_` with Foundation's `replacingOccurrences`, whose first call
/// of a run makes the runtime scan every conformance record of the binary (~2 ms of a small
/// chart's `report render`). A plain scalar with no `_` to strip and no `:` (sexagesimal) reads
/// the same through the standard library's parsers, by the very steps Yams takes for it, whether
/// it is a number or not (a `2022-12` asked for as a number first is refused here as there); the
/// others (radix prefixes and leading zeros, `.inf`/`.nan`, quoted scalars) go to Yams.
enum PlainNumber {
    /// `construct` for integers. A leading zero (octal to Yams, and "-0" which it refuses) goes to Yams.
    static func integer<T: FixedWidthInteger>(_ scalar: Node.Scalar, _ construct: (Node.Scalar) -> T?) -> T? {
        guard scalar.style == .any || scalar.style == .plain else { return construct(scalar) }
        let u = scalar.string.utf8
        guard !u.isEmpty, !u.contains(where: { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") }) else { return construct(scalar) }
        var digits = u[...]
        if let f = digits.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard digits.first != UInt8(ascii: "0") || u.count == 1 else { return construct(scalar) }
        return T(scalar.string, radix: 10)
    }

    /// `construct` for reals: Yams reads `.inf`, `+.inf`, `-.inf` and `.nan` (any case) itself,
    /// and everything else without `_` and `:` with the standard library's parser.
    static func double<T: LosslessStringConvertible>(_ scalar: Node.Scalar, _ construct: (Node.Scalar) -> T?) -> T? {
        guard scalar.style == .any || scalar.style == .plain else { return construct(scalar) }
        let u = scalar.string.utf8
        if u.contains(where: { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") }) || isSpecial(u) { return construct(scalar) }
        return T(scalar.string)
    }

    /// `.inf`, `+.inf`, `-.inf` or `.nan` in any ASCII case (Yams lowercases before comparing;
    /// no other character lowercases to these letters).
    static func isSpecial(_ u: String.UTF8View) -> Bool {
        guard u.count == 4 || u.count == 5 else { return false }
        var rest = u[...]
        let signed = rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-")
        if signed { rest = rest.dropFirst() }
        guard rest.count == 4, rest.first == UInt8(ascii: ".") else { return false }
        let word = rest.dropFirst().map { $0 | 0x20 }
        return word == Array("inf".utf8) || (!signed && word == Array("nan".utf8))
    }
}
