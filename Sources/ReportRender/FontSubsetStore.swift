import CCairo
#if canImport(Glibc)
import Glibc
#endif

/// A subset face's bytes as kept between runs: the original glyph ids it holds (ascending), each
/// one's id in the subset (same order), and the font file HarfBuzz made.
public struct StoredSubset: Sendable, Equatable {
    public var glyphs: [UInt32]
    public var ids: [UInt32]
    public var bytes: [UInt8]
    public init(glyphs: [UInt32], ids: [UInt32], bytes: [UInt8]) { self.glyphs = glyphs; self.ids = ids; self.bytes = bytes }
}

/// Where subset faces outlive the process (ReportPipeline keeps them in the output folder): a
/// one-cell rerun subsets the same faces to the same glyphs as the run before (12–15% of its CPU).
/// `identity` names everything a subset's bytes depend on but its glyphs: the font file (path,
/// face index, size, modification time, inode) and the subsetter's recipe (HarfBuzz version,
/// flags, dropped tables). Called from several threads at once.
public protocol FontSubsetStore: Sendable {
    /// The subset last stored under `identity`, if any (damaged or foreign entries: nil).
    func load(_ identity: String) -> StoredSubset?
    /// Keeps `subset` under `identity`, replacing what was there.
    func store(_ identity: String, _ subset: StoredSubset)
}

extension SubsetFace {
    /// `make(from:glyphs:)` through `store`: a kept subset holding every glyph asked for is used
    /// as it is (a PDF embeds the same bytes from any superset: `PDFFontSubsetTests`); otherwise
    /// the subset is built and kept.
    static func make(from source: OpaquePointer, glyphs: Set<UInt32>, retainIDs: Bool, key: FontFaceKey,
                     store: (any FontSubsetStore)?) -> SubsetFace? {
        guard let store, let identity = subsetIdentity(key, retainIDs: retainIDs) else {
            return make(from: source, glyphs: glyphs, retainIDs: retainIDs)
        }
        if let kept = store.load(identity), let compact = kept.compactIDs, glyphs.allSatisfy({ compact[$0] != nil }),
           let face = make(bytes: kept.bytes, compactIDs: compact, retainIDs: retainIDs) {
            return face
        }
        guard let made = subsetBlob(from: source, glyphs: glyphs, retainIDs: retainIDs) else { return nil }
        var length: UInt32 = 0
        if let data = hb_blob_get_data(made.blob, &length), length > 0 {
            let kept = made.compact.keys.sorted()
            store.store(identity, StoredSubset(glyphs: kept, ids: kept.map { made.compact[$0]! },
                                               bytes: Array(UnsafeRawBufferPointer(start: data, count: Int(length)))))
        }
        return make(holding: made.blob, compactIDs: made.compact, retainIDs: retainIDs)
    }

    /// A face over kept subset bytes (copied: the face owns its memory).
    private static func make(bytes: [UInt8], compactIDs: [UInt32: UInt32], retainIDs: Bool) -> SubsetFace? {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let blob = bytes.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                hb_blob_create_or_fail($0, UInt32(p.count), HB_MEMORY_MODE_DUPLICATE, nil, nil)
            }
        }
        guard let blob else { return nil }
        return make(holding: blob, compactIDs: compactIDs, retainIDs: retainIDs)
    }

    /// What the subset of `key` depends on besides its glyphs, or nil when the file cannot be
    /// stat'ed (then nothing is kept).
    static func subsetIdentity(_ key: FontFaceKey, retainIDs: Bool = false) -> String? {
        var st = stat()
        guard stat(key.file, &st) == 0 else { return nil }
        return "file \(key.file)\u{0}index \(key.index) size \(st.st_size) mtime \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
            + " inode \(st.st_dev):\(st.st_ino) \(recipe(retainIDs: retainIDs))"
    }
}

extension StoredSubset {
    /// Original id → subset id, or nil when the lists do not pair up (a damaged entry).
    var compactIDs: [UInt32: UInt32]? {
        guard glyphs.count == ids.count, glyphs.count <= FontSubsetCache.glyphLimit else { return nil }
        let map = Dictionary(zip(glyphs, ids), uniquingKeysWith: { a, _ in a })
        return map.count == glyphs.count ? map : nil
    }
}
