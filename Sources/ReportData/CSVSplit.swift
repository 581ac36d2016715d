import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A CSV file cut by the value of one column: where the rows of each unit are, as byte ranges
/// of the file, so a batch of any size holds a few numbers per unit and no row text. A unit's
/// `CSVSubset` (header plus its rows, verbatim) is read back from the file when the unit is built.
///
/// Rows are found with the real CSV parser (quoted fields may hold commas and line breaks) in one
/// streaming pass over the file in chunks (`CSVSplitIndexer`); each row spans its physical lines
/// from its first to the line before the next row, and adjacent rows of one unit are one run.
public struct CSVSplit: Sendable {
    public let keyColumn: String
    /// 1-based field index of the key column.
    public internal(set) var keyField = 0
    /// Key values in order of first appearance.
    public internal(set) var keys: [String] = []
    /// Key value → line of its first row.
    public internal(set) var firstLine: [String: Int] = [:]
    /// Key value → line of its second row (a unit id may appear once).
    var secondLine: [String: Int] = [:]
    /// Rows that belong to no unit (no key cell, empty key) and structural problems of the file.
    public internal(set) var diagnostics: [Diagnostic] = []
    /// Key value → its rows, as runs of adjacent rows in file order.
    var runs: [String: [Run]] = [:]
    /// The header line(s) (and blank lines up to the first row), without a BOM.
    var header: [UInt8] = []
    var headerLines = 0
    let source: Source

    /// Rows `firstLine ..< firstLine + lines` of the file, at bytes `offset ..< offset + length`.
    struct Run: Sendable, Hashable {
        var offset: Int, length: Int, firstLine: Int, lines: Int
    }

    /// Where the rows are read back from.
    enum Source: Sendable {
        case bytes([UInt8])
        /// The real path of a file and what it was when indexed: a file changed since is refused.
        case file(path: String, stamp: FileStamp)
    }

    init(keyColumn: String, source: Source) { self.keyColumn = keyColumn; self.source = source }

    /// The split of in-memory CSV bytes; nil when the header has no `keyColumn` (the dataset is then
    /// shared by every unit) or the bytes are not UTF-8 CSV (the ordinary loader reports why).
    public init?(csv: Data, csvPath: String, keyColumn: String) {
        let bytes = [UInt8](csv)
        var reader = MemoryChunks(bytes: bytes)
        guard let split = CSVSplitIndexer.index(&reader, csvPath: csvPath, keyColumn: keyColumn, source: .bytes(bytes)) else { return nil }
        self = split
    }

    /// The split of the file at `url`, streamed in chunks of `chunkBytes`: memory holds one chunk,
    /// never the file. The file is opened like every input (`InputFile`: inside `roots`, a regular
    /// file, within the CSV size limit); nil when it may not be read, has no `keyColumn` or is not
    /// UTF-8 CSV (the ordinary loader, reading it whole, then says why).
    public init?(file url: URL, within roots: InputRoots, csvPath: String, keyColumn: String, chunkBytes: Int = 1 << 20) {
        guard case .success(let opened) = InputFile.openRegular(url, within: roots, limit: InputLimits.csvBytes) else { return nil }
        defer { close(opened.fd) }
        var reader = FileChunks(fd: opened.fd, chunkBytes: chunkBytes, size: Int(opened.stamp.size))
        guard let split = CSVSplitIndexer.index(&reader, csvPath: csvPath, keyColumn: keyColumn,
                                                source: .file(path: opened.path, stamp: opened.stamp)),
              reader.failed == nil else { return nil }
        self = split
    }

    /// First lines of `key`'s rows, in file order: its first two at most (all a unit id check needs).
    public func lines(of key: String) -> [Int] { [firstLine[key], secondLine[key]].compactMap { $0 } }

    /// What the split keeps for its rows (tests check it): runs, no row text.
    public var runCount: Int { runs.values.reduce(0) { $0 + $1.count } }
    /// Bytes of text the split holds: the header only.
    public var headerBytes: Int { header.count }
    /// Whether rows are read back from the file (not held in memory).
    public var readsFromFile: Bool { if case .file = source { return true }; return false }

    /// A failure to read a unit's rows back (the file changed or vanished during the run).
    public struct ReadError: Error, Sendable { public var diagnostic: Diagnostic }

    /// The header and `key`'s rows (just the header when it has none).
    public func subset(_ key: String, csvPath: String) throws(ReadError) -> CSVSubset {
        var text = header
        var lines = Array(1..<(headerLines + 1))
        Self.terminate(&text)
        let mine = runs[key] ?? []
        let pieces = try read(mine, csvPath: csvPath)
        for (r, piece) in zip(mine, pieces) {
            text += piece
            Self.terminate(&text)
            lines += Array(r.firstLine..<(r.firstLine + r.lines))
        }
        return CSVSubset(text: String(decoding: text, as: UTF8.self), originalLine: lines, hasRows: !mine.isEmpty)
    }

    /// The bytes of `runs`, from memory or from the file (checked to be the file indexed).
    func read(_ runs: [Run], csvPath: String) throws(ReadError) -> [[UInt8]] {
        switch source {
        case .bytes(let b): return runs.map { Array(b[$0.offset..<($0.offset + $0.length)]) }
        case .file(let path, let stamp):
            guard !runs.isEmpty else { return [] }
            func fail(_ why: String) -> ReadError {
                ReadError(diagnostic: Diagnostic(.error, file: csvPath, line: 1, column: 1, why))
            }
            let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { throw fail("cannot be read again during the batch: \(String(cString: strerror(errno)))") }
            defer { close(fd) }
            var st = stat()
            guard fstat(fd, &st) == 0, FileStamp(st) == stamp else {
                throw fail("the file changed while the batch ran; run again")
            }
            var out: [[UInt8]] = []
            for r in runs {
                var buf = [UInt8](repeating: 0, count: r.length)
                var done = 0
                while done < r.length {
                    let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, r.length - done, off_t(r.offset + done)) }
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0 else { throw fail("the file changed while the batch ran; run again") }
                    done += n
                }
                out.append(buf)
            }
            return out
        }
    }

    /// A row at the end of a file without a final newline must not run into the next one.
    static func terminate(_ text: inout [UInt8]) {
        if let last = text.last, last != 0x0A && last != 0x0D { text.append(0x0A) }
    }
}

/// What identifies one version of a file: device, inode, size and modification time.
public struct FileStamp: Sendable, Hashable {
    var device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

    init(_ st: stat) {
        device = UInt64(st.st_dev); inode = UInt64(st.st_ino); size = Int64(st.st_size)
        seconds = st.st_mtim.tv_sec; nanoseconds = st.st_mtim.tv_nsec
    }
}

extension InputFile {
    /// An open descriptor of the regular file at `url` (inside `roots`, at most `limit` bytes),
    /// with its real path and stamp, for reading it in pieces; the caller closes it. The same
    /// checks as `read`, on the path and again on the descriptor.
    public static func openRegular(_ url: URL, within roots: InputRoots, limit: Int)
        -> Result<(fd: Int32, path: String, stamp: FileStamp), Failure> {
        guard let real = realPath(url.path) else {
            return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(String(cString: strerror(errno))))
        }
        guard roots.contains(realPath: real) else { return .failure(.outside(real)) }
        var st = stat()
        guard lstat(real, &st) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        if let k = kind(st.st_mode) { return .failure(.special(k)) }
        let fd = open(real, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard fstat(fd, &st) == 0 else { close(fd); return .failure(.unreadable(String(cString: strerror(errno)))) }
        if let k = kind(st.st_mode) { close(fd); return .failure(.special(k)) }
        if Int(st.st_size) > limit { close(fd); return .failure(.tooLarge(size: Int(st.st_size), limit: limit)) }
        return .success((fd, real, FileStamp(st)))
    }
}
