/// Makes invisible and control characters visible in messages: a BOM, a no-break space or an ESC
/// printed raw makes `"\u{FEFF}2022"` look like `"2022"`, and a raw ESC or newline can rewrite the
/// terminal line. They are shown as Swift-style escapes (`\u{FEFF}`, `\n`), so the user sees
/// exactly which character to delete.
public enum VisibleText {
    /// `s` with control and invisible characters as Swift-style escapes; unchanged when it has none.
    public static func escaped(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: needsEscape) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            guard needsEscape(u) else { out.append(u); continue }
            let name: String
            switch u {
            case "\n": name = "\\n"
            case "\r": name = "\\r"
            case "\t": name = "\\t"
            case "\0": name = "\\0"
            default: name = "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
            }
            out.append(contentsOf: name.unicodeScalars)
        }
        return String(out)
    }

    /// Controls (C0, DEL, C1), format characters (BOM, zero-width and bidi marks), separators and
    /// every space other than U+0020 and the ideographic space U+3000 (ordinary in Chinese text).
    public static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x20 || (0x7F...0x9F).contains(u.value) { return true }
        switch u.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .control, .privateUse, .surrogate, .unassigned:
            return true
        case .spaceSeparator:
            return u != " " && u != "\u{3000}"
        default:
            // Default-ignorables that are not format characters (e.g. U+115F HANGUL CHOSEONG FILLER,
            // variation selectors are fine after a base but invisible alone: keep them).
            return u.properties.isDefaultIgnorableCodePoint && !u.properties.isVariationSelector
        }
    }

    /// The first control character in `s` (C0 except tab/newline when allowed, DEL, C1), for the
    /// checks that keep such characters out of ids, names, labels and files.
    public static func firstControl(in s: String, allowingNewlines: Bool = false) -> Unicode.Scalar? {
        s.unicodeScalars.first { u in
            if allowingNewlines && (u == "\n" || u == "\r" || u == "\t") { return false }
            return u.value < 0x20 || (0x7F...0x9F).contains(u.value)
        }
    }

    /// `U+001B (ESC)`-style name of a character, for messages.
    public static func name(_ u: Unicode.Scalar) -> String {
        var hex = String(u.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        let names: [UInt32: String] = [0: "NUL", 9: "TAB", 10: "LF", 13: "CR", 0x1B: "ESC", 0x7F: "DEL",
                                       0xA0: "NO-BREAK SPACE", 0xFEFF: "BYTE ORDER MARK", 0x200B: "ZERO WIDTH SPACE"]
        return "U+\(hex)" + (names[u.value].map { " (\($0))" } ?? "")
    }
}
