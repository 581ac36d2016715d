import CCairo

/// A cairo font face made from a HarfBuzz subset of one font face, and the glyph ids it holds.
///
/// The subset numbers its glyphs compactly (0, 1, 2, … in the order of the original ids), so a
/// subset of a few thousand CJK glyphs has a few thousand slots, not the ~65,000 of the original
/// ids that Cairo and FreeType would otherwise walk at every PDF's embedding; text drawn from it
/// has Pango's glyph ids mapped through `glyphID(_:)` (metrics are per glyph, so Pango's shaping
/// of the original face applies unchanged). Its CFF charstrings are desubroutinized, so Cairo
/// 1.16's CFF subsetter, which drops subroutines only some glyphs use (a blank "如" in Noto Sans
/// CJK SC), has none to lose, and each glyph's charstring is the same bytes in every subset.
final class SubsetFace: @unchecked Sendable {
    /// `cairo_font_face_t *`; owns the FreeType face and the subset bytes (user data).
    let face: OpaquePointer
    /// The original glyph ids the subset holds.
    let glyphs: Set<UInt32>
    /// Original id → the subset's id; nil when the subset kept the original ids (tests compare
    /// the two kinds of subset: same PDF bytes).
    private let compactIDs: [UInt32: UInt32]?

    private init(face: OpaquePointer, glyphs: Set<UInt32>, compactIDs: [UInt32: UInt32]?) {
        self.face = face
        self.glyphs = glyphs
        self.compactIDs = compactIDs
    }
    deinit { cairo_font_face_destroy(face) }

    /// The subset's id of original glyph `g` (one of `glyphs`).
    func glyphID(_ g: UInt32) -> UInt32 { compactIDs.map { $0[g] ?? 0 } ?? g }

    /// Tables of no use to drawing (shaping already happened in Pango on the original face);
    /// dropping GSUB also spares HarfBuzz the substitution closure.
    private static let droppedTables = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "DSIG"]

    /// Subsets `source` (an `hb_face_t *`) to `glyphs` (HarfBuzz adds .notdef and the
    /// components of composite glyphs); nil when HarfBuzz, FreeType or Cairo refuse it.
    /// `retainIDs` keeps the original glyph ids (for tests).
    static func make(from source: OpaquePointer, glyphs: Set<UInt32>, retainIDs: Bool = false) -> SubsetFace? {
        guard let input = hb_subset_input_create_or_fail() else { return nil }
        defer { hb_subset_input_destroy(input) }
        let glyphSet = hb_subset_input_glyph_set(input)
        for g in glyphs { hb_set_add(glyphSet, g) }
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in droppedTables { hb_set_add(drop, fourCC(tag)) }
        let flags = HB_SUBSET_FLAGS_DESUBROUTINIZE.rawValue | (retainIDs ? HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue : 0)
        hb_subset_input_set_flags(input, flags)
        guard let plan = hb_subset_plan_create_or_fail(source, input) else { return nil }
        defer { hb_subset_plan_destroy(plan) }
        // Ids the plan dropped (none for ids Pango shaped with this face) stay out of `glyphs`:
        // runs using them are drawn with Pango's font.
        let mapping = hb_subset_plan_old_to_new_glyph_mapping(plan)
        var compact: [UInt32: UInt32] = [:]
        compact.reserveCapacity(glyphs.count)
        for g in glyphs {
            let new = hb_map_get(mapping, g)
            if new != UInt32.max { compact[g] = new }
        }
        guard let subset = hb_subset_plan_execute_or_fail(plan) else { return nil }
        defer { hb_face_destroy(subset) }
        guard let blob = hb_face_reference_blob(subset) else { return nil }
        guard let face = FreeTypeFaces.shared.face(holding: blob) else { return nil }
        return SubsetFace(face: face, glyphs: Set(compact.keys), compactIDs: retainIDs ? nil : compact)
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
