/// Finds digits written straight into prose rather than coming from a placeholder: after a data
/// update such a number would silently stay old. Years (2022年), ordinals (第3), names like 9号线
/// and the template's `allow_numbers` entries are accepted.
public struct StaleNumberCheck: Sendable {
    public var allowed: [String]
    public init(allowed: [String]) { self.allowed = allowed }

    /// A number typed into prose instead of bound from data, at its line and column.
    public struct Finding: Sendable, Equatable {
        public var number: String
        public var lineIndex: Int
        public var column: Int
    }

    /// Every number in `text` not bound from data and not allowed, in reading order (found once
    /// per process for each text: `ProseTextCache`).
    public func findings(in text: String) -> [Finding] {
        ProseTextCache.shared.findings(text, allowed: allowed, make: scan)
    }

    func scan(_ text: String) -> [Finding] {
        var out: [Finding] = []
        for (li, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let chars = Array(Self.blankingTags(String(line)))
            var i = 0
            while i < chars.count {
                guard Self.isDigit(chars[i]) else { i += 1; continue }
                var j = i
                while j < chars.count, Self.isDigit(chars[j]) || (chars[j] == "." && j + 1 < chars.count && Self.isDigit(chars[j + 1])) { j += 1 }
                let number = Self.string(chars, i..<j)
                if !isAllowed(chars, i, j, number) { out.append(Finding(number: number, lineIndex: li, column: i)) }
                i = j
            }
        }
        return out
    }

    func isAllowed(_ c: [Character], _ start: Int, _ end: Int, _ number: String) -> Bool {
        let before = start > 0 ? c[start - 1] : " "
        let after = Self.string(c, end..<min(c.count, end + 2))
        if number.count == 4, let y = Int(number), (1900...2100).contains(y) { return true }
        if before == "第" { return true }
        if after.hasPrefix("号") { return true }
        // Latin-letter names such as G60 or 5G.
        if before.isLetter && before.isASCII { return true }
        if let a = after.first, a.isASCII, a.isLetter { return true }
        let window = Self.string(c, max(0, start - 8)..<min(c.count, end + 8))
        return allowed.contains { entry in entry.contains(number) && window.contains(entry) }
    }

    /// Characters appended one by one: `String(_:)` of a slice of characters is the generic
    /// sequence initialiser, whose first use resolves the slice's associated types by name
    /// (a scan of the binary's conformance records, ~0.1 ms of every run).
    static func string(_ c: [Character], _ range: Range<Int>) -> String {
        var s = ""
        for k in range { s.append(c[k]) }
        return s
    }

    static func isDigit(_ c: Character) -> Bool {
        ("0"..."9").contains(c) || ("０"..."９").contains(c)
    }

    /// Replaces `{{...}}` with spaces of the same length so positions stay right.
    static func blankingTags(_ s: String) -> String {
        var out = "", depth = 0
        var chars = Array(s)[...]
        while let c = chars.first {
            if chars.starts(with: ["{", "{"]) { depth += 1; out += "  "; chars = chars.dropFirst(2); continue }
            if depth > 0, chars.starts(with: ["}", "}"]) { depth -= 1; out += "  "; chars = chars.dropFirst(2); continue }
            out.append(depth > 0 ? " " : c)
            chars = chars.dropFirst()
        }
        return out
    }
}
