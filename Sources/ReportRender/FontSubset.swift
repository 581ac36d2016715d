import CCairo

/// A cairo font face made from a HarfBuzz subset of one font face, and the glyph ids it holds.
///
/// The subset keeps glyph ids (RETAIN_GIDS) and metrics, so Pango's shaping of the original face
/// applies unchanged; its CFF charstrings are desubroutinized, so Cairo 1.16's CFF subsetter,
/// which drops subroutines only some glyphs use (a blank "如" in Noto Sans CJK SC), has none to
/// lose; and it is small, so Cairo's per-PDF copy of the CFF table costs little.
final class SubsetFace: @unchecked Sendable {
    /// `cairo_font_face_t *`; owns the FreeType face and the subset bytes (user data).
    let face: OpaquePointer
    let glyphs: Set<UInt32>

    private init(face: OpaquePointer, glyphs: Set<UInt32>) { self.face = face; self.glyphs = glyphs }
    deinit { cairo_font_face_destroy(face) }

    /// Tables of no use to drawing (shaping already happened in Pango on the original face);
    /// dropping GSUB also spares HarfBuzz the substitution closure.
    private static let droppedTables = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "DSIG"]

    /// Subsets `source` (an `hb_face_t *`) to `glyphs` (HarfBuzz adds .notdef and the
    /// components of composite glyphs); nil when HarfBuzz, FreeType or Cairo refuse it.
    static func make(from source: OpaquePointer, glyphs: Set<UInt32>) -> SubsetFace? {
        guard let blob = subsetBlob(from: source, glyphs: glyphs) else { return nil }
        return make(holding: blob, glyphs: glyphs)
    }

    /// The subset font file (an `hb_blob_t *`, owned by the caller) of `glyphs` of `source`.
    static func subsetBlob(from source: OpaquePointer, glyphs: Set<UInt32>) -> OpaquePointer? {
        guard let input = hb_subset_input_create_or_fail() else { return nil }
        defer { hb_subset_input_destroy(input) }
        let glyphSet = hb_subset_input_glyph_set(input)
        for g in glyphs { hb_set_add(glyphSet, g) }
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in droppedTables { hb_set_add(drop, fourCC(tag)) }
        hb_subset_input_set_flags(input, flags)
        guard let subset = hb_subset_or_fail(source, input) else { return nil }
        defer { hb_face_destroy(subset) }
        return hb_face_reference_blob(subset)
    }

    /// A face over subset bytes made by `subsetBlob` (`blob` is consumed).
    static func make(holding blob: OpaquePointer, glyphs: Set<UInt32>) -> SubsetFace? {
        guard let face = FreeTypeFaces.shared.face(holding: blob) else { return nil }
        return SubsetFace(face: face, glyphs: glyphs)
    }

    private static let flags = HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue | HB_SUBSET_FLAGS_DESUBROUTINIZE.rawValue

    /// Everything besides the glyphs and the font file that decides a subset's bytes: kept
    /// subsets (`FontSubsetStore`) made by another recipe are not used.
    static var recipe: String {
        "hb \(String(cString: hb_version_string())) flags \(flags) drop \(droppedTables.joined(separator: ","))"
    }
}

/// Big-endian four-character table tag (HB_TAG).
func fourCC(_ s: String) -> UInt32 {
    s.utf8.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
}

/// FreeType faces over subset bytes, wrapped as cairo font faces. One FreeType library,
/// serialised by its own lock (FreeType requires that for face creation and disposal; Cairo
/// disposes of a face from whichever thread drops its last reference).
final class FreeTypeFaces: @unchecked Sendable {
    static let shared = FreeTypeFaces()
    let lock = Lock()
    private let library: OpaquePointer?

    private init() {
        var lib: OpaquePointer?
        library = FT_Init_FreeType(&lib) == 0 ? lib : nil
    }

    /// A cairo font face reading `blob` (consumed: released with the face); nil on failure.
    func face(holding blob: OpaquePointer) -> OpaquePointer? {
        guard let library else { hb_blob_destroy(blob); return nil }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { hb_blob_destroy(blob); return nil }
        var ftFace: FT_Face?
        let error = lock.withLock {
            data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                FT_New_Memory_Face(library, $0, FT_Long(length), 0, &ftFace)
            }
        }
        guard error == 0, let ftFace else { hb_blob_destroy(blob); return nil }
        let owner = Unmanaged.passRetained(FaceOwner(ftFace: ftFace, blob: blob, lock: lock)).toOpaque()
        guard let face = cairo_ft_font_face_create_for_ft_face(ftFace, 0) else {
            Unmanaged<FaceOwner>.fromOpaque(owner).release()
            return nil
        }
        let status = cairo_font_face_set_user_data(face, faceOwnerKey, owner) { pointer in
            if let pointer { Unmanaged<FaceOwner>.fromOpaque(pointer).release() }
        }
        if status != CAIRO_STATUS_SUCCESS || cairo_font_face_status(face) != CAIRO_STATUS_SUCCESS {
            cairo_font_face_destroy(face)
            if status != CAIRO_STATUS_SUCCESS { Unmanaged<FaceOwner>.fromOpaque(owner).release() }
            return nil
        }
        return face
    }
}

/// Keeps the FreeType face and its bytes alive exactly as long as the cairo face using them.
private final class FaceOwner {
    let ftFace: FT_Face
    let blob: OpaquePointer
    let lock: Lock
    init(ftFace: FT_Face, blob: OpaquePointer, lock: Lock) { self.ftFace = ftFace; self.blob = blob; self.lock = lock }
    deinit {
        lock.withLock { _ = FT_Done_Face(ftFace) }
        hb_blob_destroy(blob)
    }
}

nonisolated(unsafe) private let faceOwnerKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)
