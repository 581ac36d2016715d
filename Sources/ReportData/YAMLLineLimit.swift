/// A pre-scan of YAML text before the parser sees it: a line longer than
/// `InputLimits.yamlLineBytes` (a 1 MB key, a pasted blob) is refused at its position, in one
/// linear pass, instead of being scanned and rescanned by the parser.
enum YAMLLineLimit {
    static func check(_ text: String, file: String, limit: Int = InputLimits.yamlLineBytes) -> Diagnostic? {
        var line = 1, length = 0
        for b in text.utf8 {
            if b == 0x0A { line += 1; length = 0; continue }
            length += 1
            if length > limit {
                return Diagnostic(.error, file: file, line: line, column: 1,
                    "line is longer than \(limit) bytes (the limit; a key may have at most \(InputLimits.yamlKeyCharacters) characters)")
            }
        }
        return nil
    }
}
