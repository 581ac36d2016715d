import Crypto
import Foundation
import ReportData

/// A SHA-256 over labelled parts, used as the input key of an output in the manifest.
/// Each part is length-prefixed so that ("ab","c") and ("a","bc") differ.
public struct Fingerprint {
    private var hasher = SHA256()
    public init() {}

    public mutating func add(_ label: String, _ bytes: some Sequence<UInt8>) {
        let b = Array(bytes)
        for part in [Array(label.utf8), b] {
            var n = UInt64(part.count).littleEndian
            withUnsafeBytes(of: &n) { hasher.update(bufferPointer: $0) }
            hasher.update(data: part)
        }
    }

    public mutating func add(_ label: String, _ text: String) { add(label, Array(text.utf8)) }

    public func hex() -> String {
        hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    public static func of(_ bytes: some Sequence<UInt8>) -> String {
        var f = Fingerprint()
        f.add("", bytes)
        return f.hex()
    }

    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    public static func of(file url: URL) -> String? {
        // Regular files only, never followed through a symlink: a FIFO or device in the output
        // folder is "not our file", not something to read.
        guard let d = try? InputFile.readRegular(url.path, limit: 1 << 30).get() else { return nil }
        return SHA256.hash(data: d).map { String(format: "%02x", $0) }.joined()
    }
}
