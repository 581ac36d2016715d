import CCairo
import ReportScene

/// The bold CJK sans face (a chart's title, a report's headings), opened by the warm-up thread
/// once the font environment is ready, while the main thread lays out its first texts in the
/// regular face. FreeType's opening of a Noto CJK face (its CFF font set, charset and index of
/// 65,535 glyphs) costs ~0.5 ms; Cairo keeps one FreeType face per file and face index for the
/// whole process, whichever font map asks, so Pango's later request finds it open. Nothing else
/// is shared and no result can change: the same file is opened once, by whichever thread is first.
enum FaceWarmUp {
    /// The faces opened here, kept for the process (Cairo would close a face nobody holds).
    nonisolated(unsafe) private static var kept: [OpaquePointer] = []

    /// Opens the bold sans through Cairo. Call on the warm-up thread only, after fontconfig's start.
    static func run() {
        guard let pattern = FcPatternCreate() else { return }
        defer { FcPatternDestroy(pattern) }
        _ = FcPatternAddString(pattern, "family", Fonts.sans)
        _ = FcPatternAddInteger(pattern, "weight", 200)
        _ = FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(nil, pattern, &result) else { return }
        defer { FcPatternDestroy(match) }
        // Only the face the family names: a fallback would open a file no text asked for.
        var got: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(match, "family", 0, &got) == FcResultMatch, let got,
              String(cString: UnsafeRawPointer(got).assumingMemoryBound(to: CChar.self)) == Fonts.sans,
              let face = cairo_ft_font_face_create_for_pattern(match) else { return }
        var size = cairo_matrix_t(), identity = cairo_matrix_t()
        cairo_matrix_init_scale(&size, 10, 10)
        cairo_matrix_init_identity(&identity)
        let options = cairo_font_options_create()
        // Cairo opens the FreeType face to make a scaled font.
        if let font = cairo_scaled_font_create(face, &size, &identity, options) { cairo_scaled_font_destroy(font) }
        cairo_font_options_destroy(options)
        kept.append(face)
    }
}
