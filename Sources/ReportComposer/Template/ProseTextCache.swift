import Foundation
import Mustache
import ReportSync

/// What binding finds in a prose text from the text alone — its unsupported tags, its
/// placeholders, the parsed Mustache template (or its syntax error), the numbers typed into it —
/// kept for the process by the exact text (its bytes): a batch binds the same report.yaml texts once per
/// unit, and all of these are functions of the text (and of `allow_numbers`), so a hit gives
/// exactly what parsing again would, whatever order the units come in. What depends on the data
/// (which placeholders resolve, the rendered text) is still done for every unit.
/// Bounded: past `byteBudget` bytes of keys, nothing more is kept (a value is of the order of its
/// text's size). Two threads missing at once both parse; the first answer is kept, and both are
/// the same.
final class ProseTextCache: Sendable {
    static let shared = ProseTextCache()
    /// Bytes of text kept at most (a cache of 0 keeps nothing: every call parses).
    let byteBudget: Int

    init(byteBudget: Int = 8 << 20) { self.byteBudget = byteBudget }

    /// `ProseBinder`'s view of a text.
    struct Parsed: Sendable {
        var unsupported: [ProseBinder.Problem]
        var tags: [Tag]
        /// nil when `unsupported` is not empty (such a text is never given to the parser).
        var template: Result<MustacheTemplate, ProseBinder.Problem>?
    }

    struct Tag: Sendable {
        var name: String
        var lineIndex: Int
        var column: Int
    }

    /// Keys are the texts' UTF-8 bytes: `String` equality is canonical equivalence, and two
    /// texts that are equivalent but spelt differently (é as one scalar or two) must not share
    /// an entry — the rendered text keeps the bytes it was given.
    private struct FindingsKey: Hashable {
        var text: [UInt8]
        var allowed: [[UInt8]]
    }

    private struct State {
        var parsed: [[UInt8]: Parsed] = [:]
        var findings: [FindingsKey: [StaleNumberCheck.Finding]] = [:]
        var bytes = 0
    }
    private let state = Locked(State())

    func parsed(_ text: String, make: (String) -> Parsed) -> Parsed {
        let key = Array(text.utf8)
        if let hit = state.withLock({ $0.parsed[key] }) { return hit }
        let value = make(text)
        state.withLock { s in
            guard s.parsed[key] == nil, s.bytes + key.count <= byteBudget else { return }
            s.parsed[key] = value
            s.bytes += key.count
        }
        return value
    }

    func findings(_ text: String, allowed: [String], make: (String) -> [StaleNumberCheck.Finding]) -> [StaleNumberCheck.Finding] {
        let key = FindingsKey(text: Array(text.utf8), allowed: allowed.map { Array($0.utf8) })
        if let hit = state.withLock({ $0.findings[key] }) { return hit }
        let value = make(text)
        let size = key.text.count + key.allowed.reduce(0) { $0 + $1.count }
        state.withLock { s in
            guard s.findings[key] == nil, s.bytes + size <= byteBudget else { return }
            s.findings[key] = value
            s.bytes += size
        }
        return value
    }
}
