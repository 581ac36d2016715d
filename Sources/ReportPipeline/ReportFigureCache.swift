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
/// Read only from this folder (a real folder, regular files, each checked against its own SHA-256
/// and the key it was stored under; anything else is ignored and laid out again); written by the
/// build's commit, with the outputs, so a failed run leaves none. After each run the folder holds
/// the figures of that run's charts only.
final class ReportFigureCache: @unchecked Sendable {
    static let folder = ".report-figures"
    static let maxBytes = 16 << 20
    private static let magic = Array("report-figure 2\n".utf8)

    let root: URL
    /// `fingerprints.base`: what every output depends on (tool, executable, fonts, theme).
    let base: String
    /// False for `--force` (every figure is laid out, and stored for the next run) and when the
    /// folder keeps no figures.
    let reads: Bool

    private struct State {
        /// rel → this run's new file (nil: the kept file was used as it is).
        var used: [String: [UInt8]?] = [:]
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

    static func rel(_ identity: String) -> String { "\(folder)/\(identity.prefix(32)).figure" }

    /// The kept figure for `identity`, when there is an intact one (and this run reads them).
    /// Recorded as used either way, so the commit keeps it or writes its replacement.
    func load(_ identity: String) -> ReportFigure? {
        guard reads else { return nil }
        var st = stat()
        guard lstat(root.appendingPathComponent(Self.folder).path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR,
              let data = try? InputFile.readRegular(root.appendingPathComponent(Self.rel(identity)).path,
                                                    limit: Self.maxBytes).get(),
              let figure = Self.decode([UInt8](data), identity: identity)
        else { return nil }
        state.withLock { $0.used[Self.rel(identity)] = .some(nil) }
        return figure
    }

    /// Keeps `figure` (laid out this run) for the next run.
    func store(_ identity: String, _ figure: ReportFigure) {
        guard let file = try? Self.encode(figure, identity: identity), file.count <= Self.maxBytes else { return }
        state.withLock { $0.used[Self.rel(identity)] = .some(file) }
    }

    /// Adds this run's new figures to `commit`, and removes the kept figures this run did not use.
    func addWrites(to commit: inout OutputCommit) {
        let used = state.withLock { $0.used }
        for (rel, file) in used.sorted(by: { $0.key < $1.key }) { if let file { commit.write(file, to: rel) } }
        let dir = root.appendingPathComponent(Self.folder)
        var st = stat()
        guard lstat(dir.path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { return }
        let names = DirectoryNames.list(dir.path)
        for name in names.sorted() where name.hasSuffix(".figure") && used["\(Self.folder)/\(name)"] == nil {
            guard lstat(dir.appendingPathComponent(name).path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
            commit.remove("\(Self.folder)/\(name)")
        }
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
