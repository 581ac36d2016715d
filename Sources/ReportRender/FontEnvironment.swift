import CCairo
import Glibc
import ReportScene

/// A Pango font map and context used for both measuring and drawing, so a text
/// measured at width w is drawn at width w in every output format.
///
/// Settings that make metrics independent of the output device: 72 dpi (1 font unit = 1 pt),
/// no metric hinting, no outline hinting, unrounded glyph positions. Layouts are always built
/// in this context with an identity matrix and drawn as-is onto any cairo_t (Cairo re-creates
/// the scaled font for the target's CTM but keeps Pango's positions), so scale and rotation
/// never change line breaks or widths.
///
/// Pango objects are not thread-safe: every access happens under `lock`. The font map lives
/// for the whole process (fontconfig scanning is the expensive part).
///
/// A thread that finds the shared environment busy measures in a helper (`all`): the same
/// settings on a font map and context of its own, so two threads shape text side by side
/// instead of queueing on one lock (a report of 15 timelines spent a third of its figure stage
/// handing that lock between its two threads). Each font map's objects are only touched under
/// its own environment's lock; fontconfig, FreeType faces (through Cairo) and HarfBuzz are
/// thread-safe below that. The same text shapes to the same glyphs and positions in every
/// environment: same fonts, same options.
final class FontEnvironment: @unchecked Sendable {
    static let shared = FontEnvironment(index: 0, families: nil)

    /// How many environments a process uses at most, the shared one included: one per core, up
    /// to four (past that the threads' other work, not shaping, is the limit).
    static let capacity = max(1, min(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 4))

    /// The shared environment, then the helpers (made together at first need: a font map and a
    /// context are cheap; the fonts load lazily on each one's first use).
    static let all: [FontEnvironment] = [shared] + (1..<capacity).map { FontEnvironment(index: $0, families: shared.families) }

    /// Position in `all`.
    let index: Int

    /// A new environment outside `all` (tests: fresh font maps that load their fonts together).
    /// `index`: the layout slot it uses in the measurers it is given to.
    static func unshared(slot index: Int) -> FontEnvironment { FontEnvironment(index: index, families: shared.families) }

    /// Held (inside an environment's own lock) while any environment shapes a text that may load
    /// fonts: two font maps loading fonts at the same moment can disagree afterwards (seen: a
    /// justified line broken with a hyphen got the hyphen's width twice in one of two fresh
    /// environments that started together, in about half of the runs; never when their first
    /// texts were shaped one after the other). The cause is below Pango's API, so no font is
    /// ever loaded by two environments at once.
    static let loading = Lock()
    /// The characters each font description (family, size, weight) has shaped here, so a text
    /// whose fonts are all loaded skips `loading`. Under `lock`.
    private var shaped: [FontUse: Set<UInt32>] = [:]

    private struct FontUse: Hashable {
        let family: String
        let size: Double
        let weight: TextStyle.Weight
    }

    /// Runs `shape` for `key`, holding `loading` unless every character of the text (and the
    /// hyphen a wrapped line may get) was shaped in this description here before. Call under `lock`.
    func shapingFonts<R>(_ key: LayoutKey, _ shape: () throws -> R) rethrows -> R {
        let use = FontUse(family: key.family, size: key.size, weight: key.weight)
        var known = shaped[use] ?? []
        let before = known.count
        for u in key.text.unicodeScalars { known.insert(u.value) }
        if key.wrapWidth != nil { known.insert(0x2010); known.insert(0x2D) }
        if known.count == before && shaped[use] != nil { return try shape() }
        defer { shaped[use] = known }
        return try Self.loading.withLock { try shape() }
    }

    let lock = Lock()
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    /// Reused for every measurement and draw (under `lock`): avoids allocating a layout per label.
    let layout: OpaquePointer
    private var language: String = ""
    /// Lower-cased family names known to fontconfig, listed once.
    private let families: Set<String>

    private init(index: Int, families known: Set<String>?) {
        self.index = index
        if index == 0 { Self.keepLargeBlocks() }
        fontMap = pango_cairo_font_map_new()
        pango_cairo_font_map_set_resolution(OpaquePointer(fontMap), 72)
        context = pango_font_map_create_context(fontMap)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_base_dir(context, PANGO_DIRECTION_LTR)
        layout = pango_layout_new(context)
        families = known ?? Self.listFamilies(fontMap)
        setLanguage("zh-CN")
    }

    /// Every PDF makes Cairo copy each embedded face's whole CFF table (20–27 MB for Noto CJK)
    /// into a fresh buffer, twice (once to see whether it is a CID font, once to subset it), and
    /// every PNG allocates an 8 MB image. By default glibc serves such blocks with their own
    /// mmap and unmaps them on free, so each copy page-faults its way through fresh zeroed pages
    /// (~10% of a full render). Served from the heap and kept there, a freed block is reused by
    /// the next PDF or image of the same thread, already mapped.
    private static func keepLargeBlocks() {
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)   // glibc's maximum
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
    }

    private static func listFamilies(_ map: UnsafeMutablePointer<PangoFontMap>) -> Set<String> {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_font_map_list_families(map, &list, &count)
        defer { g_free(list) }
        var names = Set<String>()
        for i in 0..<Int(count) {
            if let family = list?[i], let name = pango_font_family_get_name(family) {
                names.insert(String(cString: name).lowercased())
            }
        }
        return names
    }

    /// Fontconfig's generic aliases always resolve, even though they are not real families.
    private static let generic: Set<String> = ["sans", "sans-serif", "serif", "monospace", "system-ui", "cursive", "fantasy", "emoji", "math"]

    /// `missingFamily` by family list (under `lock`): every layout checks its style's list, and
    /// splitting, trimming and lower-casing it each time was ~4% of a timeline's layout.
    private var checkedFamilies: [String: String?] = [:]

    /// The first family of a comma-separated list that fontconfig does not have, if any. Call under `lock`.
    func missingFamily(in familyList: String) -> String? {
        if let known = checkedFamilies[familyList] { return known }
        let missing = findMissingFamily(in: familyList)
        if checkedFamilies.count >= 256 { checkedFamilies.removeAll() }
        checkedFamilies[familyList] = .some(missing)
        return missing
    }

    private func findMissingFamily(in familyList: String) -> String? {
        for part in familyList.split(separator: ",") {
            let name = part.trimmingSpaces.lowercased()
            if name.isEmpty || Self.generic.contains(name) { continue }
            if !families.contains(name) { return String(part.trimmingSpaces) }
        }
        return nil
    }

    /// A new layout in the shared context, for callers that keep configured layouts. Call under `lock`.
    func makeLayout() -> OpaquePointer { pango_layout_new(context) }

    /// Language of the shared context (chooses CJK glyph variants). Call under `lock`.
    func setLanguage(_ tag: String) {
        guard tag != language else { return }
        language = tag
        pango_context_set_language(context, pango_language_from_string(tag))
        pango_layout_context_changed(layout)
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return s
    }
}
