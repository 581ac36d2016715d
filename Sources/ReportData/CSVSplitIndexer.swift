#if canImport(Glibc)
import Glibc
#endif

/// Bytes of a CSV file, a piece at a time.
protocol CSVChunks {
    /// Appends up to one chunk of the next bytes to `buffer`; false at the end (or on failure).
    mutating func read(into buffer: inout [UInt8]) -> Bool
}

/// In-memory bytes handed out whole (small inputs and tests).
struct MemoryChunks: CSVChunks {
    let bytes: [UInt8]
    var done = false
    mutating func read(into buffer: inout [UInt8]) -> Bool {
        if done { return false }
        done = true
        buffer += bytes
        return !bytes.isEmpty
    }
}

/// A file descriptor read `chunkBytes` at a time.
struct FileChunks: CSVChunks {
    let fd: Int32
    let chunkBytes: Int
    /// Bytes left of the size the file had when opened: a file growing meanwhile is not read past it.
    var remaining: Int
    var failed: Int32?

    init(fd: Int32, chunkBytes: Int, size: Int) { self.fd = fd; self.chunkBytes = max(1, chunkBytes); remaining = size }

    mutating func read(into buffer: inout [UInt8]) -> Bool {
        let want = min(chunkBytes, remaining)
        guard want > 0 else { return false }
        let start = buffer.count
        buffer += repeatElement(0, count: want)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + start, want) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { failed = errno }
            buffer.removeLast(want - max(n, 0))
            remaining -= max(n, 0)
            return n > 0
        }
    }
}

/// The one pass that builds a `CSVSplit`: the bytes are cut into chunks at line ends that lie
/// outside quoted fields, each chunk is parsed by `CSVParser` (so rows, limits and structural
/// errors are the parser's own), and each row's key and byte range are recorded. Rows are
/// distributed to their units as they stream by; no row text is kept.
///
/// A line end is outside quotes when an even number of `"` precede it since the last cut: true
/// of every valid file, so the chunks parse exactly as the whole file would. In a malformed file
/// the rows up to its first structural error are parsed as the whole file would be, so that
/// error is reported at its place (and fails the batch).
struct CSVSplitIndexer {
    var split: CSVSplit
    let csvPath: String
    /// Byte offset of the first unparsed byte, and the line before it.
    var base = 0, lineBase = 0
    /// A row whose end is the next row's start: its key (nil: a row of no unit), offset and line.
    var pending: (key: String?, offset: Int, line: Int)?
    var headerSeen = false, noKey = false, stopped = false
    /// Offset where the header ends (the first data row starts).
    var headerEnd: Int?
    var rows = 0
    /// The parser's structural problems, then the rows of no unit (the order of a whole-file parse).
    var structural = DiagnosticSink(cap: 500), problems = DiagnosticSink(cap: 500)
    /// Fields of the header row, for messages.
    var headerFields = 0

    static func index<C: CSVChunks>(_ chunks: inout C, csvPath: String, keyColumn: String, source: CSVSplit.Source) -> CSVSplit? {
        var ix = CSVSplitIndexer(split: CSVSplit(keyColumn: keyColumn, source: source), csvPath: csvPath)
        var buffer: [UInt8] = []
        var more = chunks.read(into: &buffer)
        while more && buffer.count < 3 { more = chunks.read(into: &buffer) }
        if buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF]) { return nil }
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3); ix.base = 3 }
        let bomLength = ix.base
        // Scan state over `buffer`: up to `scanned`, with quote parity `odd`; `cut` = safe end.
        var scanned = 0, odd = false
        while true {
            var cut = 0
            while scanned < buffer.count {
                let c = buffer[scanned]
                if c == 0x22 { odd.toggle() } else if !odd && c == 0x0A { cut = scanned + 1 } else if !odd && c == 0x0D {
                    guard scanned + 1 < buffer.count else { break }  // CR LF may straddle: wait for the next byte
                    if buffer[scanned + 1] != 0x0A { cut = scanned + 1 }
                }
                scanned += 1
            }
            if !more { cut = buffer.count }
            if cut > 0 {
                guard ix.parse(Array(buffer[..<cut])) else { return nil }
                buffer.removeFirst(cut)
                scanned -= cut
            }
            if !more || ix.stopped { break }
            more = chunks.read(into: &buffer)
        }
        guard !ix.noKey, ix.headerSeen else { return nil }
        return ix.finish(bomLength)
    }

    /// Parses one chunk (starting at a line start, ending at a line end unless it is the last);
    /// false when the split cannot be made (not UTF-8, no key column).
    mutating func parse(_ chunk: [UInt8]) -> Bool {
        if TextDecoding.firstInvalidUTF8(chunk) != nil { return false }
        var starts = [0]
        var i = 0
        while i < chunk.count {
            let c = chunk[i]
            if c == 0x0D && i + 1 < chunk.count && chunk[i + 1] == 0x0A { i += 1 }
            if c == 0x0D || c == 0x0A { starts.append(i + 1) }
            i += 1
        }
        let base = self.base, lineBase = self.lineBase
        let found = CSVParser.parse(bytes: chunk, file: csvPath) { row in
            self.row(row, line: lineBase + row.line, offset: base + starts[row.line - 1])
        }
        for var d in found {
            d.line += lineBase
            structural.add(d)
        }
        if noKey { return false }
        // A final line without a line end still counts as a line.
        let ends = starts.count - 1
        self.lineBase += ends + (starts.last! < chunk.count ? 1 : 0)
        self.base += chunk.count
        return true
    }

    /// One parsed row at file line `line` and byte `offset`; false stops the parse.
    mutating func row(_ row: CSVRow, line: Int, offset: Int) -> Bool {
        guard headerSeen else {
            guard let k = row.fields.firstIndex(where: { $0.text.trimmed == split.keyColumn }) else { noKey = true; return false }
            split.keyField = k + 1
            headerSeen = true
            headerFields = row.fields.count
            return true
        }
        rows += 1
        if rows > InputLimits.rows {
            problems.error(csvPath, line, 1, "more than \(InputLimits.rows) data rows (the limit); split the dataset")
            stopped = true
            return false
        }
        if headerEnd == nil { headerEnd = offset; split.headerLines = line - 1 }
        close(at: offset, line: line)
        let k = split.keyField - 1
        guard row.fields.count > k else {
            problems.error(csvPath, line, row.fields.count + 1,
                "row has no \(split.keyColumn) cell, so it belongs to no unit (the header has \(headerFields) fields)")
            pending = (nil, offset, line)
            return true
        }
        let field = row.fields[k]
        let key = field.text.trimmed
        guard !key.isEmpty else {
            problems.error(csvPath, lineBase + field.line, split.keyField,
                "empty \(split.keyColumn): every row of this file belongs to one unit")
            pending = (nil, offset, line)
            return true
        }
        if split.firstLine[key] == nil { split.keys.append(key); split.firstLine[key] = line }
        else if split.secondLine[key] == nil { split.secondLine[key] = line }
        pending = (key, offset, line)
        return true
    }

    /// Ends the pending row where the next one starts, adding it to its unit's runs.
    mutating func close(at end: Int, line: Int) {
        guard let p = pending else { return }
        pending = nil
        guard let key = p.key else { return }
        let run = CSVSplit.Run(offset: p.offset, length: end - p.offset, firstLine: p.line, lines: line - p.line)
        Self.add(run, to: &split.runs[key, default: []])
    }

    /// Appends `run`, joined to the last one when it starts where that one ends (in place).
    static func add(_ run: CSVSplit.Run, to runs: inout [CSVSplit.Run]) {
        if let last = runs.last, last.offset + last.length == run.offset {
            runs[runs.count - 1].length += run.length
            runs[runs.count - 1].lines += run.lines
        } else {
            runs.append(run)
        }
    }

    /// After the last chunk: the last row runs to the end of the file; the header is read back.
    mutating func finish(_ bomLength: Int) -> CSVSplit? {
        close(at: base, line: lineBase + 1)
        let end = headerEnd ?? base
        if headerEnd == nil { split.headerLines = lineBase }
        switch split.source {
        case .bytes(let b): split.header = Array(b[bomLength..<end])
        case .file:
            guard let piece = try? split.read([CSVSplit.Run(offset: bomLength, length: end - bomLength, firstLine: 1, lines: 0)],
                                              csvPath: csvPath).first else { return nil }
            split.header = piece
        }
        structural.absorb(problems)
        split.diagnostics = structural.finish(file: csvPath)
        return split
    }
}
