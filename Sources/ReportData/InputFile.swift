import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folders a run may read: the template folder and `--data`. Held as real paths (symlinks
/// resolved), so a path is checked by where it really leads, not by how it is spelled.
public struct InputRoots: Sendable, Hashable {
    public let paths: [String]

    public init(_ urls: [URL]) {
        paths = urls.map { InputFile.realPath($0.path) ?? $0.standardizedFileURL.path }
    }

    /// Whether the real path `p` is one of the roots or below one.
    public func contains(realPath p: String) -> Bool {
        paths.contains { root in p == root || p.hasPrefix(root.hasSuffix("/") ? root : root + "/") }
    }
}

/// Reads input files safely: every path is resolved (symlinks included) and proven inside the
/// run's roots before it is opened; only regular files are read (a FIFO would block forever,
/// /dev/zero never ends, a directory is not data); and no more than a size limit is read.
public enum InputFile {
    /// Why an input file was not read.
    public enum Failure: Error, Sendable, Hashable {
        case missing
        /// Where the path really leads.
        case outside(String)
        /// What it is instead of a regular file ("a directory", "a FIFO (named pipe)" ...).
        case special(String)
        case tooLarge(size: Int, limit: Int)
        case unreadable(String)
        /// A folder was expected; this is what is there instead.
        case notADirectory(String)

        /// The message part, e.g. "is a directory, not a file".
        public var explanation: String {
            switch self {
            case .missing: "does not exist"
            case .outside(let real): "leads outside the template and data folders (to \(real)); only files inside them are read"
            case .special(let kind): "is \(kind), not a regular file; only regular files are read"
            case .tooLarge(let size, let limit): "is \(size) bytes; the limit is \(limit) bytes"
            case .unreadable(let why): "cannot be read: \(why)"
            case .notADirectory(let kind): "is \(kind), not a folder"
            }
        }
    }

    /// `realpath(3)`: the absolute path with every symlink, `.` and `..` resolved; nil when some
    /// component does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// What a `stat` mode is, for messages.
    static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "a special file"
        }
    }

    /// The bytes of the regular file at `url`, which must lead inside `roots`.
    public static func read(_ url: URL, within roots: InputRoots, limit: Int) -> Result<Data, Failure> {
        guard let real = realPath(url.path) else {
            return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(String(cString: strerror(errno))))
        }
        guard roots.contains(realPath: real) else { return .failure(.outside(real)) }
        return readRegular(real, limit: limit)
    }

    /// Reads a regular file (no root check: for the run's own outputs). Opened without following
    /// a final symlink and without blocking, then checked again on the open descriptor, so a file
    /// swapped for a FIFO or a link between the check and the read is still refused.
    public static func readRegular(_ path: String, limit: Int) -> Result<Data, Failure> {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(String(cString: strerror(errno))))
        }
        if let k = kind(st.st_mode) { return .failure(.special(k)) }
        if Int(st.st_size) > limit { return .failure(.tooLarge(size: Int(st.st_size), limit: limit)) }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(fd) }
        guard fstat(fd, &st) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        if let k = kind(st.st_mode) { return .failure(.special(k)) }
        // Never more than limit + 1 bytes, whatever the file grows to while we read.
        var data = Data(count: min(Int(st.st_size), limit) + 1)
        var total = 0
        while total < data.count {
            let n = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + total, $0.count - total) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if n == 0 { break }
            total += n
            if total == data.count && total <= limit { data.count += 64 * 1024 }
        }
        if total > limit { return .failure(.tooLarge(size: total, limit: limit)) }
        data.count = total
        return .success(data)
    }

    /// Whether `url` is a directory inside `roots` (symlinks resolved), or why not.
    public static func checkDirectory(_ url: URL, within roots: InputRoots) -> Failure? {
        guard let real = realPath(url.path) else { return .missing }
        guard roots.contains(realPath: real) else { return .outside(real) }
        var st = stat()
        guard stat(real, &st) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        guard st.st_mode & S_IFMT == S_IFDIR else { return .notADirectory(kind(st.st_mode) ?? "a file") }
        return nil
    }
}
