import Foundation

/// Some rows of a CSV file, kept as the text the user wrote (header included), with the original
/// line number of every physical line. A batch unit's rows are typed by the ordinary loader from
/// this text, and every record and diagnostic is then moved back to its line in the real file,
/// so an error in one unit's row reads `figures.csv:57:4` as if the file had been loaded whole.
public struct CSVSubset: Sendable, Hashable {
    /// The header line(s) followed by the chosen rows.
    public var text: String
    /// `originalLine[i]` is the file line of the subset's line `i + 1`.
    public var originalLine: [Int]
    /// Whether any data row is present (a unit may have none in a dataset).
    public var hasRows: Bool

    /// The subset's bytes, what a unit's fingerprint is made from.
    public var bytes: [UInt8] { Array(text.utf8) }

    func line(_ local: Int) -> Int { local >= 1 && local <= originalLine.count ? originalLine[local - 1] : local }

    /// Moves records and this file's diagnostics back to their lines in the original file. A
    /// unit without rows in a dataset is not an error of the file: binding reports what is missing.
    func remap(_ dataset: inout Dataset?, _ diagnostics: inout [Diagnostic], csvPath: String) {
        if dataset != nil {
            for i in dataset!.records.indices { dataset!.records[i].line = line(dataset!.records[i].line) }
        }
        diagnostics = diagnostics.compactMap { d in
            guard d.file == csvPath else { return d }
            if !hasRows && d.message.hasPrefix(CSVSubset.noRowsMessage) { return nil }
            var d = d
            d.line = line(d.line)
            d.message = Self.remapLineMention(d.message, line)
            return d
        }
    }

    /// "duplicate id 'x' (first used on line 3)" names a line of the subset too.
    static func remapLineMention(_ message: String, _ line: (Int) -> Int) -> String {
        let marker = "(first used on line "
        guard let r = message.range(of: marker),
              let end = message[r.upperBound...].firstIndex(of: ")"),
              let n = Int(message[r.upperBound..<end]) else { return message }
        return message.replacingCharacters(in: r.upperBound..<end, with: String(line(n)))
    }

    /// The loader's message for a header without rows (see `DatasetLoader.load`).
    static let noRowsMessage = "file has a header but no data rows"
}

/// A CSV file cut by the value of one column: the rows of each unit, as `CSVSubset`s.
/// Rows are found with the real CSV parser (quoted fields may hold commas and line breaks), and
/// each row's text is taken verbatim from its first to its last physical line.
public struct CSVSplit: Sendable {
    public var keyColumn: String
    /// 1-based field index of the key column.
    public var keyField: Int
    /// Key value → rows (text and first line), in file order.
    var rows: [String: [(text: Substring, first: Int, count: Int)]] = [:]
    /// Key values in order of first appearance.
    public private(set) var keys: [String] = []
    /// Key value → line of its first row.
    public private(set) var firstLine: [String: Int] = [:]
    var header: (text: Substring, count: Int)
    /// Rows that belong to no unit (no key cell, empty key) and structural problems of the file.
    public private(set) var diagnostics: [Diagnostic] = []

    /// nil when the file's header has no `keyColumn` (the dataset is then shared by every unit)
    /// or the file cannot be read as UTF-8 CSV (the ordinary loader reports why).
    public init?(csv: Data, csvPath: String, keyColumn: String) {
        guard case .success(let text) = TextDecoding.utf8(csv, file: csvPath) else { return nil }
        let parsed = CSVParser.parse(text, file: csvPath)
        guard let head = parsed.rows.first,
              let k = head.fields.firstIndex(where: { $0.text.trimmed == keyColumn }) else { return nil }
        self.keyColumn = keyColumn
        keyField = k + 1
        let lines = Self.physicalLines(text)
        func span(_ from: Int, _ to: Int) -> Substring {
            guard from <= to, from >= 1, to <= lines.count else { return "" }
            return text[lines[from - 1].lowerBound..<lines[to - 1].upperBound]
        }
        let data = Array(parsed.rows.dropFirst())
        let headerEnd = (data.first?.line ?? lines.count + 1) - 1
        header = (span(1, headerEnd), headerEnd)
        diagnostics = parsed.diagnostics
        for (i, row) in data.enumerated() {
            let last = (i + 1 < data.count ? data[i + 1].line : lines.count + 1) - 1
            guard row.fields.count > k else {
                diagnostics.append(Diagnostic(.error, file: csvPath, line: row.line, column: row.fields.count + 1,
                    "row has no \(keyColumn) cell, so it belongs to no unit (the header has \(head.fields.count) fields)"))
                continue
            }
            let field = row.fields[k]
            let key = field.text.trimmed
            guard !key.isEmpty else {
                diagnostics.append(Diagnostic(.error, file: csvPath, line: field.line, column: keyField,
                    "empty \(keyColumn): every row of this file belongs to one unit"))
                continue
            }
            if rows[key] == nil { keys.append(key); firstLine[key] = row.line }
            rows[key, default: []].append((span(row.line, last), row.line, last - row.line + 1))
        }
    }

    /// First lines of `key`'s rows, in file order.
    public func lines(of key: String) -> [Int] { (rows[key] ?? []).map(\.first) }

    /// The header and `key`'s rows (just the header when it has none).
    public func subset(_ key: String) -> CSVSubset {
        var text = String(header.text)
        var lines = Array(1..<(header.count + 1))
        Self.terminate(&text)
        for r in rows[key] ?? [] {
            text += r.text
            Self.terminate(&text)
            lines += Array(r.first..<(r.first + r.count))
        }
        return CSVSubset(text: text, originalLine: lines, hasRows: rows[key] != nil)
    }

    /// A row at the end of a file without a final newline must not run into the next one.
    static func terminate(_ text: inout String) {
        if let last = text.unicodeScalars.last, last != "\n" && last != "\r" { text += "\n" }
    }

    /// Ranges of physical lines, each with its line end, counted as `CSVParser` counts them
    /// (CRLF, LF or CR each end one line).
    static func physicalLines(_ text: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        let s = text.unicodeScalars
        var start = s.startIndex, i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            var next = s.index(after: i)
            if c == "\r" || c == "\n" {
                if c == "\r", next < s.endIndex, s[next] == "\n" { next = s.index(after: next) }
                out.append(start..<next)
                start = next
            }
            i = next
        }
        if start < s.endIndex { out.append(start..<s.endIndex) }
        return out
    }
}
