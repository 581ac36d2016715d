import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that readers only ever see the old or the new complete file.
///
/// The bytes go into an unnamed file (`O_TMPFILE`) in the destination folder, are flushed to disk,
/// then linked under a hidden temporary name and renamed over the destination. A process killed
/// while writing leaves nothing behind (an unnamed file vanishes with its descriptor); the named
/// window is two system calls long, and `sweepTemporaries` removes what such a kill might leave.
public enum AtomicFile {
    static let tempMarker = ".rr-tmp-"
    /// Old files kept while a commit replaces them (see `OutputCommit`).
    static let backupMarker = ".rr-bak-"
    /// Linux's O_TMPFILE (__O_TMPFILE | O_DIRECTORY); Glibc's Swift overlay does not export it.
    static let oTmpFile: Int32 = 0o20000000 | O_DIRECTORY

    /// Replaces `url` with `bytes` atomically (readers see the old or the new file), making its folder if needed.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tempPath = try stage(bytes, for: url)
        guard rename(tempPath, url.path) == 0 else {
            let why = errnoText()
            unlink(tempPath)
            throw OutputError.io(url.path, "cannot move the new file into place: \(why)")
        }
        syncDirectory(dir)
    }

    /// The temporary name `stage` uses for `url`, in the same folder (so the rename is atomic).
    static func temporaryPath(for url: URL) -> String {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent)\(tempMarker)\(getpid())").path
    }

    /// Writes `bytes` to disk under the hidden temporary name of `url` (whose folder must exist)
    /// and returns that name; the caller renames it into place or unlinks it.
    static func stage(_ bytes: [UInt8], for url: URL) throws -> String {
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
        var ok = false
        defer {
            close(fd)
            if !ok { unlink(tempPath) }
        }
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
        guard fsync(fd) == 0 else { throw OutputError.io(url.path, "fsync failed: \(errnoText())") }
        if anonymous {
            unlink(tempPath)
            guard linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, tempPath, AT_SYMLINK_FOLLOW) == 0 else {
                throw OutputError.io(url.path, "cannot link the temporary file: \(errnoText())")
            }
        }
        ok = true
        return tempPath
    }

    static func syncDirectory(_ dir: URL) {
        let dfd = open(dir.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    /// Replaces `url` with `data` atomically, as `write(_:to:)` of bytes.
    public static func write(_ data: Data, to url: URL) throws {
        try write([UInt8](data), to: url)
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
