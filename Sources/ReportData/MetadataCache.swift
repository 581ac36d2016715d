import ReportSync
import Foundation

/// Decoded dataset metadata by the exact bytes of its YAML file, for the whole process: a batch
/// loads the same metadata files once per unit, and a template of many datasets often repeats
/// one file. Decoding is a function of the bytes (only successes are kept; a failure's message
/// names its file, so it is decoded again), so a hit gives exactly what decoding would.
/// Bounded: past `byteBudget` of keys, nothing more is kept.
final class MetadataCache: Sendable {
    static let shared = MetadataCache()
    static let byteBudget = 8 << 20

    private struct State {
        var entries: [Data: DatasetMetadata] = [:]
        var bytes = 0
    }
    private let state = Locked(State())

    func metadata(_ yaml: Data, file: String) -> Result<DatasetMetadata, Diagnostic> {
        if let hit = state.withLock({ $0.entries[yaml] }) { return .success(hit) }
        let decoded = YAMLLoader.decode(DatasetMetadata.self, data: yaml, file: file)
        if case .success(let m) = decoded {
            state.withLock { s in
                guard s.entries[yaml] == nil, s.bytes + yaml.count <= Self.byteBudget else { return }
                s.entries[yaml] = m
                s.bytes += yaml.count
            }
        }
        return decoded
    }
}
