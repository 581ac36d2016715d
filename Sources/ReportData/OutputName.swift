/// Ids that become file names (`charts/<id>.svg`) or XML ids: `[A-Za-z0-9][A-Za-z0-9_-]{0,63}`.
/// That excludes by construction `..`, `/`, absolute paths, hidden files (`.svg`), NUL and
/// control characters, spaces, and names too long for a file system.
public enum OutputName {
    public static let maxLength = 64

    /// True when `id` can name an output file (`problem(with:)` finds nothing).
    public static func isValid(_ id: String) -> Bool { problem(with: id) == nil }

    /// Why `id` cannot name an output file, or nil when it can ("is empty", "contains '/'").
    public static func problem(with id: String) -> String? {
        if id.isEmpty { return "is empty; use letters, digits, '-' and '_'" }
        let quoted = "\"\(id)\""
        if id.utf8.count > maxLength { return "\(quoted) is longer than \(maxLength) characters" }
        if let bad = id.unicodeScalars.first(where: { !allowed($0) }) {
            return "\(quoted) contains \(describe(bad)); use only ASCII letters, digits, '-' and '_'"
        }
        if let first = id.unicodeScalars.first, first == "-" || first == "_" {
            return "\(quoted) must start with a letter or digit"
        }
        return nil
    }

    static func allowed(_ u: Unicode.Scalar) -> Bool {
        u.isASCII && (("a"..."z").contains(u) || ("A"..."Z").contains(u) || ("0"..."9").contains(u) || u == "-" || u == "_")
    }

    static func describe(_ u: Unicode.Scalar) -> String {
        if u.value < 0x20 || u.value == 0x7F || VisibleText.needsEscape(u) { return VisibleText.name(u) }
        return "'\(Character(u))'"
    }
}
