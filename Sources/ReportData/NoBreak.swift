/// Keeps a figure on one line: a number is never separated from its unit or qualifier
/// (近5.8万元, 860余万元, 1.58:1, 2022年5月15日) in prose, table cells, labels or the appendix.
///
/// The figure's characters are joined with U+2060 WORD JOINER, which line breakers (Pango and
/// `FixedTextMeasurer`) never break at and which draws nothing; PDF text extraction drops it, so
/// copied text reads 近5.8万元. Text that leaves the page (change summaries, file names, alt
/// text) should use `NoBreak.strip`.
public enum NoBreak {
    public static let joiner: Character = "\u{2060}"

    /// `s` with a word joiner between every two characters.
    public static func glue(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count * 4)
        // The joiner is a Control (a grapheme break on both sides), so `out`'s last Character is
        // always the previous one of `s`: kept here instead of asking `out.last`, which finds
        // a grapheme boundary backwards every time (5% of binding a 10,000-event timeline).
        var previous: Character?
        for c in s {
            if let p = previous, c != joiner, p != joiner { out.append(joiner) }
            out.append(c)
            previous = c
        }
        return out
    }

    /// `s` without word joiners.
    /// The joiner is a Control, so each one is a Character of its own: removing its scalars
    /// removes those Characters, without finding grapheme boundaries (a 10,000-event timeline's
    /// alt text is ~200,000 characters long).
    public static func strip(_ s: String) -> String {
        let scalar: Unicode.Scalar = "\u{2060}"
        guard s.unicodeScalars.contains(scalar) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars where u != scalar { out.append(u) }
        return String(out)
    }

    /// `strip` as Characters (the reference `NoBreakStripTests` compares it with).
    static func stripCharacters(_ s: String) -> String { s.contains(joiner) ? s.filter { $0 != joiner } : s }
}
