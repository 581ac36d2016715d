import CCairo
import Dispatch
import ReportSync

/// One face of one font file, as fontconfig names it: what a subset is built from.
struct FontFaceKey: Hashable, Sendable {
    let file: String
    let index: UInt32

    /// The face of a Pango font, or nil when it must be drawn as Pango draws it: not a
    /// fontconfig font, synthetic bold (Cairo would embolden the original, not our face), or a
    /// named instance of a variable font.
    init?(_ font: UnsafeMutablePointer<PangoFont>) {
        let instance = UnsafeMutablePointer<GTypeInstance>(OpaquePointer(font))
        guard g_type_check_instance_is_a(instance, pango_fc_font_get_type()) != 0,
              let pattern = pango_fc_font_get_pattern(UnsafeMutablePointer<PangoFcFont>(OpaquePointer(font)))
        else { return nil }
        var file: UnsafeMutablePointer<FcChar8>?
        var index: Int32 = 0
        var embolden: FcBool = 0
        guard FcPatternGetString(pattern, "file", 0, &file) == FcResultMatch, let file else { return nil }
        if FcPatternGetInteger(pattern, "index", 0, &index) != FcResultMatch { index = 0 }
        if FcPatternGetBool(pattern, "embolden", 0, &embolden) == FcResultMatch, embolden != 0 { return nil }
        guard index >= 0, index <= 0xFFFF else { return nil }
        self.file = String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self))
        self.index = UInt32(index)
    }
}

/// Process-wide subsets of the faces PDF text uses: per face, one subset covering every glyph
/// PDFs have needed so far. It is rebuilt only when a PDF needs a glyph it lacks; the third
/// build also takes in the face's glyphs for GB 2312's common characters, so a batch of a
/// thousand PDFs or a report with thirty charts subsets each face two or three times.
///
/// What a PDF embeds does not depend on which superset it drew from: Cairo embeds only the
/// glyphs shown, and with desubroutinized charstrings each is the same bytes in every subset;
/// the one trace of the superset's glyph numbering, the subset tag Cairo hashes from the ids it
/// was given, is put back to the tag of the original ids (`PDFSubsetTags`). Proved by
/// `PDFFontSubsetTests`.
final class FontSubsetCache: @unchecked Sendable {
    static let shared = FontSubsetCache()

    /// The cached subset of a face holds at most this many glyphs and is built at most
    /// `growthLimit` times; a PDF needing glyphs beyond it gets a subset of its own glyphs, not
    /// kept. Bounds memory (a few MiB per face), what Cairo copies per PDF, and the rebuilds a
    /// stream of texts in ever new characters can cause (each costs time in proportion to its size).
    static let glyphLimit = 10_000
    static let growthLimit = 4

    private enum Entry {
        /// The face cannot be subset (not CFF, colour glyphs, or HarfBuzz failed): Pango draws it.
        case unusable
        /// Its cached subset and the builds so far. The source face is mapped from the file again
        /// for each build and released after it: kept, the pages the subsetter read (~10 MiB of a
        /// Noto CJK face) would stay resident for the rest of the process.
        case usable(current: SubsetFace?, builds: Int)
    }

    /// What a face needs, decided under the lock.
    private enum Plan {
        case ready(SubsetFace)
        /// A subset of only these glyphs from `source` (opened for it: release after building).
        case oneOff(source: OpaquePointer, glyphs: Set<UInt32>)
        case none
    }

    private let lock = Lock()
    private var entries: [FontFaceKey: Entry] = [:]
    private var builds = 0

    /// Subsets keep the original glyph ids (tests: the PDF bytes must equal those of compact ids).
    private let retainIDs: Bool

    /// Tests make their own; the product uses `shared`.
    init(retainingGlyphIDs: Bool = false) { retainIDs = retainingGlyphIDs }

    /// For each face of `needs`, a subset holding at least the glyphs listed; faces that cannot
    /// be subset are absent (their text is drawn with Pango's font).
    func faces(for needs: [FontFaceKey: Set<UInt32>]) -> [FontFaceKey: SubsetFace] {
        let plans = lock.withLock { needs.map { ($0.key, plan($0.key, covering: $0.value)) } }
        var out: [FontFaceKey: SubsetFace] = [:]
        for (key, plan) in plans {
            switch plan {
            case .ready(let face): out[key] = face
            case .oneOff(let source, let glyphs):
                // Outside the lock: HarfBuzz faces are safe to read from several threads.
                out[key] = SubsetFace.make(from: source, glyphs: glyphs, retainIDs: retainIDs)
                hb_face_destroy(source)
            case .none: break
            }
        }
        return out
    }

    /// For a build that writes several PDFs, before the first: per face, one cached subset of all
    /// their glyphs, so each face is subset once per build instead of growing PDF by PDF (each
    /// build of a face costs 7–60 ms). A face the bounds refuse is left as it was; each PDF then
    /// gets what `faces(for:)` gives it.
    /// The faces are built at once, one per core (a report in two faces and a bold one: ~10% of
    /// a one-cell rerun, all of it on the path to the report), each from its own HarfBuzz source.
    func reserve(_ needs: [FontFaceKey: Set<UInt32>]) {
        let builds = lock.withLock { needs.compactMap { key, glyphs in growth(key, covering: glyphs) } }
        guard !builds.isEmpty else { return }
        let made = Locked<[FontFaceKey: SubsetFace?]>([:])
        DispatchQueue.concurrentPerform(iterations: builds.count) { i in
            let build = builds[i]
            defer { hb_face_destroy(build.source) }
            let face = SubsetFace.make(from: build.source, glyphs: build.glyphs, retainIDs: retainIDs)
            made.withLock { $0[build.key] = face }
        }
        lock.withLock {
            for (key, face) in made.withLock({ $0 }) {
                // Another thread may have grown the face meanwhile: keep the larger subset.
                guard case .usable(let current, let count)? = entries[key] else { continue }
                guard let face else { entries[key] = .unusable; continue }
                if let current, face.glyphs.isSubset(of: current.glyphs) { continue }
                entries[key] = .usable(current: face, builds: count + 1)
            }
        }
    }

    /// A cached subset to build for `reserve` (its source opened, its glyphs decided), or nil when
    /// the face is up to date, cannot be subset or the bounds refuse it. Call under `lock`.
    private func growth(_ key: FontFaceKey, covering glyphs: Set<UInt32>) -> SubsetBuild? {
        var opened: OpaquePointer?
        if entries[key] == nil {
            opened = Self.open(key)
            entries[key] = opened == nil ? .unusable : .usable(current: nil, builds: 0)
        }
        guard case .usable(let current, let count)? = entries[key] else { return nil }
        if let current, glyphs.isSubset(of: current.glyphs) { return nil }
        guard let source = opened ?? Self.open(key) else {
            entries[key] = .unusable
            return nil
        }
        let wanted = wantedGlyphs(glyphs, current: current, builds: count, source: source)
        guard count < Self.growthLimit, wanted.count <= Self.glyphLimit else { hb_face_destroy(source); return nil }
        builds += 1
        return SubsetBuild(key: key, source: source, glyphs: wanted)
    }

    /// One face to subset: its HarfBuzz source (read-only, safe on any thread; released after the
    /// build) and the glyphs the subset holds.
    private struct SubsetBuild: @unchecked Sendable {
        let key: FontFaceKey
        let source: OpaquePointer
        let glyphs: Set<UInt32>
    }

    /// What a build of a face holds: the glyphs asked for and those of its current subset; from the
    /// third build on also the common characters.
    private func wantedGlyphs(_ glyphs: Set<UInt32>, current: SubsetFace?, builds count: Int, source: OpaquePointer) -> Set<UInt32> {
        var wanted = glyphs.union(current?.glyphs ?? [])
        // Not before the third build: seeding costs ~45 ms of CPU per face, more than a
        // report with a few chart PDFs spends on growing by their own glyphs.
        if count == 2 { wanted.formUnion(Self.commonGlyphs(source)) }
        return wanted
    }

    /// The cached subset of every face so far, and the faces that cannot be subset: what a PDF
    /// whose fonts were prepared draws from without finding its glyphs again (`PDFWriter`).
    func snapshot() -> (faces: [FontFaceKey: SubsetFace], unusable: Set<FontFaceKey>) {
        lock.withLock {
            var faces: [FontFaceKey: SubsetFace] = [:], unusable = Set<FontFaceKey>()
            for (key, entry) in entries {
                switch entry {
                case .unusable: unusable.insert(key)
                case .usable(let current?, _): faces[key] = current
                case .usable(nil, _): break
                }
            }
            return (faces, unusable)
        }
    }

    /// Number of subsets built so far (all faces, cached and one-off).
    var buildCount: Int { lock.withLock { builds } }

    /// Call under `lock`.
    private func plan(_ key: FontFaceKey, covering glyphs: Set<UInt32>) -> Plan {
        var opened: OpaquePointer?
        if entries[key] == nil {
            opened = Self.open(key)
            entries[key] = opened == nil ? .unusable : .usable(current: nil, builds: 0)
        }
        guard case .usable(let current, let count)? = entries[key] else { return .none }
        if let current, glyphs.isSubset(of: current.glyphs) { return .ready(current) }
        guard let source = opened ?? Self.open(key) else {
            entries[key] = .unusable
            return .none
        }
        let wanted = wantedGlyphs(glyphs, current: current, builds: count, source: source)
        guard count < Self.growthLimit, wanted.count <= Self.glyphLimit else {
            builds += 1
            // Released by `faces(for:)` after building.
            return .oneOff(source: source, glyphs: glyphs)
        }
        builds += 1
        defer { hb_face_destroy(source) }
        guard let made = SubsetFace.make(from: source, glyphs: wanted, retainIDs: retainIDs) else {
            entries[key] = .unusable
            return .none
        }
        entries[key] = .usable(current: made, builds: count + 1)
        return .ready(made)
    }

    /// Colour and bitmap glyph tables Cairo would draw as images, and CFF2 (variable) outlines
    /// its subsetter does not read: such faces keep Pango's font. TrueType outlines too: their
    /// subset would carry a recomputed `head` box, which Cairo copies into the PDF.
    private static let refused = ["CBDT", "sbix", "COLR", "SVG ", "EBDT", "CFF2", "fvar", "glyf"].map(fourCC)

    /// The face as an `hb_face_t *` (mapped from its file), or nil when it cannot be subset.
    private static func open(_ key: FontFaceKey) -> OpaquePointer? {
        guard let blob = hb_blob_create_from_file_or_fail(key.file) else { return nil }
        defer { hb_blob_destroy(blob) }
        guard let face = hb_face_create(blob, key.index) else { return nil }
        guard hb_face_get_glyph_count(face) > 0 else {
            hb_face_destroy(face)
            return nil
        }
        var count: UInt32 = 64
        var tags = [UInt32](repeating: 0, count: 64)
        _ = hb_face_get_table_tags(face, 0, &count, &tags)
        let present = Set(tags.prefix(Int(count)))
        guard present.contains(fourCC("CFF ")), present.isDisjoint(with: refused) else {
            hb_face_destroy(face)
            return nil
        }
        return face
    }

    /// The face's glyphs for the code points of `CommonCharacters` it maps.
    private static func commonGlyphs(_ source: OpaquePointer) -> Set<UInt32> {
        guard let font = hb_font_create(source) else { return [] }
        defer { hb_font_destroy(font) }
        var glyphs = Set<UInt32>()
        for u in CommonCharacters.codePoints {
            var g: hb_codepoint_t = 0
            if hb_font_get_nominal_glyph(font, u, &g) != 0 { glyphs.insert(g) }
        }
        return glyphs
    }
}
