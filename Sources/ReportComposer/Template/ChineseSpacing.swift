/// YAML folds line breaks into spaces, which is right for English and wrong for Chinese, where
/// no space separates words. A run of white space next to a Chinese character or full-width
/// punctuation is removed; elsewhere (between Latin words) it becomes a single space.
enum ChineseSpacing {
    static func collapse(_ text: String) -> String {
        var out = ""
        var pending = false
        for c in text {
            if c.isWhitespace { pending = true; continue }
            if pending {
                if let last = out.last, !isWide(last), !isWide(c) { out.append(" ") }
                pending = false
            }
            out.append(c)
        }
        return out
    }

    static func isWide(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFFEF).contains(v)
            || (0x3000...0x303F).contains(v) || (0x2018...0x201F).contains(v) || (0x20000...0x3FFFF).contains(v)
    }
}
