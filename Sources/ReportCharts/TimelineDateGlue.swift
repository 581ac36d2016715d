/// A date as the key writes it, with a word joiner (U+2060) between its characters, so a key
/// line that wraps never splits "2022年1月9日" into "2022年1" and "月9日"; a line may still break
/// after a range's dash ("2021年9月16日—" / "2022年1月9日") and at the space before the label.
/// The joiners draw nothing (the SVG writer leaves them out of its text, the PDF writer drops
/// the empty spans Cairo writes for them), as in the report's prose figures.
enum TimelineDateGlue {
    static let joiner: Character = "\u{2060}"
    /// Characters a line may break after inside a date.
    static let breaksAfter: Set<Character> = ["—", "–", "~", "～", "至", " "]

    static func glued(_ date: String) -> String {
        var out = ""
        out.reserveCapacity(date.utf8.count * 2)
        var previous: Character?
        for c in date {
            if let p = previous, !breaksAfter.contains(p), c != " ", c != joiner, p != joiner { out.append(joiner) }
            out.append(c)
            previous = c
        }
        return out
    }

    /// `text` without the joiners (what the layout reports of a key heading, as it reads).
    static func plain(_ text: String) -> String {
        text.unicodeScalars.contains("\u{2060}") ? text.filter { $0 != joiner } : text
    }
}
