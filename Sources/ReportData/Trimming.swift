extension StringProtocol {
    /// Without leading/trailing spaces and tabs (incl. the ideographic space). Cheaper than
    /// Foundation's trimmingCharacters, which dominates load time on Linux for large tables.
    var trimmed: String {
        let scalars = unicodeScalars
        func blank(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\t" || u == "\u{3000}" || u == "\u{A0}" }
        guard let first = scalars.firstIndex(where: { !blank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !blank($0) })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
