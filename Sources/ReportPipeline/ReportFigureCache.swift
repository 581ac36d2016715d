import Crypto
import Foundation
import ReportComposer
import ReportData
import ReportScene
import ReportSync
#if canImport(Glibc)
import Glibc
#endif

/// The report's figures of the last run, kept in the output folder (`.report-figures/`, beside the
/// manifest and the kept font subsets): a rerun after a data edit lays out for the report column
/// only the charts the edit reaches (the one-cell rerun of the default report laid out all five,
/// its timeline's solve included, on the path to report.pdf).
///
/// A figure is stored under its chart's input key (`ChartInputKey`: every field of the bound job)
/// with the base key (tool, executable, font files, theme) and the column width: the same key
/// means the same layout, so a kept figure is the one laying out would give, value for value
/// (`ReportFigureCacheTests`).
/// All of a run's figures are one file, `figures.pack` (one file per figure made a 30-chart
/// report create, link and rename 30 files in its commit, ~5 ms of its run): a run of records,
/// each the identity and one figure as `encode` writes it, with its own SHA-256. Read only from
/// this folder (a real folder, a regular file); a record damaged, cut or stored under another
/// key is ignored and its chart laid out again. Written by the build's commit, with the outputs,
/// so a failed run leaves none; after each run the pack holds the figures of that run's charts.
final class ReportFigureCache: @unchecked Sendable {
    static let folder = ".report-figures"
    static let packName = "figures.pack"
    static var packRel: String { "\(folder)/\(packName)" }
    /// Most bytes one figure may take; a larger one is laid out again by every run.
    static let maxBytes = 16 << 20
    /// Most bytes the pack may take when read.
    static let maxPackBytes = 64 << 20
    private static let magic = Array("report-figure 2\n".utf8)
    private static let packMagic = Array("report-figures pack 1\n".utf8)

    let root: URL
    /// `fingerprints.base`: what every output depends on (tool, executable, fonts, theme).
    let base: String
    /// False for `--force` (every figure is laid out, and stored for the next run) and when the
    /// folder keeps no figures.
    let reads: Bool

    private struct State {
        /// identity → this run's new record (nil: the kept record was used as it is).
        var used: [String: [UInt8]?] = [:]
        /// The kept pack's records by identity, read at the first look (nil: not read yet).
        var kept: [String: ArraySlice<UInt8>]?
        var keptBytes: [UInt8] = []
    }
    private let state = Locked(State())

    init(root: URL, base: String, reads: Bool) {
        self.root = root; self.base = base
        // Nothing to read in a folder without kept figures (a first run): the keys can wait.
        var st = stat()
        self.reads = reads && lstat(root.appendingPathComponent(Self.folder).path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
    }

    /// The key a chart's report figure is kept under.
    func identity(of job: ChartJob, width: Double, keys: ChartKeyOnce? = nil) -> String {
        let input = keys?.key(job) ?? ChartInputKey.of(job)
        var f = Fingerprint()
        f.add("kind", "report figure 1")
        f.add("base", base)
        f.add("id", job.id)
        f.add("input", input)
        f.add("width", "\(width)")
        return f.hex()
    }

    /// The kept figure for `identity`, when there is an intact one (and this run reads them).
    /// Recorded as used either way, so the commit keeps it or writes its replacement.
    func load(_ identity: String) -> ReportFigure? {
        guard reads else { return nil }
        let record = state.withLock { s -> ArraySlice<UInt8>? in
            if s.kept == nil { (s.keptBytes, s.kept) = readPack() }
            return s.kept?[identity]
        }
        guard let record, let figure = Self.decode(Array(record), identity: identity) else { return nil }
        state.withLock { $0.used[identity] = .some(nil) }
        return figure
    }

    /// The records of the kept pack (its bytes, and each record's bytes by identity); empty when
    /// there is none or it is not a regular file in a real folder.
    private func readPack() -> ([UInt8], [String: ArraySlice<UInt8>]) {
        var st = stat()
        guard lstat(root.appendingPathComponent(Self.folder).path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR,
              let data = try? InputFile.readRegular(root.appendingPathComponent(Self.packRel).path,
                                                    limit: Self.maxPackBytes).get() else { return ([], [:]) }
        let bytes = [UInt8](data)
        return (bytes, Self.records(bytes))
    }

    /// Keeps `figure` (laid out this run) for the next run.
    func store(_ identity: String, _ figure: ReportFigure) {
        guard let file = try? Self.encode(figure, identity: identity), file.count <= Self.maxBytes else { return }
        state.withLock { $0.used[identity] = .some(file) }
    }

    /// Adds this run's pack to `commit` (unless it is the kept one, byte for byte), and removes
    /// what else the folder holds of this tool's (a pack with no figures, the one-file-per-figure
    /// `*.figure` files of earlier versions).
    func addWrites(to commit: inout OutputCommit) {
        // A record marked kept was read from the pack, so `kept` holds it.
        let (used, kept, keptBytes) = state.withLock { s in (s.used, s.kept ?? [:], s.keptBytes) }
        var records: [(String, [UInt8])] = []
        for (identity, file) in used.sorted(by: { $0.key < $1.key }) {
            if let file { records.append((identity, file)) } else if let record = kept[identity] { records.append((identity, Array(record))) }
        }
        let dir = root.appendingPathComponent(Self.folder)
        var st = stat()
        let folderExists = lstat(dir.path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
        if !records.isEmpty {
            let pack = Self.pack(records)
            let current = keptBytes.isEmpty && folderExists
                ? (try? InputFile.readRegular(dir.appendingPathComponent(Self.packName).path, limit: Self.maxPackBytes).get()).map { [UInt8]($0) } ?? []
                : keptBytes
            if pack != current { commit.write(pack, to: Self.packRel) }
        }
        guard folderExists else { return }
        for name in DirectoryNames.list(dir.path).sorted()
        where name.hasSuffix(".figure") || (name == Self.packName && records.isEmpty) {
            guard lstat(dir.appendingPathComponent(name).path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
            commit.remove("\(Self.folder)/\(name)")
        }
    }

    // MARK: the pack

    /// The pack of `records` (identity, `encode`'s bytes), in the order given.
    static func pack(_ records: [(String, [UInt8])]) -> [UInt8] {
        var out = packMagic
        func u32(_ n: Int) { for shift in [24, 16, 8, 0] { out.append(UInt8(truncatingIfNeeded: n >> shift)) } }
        for (identity, file) in records {
            let id = Array(identity.utf8)
            u32(id.count); out += id
            u32(file.count); out += file
        }
        return out
    }

    /// A pack's records by identity; reading stops at the first that does not fit the bytes (a
    /// cut or damaged length), so what comes before it is still used.
    static func records(_ bytes: [UInt8]) -> [String: ArraySlice<UInt8>] {
        guard bytes.starts(with: packMagic) else { return [:] }
        var out: [String: ArraySlice<UInt8>] = [:]
        var i = packMagic.count
        func u32() -> Int? {
            guard i + 4 <= bytes.count else { return nil }
            defer { i += 4 }
            return Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
        }
        while i < bytes.count {
            guard let idCount = u32(), idCount <= 256, i + idCount <= bytes.count else { break }
            let identity = String(decoding: bytes[i..<i + idCount], as: UTF8.self)
            i += idCount
            guard let count = u32(), count <= maxBytes, i + count <= bytes.count else { break }
            if out[identity] == nil { out[identity] = bytes[i..<i + count] }
            i += count
        }
        return out
    }

    // MARK: the file

    /// magic, identity (length-prefixed), the figure in `SceneCodec`'s binary form (the group,
    /// the height, the optional full-list table), then the SHA-256 of all that: a file cut short
    /// or edited is not used. Throws when the figure nests too deep to keep (it is laid out again).
    static func encode(_ figure: ReportFigure, identity: String) throws -> [UInt8] {
        var w = SceneCodec.Writer()
        w.out += magic
        w.string(identity)
        try w.group(figure.group)
        w.double(figure.height)
        w.optional(figure.fullList) { $0.table($1) }
        w.out += Array(SHA256.hash(data: w.out))
        return w.out
    }

    /// The figure of a file `encode` wrote for `identity`; nil for anything else (damaged, cut,
    /// stored under another key, an older format such as the JSON of "report-figure 1").
    static func decode(_ file: [UInt8], identity: String) -> ReportFigure? {
        guard file.count > magic.count + 4 + 32, file.starts(with: magic) else { return nil }
        let bodyCount = file.count - 32
        guard file.withUnsafeBufferPointer({ b in
            SHA256.hash(data: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(b)[..<bodyCount]))
                .elementsEqual(b[bodyCount...])
        }) else { return nil }
        return file.withUnsafeBytes { decodeBody(UnsafeRawBufferPointer(rebasing: $0[magic.count..<bodyCount]), identity: identity) }
    }

    /// The figure of the bytes between the magic and the digest (no digest check: the tests feed
    /// it damaged bodies directly); nil unless they are exactly what `encode` writes.
    static func decodeBody(_ body: UnsafeRawBufferPointer, identity: String) -> ReportFigure? {
        var r = SceneCodec.Reader(body)
        do throws(SceneCodec.Malformed) {
            guard try r.string() == identity else { return nil }
            let group = try r.group(), height = try r.double()
            let table = try r.optional { r throws(SceneCodec.Malformed) in try r.table() }
            guard r.remaining == 0 else { return nil }
            return ReportFigure(group: group, height: height, fullList: table)
        } catch {
            return nil
        }
    }

    /// The length of the magic, before the body `decodeBody` reads.
    static var magicCount: Int { magic.count }
}

/// A figure's full-list table: every field of `Table`, in declaration order.
extension SceneCodec.Writer {
    mutating func table(_ t: Table) {
        string(t.id)
        strings(t.header)
        count(t.rows.count); for row in t.rows { strings(row) }
        count(t.alignments.count)
        for a in t.alignments { switch a { case .left: byte(0); case .center: byte(1); case .right: byte(2) } }
        optional(t.columnWeights) { w, ws in w.count(ws.count); for x in ws { w.double(x) } }
        string(t.caption); string(t.source)
    }

    mutating func strings(_ xs: [String]) { count(xs.count); for x in xs { string(x) } }
}

extension SceneCodec.Reader {
    static let tableAlignments: [Table.Alignment] = [.left, .center, .right]

    mutating func table() throws(SceneCodec.Malformed) -> Table {
        let id = try string(), header = try strings()
        let n = try count(minBytes: 4)
        var rows: [[String]] = []
        rows.reserveCapacity(n)
        for _ in 0..<n { rows.append(try strings()) }
        let m = try count(minBytes: 1)
        var alignments: [Table.Alignment] = []
        alignments.reserveCapacity(m)
        for _ in 0..<m { alignments.append(try pick(Self.tableAlignments)) }
        let weights = try optional { r throws(SceneCodec.Malformed) -> [Double] in
            let k = try r.count(minBytes: 8)
            var ws: [Double] = []
            ws.reserveCapacity(k)
            for _ in 0..<k { ws.append(try r.double()) }
            return ws
        }
        return Table(id: id, header: header, rows: rows, alignments: alignments, columnWeights: weights,
                     caption: try string(), source: try string())
    }

    mutating func strings() throws(SceneCodec.Malformed) -> [String] {
        let n = try count(minBytes: 4)
        var xs: [String] = []
        xs.reserveCapacity(n)
        for _ in 0..<n { xs.append(try string()) }
        return xs
    }
}
