import CCairo
import ReportScene

/// Pango works in fixed-point units of 1/1024 (PANGO_SCALE).
let pangoScale = 1024.0

extension FontEnvironment {
    /// Loads the fontset of each style's description in the shared context (see
    /// `PangoTextMeasurer.prefetchFonts`). Call under `lock`.
    func prefetch(_ styles: [TextStyle]) {
        for style in styles where missingFamily(in: style.family) == nil && style.size > 0 && style.size < 10_000 {
            let desc = Self.description(family: style.family, size: style.size, weight: style.weight)
            defer { pango_font_description_free(desc) }
            // Itemizing horizontal text sets the gravity ("Not-Rotated"): the same fontset key.
            pango_font_description_set_gravity(desc, PANGO_GRAVITY_SOUTH)
            if let fontset = pango_context_load_fontset(pango_layout_get_context(layout), desc,
                                                        pango_context_get_language(pango_layout_get_context(layout))) {
                g_object_unref(UnsafeMutableRawPointer(fontset))
            }
        }
    }

    /// A new font description (the caller frees it): the family, the absolute size in points, the weight.
    static func description(family: String, size: Double, weight: TextStyle.Weight) -> OpaquePointer {
        let desc = pango_font_description_new()!
        pango_font_description_set_family(desc, family)
        pango_font_description_set_absolute_size(desc, (size * pangoScale).rounded())
        pango_font_description_set_weight(desc, PangoWeight(rawValue: UInt32(weight.rawValue)))
        return desc
    }

    /// Points `target` (default: the shared layout) at `key` (every property is reset, so a
    /// layout can be reused) and checks fonts and glyphs. Call under `lock`.
    @discardableResult
    func configure(_ key: LayoutKey, on target: OpaquePointer? = nil) throws -> OpaquePointer {
        let layout = target ?? self.layout
        if let missing = missingFamily(in: key.family) {
            throw RenderError.unknownFontFamily(family: missing, text: key.text)
        }
        // A zero or negative size would give Cairo a singular font matrix and poison the surface.
        guard key.size > 0, key.size.isFinite, key.size < 10_000 else {
            throw RenderError.invalidFontSize(key.size, text: key.text)
        }
        let desc = Self.description(family: key.family, size: key.size, weight: key.weight)
        defer { pango_font_description_free(desc) }
        pango_layout_set_font_description(layout, desc)

        if let w = key.wrapWidth {
            pango_layout_set_width(layout, Int32(clamping: Int((max(w, 0) * pangoScale).rounded())))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        } else {
            pango_layout_set_width(layout, -1)
        }
        switch key.alignment {
        case .left, .justify: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        pango_layout_set_justify(layout, key.alignment == .justify ? 1 : 0)
        pango_layout_set_justify_last_line(layout, key.alignment == .justify && key.justifyLastLine ? 1 : 0)
        // A factor of 0 means the font's natural line height; Pango 1.44+ scales line heights otherwise.
        pango_layout_set_line_spacing(layout, key.lineSpacing == 1 ? 0 : Float(max(key.lineSpacing, 0)))
        pango_layout_set_spacing(layout, 0)
        // Word joiners become "no break" attributes on the text without them (`JoinerGlue`).
        JoinerGlue.setText(Array(key.text.utf8), on: layout)

        if pango_layout_get_unknown_glyphs_count(layout) > 0 {
            throw RenderError.missingGlyphs(text: key.text, family: key.family, codePoints: unknownCodePoints(layout))
        }
        return layout
    }

    /// Code points drawn as "unknown" boxes: Pango encodes them in the glyph id.
    private func unknownCodePoints(_ layout: OpaquePointer) -> [UInt32] {
        let unknownFlag: UInt32 = 0x1000_0000
        var found: [UInt32] = []
        let iter = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let run = pango_layout_iter_get_run_readonly(iter), let glyphs = run.pointee.glyphs else { continue }
            for i in 0..<Int(glyphs.pointee.num_glyphs) {
                let g = glyphs.pointee.glyphs[i].glyph
                if g & unknownFlag != 0, !found.contains(g & ~unknownFlag) { found.append(g & ~unknownFlag) }
            }
        } while pango_layout_iter_next_run(iter) != 0
        return found
    }

    /// Logical metrics of a configured layout (default: the shared one), in points. Call under `lock`.
    func metrics(text: String, layout target: OpaquePointer? = nil) -> TextMetrics {
        let layout = target ?? self.layout
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let utf8 = Array(text.utf8)
        // Line offsets are the layout's, in `text` without its joiners (`JoinerGlue`): read in
        // `text`'s own. A line takes the joiners after the character before it (there are some
        // only after a line separator: a joiner forbids the breaks on its sides) and those inside.
        let glue = JoinerGlue(utf8)
        func original(_ i: Int) -> Int { glue.map { $0.original(i) } ?? i }
        var lines: [LineMetrics] = []
        var utf16Before = 0, bytesCounted = 0
        let iter = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iter) else { continue }
            let own = Int(line.pointee.start_index), ownEnd = own + Int(line.pointee.length)
            let start = min(own == 0 ? 0 : original(own - 1) + 1, utf8.count)
            let end = max(start, min(original(ownEnd), utf8.count))
            utf16Before += String(decoding: utf8[bytesCounted..<start], as: UTF8.self).utf16.count
            bytesCounted = start
            var box = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &box)
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / pangoScale
            lines.append(LineMetrics(
                text: String(decoding: utf8[start..<end], as: UTF8.self), utf16Offset: utf16Before,
                width: Double(box.width) / pangoScale, top: Double(box.y - logical.y) / pangoScale,
                baseline: baseline - Double(logical.y) / pangoScale, height: Double(box.height) / pangoScale))
        } while pango_layout_iter_next_line(iter) != 0
        // With a line-spacing factor Pango spreads the extra space between lines, outside the
        // lines' own extents: make each line's height its advance to the next (the last runs to
        // the layout's bottom), so line heights add up to the text's height.
        let total = Double(logical.height) / pangoScale
        for i in lines.indices {
            let next = i + 1 < lines.count ? lines[i + 1].top : total
            lines[i].height = max(lines[i].height, next - lines[i].top)
        }
        return TextMetrics(
            width: lines.map(\.width).max() ?? 0, height: total,
            baseline: lines.first?.baseline ?? Double(pango_layout_get_baseline(layout)) / pangoScale, lines: lines)
    }
}
