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
        for (i, c) in s.enumerated() {
            if i > 0, c != joiner, out.last != joiner { out.append(joiner) }
            out.append(c)
        }
        return out
    }

    /// `s` without word joiners.
    public static func strip(_ s: String) -> String { s.contains(joiner) ? s.filter { $0 != joiner } : s }
}
