/// The reflection walk the chart input key used before `InputKeyEncodable` (kept as the tests' oracle:
/// `Mirror` sees every stored property, so two values it writes alike are equal in every field).
struct ReflectionWalk {
    /// What the walk needs to know of a type, looked up once per type: the runtime's first look
    /// at a type (its name, each protocol it might conform to) scans every conformance record of
    /// the binary, which made the first key cost ~25 ms.
    private struct TypeInfo {
        var name: [UInt8]
        var isFunction: Bool
    }
    private var types: [ObjectIdentifier: TypeInfo] = [:]
    private static let string = ObjectIdentifier(String.self), double = ObjectIdentifier(Double.self)
    private static let int = ObjectIdentifier(Int.self), bool = ObjectIdentifier(Bool.self)

    static func bytes(of value: Any) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(8_192)
        var walk = ReflectionWalk()
        walk.append(value, to: &out)
        return out
    }

    private mutating func info(_ type: Any.Type) -> TypeInfo {
        if let i = types[ObjectIdentifier(type)] { return i }
        // `_typeName`, not `String(reflecting:)`: that asks whether the metatype conforms to each
        // printing protocol, and every such question scans the binary's conformance records.
        let name = _typeName(type, qualified: true)
        let i = TypeInfo(name: Array(name.utf8), isFunction: name.contains("->"))
        types[ObjectIdentifier(type)] = i
        return i
    }

    mutating func append(_ value: Any, to out: inout [UInt8]) {
        // The common leaves by type identity (a cast `as? String` asks the runtime about the type).
        let type = Swift.type(of: value), id = ObjectIdentifier(type)
        if id == Self.string { Self.leaf("S", value as! String, &out); return }
        if id == Self.double { out.append(UInt8(ascii: "D")); Self.word((value as! Double).bitPattern, &out); return }
        if id == Self.int { out.append(UInt8(ascii: "I")); Self.word(UInt64(bitPattern: Int64(value as! Int)), &out); return }
        if id == Self.bool { out.append((value as! Bool) ? 1 : 0); return }
        let t = info(type)
        Self.leaf("T", t.name, &out)
        // A closure has no value to read (see `ChartInputKey`).
        if t.isFunction { return }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .set?, .dictionary?:
            // Each element on its own, then in byte order.
            var parts: [[UInt8]] = mirror.children.map { child in
                var part: [UInt8] = []
                append(child.value, to: &part)
                return part
            }
            parts.sort { $0.lexicographicallyPrecedes($1) }
            Self.word(UInt64(parts.count), &out)
            for p in parts { Self.word(UInt64(p.count), &out); out.append(contentsOf: p) }
        case .enum? where mirror.children.isEmpty:
            // A case without payload: a one-byte enum is its case index (same executable, same
            // index); a wider one, by its name.
            if MemoryLayout.size(ofValue: value) <= 1 {
                out.append(UInt8(ascii: "E"))
                Self.word(UInt64(Self.rawByte(value)), &out)
            } else {
                Self.leaf("E", String(describing: value), &out)
            }
        case nil where mirror.children.isEmpty:
            // A value with no fields of its own to walk (a C type): its description.
            Self.leaf("L", String(reflecting: value), &out)
        default:
            children(mirror, &out)
        }
    }

    /// The one byte of a small enum (the existential is opened: `T` is the enum's type).
    private static func rawByte<T>(_ v: T) -> UInt8 {
        withUnsafeBytes(of: v) { $0.first ?? 0 }
    }

    private mutating func children(_ mirror: Mirror, _ out: inout [UInt8]) {
        var count = 0
        for child in mirror.children {
            Self.leaf("K", child.label ?? "", &out)
            append(child.value, to: &out)
            count += 1
        }
        out.append(UInt8(ascii: "]"))
        Self.word(UInt64(count), &out)
    }

    private static func leaf(_ tag: Character, _ s: String, _ out: inout [UInt8]) {
        var s = s
        s.withUTF8 { leaf(tag, $0, &out) }
    }

    private static func leaf(_ tag: Character, _ u: some Collection<UInt8>, _ out: inout [UInt8]) {
        out.append(tag.asciiValue!)
        word(UInt64(u.count), &out)
        out.append(contentsOf: u)
    }

    private static func word(_ v: UInt64, _ out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }
}
