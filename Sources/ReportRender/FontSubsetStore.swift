import CCairo
#if canImport(Glibc)
import Glibc
#endif

/// A subset face's bytes as kept between runs: the glyphs it holds (ascending) and the font file
/// HarfBuzz made.
public struct StoredSubset: Sendable, Equatable {
    public var glyphs: [UInt32]
    public var bytes: [UInt8]
    public init(glyphs: [UInt32], bytes: [UInt8]) { self.glyphs = glyphs; self.bytes = bytes }
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
    static func make(from source: OpaquePointer, glyphs: Set<UInt32>, key: FontFaceKey, store: (any FontSubsetStore)?) -> SubsetFace? {
        guard let store, let identity = subsetIdentity(key) else { return make(from: source, glyphs: glyphs) }
        if let kept = store.load(identity), kept.glyphs.count <= FontSubsetCache.glyphLimit {
            let keptGlyphs = Set(kept.glyphs)
            if glyphs.isSubset(of: keptGlyphs), let face = make(bytes: kept.bytes, glyphs: keptGlyphs) { return face }
        }
        guard let blob = subsetBlob(from: source, glyphs: glyphs) else { return nil }
        var length: UInt32 = 0
        if let data = hb_blob_get_data(blob, &length), length > 0 {
            store.store(identity, StoredSubset(glyphs: glyphs.sorted(),
                                               bytes: Array(UnsafeRawBufferPointer(start: data, count: Int(length)))))
        }
        return make(holding: blob, glyphs: glyphs)
    }

    /// A face over kept subset bytes (copied: the face owns its memory).
    private static func make(bytes: [UInt8], glyphs: Set<UInt32>) -> SubsetFace? {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let blob = bytes.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                hb_blob_create_or_fail($0, UInt32(p.count), HB_MEMORY_MODE_DUPLICATE, nil, nil)
            }
        }
        guard let blob else { return nil }
        return make(holding: blob, glyphs: glyphs)
    }

    /// What the subset of `key` depends on besides its glyphs, or nil when the file cannot be
    /// stat'ed (then nothing is kept).
    static func subsetIdentity(_ key: FontFaceKey) -> String? {
        var st = stat()
        guard stat(key.file, &st) == 0 else { return nil }
        return "file \(key.file)\u{0}index \(key.index) size \(st.st_size) mtime \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
            + " inode \(st.st_dev):\(st.st_ino) \(recipe)"
    }
}
