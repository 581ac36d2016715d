import Foundation
import ReportData
#if canImport(Glibc)
import Glibc
#endif

/// Every change a run makes to its output folder (files written, stale files removed), applied
/// all together or not at all: a run that fails, even while writing, leaves the folder exactly as
/// it was.
///
/// 1. check: every destination is a plain relative path inside the folder, its folders are real
///    folders (not symlinks leading elsewhere), and it is absent or a regular file;
/// 2. stage: every new file is written (and, when `durable`, all are flushed together:
///    `AtomicFile.stageAll`), then named under hidden temporary names;
/// 3. keep: every file about to be replaced or removed gets a hidden hard link (its old bytes);
/// 4. install: renames and removals, in order; on any failure the steps done are undone from
///    the kept links and every temporary, link and created folder is removed.
///
/// Durability (`durable`: the `fsync` of every file before it is named, and of every changed
/// folder after the renames) is opt-in. Without it the commit is just as atomic for readers and
/// for a failed or killed run; what a power cut may cost is a file of the last run lost or cut
/// short (a rename over an existing file is ordered after its data on ext4's default mount,
/// `auto_da_alloc`; a new file is not). The next run finds it: the no-change check and every
/// output's up-to-date check hash the file against the manifest, and a kept figure or font subset
/// carries its own SHA-256, so what was lost is rebuilt.
struct OutputCommit {
    let root: URL
    /// Flush files and folders to disk before returning (`--durable`).
    var durable: Bool
    private(set) var writes: [(rel: String, bytes: [UInt8])] = []
    private(set) var removals: [String] = []
    /// Tests only: fail the install step after this many renames and removals.
    var failAfterInstalling: Int?
    /// Tests only: fail staging as the file of this index (in `writes`) is about to be created.
    var failStagingAt: Int?

    init(root: URL, durable: Bool = false) { self.root = root; self.durable = durable }

    mutating func write(_ bytes: [UInt8], to rel: String) { writes.append((rel, bytes)) }
    mutating func remove(_ rel: String) { removals.append(rel) }

    /// What a durable commit flushed to disk: its files and the folders whose entries changed
    /// (both zero without `durable`).
    struct Flushed: Equatable { var files = 0, folders = 0 }

    @discardableResult
    func commit() throws -> Flushed {
        guard !writes.isEmpty || !removals.isEmpty else { return Flushed() }
        var state = State()
        do {
            for (rel, _) in writes { try check(rel, removing: false, state: &state) }
            for rel in removals { try check(rel, removing: true, state: &state) }
            for dir in state.toCreate { try makeDirectory(dir, state: &state) }
            let temporaries = try AtomicFile.stageAll(writes.map { ($0.bytes, url($0.rel)) }, durable: durable,
                                                      failAt: failStagingAt)
            state.staged = Array(zip(temporaries, writes.map(\.rel)))
            try keepOldFiles(state: &state)
            try install(state: &state)
        } catch {
            rollBack(state)
            throw error
        }
        for (_, backup) in state.kept { unlink(backup) }
        guard durable else { return Flushed() }
        // The folders whose entries changed, flushed together: the renames and removals are durable.
        let folders = AtomicFile.syncDirectories(Array(Set((writes.map(\.rel) + removals).map { url($0).deletingLastPathComponent() })))
        return Flushed(files: writes.count, folders: folders)
    }

    private struct State {
        var toCreate: [URL] = []
        var created: [URL] = []
        /// (temporary path, rel) per write, in order.
        var staged: [(String, String)] = []
        /// rel → hard link holding the old file.
        var kept: [String: String] = [:]
        var installed: [String] = []
        var removed: [String] = []
    }

    func url(_ rel: String) -> URL { root.appendingPathComponent(rel) }

    /// A plain relative path: no empty, `.` or `..` component, no control characters.
    static func isPlainRelative(_ rel: String) -> Bool {
        let parts = rel.split(separator: "/", omittingEmptySubsequences: false)
        return !rel.hasPrefix("/") && !parts.isEmpty
            && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && VisibleText.firstControl(in: String($0)) == nil }
    }

    private func check(_ rel: String, removing: Bool, state: inout State) throws {
        guard Self.isPlainRelative(rel) else {
            throw OutputError.io(root.path + "/" + rel, "not a plain path inside the output folder; nothing was written")
        }
        // Each folder on the way must be a real folder or not exist yet.
        var dir = root
        for part in rel.split(separator: "/").dropLast() {
            dir = dir.appendingPathComponent(String(part))
            var st = stat()
            if lstat(dir.path, &st) != 0 {
                if !removing && !state.toCreate.contains(dir) { state.toCreate.append(dir) }
                continue
            }
            guard st.st_mode & S_IFMT == S_IFDIR else {
                throw OutputError.io(dir.path, "is \(Self.kind(st.st_mode)), not a folder; move it away (nothing was written)")
            }
        }
        var st = stat()
        if lstat(url(rel).path, &st) == 0, st.st_mode & S_IFMT != S_IFREG {
            throw OutputError.io(url(rel).path, "is \(Self.kind(st.st_mode)), not a file this tool wrote; move it away (nothing was written)")
        }
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFREG: "a file"
        default: "a special file"
        }
    }

    private func makeDirectory(_ dir: URL, state: inout State) throws {
        guard mkdir(dir.path, 0o755) == 0 || errno == EEXIST else {
            throw OutputError.io(dir.path, "cannot create the folder: \(AtomicFile.errnoText())")
        }
        state.created.append(dir)
    }

    private func keepOldFiles(state: inout State) throws {
        for rel in writes.map(\.rel) + removals {
            let path = url(rel).path
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            let backup = url(rel).deletingLastPathComponent()
                .appendingPathComponent(".\(url(rel).lastPathComponent)\(AtomicFile.backupMarker)\(getpid())").path
            unlink(backup)
            guard link(path, backup) == 0 else {
                throw OutputError.io(path, "cannot keep the old file while replacing it: \(AtomicFile.errnoText())")
            }
            state.kept[rel] = backup
        }
    }

    private func install(state: inout State) throws {
        for (temp, rel) in state.staged {
            if let n = failAfterInstalling, state.installed.count >= n {
                throw OutputError.io(url(rel).path, "cannot move the new file into place: injected failure")
            }
            guard rename(temp, url(rel).path) == 0 else {
                throw OutputError.io(url(rel).path, "cannot move the new file into place: \(AtomicFile.errnoText())")
            }
            state.installed.append(rel)
        }
        for rel in removals where state.kept[rel] != nil {
            if let n = failAfterInstalling, state.installed.count + state.removed.count >= n {
                throw OutputError.io(url(rel).path, "cannot remove the stale file: injected failure")
            }
            guard unlink(url(rel).path) == 0 else {
                throw OutputError.io(url(rel).path, "cannot remove the stale file: \(AtomicFile.errnoText())")
            }
            state.removed.append(rel)
        }
    }

    /// Undoes what `commit` did, newest first.
    private func rollBack(_ state: State) {
        for rel in state.removed.reversed() { if let b = state.kept[rel] { link(b, url(rel).path) } }
        for rel in state.installed.reversed() {
            if let b = state.kept[rel] { rename(b, url(rel).path) } else { unlink(url(rel).path) }
        }
        for (temp, _) in state.staged { unlink(temp) }
        for (_, b) in state.kept { unlink(b) }
        for dir in state.created.reversed() { rmdir(dir.path) }
    }
}
