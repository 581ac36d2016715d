import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one lock of a batch run, on the same `.report.lock` a single report uses. A whole run
/// holds it exclusively; shards (`--shard K/N`) hold it shared, so shards writing one folder run
/// side by side while no whole run can interleave with them. A shard that finds a whole run (or a
/// sibling writing index.csv) waits a little, then gives up like a whole run does.
final class BatchLock {
    private var fd: Int32 = -1
    let path: String

    init(directory: URL, shared: Bool, patience: TimeInterval = 30) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent(".report.lock").path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.io(path, "cannot open the lock file") }
        let deadline = Date().addingTimeInterval(shared ? patience : 0)
        while flock(fd, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0 {
            if Date() >= deadline {
                close(fd); fd = -1
                throw OutputError.locked(directory.path)
            }
            usleep(50_000)
        }
        // A failed single run removes the lock file it made; a lock on the removed file is no lock.
        if !OutputLock.isCurrent(fd, path: path) {
            close(fd); fd = -1
            throw OutputError.locked(directory.path)
        }
    }

    /// From shared to exclusive without waiting: true when no other shard holds the folder any
    /// more (this one finished last). The conversion may drop the shared lock on failure, which
    /// is harmless: this shard's units are written by then.
    func tryExclusive() -> Bool {
        fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
