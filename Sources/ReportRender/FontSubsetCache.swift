import CCairo

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
/// PDFs have needed so far. It is rebuilt only when a PDF needs a glyph it lacks; the second
/// build also takes in the faces' glyphs for GB 2312's common characters, so a batch of a
/// thousand PDFs or a report with thirty charts subsets each face two or three times.
///
/// What a PDF embeds does not depend on which superset it drew from: Cairo embeds only the
/// glyphs shown, and with desubroutinized charstrings each is the same bytes in every subset
/// (proved by `PDFFontSubsetTests`).
final class FontSubsetCache: @unchecked Sendable {
    static let shared = FontSubsetCache()

    /// A face whose glyph union would pass this starts again from the PDF at hand: bounds the
    /// memory (a few MiB per face) and what Cairo copies per PDF.
    static let glyphLimit = 10_000

    private enum Entry {
        /// The face cannot be subset (not CFF, colour glyphs, or HarfBuzz failed): Pango draws it.
        case unusable
        /// The source face (`hb_face_t *`, mapped from the file), its current subset, builds so far.
        case usable(source: OpaquePointer, current: SubsetFace?, builds: Int)
    }

    private let lock = Lock()
    private var entries: [FontFaceKey: Entry] = [:]
    private var builds = 0

    /// Tests make their own; the product uses `shared`.
    init() {}

    deinit {
        for case .usable(let source, _, _) in entries.values { hb_face_destroy(source) }
    }

    /// For each face of `needs`, a subset holding at least the glyphs listed; faces that cannot
    /// be subset are absent (their text is drawn with Pango's font).
    func faces(for needs: [FontFaceKey: Set<UInt32>]) -> [FontFaceKey: SubsetFace] {
        lock.withLock {
            var out: [FontFaceKey: SubsetFace] = [:]
            for (key, glyphs) in needs {
                if let face = face(key, covering: glyphs) { out[key] = face }
            }
            return out
        }
    }

    /// Number of subsets built so far (all faces).
    var buildCount: Int { lock.withLock { builds } }

    /// Call under `lock`.
    private func face(_ key: FontFaceKey, covering glyphs: Set<UInt32>) -> SubsetFace? {
        let entry = entries[key] ?? Self.open(key)
        entries[key] = entry
        guard case .usable(let source, let current, let count) = entry else { return nil }
        if let current, glyphs.isSubset(of: current.glyphs) { return current }
        var wanted = glyphs.union(current?.glyphs ?? [])
        if count > 0 { wanted.formUnion(Self.commonGlyphs(source)) }
        if wanted.count > Self.glyphLimit { wanted = glyphs }
        builds += 1
        guard let made = SubsetFace.make(from: source, glyphs: wanted) else {
            entries[key] = .unusable
            hb_face_destroy(source)
            return nil
        }
        entries[key] = .usable(source: source, current: made, builds: count + 1)
        return made
    }

    /// Colour and bitmap glyph tables Cairo would draw as images, and CFF2 (variable) outlines
    /// its subsetter does not read: such faces keep Pango's font. TrueType outlines too: their
    /// subset would carry a recomputed `head` box, which Cairo copies into the PDF.
    private static let refused = ["CBDT", "sbix", "COLR", "SVG ", "EBDT", "CFF2", "fvar", "glyf"].map(fourCC)

    private static func open(_ key: FontFaceKey) -> Entry {
        guard let blob = hb_blob_create_from_file_or_fail(key.file) else { return .unusable }
        defer { hb_blob_destroy(blob) }
        guard let face = hb_face_create(blob, key.index), hb_face_get_glyph_count(face) > 0 else { return .unusable }
        var count: UInt32 = 64
        var tags = [UInt32](repeating: 0, count: 64)
        _ = hb_face_get_table_tags(face, 0, &count, &tags)
        let present = Set(tags.prefix(Int(count)))
        guard present.contains(fourCC("CFF ")), present.isDisjoint(with: refused) else {
            hb_face_destroy(face)
            return .unusable
        }
        return .usable(source: face, current: nil, builds: 0)
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
