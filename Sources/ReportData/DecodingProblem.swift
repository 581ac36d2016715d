import ReportSync
import Yams

/// A value that decodes but is wrong (an unknown enumeration word, a number out of range, a bad
/// date), said in the user's words. Thrown from `init(from:)`, or recorded with
/// `Decoder.problem(_:)` so decoding goes on and one run reports every such value.
public struct DecodingProblem: Error, Sendable {
    public var codingPath: [String]
    public var message: String
    /// Point at the key itself rather than at its value (unknown or duplicate keys).
    public var atKey: Bool

    public init(_ codingPath: [CodingKey], _ message: String, atKey: Bool = false) {
        self.codingPath = codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
        self.message = message; self.atKey = atKey
    }
}

/// Collects the problems recorded during one decode. One decoder runs on one thread, but the
/// collector travels in `userInfo` (which must be Sendable), so it is locked anyway.
public final class DecodingProblems: Sendable {
    private let recorded = Locked<[DecodingProblem]>([])
    /// The problems in the order they were recorded.
    public var items: [DecodingProblem] { recorded.withLock { $0 } }
    public init() {}
    func add(_ p: DecodingProblem) { recorded.withLock { $0.append(p) } }
    public static let key = CodingUserInfoKey(rawValue: "ReportData.DecodingProblems")!
}

extension Decoder {
    /// Records a problem with the value being decoded and lets decoding go on (the caller uses a
    /// fallback); without a collector (plain `YAMLDecoder`) the problem is thrown.
    public func problem(_ message: String, key: CodingKey? = nil) throws {
        let p = DecodingProblem(codingPath + (key.map { [$0] } ?? []), message)
        guard let sink = userInfo[DecodingProblems.key] as? DecodingProblems else { throw p }
        sink.add(p)
    }
}
