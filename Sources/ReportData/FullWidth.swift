/// Full-width forms (０-９ ．，－％ and the ideographic space) that Chinese input methods produce.
/// They are normalised to ASCII, and the loader warns, because the value is unambiguous but the
/// spreadsheet probably has other cells typed the same way.
enum FullWidth {
    static func normalise(_ s: String) -> (text: String, changed: Bool) {
        var changed = false
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0xFF10...0xFF19, 0xFF0E, 0xFF0C, 0xFF0D, 0xFF05, 0xFF0B, 0xFF0F:
                out.append(Unicode.Scalar(u.value - 0xFEE0)!); changed = true
            case 0x2212: out.append("-"); changed = true   // minus sign
            case 0x3000: out.append(" "); changed = true
            default: out.append(u)
            }
        }
        return (String(out), changed)
    }
}
