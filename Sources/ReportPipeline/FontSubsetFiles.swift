import Crypto
import Foundation
import ReportData
import ReportRender
import ReportSync
#if canImport(Glibc)
import Glibc
#endif

/// The font subsets of earlier runs, kept in the output folder (`.report-fonts/`, beside the
/// manifest): a rerun after a data edit draws the report with the faces the last run made
/// instead of subsetting the CJK faces again. Read only from this folder (a real folder, regular
/// files, each checked against its own SHA-256 and the identity it was stored under); new
/// subsets are written by the build's commit, with the outputs, so a failed run leaves none.
/// At most `maxFiles` (one per font face; the oldest go first) of at most `maxBytes` each.
final class FontSubsetFiles: FontSubsetStore, @unchecked Sendable {
    static let folder = ".report-fonts"
    static let maxFiles = 8
    static let maxBytes = 16 << 20
    private static let magic = Array("report-font-subset 2\n".utf8)

    let root: URL
    /// rel → file bytes, stored during this run.
    private let made = Locked<[String: [UInt8]]>([:])

    init(root: URL) { self.root = root }

    static func rel(_ identity: String) -> String {
        "\(folder)/\(Fingerprint.sha256(Array(identity.utf8)).prefix(32)).subset"
    }

    func load(_ identity: String) -> StoredSubset? {
        var st = stat()
        guard lstat(root.appendingPathComponent(Self.folder).path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR,
              let data = try? InputFile.readRegular(root.appendingPathComponent(Self.rel(identity)).path,
                                                    limit: Self.maxBytes + (1 << 20)).get()
        else { return nil }
        return Self.decode([UInt8](data), identity: identity)
    }

    func store(_ identity: String, _ subset: StoredSubset) {
        let file = Self.encode(subset, identity: identity)
        guard file.count <= Self.maxBytes else { return }
        made.withLock { $0[Self.rel(identity)] = file }
    }

    /// Adds this run's subsets to `commit`, and removes the oldest kept ones past `maxFiles`.
    func addWrites(to commit: inout OutputCommit) {
        let new = made.withLock { $0 }
        guard !new.isEmpty else { return }
        for (rel, bytes) in new.sorted(by: { $0.key < $1.key }) { commit.write(bytes, to: rel) }
        let dir = root.appendingPathComponent(Self.folder)
        let names = DirectoryNames.list(dir.path)
        var old: [(mtime: Int, name: String)] = []
        for name in names where name.hasSuffix(".subset") && new["\(Self.folder)/\(name)"] == nil {
            var st = stat()
            guard lstat(dir.appendingPathComponent(name).path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
            old.append((st.st_mtim.tv_sec * 1_000_000_000 + st.st_mtim.tv_nsec, name))
        }
        let excess = old.count + new.count - Self.maxFiles
        guard excess > 0 else { return }
        for entry in old.sorted(by: { ($0.mtime, $0.name) < ($1.mtime, $1.name) }).prefix(excess) {
            commit.remove("\(Self.folder)/\(entry.name)")
        }
    }

    /// magic, identity (length-prefixed), glyph count and glyphs, their subset ids, the font's bytes, then the
    /// SHA-256 of all that (32 bytes): a file cut short or edited is not used.
    static func encode(_ subset: StoredSubset, identity: String) -> [UInt8] {
        var out = magic
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        let id = Array(identity.utf8)
        u32(UInt32(id.count)); out += id
        u32(UInt32(subset.glyphs.count)); for g in subset.glyphs { u32(g) }
        u32(UInt32(subset.ids.count)); for g in subset.ids { u32(g) }
        u32(UInt32(subset.bytes.count)); out += subset.bytes
        out += digest(out)
        return out
    }

    private static func digest(_ bytes: some DataProtocol) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    static func decode(_ file: [UInt8], identity: String) -> StoredSubset? {
        guard file.count > magic.count + 32, file.starts(with: magic) else { return nil }
        let body = file[..<(file.count - 32)]
        guard digest(body) == Array(file.suffix(32)) else { return nil }
        var at = magic.count
        func u32() -> Int? {
            guard at + 4 <= body.count else { return nil }
            let v = body[at..<at + 4].reversed().reduce(0) { $0 << 8 | Int($1) }
            at += 4
            return v
        }
        guard let idCount = u32(), at + idCount <= body.count, Array(body[at..<at + idCount]) == Array(identity.utf8) else { return nil }
        at += idCount
        guard let glyphCount = u32(), glyphCount <= 65_536, at + 4 * glyphCount <= body.count else { return nil }
        var glyphs: [UInt32] = []
        glyphs.reserveCapacity(glyphCount)
        for _ in 0..<glyphCount { glyphs.append(UInt32(u32()!)) }
        guard let idCount2 = u32(), idCount2 == glyphCount, at + 4 * idCount2 <= body.count else { return nil }
        var ids: [UInt32] = []
        ids.reserveCapacity(idCount2)
        for _ in 0..<idCount2 { ids.append(UInt32(u32()!)) }
        guard let byteCount = u32(), at + byteCount == body.count, byteCount > 0 else { return nil }
        return StoredSubset(glyphs: glyphs, ids: ids, bytes: Array(body[at...]))
    }
}
