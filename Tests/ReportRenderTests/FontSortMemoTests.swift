import CCairo
import CFontSortMemo
import ReportRender
import ReportScene
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Pango's font sorts and matches answered from the memo (font_sort_memo.c) are fontconfig's own, for
/// the theme's families and others, at every size charts use (and the emoji strike's 109 px).
@Suite struct FontSortMemoTests {
    static let families = ["Noto Sans CJK SC", "Noto Serif CJK SC", "sans-serif", "DejaVu Sans", "emoji"]
    static let sizes: [Double] = [5, 7.5, 8, 8.25, 9, 10.5, 12, 16, 24, 109]

    /// A request as Pango builds it at 72 dpi: family, weight, size and pixel size, language, substituted.
    static func request(_ family: String, weight: Int32, size: Double) -> OpaquePointer? {
        guard let p = FcPatternCreate() else { return nil }
        _ = family.withCString { FcPatternAddString(p, FC_FAMILY, UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
        _ = FcPatternAddInteger(p, FC_WEIGHT, weight)
        _ = FcPatternAddDouble(p, FC_SIZE, size)
        _ = FcPatternAddDouble(p, FC_PIXEL_SIZE, size)
        _ = FcPatternAddDouble(p, FC_DPI, 72)
        _ = "zh-cn".withCString { FcPatternAddString(p, FC_LANG, UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
        _ = FcConfigSubstitute(nil, p, FcMatchPattern)
        FcDefaultSubstitute(p)
        return p
    }

    /// File and face index of every font of a sorted set, in order.
    static func order(_ set: UnsafeMutablePointer<FcFontSet>?) -> [String] {
        guard let set else { return [] }
        defer { FcFontSetDestroy(set) }
        return (0..<Int(set.pointee.nfont)).map { i in
            var file: UnsafeMutablePointer<FcChar8>?
            var index: Int32 = 0
            let font = set.pointee.fonts[i]
            _ = FcPatternGetString(font, FC_FILE, 0, &file)
            _ = FcPatternGetInteger(font, FC_INDEX, 0, &index)
            return (file.map { String(cString: $0) } ?? "?") + "#\(index)"
        }
    }

    @Test func memoizedSortsEqualFontconfigsOwn() throws {
        _ = FcInit()
        var sets: [UnsafeMutablePointer<FcFontSet>?] = [FcConfigGetFonts(nil, FcSetSystem)]
        try #require(sets[0] != nil)
        var before = (answered: 0, computed: 0)
        report_font_sort_counts(&before.answered, &before.computed)
        var compared = 0
        for family in Self.families {
            for weight in [FC_WEIGHT_REGULAR, FC_WEIGHT_BOLD] {
                // Pango trims (FcTrue); fontconfig's full order too.
                for trim in [FcTrue, FcFalse] { for size in Self.sizes {
                    let p = try #require(Self.request(family, weight: weight, size: size))
                    defer { FcPatternDestroy(p) }
                    var r1 = FcResultNoMatch, r2 = FcResultNoMatch
                    let memo = Self.order(sets.withUnsafeMutableBufferPointer { FcFontSetSort(nil, $0.baseAddress, 1, p, trim, nil, &r1) })
                    let own = Self.order(sets.withUnsafeMutableBufferPointer { report_font_sort_direct(nil, $0.baseAddress, 1, p, trim, nil, &r2) })
                    #expect(memo == own, "\(family) \(weight) \(size) trim \(trim)")
                    #expect(r1 == r2)
                    #expect(memo.count > 1)
                    compared += 1
                    if trim == FcTrue {
                        // The match: the best font prepared with this request, sizes included.
                        var r3 = FcResultNoMatch, r4 = FcResultNoMatch
                        let m1 = sets.withUnsafeMutableBufferPointer { FcFontSetMatch(nil, $0.baseAddress, 1, p, &r3) }
                        let m2 = sets.withUnsafeMutableBufferPointer { report_font_match_direct(nil, $0.baseAddress, 1, p, &r4) }
                        defer { if let m1 { FcPatternDestroy(m1) }; if let m2 { FcPatternDestroy(m2) } }
                        #expect(m1 != nil && r3 == r4)
                        #expect(FcPatternEqual(m1, m2) == FcTrue, "match \(family) \(weight) \(size)")
                        compared += 1
                    }
                } }
            }
        }
        var after = (answered: 0, computed: 0)
        report_font_sort_counts(&after.answered, &after.computed)
        // Most requests differ from an earlier one only in size: answered, not sorted again.
        #expect(after.answered - before.answered >= compared / 2, "\(before) → \(after) of \(compared)")
    }

    /// Text at sizes this process has not used: Pango sorts for each new size (on its own
    /// threads), and those sorts go through the memo.
    @Test func pangosSortsGoThroughTheMemo() throws {
        var before = (answered: 0, computed: 0)
        report_font_sort_counts(&before.answered, &before.computed)
        let sizes = (1...6).map { 31.0 + Double($0) / 64 }
        for size in sizes { _ = try PangoTextMeasurer.shared.measure("临平区 2025", style: TextStyle(size: size), wrapWidth: nil) }
        // Pango's sort threads may still be running: wait for them (at most ~10 s).
        var after = before
        for _ in 0..<1000 {
            report_font_sort_counts(&after.answered, &after.computed)
            if after.answered + after.computed - before.answered - before.computed >= sizes.count { break }
            usleep(10_000)
        }
        #expect(after.answered + after.computed - before.answered - before.computed >= sizes.count, "\(before) → \(after)")
        #expect(after.answered - before.answered >= sizes.count - 1, "\(before) → \(after)")
    }

    /// Pango reaches the memo: fontconfig's name resolves, process-wide, to this definition.
    @Test func pangosCallsReachTheMemo() throws {
        let global = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "FcFontSetSort"))
        let library = try #require(dlopen("libfontconfig.so.1", RTLD_NOW | RTLD_NOLOAD))
        defer { dlclose(library) }
        let own = try #require(dlsym(library, "FcFontSetSort"))
        #expect(global != own)
    }
}
