/// Produces heading labels ("一、", "（二）", "1.2") from a running counter per level.
struct HeadingNumberer {
    let style: HeadingNumbering
    private var counters: [Int] = []

    init(style: HeadingNumbering) { self.style = style }

    /// Advances the counter of `level` (1-based), resets deeper levels, and returns the label
    /// to print before the title, including its separator ("一、" has none, "1.1 " has a space).
    mutating func next(level: Int) -> String {
        if counters.count < level { counters += Array(repeating: 0, count: level - counters.count) }
        counters[level - 1] += 1
        counters.removeSubrange(level...)
        return Self.label(counters, style: style)
    }

    static func label(_ path: [Int], style: HeadingNumbering) -> String {
        guard let n = path.last else { return "" }
        switch style {
        case .none: return ""
        case .decimal:
            return path.count == 1 ? "\(n). " : path.map(String.init).joined(separator: ".") + " "
        case .chinese:
            switch path.count {
            case 1: return chineseNumeral(n) + "、"
            case 2: return "（" + chineseNumeral(n) + "）"
            case 3: return "\(n)."
            default: return "（\(n)）"
            }
        }
    }

    /// 1...99 as Chinese numerals (十一, 二十, 二十一); larger numbers stay Arabic.
    static func chineseNumeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch n {
        case 0..<10: return digits[n]
        case 10..<20: return "十" + (n % 10 == 0 ? "" : digits[n % 10])
        case 20..<100: return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10])
        default: return String(n)
        }
    }
}
