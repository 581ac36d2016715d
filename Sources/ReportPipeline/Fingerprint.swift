import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ReportData

/// A SHA-256 over labelled parts, used as the input key of an output in the manifest.
/// Each part is length-prefixed so that ("ab","c") and ("a","bc") differ.
public struct Fingerprint {
    private var hasher = SHA256()
    public init() {}

    /// Adds a labelled part (label and bytes, each length-prefixed).
    public mutating func add(_ label: String, _ bytes: some Sequence<UInt8>) {
        let b = Array(bytes)
        for part in [Array(label.utf8), b] {
            var n = UInt64(part.count).littleEndian
            withUnsafeBytes(of: &n) { hasher.update(bufferPointer: $0) }
            hasher.update(data: part)
        }
    }

    /// Adds a labelled text part (its UTF-8 bytes).
    public mutating func add(_ label: String, _ text: String) { add(label, Array(text.utf8)) }

    /// The digest so far, in hex.
    public func hex() -> String {
        Fingerprint.hex(hasher.finalize())
    }

    /// The fingerprint of one unlabelled part.
    public static func of(_ bytes: some Sequence<UInt8>) -> String {
        var f = Fingerprint()
        f.add("", bytes)
        return f.hex()
    }

    /// Plain SHA-256 of `bytes`, in hex.
    public static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// Lower-case hex of a digest (String(format:) per byte cost more than the hashing of small inputs).
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in digest { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xf)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Plain SHA-256 of a regular file's bytes, in hex; nil when it is missing, unreadable, a symlink or not a regular file.
    public static func of(file url: URL) -> String? {
        // Regular files only, never followed through a symlink: a FIFO or device in the output
        // folder is "not our file", not something to read. Streamed through one small buffer:
        // a rerun hashes every output, and a file-sized copy of each cost more than the hashing.
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        var hasher = SHA256()
        let size = 256 << 10
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer, size)
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(start: buffer, count: n))
        }
        return Fingerprint.hex(hasher.finalize())
    }
}
