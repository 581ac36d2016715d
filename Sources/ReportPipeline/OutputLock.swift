import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock on an output folder, so two runs never interleave their writes.
/// The kernel drops it when the process dies, so a killed run never leaves the folder locked.
public final class OutputLock {
    private var fd: Int32

    /// Takes the lock or throws `OutputError.locked` at once (never waits).
    public init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(".report.lock").path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.io(path, "cannot open the lock file") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            fd = -1
            throw OutputError.locked(directory.path)
        }
    }

    public func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
