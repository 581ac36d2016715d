/// One CSV field with where it starts: `line` is the physical line of its first character
/// (for a quoted multi-line field, the line of the opening quote); `column` is the field index.
public struct CSVField: Sendable, Hashable {
    public var text: String
    public var line: Int
    public var column: Int
    /// Whether the field was quoted: `""` is an explicit empty value, not a blank line.
    public var quoted: Bool
}

public struct CSVRow: Sendable, Hashable {
    public var fields: [CSVField]
    public var line: Int { fields.first?.line ?? 0 }
}

/// RFC 4180 reader: quoted fields with embedded commas, doubled quotes and newlines;
/// CRLF, LF or CR line ends. Structural problems are returned as diagnostics, and parsing
/// resumes at the next line so one run reports them all.
public enum CSVParser {
    public static func parse(_ text: String, file: String) -> (rows: [CSVRow], diagnostics: [Diagnostic]) {
        var rows: [CSVRow] = []
        var diags: [Diagnostic] = []
        var fields: [CSVField] = []
        var field = String.UnicodeScalarView()
        var line = 1, fieldLine = 1
        var quoted = false, inQuotes = false, afterQuote = false, skipToEOL = false
        let s = Array(text.unicodeScalars)
        var i = 0

        func endField() {
            fields.append(CSVField(text: String(field), line: fieldLine, column: fields.count + 1, quoted: quoted))
            field = String.UnicodeScalarView(); quoted = false; afterQuote = false; fieldLine = line
        }
        func endRow() {
            // A line with nothing on it is not a record (blank line, trailing newline).
            if !(fields.count == 1 && fields[0].text.isEmpty && !fields[0].quoted) { rows.append(CSVRow(fields: fields)) }
            fields = []
        }

        while i < s.count {
            let c = s[i]
            if skipToEOL {
                // After a structural error the rest of the physical line is dropped.
                if c == "\r" || c == "\n" {
                    if c == "\r", i + 1 < s.count, s[i + 1] == "\n" { i += 1 }
                    line += 1; fieldLine = line
                    skipToEOL = false; fields = []; field = .init(); quoted = false; afterQuote = false
                }
                i += 1; continue
            }
            if inQuotes {
                if c == "\"" {
                    if i + 1 < s.count, s[i + 1] == "\"" { field.append("\""); i += 2; continue }
                    inQuotes = false; afterQuote = true; i += 1; continue
                }
                if c == "\r" || c == "\n" {
                    if c == "\r", i + 1 < s.count, s[i + 1] == "\n" { field.append("\r"); i += 1 }
                    field.append(s[i]); line += 1; i += 1; continue
                }
                field.append(c); i += 1; continue
            }
            switch c {
            case ",":
                endField()
            case "\r", "\n":
                if c == "\r", i + 1 < s.count, s[i + 1] == "\n" { i += 1 }
                endField(); endRow()
                line += 1; fieldLine = line
            case "\"":
                if field.isEmpty && !afterQuote && !quoted {
                    inQuotes = true; quoted = true; fieldLine = line
                } else {
                    diags.append(Diagnostic(.error, file: file, line: line, column: fields.count + 1,
                        afterQuote ? "unexpected quote after a closing quote (double it as \"\" inside a quoted field)"
                                   : "quote inside an unquoted field; quote the whole field and double the inner quote"))
                    skipToEOL = true; i += 1; continue
                }
            default:
                if afterQuote {
                    diags.append(Diagnostic(.error, file: file, line: line, column: fields.count + 1,
                        "text after the closing quote of a field"))
                    skipToEOL = true; i += 1; continue
                }
                field.append(c)
            }
            i += 1
        }
        if inQuotes {
            diags.append(Diagnostic(.error, file: file, line: fieldLine, column: fields.count + 1,
                                    "unterminated quoted field (opened here, never closed)"))
            return (rows, diags)
        }
        if !skipToEOL && (!fields.isEmpty || !field.isEmpty || quoted) { endField(); endRow() }
        return (rows, diags)
    }
}

