import Foundation
import ZIPFoundation

/// A ZIP archive built in memory whose bytes depend only on its entries: the entries' order is
/// the caller's, every entry has the same date (1980-01-01 00:00, the ZIP epoch) and permissions,
/// and the compression of each entry is fixed by its kind.
enum DeterministicZip {
    struct Entry {
        var path: String
        var bytes: [UInt8]
        /// PNG is already compressed: stored, so readers need not inflate it.
        var compressed: Bool
    }

    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    static func archive(_ entries: [Entry]) throws -> [UInt8] {
        let archive: Archive
        do {
            archive = try Archive(accessMode: .create)
        } catch {
            throw DeckError.zip("\(error)")
        }
        for entry in entries {
            let data = Data(entry.bytes)
            do {
                try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: fixedDate, permissions: 0o644,
                                     compressionMethod: entry.compressed ? .deflate : .none,
                                     provider: { position, size in
                                         let start = Int(position)
                                         return data.subdata(in: start..<min(start + size, data.count))
                                     })
            } catch {
                throw DeckError.zip("\(entry.path): \(error)")
            }
        }
        guard let bytes = archive.data else { throw DeckError.zip("the archive has no data") }
        return [UInt8](bytes)
    }
}
