/// Text for XML documents (SVG, OOXML parts, XMP), shared by every writer so all outputs escape
/// the same way.
public enum XMLText {
    /// Text content and attribute values: markup characters escaped, and characters XML 1.0
    /// cannot carry at all (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF)
    /// written as U+FFFD so the document stays well-formed.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                let v = u.value
                out.unicodeScalars.append(v < 0x20 || v == 0xFFFE || v == 0xFFFF ? "\u{FFFD}" : u)
            }
        }
        return out
    }
}
