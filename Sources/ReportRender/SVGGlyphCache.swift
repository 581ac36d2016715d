import CCairo

/// A face as Cairo outlines it: the font file and face index fontconfig chose, plus what
/// fontconfig asks Cairo to synthesise (bold, a slant matrix) or vary. Two Pango fonts with the
/// same key draw the same outline for a glyph id at every size.
struct SVGFaceKey: Hashable, Sendable {
    let file: String
    let index: Int32
    let embolden: Bool
    let matrix: [Double]
    let variations: String

    /// Nil for a font that is not fontconfig's (its outlines come from elsewhere).
    init?(_ font: UnsafeMutablePointer<PangoFont>) {
        let instance = UnsafeMutablePointer<GTypeInstance>(OpaquePointer(font))
        guard g_type_check_instance_is_a(instance, pango_fc_font_get_type()) != 0,
              let pattern = pango_fc_font_get_pattern(UnsafeMutablePointer<PangoFcFont>(OpaquePointer(font)))
        else { return nil }
        var file: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(pattern, "file", 0, &file) == FcResultMatch, let file else { return nil }
        var index: Int32 = 0, embolden: FcBool = 0
        if FcPatternGetInteger(pattern, "index", 0, &index) != FcResultMatch { index = 0 }
        if FcPatternGetBool(pattern, "embolden", 0, &embolden) != FcResultMatch { embolden = 0 }
        var m: UnsafeMutablePointer<FcMatrix>?
        var variations: UnsafeMutablePointer<FcChar8>?
        self.file = String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self))
        self.index = index
        self.embolden = embolden != 0
        matrix = FcPatternGetMatrix(pattern, "matrix", 0, &m) == FcResultMatch && m != nil
            ? [m!.pointee.xx, m!.pointee.xy, m!.pointee.yx, m!.pointee.yy] : []
        self.variations = FcPatternGetString(pattern, "fontvariations", 0, &variations) == FcResultMatch && variations != nil
            ? String(cString: UnsafeRawPointer(variations!).assumingMemoryBound(to: CChar.self)) : ""
    }

    init(file: String, index: Int32 = 0, embolden: Bool = false, matrix: [Double] = [], variations: String = "") {
        self.file = file; self.index = index; self.embolden = embolden; self.matrix = matrix; self.variations = variations
    }
}

/// Process-wide glyph outlines for SVG, as `d` path data in units of 1/1000 em (y down, origin
/// on the baseline): each outline is taken from Cairo once per process (Cairo's own SVG surface
/// took it again for every file), and one `<path>` per distinct glyph serves every size, scaled
/// by the `<use>`'s group. Thread-safe.
///
/// Outlines are unhinted (the font environment turns hinting off), so an outline at 1000 units
/// scaled to the label's size is the outline Cairo would take at that size.
final class SVGGlyphCache: @unchecked Sendable {
    static let shared = SVGGlyphCache()
    /// The size outlines are taken at: one unit = 1/1000 em.
    static let unitsPerEm = 1000.0
    /// Bounds memory (a CJK outline is ~1 KiB): a full cache is simply dropped.
    static let glyphLimit = 40_000

    private enum Face {
        /// Colour (emoji), bitmap-only or non-FreeType faces: the SVG is drawn by Cairo instead.
        case unusable
        /// The face's scaled font at `unitsPerEm` (referenced for the life of the process).
        case usable(OpaquePointer)
    }

    private let lock = Lock()
    private var faceIds: [SVGFaceKey: Int32] = [:]
    private var faces: [Face] = []
    private var outlines: [UInt64: [UInt8]] = [:]
    /// For tests: how many outlines were taken from Cairo.
    private(set) var extracted = 0
    /// A context on a 1×1 surface, used only to ask Cairo for glyph paths (under `lock`).
    private var cr: OpaquePointer

    init() { cr = Self.makeContext() }

    private static func makeContext() -> OpaquePointer {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)
        defer { cairo_surface_destroy(surface) }
        return cairo_create(surface)!
    }

    /// The id of `font`'s face for `outline(face:glyph:)`, or nil when its glyphs have no usable
    /// outline (colour or bitmap glyphs). Call under the environment lock (it reads Pango's font).
    func face(for font: UnsafeMutablePointer<PangoFont>) -> Int32? {
        guard let key = SVGFaceKey(font) else { return nil }
        return lock.withLock {
            let id: Int32
            if let known = faceIds[key] {
                id = known
            } else {
                id = Int32(faces.count)
                faces.append(Self.unitFace(font))
                faceIds[key] = id
            }
            if case .usable = faces[Int(id)] { return id }
            return nil
        }
    }

    /// The scaled font of `font`'s Cairo face at `unitsPerEm`, with Pango's font options.
    private static func unitFace(_ font: UnsafeMutablePointer<PangoFont>) -> Face {
        guard let pangoScaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)),
              cairo_scaled_font_status(pangoScaled) == CAIRO_STATUS_SUCCESS,
              cairo_scaled_font_get_type(pangoScaled) == CAIRO_FONT_TYPE_FT,
              let face = cairo_scaled_font_get_font_face(pangoScaled) else { return .unusable }
        let options = cairo_font_options_create()
        defer { cairo_font_options_destroy(options) }
        cairo_scaled_font_get_font_options(pangoScaled, options)
        var size = cairo_matrix_t(), identity = cairo_matrix_t()
        cairo_matrix_init_scale(&size, unitsPerEm, unitsPerEm)
        cairo_matrix_init_identity(&identity)
        guard let unit = cairo_scaled_font_create(face, &size, &identity, options) else { return .unusable }
        guard cairo_scaled_font_status(unit) == CAIRO_STATUS_SUCCESS, let ft = cairo_ft_scaled_font_lock_face(unit) else {
            cairo_scaled_font_destroy(unit)
            return .unusable
        }
        let flags = ft.pointee.face_flags
        cairo_ft_scaled_font_unlock_face(unit)
        // FT_FACE_FLAG_SCALABLE; COLOR, SVG, SBIX: glyphs that are pictures, not outlines.
        let scalable: Int = 1 << 0, pictures: Int = (1 << 14) | (1 << 16) | (1 << 17)
        guard flags & scalable != 0, flags & pictures == 0 else {
            cairo_scaled_font_destroy(unit)
            return .unusable
        }
        return .usable(unit)
    }

    /// The outline of `glyph` in face `face` as path data (empty for a blank glyph such as a
    /// space), or nil when Cairo cannot outline it.
    func outline(face: Int32, glyph: UInt32) -> [UInt8]? {
        let key = UInt64(UInt32(bitPattern: face)) << 32 | UInt64(glyph)
        return lock.withLock {
            if let hit = outlines[key] { return hit }
            guard Int(face) < faces.count, case .usable(let font) = faces[Int(face)],
                  let data = extract(font, glyph) else { return nil }
            if outlines.count >= Self.glyphLimit { outlines.removeAll(keepingCapacity: true) }
            outlines[key] = data
            extracted += 1
            return data
        }
    }

    /// Call under `lock`.
    private func extract(_ font: OpaquePointer, _ glyph: UInt32) -> [UInt8]? {
        cairo_new_path(cr)
        cairo_set_scaled_font(cr, font)
        var g = cairo_glyph_t(index: UInt(glyph), x: 0, y: 0)
        cairo_glyph_path(cr, &g, 1)
        guard cairo_status(cr) == CAIRO_STATUS_SUCCESS, let path = cairo_copy_path(cr) else {
            cairo_destroy(cr)
            cr = Self.makeContext()
            return nil
        }
        defer { cairo_path_destroy(path); cairo_new_path(cr) }
        guard path.pointee.status == CAIRO_STATUS_SUCCESS else { return nil }
        return Self.pathData(path.pointee)
    }

    /// Cairo's path as SVG path data with 2 decimals (1/100 000 em); a move that no segment
    /// follows (Cairo adds one after every close) is dropped.
    static func pathData(_ path: cairo_path_t) -> [UInt8] {
        var out = SVGBuffer(capacity: 512)
        guard let data = path.data else { return [] }
        var pending: (Double, Double)?
        var drawing = false
        func flush(_ out: inout SVGBuffer) {
            drawing = true
            guard let (x, y) = pending else { return }
            out.append("M"); out.number(x, decimals: 2); out.append(" "); out.number(y, decimals: 2)
            pending = nil
        }
        var i = 0
        let n = Int(path.num_data)
        while i < n {
            let header = data[i].header
            let length = max(Int(header.length), 1)
            switch header.type {
            case CAIRO_PATH_MOVE_TO:
                pending = (data[i + 1].point.x, data[i + 1].point.y)
            case CAIRO_PATH_LINE_TO:
                flush(&out)
                out.append("L"); out.number(data[i + 1].point.x, decimals: 2)
                out.append(" "); out.number(data[i + 1].point.y, decimals: 2)
            case CAIRO_PATH_CURVE_TO:
                flush(&out)
                out.append("C")
                for k in 1...3 {
                    if k > 1 { out.append(" ") }
                    out.number(data[i + k].point.x, decimals: 2)
                    out.append(" ")
                    out.number(data[i + k].point.y, decimals: 2)
                }
            case CAIRO_PATH_CLOSE_PATH:
                if drawing { out.append("Z"); drawing = false }
            default:
                break
            }
            i += length
        }
        return out.bytes
    }

    /// Number of faces seen (tests).
    var faceCount: Int { lock.withLock { faces.count } }
}
