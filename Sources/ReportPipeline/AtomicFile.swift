import Foundation
import ReportSync
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that readers only ever see the old or the new complete file.
///
/// The bytes go into an unnamed file (`O_TMPFILE`) in the destination folder, then are linked
/// under a hidden temporary name and renamed over the destination. A process killed while writing
/// leaves nothing behind (an unnamed file vanishes with its descriptor); the named window is two
/// system calls long, and `sweepTemporaries` removes what such a kill might leave.
///
/// `durable` (opt-in, `--durable`) also flushes each file to disk before it is named and the
/// folder after the rename (see `OutputCommit` for why the default run does without). Files
/// written together (`stageAll`: a commit's files) are flushed together: all written first, then
/// every `fsync` issued at once from a few threads, so the file system joins them into a few
/// journal commits instead of waiting for one commit per file in turn.
public enum AtomicFile {
    static let tempMarker = ".rr-tmp-"
    /// Old files kept while a commit replaces them (see `OutputCommit`).
    static let backupMarker = ".rr-bak-"
    /// Linux's O_TMPFILE (__O_TMPFILE | O_DIRECTORY); Glibc's Swift overlay does not export it.
    static let oTmpFile: Int32 = 0o20000000 | O_DIRECTORY
    /// Files open at once while staging: well under the usual limit of 1,024 descriptors.
    static let stagingChunk = 64
    /// Threads issuing the `fsync`s of one chunk (they wait on the disk, not the CPU).
    static let syncThreads = 8

    /// Replaces `url` with `bytes` atomically (readers see the old or the new file), making its
    /// folder if needed; `durable` flushes the file and its folder to disk too.
    public static func write(_ bytes: [UInt8], to url: URL, durable: Bool = false) throws {
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tempPath = try stageAll([(bytes, url)], durable: durable)[0]
        guard rename(tempPath, url.path) == 0 else {
            let why = errnoText()
            unlink(tempPath)
            throw OutputError.io(url.path, "cannot move the new file into place: \(why)")
        }
        if durable { syncDirectories([dir]) }
    }

    /// The temporary name `stage` uses for `url`, in the same folder (so the rename is atomic).
    static func temporaryPath(for url: URL) -> String {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent)\(tempMarker)\(getpid())").path
    }

    /// Writes every file's bytes under the hidden temporary name of its `url` (whose folder must
    /// exist) and returns those names in order; the caller renames them into place or unlinks
    /// them. With `durable`, each file is on disk before it has a name. On failure nothing staged
    /// remains. `failAt` (tests only) fails as the file of that index is about to be created.
    static func stageAll(_ files: [(bytes: [UInt8], url: URL)], durable: Bool, failAt: Int? = nil) throws -> [String] {
        var named: [String] = []
        do {
            for start in stride(from: 0, to: files.count, by: stagingChunk) {
                let chunk = files[start..<min(start + stagingChunk, files.count)]
                named += try stageChunk(chunk, durable: durable, failAt: failAt)
            }
        } catch {
            for path in named { unlink(path) }
            throw error
        }
        return named
    }

    /// One chunk: write all, flush all at once (when `durable`), then name all. On failure every
    /// temporary name of the chunk is removed again (the unnamed files vanish as their descriptors close).
    private static func stageChunk(_ files: ArraySlice<(bytes: [UInt8], url: URL)>, durable: Bool,
                                   failAt: Int?) throws -> [String] {
        var temps: [Temporary] = []
        var ok = false
        defer { for t in temps { close(t.fd); if !ok { unlink(t.path) } } }
        // Indices, not zip(_:_:): Zip2Sequence's iterator metadata is built from its mangled
        // name at first use (a scan of the binary's conformance records, ~0.4 ms of a small chart).
        for i in files.indices {
            let (bytes, url) = files[i]
            if i == failAt { throw OutputError.io(url.path, "cannot create a temporary file: injected failure") }
            temps.append(try Temporary.create(bytes, for: url))
        }
        if durable, let (i, why) = syncAll(temps.map(\.fd)) {
            throw OutputError.io(temps[i].url.path, "fsync failed: \(why)")
        }
        for t in temps { try t.name() }
        ok = true
        return temps.map(\.path)
    }

    /// A written, not yet named file: unnamed (`O_TMPFILE`) or, where the file system lacks
    /// it, already under its temporary name.
    private struct Temporary {
        let fd: Int32, path: String, url: URL, anonymous: Bool

        static func create(_ bytes: [UInt8], for url: URL) throws -> Temporary {
            let dir = url.deletingLastPathComponent()
            let tempPath = temporaryPath(for: url)
            var fd = open(dir.path, O_WRONLY | oTmpFile | O_CLOEXEC, 0o644)
            let anonymous = fd >= 0
            if !anonymous {
                // Filesystems without O_TMPFILE: fall back to a named temporary file.
                unlink(tempPath)
                fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
                guard fd >= 0 else { throw OutputError.io(url.path, "cannot create a temporary file: \(errnoText())") }
            }
            let t = Temporary(fd: fd, path: tempPath, url: url, anonymous: anonymous)
            do { try t.write(bytes) } catch {
                close(fd)
                unlink(tempPath)
                throw error
            }
            return t
        }

        private func write(_ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { buf in
                var offset = 0
                while offset < buf.count {
                    let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw OutputError.io(url.path, "write failed: \(errnoText())")
                    }
                    offset += n
                }
            }
            fchmod(fd, 0o644)
        }

        /// Gives the (flushed, when durable) unnamed file its temporary name.
        func name() throws {
            guard anonymous else { return }
            unlink(path)
            guard linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 else {
                throw OutputError.io(url.path, "cannot link the temporary file: \(errnoText())")
            }
        }
    }

    /// `fsync`s every descriptor, several at a time; the index and error of the first failure.
    static func syncAll(_ fds: [Int32]) -> (Int, String)? {
        let failures = Locked<[Int: String]>([:])
        concurrently(fds.count) { i in
            if fsync(fds[i]) != 0 {
                let why = errnoText()
                failures.withLock { $0[i] = why }
            }
        }
        return failures.withLock { f in f.keys.min().map { ($0, f[$0]!) } }
    }

    /// Flushes folders whose entries changed (renames, removals), all at once; how many were flushed.
    @discardableResult
    static func syncDirectories(_ dirs: [URL]) -> Int {
        let flushed = Locked(0)
        concurrently(dirs.count) { i in
            let dfd = open(dirs[i].path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard dfd >= 0 else { return }
            if fsync(dfd) == 0 { flushed.withLock { $0 += 1 } }
            close(dfd)
        }
        return flushed.withLock { $0 }
    }

    /// Runs `body(0..<count)` on up to `syncThreads` threads of its own: the calls block on the
    /// disk, so they must not hold the dispatch pool's per-core workers.
    static func concurrently(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        if count <= 1 {
            if count == 1 { body(0) }
            return
        }
        let next = Locked(0)
        let group = DispatchGroup()
        for _ in 0..<min(count, syncThreads) {
            group.enter()
            Thread {
                while true {
                    let i = next.withLock { n in defer { n += 1 }; return n }
                    if i >= count { break }
                    body(i)
                }
                group.leave()
            }.start()
        }
        group.wait()
    }

    /// Replaces `url` with `data` atomically, as `write(_:to:)` of bytes.
    public static func write(_ data: Data, to url: URL, durable: Bool = false) throws {
        try write([UInt8](data), to: url, durable: durable)
    }

    /// Removes temporaries left by a killed run. Call while holding the output lock.
    public static func sweepTemporaries(in dir: URL) {
        let fm = FileManager.default
        guard let e = fm.enumerator(at: dir, includingPropertiesForKeys: nil) else { return }
        for case let file as URL in e where file.lastPathComponent.contains(tempMarker) || file.lastPathComponent.contains(backupMarker) {
            try? fm.removeItem(at: file)
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
