/// "did you mean" suggestions for misspelt names and values: the closest allowed word by edit
/// distance, offered only when it is close enough to be a plausible typo.
public enum DidYouMean {
    /// The allowed word nearest to `value`, or nil when none is plausibly meant.
    public static func suggestion(for value: String, in allowed: [String]) -> String? {
        let v = Array(value.lowercased())
        guard !v.isEmpty, v.count <= 64 else { return nil }
        var best: (word: String, distance: Int)?
        for word in allowed {
            let d = distance(v, Array(word.lowercased()))
            if d < (best?.distance ?? .max) { best = (word, d) }
        }
        guard let b = best else { return nil }
        // A third of the longer word (at least 1, at most 3) may be wrong.
        let limit = min(3, max(1, max(v.count, b.word.count) / 3))
        return b.distance <= limit ? b.word : nil
    }

    /// `"horizonal" is not an orientation (allowed: vertical, horizontal, automatic); did you mean "horizontal"?`
    public static func message(_ value: String, isNot what: String, allowed: [String]) -> String {
        var m = "\(QuotedValue.quote(value)) is not \(what) (allowed: \(allowed.joined(separator: ", ")))"
        if let s = suggestion(for: value, in: allowed) { m += "; did you mean \"\(s)\"?" }
        return m
    }

    /// Edit distance counting a swap of two neighbours as one edit (optimal string alignment).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}

/// How a user's value is quoted in a message: control and invisible characters escaped (so a
/// NUL or a zero-width space is visible), and long values cut.
public enum QuotedValue {
    /// `s` quoted for a message, invisible characters escaped, cut after `limit` characters.
    public static func quote(_ s: String, limit: Int = 60) -> String {
        var out = ""
        for (i, scalar) in s.unicodeScalars.enumerated() {
            if i >= limit { out += "…"; break }
            out += isInvisible(scalar) ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
        }
        return "\"\(out)\""
    }

    /// Control characters, format characters (zero-width spaces, direction marks, BOM) and
    /// unassigned or private-use code points: nothing a reader can see in the file.
    public static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .unassigned, .privateUse, .surrogate, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}

extension DidYouMean {
    /// `no chart "incom" in charts; did you mean "income"?`
    public static func unknown(_ kind: String, _ name: String, among names: [String], in place: String = "") -> String {
        var m = "no \(kind) \(QuotedValue.quote(name))" + (place.isEmpty ? "" : " in \(place)")
        if let s = suggestion(for: name, in: names) { m += "; did you mean \"\(s)\"?" }
        return m
    }
}
