import Yams

/// The tags Yams' default resolver gave mapping keys, for the three this format refuses.
///
/// The resolver tried seven regular expressions on every key (compiling them costs more than
/// reading a small template), and the loader refused keys that came out `<<` (!!merge),
/// `=` (!!value) or a timestamp (!!timestamp). The other rules (bool, int, float, null) give
/// tags that are allowed, so only these three are written out here, as the rules spell them.
enum YAMLKeyTags {
    /// "!!merge", "!!value" or "!!timestamp" for a plain, untagged key of that form; else nil.
    static func refused(_ node: Node) -> String? {
        guard case .scalar(let s) = node, s.style == .plain,
              s.tag.description == "" || s.tag.description == "tag:yaml.org,2002:str" else { return nil }
        switch s.string {
        case "<<": return "!!merge"
        case "=": return "!!value"
        default: return isTimestamp(s.string) ? "!!timestamp" : nil
        }
    }

    /// Yams' timestamp rule:
    /// `^(?:YYYY-MM-DD|YYYY-M?M-D?D(?:[Tt]|[ \t]+)H?H:MM:SS(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+]H?H(?::MM)?))?)$`.
    static func isTimestamp(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var i = 0
        func digit() -> Bool {
            guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { return false }
            i += 1; return true
        }
        func char(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1; return true
        }
        func digits(_ n: Int) -> Bool { (0..<n).allSatisfy { _ in digit() } }
        func oneOrTwo() -> Bool { guard digit() else { return false }; _ = digit(); return true }
        func blanks() -> Int { var n = 0; while char(0x20) || char(0x09) { n += 1 }; return n }
        // YYYY-MM-DD
        if b.count == 10, digits(4), char(0x2D), digits(2), char(0x2D), digits(2) { return true }
        i = 0
        guard digits(4), char(0x2D), oneOrTwo(), char(0x2D), oneOrTwo() else { return false }
        guard char(0x54) || char(0x74) || blanks() > 0 else { return false }
        guard oneOrTwo(), char(0x3A), digits(2), char(0x3A), digits(2) else { return false }
        if char(0x2E) { while digit() {} }
        if i == b.count { return true }
        _ = blanks()
        if char(0x5A) { return i == b.count }
        guard char(0x2D) || char(0x2B), oneOrTwo() else { return false }
        if char(0x3A) { guard digits(2) else { return false } }
        return i == b.count
    }
}
