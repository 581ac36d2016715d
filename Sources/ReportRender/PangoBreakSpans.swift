import CCairo
import ReportScene

/// `TextMeasurer.breakSpans` read off a shaped one-line layout: its break opportunities as
/// Pango's own line breaking sees them (the layout's log attributes, word joiners' "no break"
/// attributes applied) and each cluster's advance as shaped. The timeline's key search counts a
/// key line's wrapped lines from these instead of wrapping it at every column width.
enum PangoBreakSpans {
    /// nil when the layout is not one line in one font (wrapped lines could then differ in
    /// height), or a break would insert a hyphen (a line could be wider than its text).
    /// Call under the lock of the environment holding `layout`.
    static func of(_ layout: OpaquePointer) -> BreakSpans? {
        guard pango_layout_get_line_count(layout) == 1, let text = pango_layout_get_text(layout) else { return nil }
        var attrCount: Int32 = 0
        guard let attrs = pango_layout_get_log_attrs_readonly(layout, &attrCount) else { return nil }
        let chars = Int(attrCount) - 1
        guard chars > 0, let advances = clusterAdvances(layout, text: text, chars: chars) else { return nil }
        var pieces: [Double] = [], hanging: [Double] = []
        var piece: Int32 = 0, hang: Int32 = 0
        for c in 0..<chars {
            let a = attrs[c]
            if c > 0 && a.is_mandatory_break != 0 { return nil }
            if c > 0 && a.is_line_break != 0 {
                if a.break_inserts_hyphen != 0 { return nil }
                // A break that drops the character before it narrows the line as white space does.
                if a.break_removes_preceding != 0 && attrs[c - 1].is_white == 0 { hang += advances[c - 1] }
                pieces.append(Double(piece) / 1024); hanging.append(Double(min(hang, piece)) / 1024)
                piece = 0; hang = 0
            }
            piece += advances[c]
            // White space counts as hanging only at the piece's end.
            hang = a.is_white != 0 ? hang + advances[c] : 0
        }
        pieces.append(Double(piece) / 1024); hanging.append(Double(min(hang, piece)) / 1024)
        return BreakSpans(pieces: pieces, hanging: hanging)
    }

    /// Each character's advance in Pango units (a cluster's on its first character), or nil when
    /// the runs use more than one font.
    private static func clusterAdvances(_ layout: OpaquePointer, text: UnsafePointer<CChar>, chars: Int) -> [Int32]? {
        // Character index of each UTF-8 byte offset.
        let bytes = Int(strlen(text))
        var charAt = [Int](repeating: 0, count: bytes + 1)
        var index = -1
        for b in 0..<bytes {
            if UInt8(bitPattern: text[b]) & 0xC0 != 0x80 { index += 1 }
            charAt[b] = index
        }
        charAt[bytes] = index + 1
        var advances = [Int32](repeating: 0, count: chars)
        var font: UnsafeMutablePointer<PangoFont>?
        guard let iter = pango_layout_get_iter(layout) else { return nil }
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let run = pango_layout_iter_get_run_readonly(iter), let glyphs = run.pointee.glyphs?.pointee,
                  let item = run.pointee.item?.pointee else { continue }
            let runFont = item.analysis.font
            if font == nil { font = runFont } else if font != runFont { return nil }
            var cluster = PangoGlyphItemIter()
            guard pango_glyph_item_iter_init_start(&cluster, run, text) != 0 else { continue }
            repeat {
                var width: Int32 = 0
                let first = min(cluster.start_glyph, cluster.end_glyph + 1), end = max(cluster.start_glyph + 1, cluster.end_glyph)
                for g in first..<end { width += glyphs.glyphs[Int(g)].geometry.width }
                let c = charAt[Int(cluster.start_index)]
                guard c >= 0, c < chars else { return nil }
                advances[c] += width
            } while pango_glyph_item_iter_next_cluster(&cluster) != 0
        } while pango_layout_iter_next_run(iter) != 0
        return advances
    }
}
