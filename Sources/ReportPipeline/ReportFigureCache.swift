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
    private static let magic = Array("report-figure 1\n".utf8)

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
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".figure") && used["\(Self.folder)/\(name)"] == nil {
            guard lstat(dir.appendingPathComponent(name).path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
            commit.remove("\(Self.folder)/\(name)")
        }
    }

    // MARK: the file

    /// The figure as stored (`Table` is not `Codable` itself).
    private struct Stored: Codable {
        var group: Group
        var height: Double
        var table: StoredTable?
    }

    private struct StoredTable: Codable {
        var id: String, header: [String], rows: [[String]], alignments: [Table.Alignment]
        var columnWeights: [Double]?, caption: String, source: String
    }

    /// magic, identity (length-prefixed), the figure as JSON (sorted keys), then the SHA-256 of all that: a file
    /// cut short or edited is not used. JSON writes every Double in its shortest round-trip form,
    /// so the figure read back is equal to the one stored.
    static func encode(_ figure: ReportFigure, identity: String) throws -> [UInt8] {
        let table = figure.fullList.map {
            StoredTable(id: $0.id, header: $0.header, rows: $0.rows, alignments: $0.alignments,
                        columnWeights: $0.columnWeights, caption: $0.caption, source: $0.source)
        }
        // Sorted keys: the same figure is the same file in every process (the encoder's objects
        // are hashed, whose order changes per process).
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(Stored(group: figure.group, height: figure.height, table: table))
        var out = magic
        let id = Array(identity.utf8)
        withUnsafeBytes(of: UInt32(id.count).littleEndian) { out += $0 }
        out += id
        out += json
        out += Array(SHA256.hash(data: out))
        return out
    }

    static func decode(_ file: [UInt8], identity: String) -> ReportFigure? {
        guard file.count > magic.count + 4 + 32, file.starts(with: magic) else { return nil }
        let body = file[..<(file.count - 32)]
        guard Array(SHA256.hash(data: body)) == Array(file.suffix(32)) else { return nil }
        var at = magic.count
        let idCount = body[at..<at + 4].reversed().reduce(0) { $0 << 8 | Int($1) }
        at += 4
        let id = Array(identity.utf8)
        guard idCount == id.count, at + idCount <= body.count, body[at..<at + idCount].elementsEqual(id) else { return nil }
        at += idCount
        guard let stored = try? JSONDecoder().decode(Stored.self, from: Data(body[at...])) else { return nil }
        let table = stored.table.map {
            Table(id: $0.id, header: $0.header, rows: $0.rows, alignments: $0.alignments,
                  columnWeights: $0.columnWeights, caption: $0.caption, source: $0.source)
        }
        return ReportFigure(group: stored.group, height: stored.height, fullList: table)
    }
}
