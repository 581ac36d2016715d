/// One CSV field with where it starts: `line` is the physical line of its first character
/// (for a quoted multi-line field, the line of the opening quote); `column` is the field index.
public struct CSVField: Sendable, Hashable {
    public var text: String
    public var line: Int
    public var column: Int
    /// Whether the field was quoted: `""` is an explicit empty value, not a blank line.
    public var quoted: Bool
}

/// One record of a CSV file: its fields in order, each with its position.
public struct CSVRow: Sendable, Hashable {
    public var fields: [CSVField]
    public var line: Int { fields.first?.line ?? 0 }
}

/// RFC 4180 reader: quoted fields with embedded commas, doubled quotes and newlines;
/// CRLF, LF or CR line ends. Structural problems are returned as diagnostics, and parsing
/// resumes at the next line so one run reports them all.
///
/// It streams: rows are handed to a callback one at a time, over the UTF-8 bytes, so memory
/// stays bounded by one row whatever the file's size. The limits (`InputLimits`: cell length,
/// fields per row, rows) are checked as the bytes arrive, so a 10 MB cell fails at its start
/// position after reading it once. Control characters (NUL, ESC, DEL, C1 ...) are errors at their
/// cell: they would truncate labels in C libraries and are invisible in every viewer. Line ends
/// inside quoted fields are allowed (multi-line text).
public enum CSVParser {
    /// Size limits checked while parsing (defaults from `InputLimits`).
    public struct Limits: Sendable {
        public var cellBytes = InputLimits.cellBytes
        public var columns = InputLimits.columns
        /// Rows including the header.
        public var rows = InputLimits.rows + 1
        public init() {}
    }

    /// Parses the whole text and returns every row (for small inputs and tests).
    public static func parse(_ text: String, file: String, limits: Limits = Limits()) -> (rows: [CSVRow], diagnostics: [Diagnostic]) {
        var rows: [CSVRow] = []
        let diags = parse(bytes: Array(text.utf8), file: file, limits: limits) { rows.append($0); return true }
        return (rows, diags)
    }

    /// Parses UTF-8 `bytes` (already validated, BOM removed), calling `onRow` for every record
    /// in order; `onRow` returns false to stop. Returns the structural diagnostics.
    public static func parse(bytes: [UInt8], file: String, limits: Limits = Limits(),
                             onRow: (CSVRow) -> Bool) -> [Diagnostic] {
        var reader = Reader(file: file, limits: limits)
        bytes.withUnsafeBufferPointer { reader.run($0, onRow: onRow) }
        return reader.diagnostics
    }
}

/// The state machine behind `CSVParser`.
private struct Reader {
    let file: String
    let limits: CSVParser.Limits
    var sink = DiagnosticSink()
    var diagnostics: [Diagnostic] { sink.finish(file: file) }
    var fields: [CSVField] = []
    var field: [UInt8] = []
    var line = 1, fieldLine = 1, rowCount = 0
    var quoted = false, inQuotes = false, afterQuote = false, skipToEOL = false
    /// The current field passed the cell limit: its bytes are no longer kept.
    var overflow = false
    var stopped = false

    init(file: String, limits: CSVParser.Limits) {
        self.file = file; self.limits = limits
        field.reserveCapacity(256)
    }

    mutating func error(line: Int, _ message: String) {
        sink.error(file, line, fields.count + 1, message)
    }

    mutating func endField() {
        fields.append(CSVField(text: String(decoding: field, as: UTF8.self), line: fieldLine, column: fields.count + 1, quoted: quoted))
        field.removeAll(keepingCapacity: true); quoted = false; afterQuote = false; fieldLine = line
        if fields.count > limits.columns {
            error(line: line, "row has more than \(limits.columns) fields (the limit)")
            skipToEOL = true
        }
    }

    mutating func endRow(onRow: (CSVRow) -> Bool) {
        defer { fields.removeAll(keepingCapacity: true) }
        // A line with nothing on it is not a record (blank line, trailing newline).
        if fields.count == 1 && fields[0].text.isEmpty && !fields[0].quoted { return }
        rowCount += 1
        if rowCount > limits.rows {
            sink.error(file, fields[0].line, 1, "more than \(limits.rows - 1) data rows (the limit); split the dataset")
            stopped = true; return
        }
        if !onRow(CSVRow(fields: fields)) { stopped = true }
    }

    /// Drops the rest of the physical line after a structural error.
    mutating func resetAfterSkip() {
        skipToEOL = false; fields.removeAll(keepingCapacity: true); field.removeAll(keepingCapacity: true)
        quoted = false; afterQuote = false; overflow = false; fieldLine = line
    }

    mutating func append(_ c: UInt8) {
        if overflow { return }
        if field.count >= limits.cellBytes {
            overflow = true
            error(line: fieldLine, "cell is longer than \(limits.cellBytes) bytes (the limit)")
            return
        }
        field.append(c)
    }

    /// A control character (C0 other than line ends, DEL, or a C1 control as UTF-8 C2 80–9F) at `i`.
    func control(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32? {
        let c = s[i]
        if c < 0x20 && c != 0x0A && c != 0x0D { return UInt32(c) }
        if c == 0x7F { return 0x7F }
        if c == 0xC2, i + 1 < s.count, (0x80...0x9F).contains(s[i + 1]) { return UInt32(s[i + 1]) }
        return nil
    }

    mutating func run(_ s: UnsafeBufferPointer<UInt8>, onRow: (CSVRow) -> Bool) {
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        var i = 0
        while i < s.count && !stopped {
            let c = s[i]
            if skipToEOL {
                if c == cr || c == lf {
                    if c == cr, i + 1 < s.count, s[i + 1] == lf { i += 1 }
                    line += 1; resetAfterSkip()
                }
                i += 1; continue
            }
            if let u = control(s, i) {
                error(line: line, "control character \(VisibleText.name(Unicode.Scalar(u)!)) in the cell; remove it")
                skipToEOL = true; inQuotes = false; i += 1; continue
            }
            if inQuotes {
                if c == quote {
                    if i + 1 < s.count, s[i + 1] == quote { append(quote); i += 2; continue }
                    inQuotes = false; afterQuote = true; i += 1; continue
                }
                if c == cr || c == lf {
                    if c == cr, i + 1 < s.count, s[i + 1] == lf { append(cr); i += 1 }
                    append(s[i]); line += 1; i += 1; continue
                }
                append(c); i += 1; continue
            }
            switch c {
            case comma:
                if overflow { skipToEOL = true; i += 1; continue }
                endField()
            case cr, lf:
                if c == cr, i + 1 < s.count, s[i + 1] == lf { i += 1 }
                if overflow { line += 1; resetAfterSkip(); i += 1; continue }
                endField()
                if !skipToEOL { endRow(onRow: onRow) }
                line += 1; resetAfterSkip()
            case quote:
                if field.isEmpty && !afterQuote && !quoted && !overflow {
                    inQuotes = true; quoted = true; fieldLine = line
                } else {
                    error(line: line, afterQuote ? "unexpected quote after a closing quote (double it as \"\" inside a quoted field)"
                                                 : "quote inside an unquoted field; quote the whole field and double the inner quote")
                    skipToEOL = true
                }
            default:
                if afterQuote {
                    error(line: line, "text after the closing quote of a field")
                    skipToEOL = true; i += 1; continue
                }
                append(c)
            }
            i += 1
        }
        if stopped { return }
        if inQuotes {
            sink.error(file, fieldLine, fields.count + 1, "unterminated quoted field (opened here, never closed)")
            return
        }
        if !skipToEOL && !overflow && (!fields.isEmpty || !field.isEmpty || quoted) { endField(); endRow(onRow: onRow) }
    }
}
