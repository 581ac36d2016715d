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
        decoded(yaml, file: file, get: { $0.entries[yaml] }, put: { $0.entries[yaml] = $1 })
    }

    /// catalog.yaml decoded, by its exact bytes, on the same terms (every unit of a batch reads
    /// the same file).
    func catalog(_ yaml: Data, file: String) -> Result<CatalogMetadata, Diagnostic> {
        decoded(yaml, file: file, get: { $0.catalogs[yaml] }, put: { $0.catalogs[yaml] = $1 })
    }

    /// A hit (`get`), else the decode, kept (`put`: a success, within the budget) for the next
    /// call. Closures, not key paths: a key path's first use resolves its types by name, and
    /// `[Data: T]`'s conformance made the runtime scan every conformance record (~1 ms a run).
    private func decoded<T: Decodable & Sendable>(_ yaml: Data, file: String, get: (State) -> T?,
                                                  put: (inout State, T) -> Void) -> Result<T, Diagnostic> {
        if let hit = state.withLock({ get($0) }) { return .success(hit) }
        let decoded = YAMLLoader.decode(T.self, data: yaml, file: file)
        if case .success(let m) = decoded {
            state.withLock { s in
                guard get(s) == nil, s.bytes + yaml.count <= Self.byteBudget else { return }
                put(&s, m)
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
