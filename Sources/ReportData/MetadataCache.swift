import ReportSync
import Foundation

/// Decoded dataset metadata by the exact bytes of its YAML file, for the whole process: a batch
/// loads the same metadata files once per unit, and a template of many datasets often repeats
/// one file. Decoding is a function of the bytes (only successes are kept; a failure's message
/// names its file, so it is decoded again), so a hit gives exactly what decoding would.
/// The same for the positions in a metadata text (`marks`). Bounded: past `byteBudget` of keys,
/// nothing more is kept.
final class MetadataCache: Sendable {
    static let shared = MetadataCache()
    static let byteBudget = 8 << 20

    private struct State {
        var entries: [Data: DatasetMetadata] = [:]
        var catalogs: [Data: CatalogMetadata] = [:]
        var marks: [[UInt8]: YAMLMarks] = [:]
        var bytes = 0
    }
    private let state = Locked(State())

    func metadata(_ yaml: Data, file: String) -> Result<DatasetMetadata, Diagnostic> {
        decoded(yaml, file: file, in: \.entries)
    }

    /// catalog.yaml decoded, by its exact bytes, on the same terms (every unit of a batch reads
    /// the same file).
    func catalog(_ yaml: Data, file: String) -> Result<CatalogMetadata, Diagnostic> {
        decoded(yaml, file: file, in: \.catalogs)
    }

    /// A hit from `table`, else the decode, kept (a success, within the budget) for the next call.
    private func decoded<T: Decodable & Sendable>(_ yaml: Data, file: String,
                                                  in table: WritableKeyPath<State, [Data: T]>) -> Result<T, Diagnostic> {
        if let hit = state.withLock({ $0[keyPath: table][yaml] }) { return .success(hit) }
        let decoded = YAMLLoader.decode(T.self, data: yaml, file: file)
        if case .success(let m) = decoded {
            state.withLock { s in
                guard s[keyPath: table][yaml] == nil, s.bytes + yaml.count <= Self.byteBudget else { return }
                s[keyPath: table][yaml] = m
                s.bytes += yaml.count
            }
        }
        return decoded
    }

    /// The file's text parsed for positions (`YAMLMarks`), by the exact text: every unit of a
    /// batch asks for the lines of the same derived figures. Keyed by the UTF-8 bytes, not by
    /// `String` equality (canonically equivalent texts may place a node at different columns).
    func marks(_ text: String) -> YAMLMarks {
        let key = Array(text.utf8)
        if let hit = state.withLock({ $0.marks[key] }) { return hit }
        let parsed = YAMLMarks(text: text)
        state.withLock { s in
            guard s.marks[key] == nil, s.bytes + key.count <= Self.byteBudget else { return }
            s.marks[key] = parsed
            s.bytes += key.count
        }
        return parsed
    }
}
