import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock on an output folder, so two runs never interleave their writes.
/// The kernel drops it when the process dies, so a killed run never leaves the folder locked
/// (a lock file left behind by a killed run is just a file: the next run locks it again).
/// A failed run removes the lock file it created, so the folder is left exactly as it was.
public final class OutputLock {
    private var fd: Int32
    private let path: String
    /// This run made the lock file (it did not exist before).
    private var createdFile = false

    /// Takes the lock or throws `OutputError.locked` at once (never waits).
    public init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent(".report.lock").path
        fd = -1
        // A run that fails removes its lock file: the file this run locked may have been unlinked
        // between open and flock, so a lock counts only on the file the path still names.
        for _ in 0..<8 {
            fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            createdFile = fd >= 0
            if fd < 0 && errno == EEXIST { fd = open(path, O_RDWR | O_CLOEXEC) }
            if fd < 0 && errno == ENOENT { continue }
            guard fd >= 0 else { throw OutputError.io(path, "cannot open the lock file") }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                close(fd)
                fd = -1
                throw OutputError.locked(directory.path)
            }
            if Self.isCurrent(fd, path: path) { return }
            close(fd)
            fd = -1
        }
        throw OutputError.locked(directory.path)
    }

    /// Whether the locked descriptor `fd` is still the file at `path` (not one a finishing run
    /// unlinked after we opened it).
    static func isCurrent(_ fd: Int32, path: String) -> Bool {
        var a = stat(), b = stat()
        return fstat(fd, &a) == 0 && stat(path, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev
    }

    /// Releases the lock; with `discarding`, a lock file this run created goes first (removed
    /// while still locked, so no other run can hold a lock on the removed file).
    public func release(discarding: Bool = false) {
        guard fd >= 0 else { return }
        if discarding && createdFile { unlink(path) }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
