import Yams

/// Reads a composed and screened `Yams.Node` tree (no anchors, aliases or explicit tags: see
/// `YAMLLoader.screen`) as `Decodable` values, with the semantics of Yams' `YAMLDecoder`: scalars
/// are constructed by Yams' own `construct(from:)` (so `yes`/`on`/`~`/`0x10`/`1:30`/`.inf` read
/// exactly as before), and wrong shapes throw the same `DecodingError`s at the same coding paths.
///
/// Why not `YAMLDecoder`: it asks `type as? ScalarConstructible.Type` and
/// `value as? YamlAnchorCoding` for every value it decodes. Each such cast to a protocol is a
/// conformance look-up, and the first for a type scans every conformance record of the (static,
/// Foundation-sized) binary: about a tenth of a small chart's whole `report render`. Here the
/// scalar types are told apart by comparing metatypes, which costs nothing.
///
/// Keys are matched by their text. (Yams compared resolved tags too, so a quoted `"2022":` key
/// was not found when asked for as `2022`, and `1:` beside `"1":` were two keys; the loader now
/// reports such a pair as a duplicate key.) Merge keys (`<<`) never get here: the loader refuses
/// them, as it did.
struct NodeDecoder: Decoder, SingleValueDecodingContainer {
    let node: Node
    let codingPath: [CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    init(node: Node, codingPath: [CodingKey] = [], userInfo: [CodingUserInfoKey: Any]) {
        self.node = node; self.codingPath = codingPath; self.userInfo = userInfo
    }

    func child(_ node: Node, _ key: CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, codingPath: codingPath + [key], userInfo: userInfo)
    }

    // MARK: Decoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else { throw mismatch(Node.Mapping.self) }
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(decoder: self, pairs: Array(mapping)))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else { throw mismatch(Node.Sequence.self) }
        return NodeUnkeyedContainer(decoder: self, items: Array(sequence))
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { self }

    // MARK: SingleValueDecodingContainer

    /// Yams' null: a plain `~`, `null`, `Null`, `NULL` or nothing (`'null'` and `''` are text).
    func decodeNil() -> Bool {
        guard case .scalar(let s) = node, s.style == .plain else { return false }
        switch s.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    func decode(_ type: Bool.Type) throws -> Bool { try scalar(Bool.construct, type) }
    func decode(_ type: String.Type) throws -> String { try scalar(String.construct, type) }
    func decode(_ type: Double.Type) throws -> Double { try scalar({ PlainNumber.double($0, Double.construct) }, type) }
    func decode(_ type: Float.Type) throws -> Float { try scalar({ PlainNumber.double($0, Float.construct) }, type) }
    func decode(_ type: Int.Type) throws -> Int { try scalar({ PlainNumber.integer($0, Int.construct) }, type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try scalar({ PlainNumber.integer($0, Int8.construct) }, type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try scalar({ PlainNumber.integer($0, Int16.construct) }, type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try scalar({ PlainNumber.integer($0, Int32.construct) }, type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try scalar({ PlainNumber.integer($0, Int64.construct) }, type) }
    func decode(_ type: UInt.Type) throws -> UInt { try scalar({ PlainNumber.integer($0, UInt.construct) }, type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar({ PlainNumber.integer($0, UInt8.construct) }, type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar({ PlainNumber.integer($0, UInt16.construct) }, type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar({ PlainNumber.integer($0, UInt32.construct) }, type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar({ PlainNumber.integer($0, UInt64.construct) }, type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // The scalar types Yams constructs itself (the ones these files use), by metatype.
        if T.self == String.self { return try decode(String.self) as! T }
        if T.self == Bool.self { return try decode(Bool.self) as! T }
        if T.self == Double.self { return try decode(Double.self) as! T }
        if T.self == Int.self { return try decode(Int.self) as! T }
        if T.self == Float.self { return try decode(Float.self) as! T }
        if T.self == Int64.self { return try decode(Int64.self) as! T }
        if T.self == UInt.self { return try decode(UInt.self) as! T }
        if T.self == UInt64.self { return try decode(UInt64.self) as! T }
        if T.self == Int32.self { return try decode(Int32.self) as! T }
        return try T(from: self)
    }

    // MARK: Helpers

    /// The node as a scalar of `type`, or Yams' type mismatch (a non-scalar first, then an
    /// unconvertible scalar).
    private func scalar<T>(_ construct: (Node.Scalar) -> T?, _ type: T.Type) throws -> T {
        guard case .scalar(let s) = node else { throw mismatch(Node.Scalar.self) }
        guard let value = construct(s) else { throw mismatch(type) }
        return value
    }

    func mismatch(_ expected: Any.Type) -> DecodingError {
        .typeMismatch(expected, .init(codingPath: codingPath, debugDescription: "Expected to decode \(expected) but found \(node.kindName) instead."))
    }
}

extension Node {
    /// Yams' words for the node's kind in a mismatch's debug description.
    var kindName: String {
        switch self {
        case .scalar: "Scalar"
        case .mapping: "Mapping"
        case .sequence: "Sequence"
        case .alias: "Alias"
        }
    }
}

/// A coding key for a sequence index.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let pairs: [(key: Node, value: Node)]

    var codingPath: [CodingKey] { decoder.codingPath }

    /// Every key written, in order, that names a `Key` (non-scalar keys have no name).
    var allKeys: [Key] {
        pairs.compactMap { pair in
            guard case .scalar(let s) = pair.key else { return nil }
            return Key(stringValue: s.string)
        }
    }

    func contains(_ key: Key) -> Bool { value(key.stringValue) != nil }

    /// The last pair whose key reads `name` (Yams' look-up order).
    private func value(_ name: String) -> Node? {
        // By index: iterating the pairs copied each (key, value) tuple through the runtime's
        // generic tuple copy, ~5% of a 30-dataset template's load.
        var i = pairs.count
        while i > 0 {
            i -= 1
            if case .scalar(let s) = pairs[i].key, s.string == name { return pairs[i].value }
        }
        return nil
    }

    private func child(_ key: CodingKey) throws -> NodeDecoder {
        guard let node = value(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath,
                debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return decoder.child(node, key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { try child(key).unkeyedContainer() }
    func superDecoder() throws -> Decoder { try child(SuperKey()) }
    func superDecoder(forKey key: Key) throws -> Decoder { try child(key) }

    private struct SuperKey: CodingKey {
        var stringValue: String { "super" }
        var intValue: Int? { nil }
        init() {}
        init?(stringValue: String) { nil }
        init?(intValue: Int) { nil }
    }
}

struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let items: [Node]
    private(set) var currentIndex = 0

    init(decoder: NodeDecoder, items: [Node]) { self.decoder = decoder; self.items = items }

    var codingPath: [CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    /// The decoder of the next item (advancing past it, as Yams does even for `decodeNil`).
    private mutating func next(_ type: Any.Type) throws -> NodeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [IndexKey(currentIndex)],
                                                         debugDescription: "Unkeyed container is at end."))
        }
        defer { currentIndex += 1 }
        return decoder.child(items[currentIndex], IndexKey(currentIndex))
    }

    mutating func decodeNil() throws -> Bool { try next(Any?.self).decodeNil() }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type).decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next(type).decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type).decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type).decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type).decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type).decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type).decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type).decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type).decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type).decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type).decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type).decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type).decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type).decode(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next(KeyedDecodingContainer<NestedKey>.self).container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try next(UnkeyedDecodingContainer.self).unkeyedContainer()
    }
    mutating func superDecoder() throws -> Decoder { try next(Decoder.self) }
}
