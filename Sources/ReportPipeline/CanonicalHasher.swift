import Crypto

/// A SHA-256 of a value's `Encodable` form, streamed in a canonical binary encoding: every
/// primitive is a type tag plus fixed-width bytes (a Double by its bit pattern), strings and keys
/// are length-prefixed, and containers are bracketed, so two different values never feed the same
/// bytes. Synthesized `Encodable` writes fields in declaration order, and the scene types hold no
/// sets or dictionaries, so the digest is stable across runs and processes. It replaces hashing
/// `String(reflecting:)`, which built a multi-megabyte description of a dense chart first.
public enum CanonicalHash {
    /// SHA-256, in hex, of `value`'s canonical encoding.
    public static func hex(of value: some Encodable) throws -> String {
        let sink = HashSink()
        try value.encode(to: CanonicalEncoder(sink: sink, depth: 0))
        return sink.finish()
    }
}

/// Bytes buffered and fed to SHA-256 in blocks.
final class HashSink {
    private var hasher = SHA256()
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    enum Tag: UInt8 {
        case keyed = 1, unkeyed, end, key, element, null, bool, string, double, float, int, uint
    }

    @inline(__always) func tag(_ t: Tag) {
        buffer.append(t.rawValue)
        if buffer.count >= 1 << 16 { flush() }
    }

    @inline(__always) func word(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 16 { flush() }
    }

    func string(_ t: Tag, _ s: String) {
        tag(t)
        var s = s
        s.withUTF8 { u in
            word(UInt64(u.count))
            buffer.append(contentsOf: u)
        }
    }

    func finish() -> String {
        flush()
        return Fingerprint.hex(hasher.finalize())
    }

    private func flush() {
        hasher.update(data: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func encode(_ v: Bool) { tag(.bool); buffer.append(v ? 1 : 0) }
    func encode(_ v: Double) { tag(.double); word(v.bitPattern) }
    func encode(_ v: Float) { tag(.float); word(UInt64(v.bitPattern)) }
    func encode(_ v: some SignedInteger & FixedWidthInteger) { tag(.int); word(UInt64(bitPattern: Int64(v))) }
    func encode(_ v: some UnsignedInteger & FixedWidthInteger) { tag(.uint); word(UInt64(v)) }
}

private struct CanonicalEncoder: Encoder {
    let sink: HashSink
    /// Nesting depth, written with every key and list element so that a nested container's end is
    /// implied (containers are never explicitly closed by `Encodable`). The path itself is not
    /// tracked: it would allocate an array per value.
    let depth: Int
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.tag(.keyed)
        return KeyedEncodingContainer(KeyedContainer<Key>(sink: sink, depth: depth + 1))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        sink.tag(.unkeyed)
        return UnkeyedContainer(sink: sink, depth: depth + 1)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleContainer(sink: sink, depth: depth + 1) }
}

/// A nested value, followed by an end tag (besides the depth written with each key and element).
private func value(_ v: some Encodable, _ sink: HashSink, _ depth: Int) throws {
    switch v {
    case let s as String: sink.string(.string, s)
    case let d as Double: sink.encode(d)
    case let i as Int: sink.encode(i)
    case let b as Bool: sink.encode(b)
    default:
        try v.encode(to: CanonicalEncoder(sink: sink, depth: depth))
        sink.tag(.end)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: HashSink
    let depth: Int
    var codingPath: [CodingKey] { [] }

    private func key(_ k: Key) { sink.string(.key, k.stringValue); sink.word(UInt64(depth)) }

    mutating func encodeNil(forKey k: Key) throws { key(k); sink.tag(.null) }
    mutating func encode(_ v: Bool, forKey k: Key) throws { key(k); sink.encode(v) }
    mutating func encode(_ v: String, forKey k: Key) throws { key(k); sink.string(.string, v) }
    mutating func encode(_ v: Double, forKey k: Key) throws { key(k); sink.encode(v) }
    mutating func encode(_ v: Float, forKey k: Key) throws { key(k); sink.encode(v) }
    mutating func encode(_ v: Int, forKey k: Key) throws { key(k); sink.encode(v) }
    mutating func encode(_ v: Int8, forKey k: Key) throws { key(k); sink.encode(v) }
    mutating func encode(_ v: Int16, forKey k: Key) throws { key(k); sink.encode(v) }
    mutating func encode(_ v: Int32, forKey k: Key) throws { key(k); sink.encode(v) }
    mutating func encode(_ v: Int64, forKey k: Key) throws { key(k); sink.encode(v) }
    mutating func encode(_ v: UInt, forKey k: Key) throws { key(k); sink.encode(v) }
    mutating func encode(_ v: UInt8, forKey k: Key) throws { key(k); sink.encode(v) }
    mutating func encode(_ v: UInt16, forKey k: Key) throws { key(k); sink.encode(v) }
    mutating func encode(_ v: UInt32, forKey k: Key) throws { key(k); sink.encode(v) }
    mutating func encode(_ v: UInt64, forKey k: Key) throws { key(k); sink.encode(v) }
    mutating func encode<T: Encodable>(_ v: T, forKey k: Key) throws { key(k); try value(v, sink, depth + 1) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey k: Key) -> KeyedEncodingContainer<NestedKey> {
        key(k)
        sink.tag(.keyed)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(sink: sink, depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer(forKey k: Key) -> UnkeyedEncodingContainer {
        key(k)
        sink.tag(.unkeyed)
        return UnkeyedContainer(sink: sink, depth: depth + 1)
    }

    mutating func superEncoder() -> Encoder { CanonicalEncoder(sink: sink, depth: depth + 1) }
    mutating func superEncoder(forKey k: Key) -> Encoder { key(k); return CanonicalEncoder(sink: sink, depth: depth + 1) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let sink: HashSink
    let depth: Int
    var codingPath: [CodingKey] { [] }
    var count = 0

    init(sink: HashSink, depth: Int) { self.sink = sink; self.depth = depth }

    private mutating func element() { count += 1; sink.tag(.element); sink.word(UInt64(depth)) }

    mutating func encodeNil() throws { element(); sink.tag(.null) }
    mutating func encode(_ v: Bool) throws { element(); sink.encode(v) }
    mutating func encode(_ v: String) throws { element(); sink.string(.string, v) }
    mutating func encode(_ v: Double) throws { element(); sink.encode(v) }
    mutating func encode(_ v: Float) throws { element(); sink.encode(v) }
    mutating func encode(_ v: Int) throws { element(); sink.encode(v) }
    mutating func encode(_ v: Int8) throws { element(); sink.encode(v) }
    mutating func encode(_ v: Int16) throws { element(); sink.encode(v) }
    mutating func encode(_ v: Int32) throws { element(); sink.encode(v) }
    mutating func encode(_ v: Int64) throws { element(); sink.encode(v) }
    mutating func encode(_ v: UInt) throws { element(); sink.encode(v) }
    mutating func encode(_ v: UInt8) throws { element(); sink.encode(v) }
    mutating func encode(_ v: UInt16) throws { element(); sink.encode(v) }
    mutating func encode(_ v: UInt32) throws { element(); sink.encode(v) }
    mutating func encode(_ v: UInt64) throws { element(); sink.encode(v) }
    mutating func encode<T: Encodable>(_ v: T) throws {
        element()
        try value(v, sink, depth + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        element()
        sink.tag(.keyed)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(sink: sink, depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        element()
        sink.tag(.unkeyed)
        return UnkeyedContainer(sink: sink, depth: depth + 1)
    }

    mutating func superEncoder() -> Encoder { CanonicalEncoder(sink: sink, depth: depth + 1) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let sink: HashSink
    let depth: Int
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() throws { sink.tag(.null) }
    mutating func encode(_ v: Bool) throws { sink.encode(v) }
    mutating func encode(_ v: String) throws { sink.string(.string, v) }
    mutating func encode(_ v: Double) throws { sink.encode(v) }
    mutating func encode(_ v: Float) throws { sink.encode(v) }
    mutating func encode(_ v: Int) throws { sink.encode(v) }
    mutating func encode(_ v: Int8) throws { sink.encode(v) }
    mutating func encode(_ v: Int16) throws { sink.encode(v) }
    mutating func encode(_ v: Int32) throws { sink.encode(v) }
    mutating func encode(_ v: Int64) throws { sink.encode(v) }
    mutating func encode(_ v: UInt) throws { sink.encode(v) }
    mutating func encode(_ v: UInt8) throws { sink.encode(v) }
    mutating func encode(_ v: UInt16) throws { sink.encode(v) }
    mutating func encode(_ v: UInt32) throws { sink.encode(v) }
    mutating func encode(_ v: UInt64) throws { sink.encode(v) }
    mutating func encode<T: Encodable>(_ v: T) throws { try value(v, sink, depth) }
}
