/// Where a duplicated YAML key stands. The YAML parser reports duplicates only for the mapping
/// as a whole (often at 1:1); this finds the second occurrence of the key in its block mapping
/// by indentation, which is what the user has to delete or rename.
enum DuplicateKeyFinder {
    static func find(_ names: [String], in text: String) -> (line: Int, column: Int)? {
        var scopes: [(indent: Int, keys: Set<String>)] = []
        var blockScalarIndent: Int?
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Array(raw.hasSuffix("\r") ? raw.dropLast() : raw)
            let spaces = line.prefix { $0 == " " }.count
            if line.dropFirst(spaces).isEmpty || line[spaces] == "#" { continue }
            if let b = blockScalarIndent {
                if spaces > b { continue }
                blockScalarIndent = nil
            }
            // "- " items open a new mapping at the column of their first key.
            var indent = spaces, newItem = false
            while indent + 1 < line.count, line[indent] == "-", line[indent + 1] == " " {
                indent += 2; newItem = true
                while indent < line.count, line[indent] == " " { indent += 1 }
            }
            guard let (key, rest) = splitKey(line[indent...]) else { continue }
            while let top = scopes.last, top.indent > indent || (newItem && top.indent == indent) { scopes.removeLast() }
            if let top = scopes.last, top.indent == indent {
                if top.keys.contains(key) && names.contains(key) { return (i + 1, indent + 1) }
                scopes[scopes.count - 1].keys.insert(key)
            } else {
                scopes.append((indent, [key]))
            }
            let value = rest.trimmingPrefix(while: { $0 == " " })
            if let first = value.first, first == "|" || first == ">" { blockScalarIndent = indent }
        }
        return nil
    }

    /// `key: rest` for plain or quoted keys; nil for lines that hold no key.
    private static func splitKey(_ s: ArraySlice<Character>) -> (String, ArraySlice<Character>)? {
        guard let first = s.first, first != "{", first != "[" else { return nil }
        var i = s.startIndex
        if first == "\"" || first == "'" {
            guard let close = s[(i + 1)...].firstIndex(of: first) else { return nil }
            i = close + 1
            guard i < s.endIndex, s[i] == ":" else { return nil }
            return (String(s[(s.startIndex + 1)..<close]), s[(i + 1)...])
        }
        while i < s.endIndex {
            if s[i] == ":" && (i + 1 == s.endIndex || s[i + 1] == " ") {
                return (String(s[s.startIndex..<i]).trimmingTrailingSpaces, s[(i + 1)...])
            }
            if s[i] == "#" && i > s.startIndex && s[i - 1] == " " { return nil }
            i += 1
        }
        return nil
    }
}

private extension ArraySlice where Element == Character {
    func trimmingPrefix(while p: (Character) -> Bool) -> ArraySlice<Character> { drop(while: p) }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
