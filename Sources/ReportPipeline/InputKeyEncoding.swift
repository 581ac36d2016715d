/// A value written as bytes for a chart's input key (`ChartInputKey`), field by field in a fixed
/// order, without reflection: every conformance is plain code, so the key costs no runtime type
/// look-ups (the `Mirror` walk it replaces spent ~5 ms on the first chart of every process
/// asking the runtime about each type, and ~65 µs an event after that).
///
/// The encoding is injective for a given type: strings and arrays carry their length, optionals
/// and enum cases a tag, sets are written sorted. Two values of one type write equal bytes only
/// when every encoded field is equal.
protocol InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder)
}

struct KeyEncoder {
    private(set) var bytes: [UInt8] = []
    /// Tests only: the labels of the fields written (or skipped) at the top level, to check that
    /// a conformance names every stored property its type has.
    private(set) var topLevelLabels: [String]? = nil
    private var depth = 0

    init(capacity: Int = 4_096, tracing: Bool = false) {
        bytes.reserveCapacity(capacity)
        if tracing { topLevelLabels = [] }
    }

    /// A stored property. The label is not written (the order is fixed by the conformance).
    @inline(__always)
    mutating func field<T: InputKeyEncodable>(_ label: StaticString, _ value: T) {
        if topLevelLabels != nil, depth == 0 { topLevelLabels!.append(label.description) }
        depth += 1
        value.encodeKey(into: &self)
        depth -= 1
    }

    /// A stored property deliberately left out of the key; the reason sits at the call.
    mutating func skip(_ label: StaticString) {
        if topLevelLabels != nil, depth == 0 { topLevelLabels!.append(label.description) }
    }

    /// An enum case (by a number fixed in the conformance's `switch`) or a small count.
    @inline(__always)
    mutating func tag(_ t: UInt8) { bytes.append(t) }

    @inline(__always)
    mutating func word(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u in
            word(UInt64(u.count))
            bytes.append(contentsOf: u)
        }
    }
}

extension String: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) { k.string(self) }
}

extension Double: InputKeyEncodable {
    /// The exact bits: -0 and 0, or two NaNs, are different inputs.
    func encodeKey(into k: inout KeyEncoder) { k.word(bitPattern) }
}

extension Int: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) { k.word(UInt64(bitPattern: Int64(self))) }
}

extension Bool: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) { k.tag(self ? 1 : 0) }
}

extension Optional: InputKeyEncodable where Wrapped: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        switch self {
        case .none: k.tag(0)
        case .some(let v): k.tag(1); v.encodeKey(into: &k)
        }
    }
}

extension Array: InputKeyEncodable where Element: InputKeyEncodable {
    func encodeKey(into k: inout KeyEncoder) {
        k.word(UInt64(count))
        for e in self { e.encodeKey(into: &k) }
    }
}

extension Set: InputKeyEncodable where Element: InputKeyEncodable & Comparable {
    /// Sorted: a set's iteration order changes from process to process.
    func encodeKey(into k: inout KeyEncoder) { sorted().encodeKey(into: &k) }
}
