#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hashing and equality of a text by its UTF-8 bytes, for memo keys: `String`'s own hashing
/// normalises non-ASCII text (NFC) on every lookup and every table resize, and its equality
/// compares canonically, which made Chinese labels cost more to look up than to keep. Byte
/// equality is stricter than canonical equivalence, so a key never serves a text it was not made
/// for.
public enum UTF8Bytes {
    /// Feeds `text`'s UTF-8 bytes and their count to `hasher`.
    public static func hash(_ text: String, into hasher: inout Hasher) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil { for b in text.utf8 { hasher.combine(b) } }
        hasher.combine(text.utf8.count)
    }

    /// Whether `a` and `b` have the same UTF-8 bytes.
    public static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let same = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
            }
        }
        return (same ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }
}

/// A text as a memo key hashed and compared by its UTF-8 bytes (`UTF8Bytes`): for tables keyed
/// by Chinese text that are looked up far more often than filled.
public struct UTF8Key: Hashable, Sendable {
    public let text: String
    public init(_ text: String) { self.text = text }
    public func hash(into hasher: inout Hasher) { UTF8Bytes.hash(text, into: &hasher) }
    public static func == (a: UTF8Key, b: UTF8Key) -> Bool { UTF8Bytes.equal(a.text, b.text) }
}
