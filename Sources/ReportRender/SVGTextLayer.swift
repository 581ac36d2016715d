import ReportScene

/// The `<text>` elements of a scene, one per laid-out line, placed with the measurer's own line
/// metrics so they sit exactly on the outlines Cairo drew (`.outlines`), or replace them (`.text`).
enum SVGTextLayer {
    /// Tried in order when the chart's own family is missing: the same design first
    /// (Noto/Source Han), then the system CJK faces of Windows and macOS.
    static let cjkStack = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"]

    /// One line of one text node, in the node's coordinates.
    struct Line {
        var text: String
        /// Left end and baseline of the line as drawn.
        var x: Double, baseline: Double
        var width: Double
        /// The point of the line that stays put when a viewer's font is wider or narrower.
        var anchor: TextAnchor.Horizontal
        var style: TextStyle
        var transform: Transform
    }

    /// Every visible text line, in drawing order (groups the renderer skips are skipped here).
    static func lines(in group: Group, measurer: any TextMeasurer, base: Transform = .identity) throws -> [Line] {
        let t = group.transform
        let det = t.a * t.d - t.b * t.c
        guard det != 0, det.isFinite, t.tx.isFinite, t.ty.isFinite, group.opacity > 0 else { return [] }
        let placed = t.then(base)
        var out: [Line] = []
        for child in group.children {
            switch child {
            case .group(let g): out += try lines(in: g, measurer: measurer, base: placed)
            case .text(let node): out += try lines(of: node, measurer: measurer, transform: placed)
            default: break
            }
        }
        return out
    }

    static func lines(of node: TextNode, measurer: any TextMeasurer, transform: Transform) throws -> [Line] {
        let m = try measurer.measure(node.text, style: node.style, wrapWidth: node.wrapWidth)
        let box = node.boxOrigin(m)
        // Pango aligns lines inside the wrap width, or inside the widest line without one.
        let width = node.wrapWidth ?? m.width
        // A single unwrapped line grows around its anchor; lines of a paragraph around the
        // edge (or centre) they are aligned to.
        let anchor: TextAnchor.Horizontal
        switch node.style.alignment {
        case _ where node.wrapWidth == nil && m.lines.count == 1: anchor = node.anchor.horizontal
        case .left, .justify: anchor = .start
        case .center: anchor = .middle
        case .right: anchor = .end
        }
        return m.lines.compactMap { line in
            // Word joiners keep a figure on one line in the layout; in the file they would only
            // stop a search for "6.78亿元" from matching, so the text carries none.
            let text = line.text.filter { $0 != "\u{2060}" }
            guard !text.allSatisfy(\.isWhitespace) else { return nil }
            let inset: Double
            switch node.style.alignment {
            case .left, .justify: inset = 0
            case .center: inset = (width - line.width) / 2
            case .right: inset = width - line.width
            }
            return Line(text: text, x: box.x + inset, baseline: box.y + line.baseline, width: line.width,
                        anchor: anchor, style: node.style, transform: transform)
        }
    }

    /// The markup to put before `</svg>`. `.outlines`: a transparent layer, stretched to the drawn
    /// width of each line so a selection covers what the eye sees. `.text`: visible text anchored
    /// where the line is aligned, so a viewer whose font is a little wider or narrower stays aligned.
    /// `language` is the measurer's: with it, viewers pick the same glyph forms Pango did
    /// (zh-CN: full-width quotes and dashes), so the text runs as wide as the outlines.
    static func markup(_ lines: [Line], mode: SVGTextMode, language: String) -> String {
        guard !lines.isEmpty else { return "" }
        // Chromium trims the space of adjacent CJK punctuation by default (text-spacing-trim)
        // and rounds hinted advances unless asked for geometric precision; Pango does neither,
        // so without these the labels would drift from where they were drawn.
        let lang = "xml:lang=\"\(XMLText.escape(language))\" text-rendering=\"geometricPrecision\" style=\"text-spacing-trim:space-all\""
        var s = mode == .outlines
            ? "<g fill-opacity=\"0\" stroke=\"none\" \(lang)>\n"
            : "<g stroke=\"none\" \(lang)>\n"
        for line in lines { s += element(line, mode: mode) }
        return s + "</g>\n"
    }

    static func element(_ line: Line, mode: SVGTextMode) -> String {
        let style = line.style
        var x: Double, y = line.baseline, size = style.size, t = line.transform
        let anchor: String
        var extra = ""
        if mode == .outlines {
            x = line.x; anchor = "start"
            if line.width > 0 { extra += " textLength=\"\(num(line.width))\" lengthAdjust=\"spacingAndGlyphs\"" }
        } else {
            switch line.anchor {
            case .start: x = line.x; anchor = "start"
            case .middle: x = line.x + line.width / 2; anchor = "middle"
            case .end: x = line.x + line.width; anchor = "end"
            }
            extra += " fill=\"\(hex(style.color))\""
            if style.color.alpha < 1 { extra += " fill-opacity=\"\(num(style.color.alpha))\"" }
            // LibreOffice rounds a fractional font size when it rasterises (24.7 pt is drawn at
            // 25, a line 1% too long): a whole size scaled to the exact one reads the same
            // everywhere.
            let whole = size.rounded()
            if whole >= 1, whole != size {
                t = Transform(a: size / whole, b: 0, c: 0, d: size / whole, tx: x, ty: y).then(t)
                x = 0; y = 0; size = whole
            }
        }
        var attrs = "xml:space=\"preserve\" font-family=\"\(familyList(style.family))\" font-size=\"\(num(size))\""
        if style.weight != .regular { attrs += " font-weight=\"\(style.weight.rawValue)\"" }
        attrs += extra
        if anchor != "start" { attrs += " text-anchor=\"\(anchor)\"" }
        if !t.isIdentity {
            attrs += " transform=\"matrix(\([t.a, t.b, t.c, t.d, t.tx, t.ty].map(num).joined(separator: " ")))\""
        }
        return "<text x=\"\(num(x))\" y=\"\(num(y))\" \(attrs)>\(XMLText.escape(line.text))</text>\n"
    }

    /// The chart's family first, then the CJK stack, then the generic family.
    static func familyList(_ family: String) -> String {
        var names: [String] = []
        for name in family.split(separator: ",").map({ String($0).trimmed(" ") }) + cjkStack
        where !name.isEmpty && !names.contains(name) { names.append(name) }
        return names.map { "'\(XMLText.escape(String($0.filter { $0 != "'" })))'" }.joined(separator: ", ")
            + (family.localizedSerif ? ", serif" : ", sans-serif")
    }

    static func num(_ v: Double) -> String { PDFTags.number(v) }

    static func hex(_ c: Color) -> String {
        func byte(_ v: Double) -> String {
            let b = Int((min(max(v, 0), 1) * 255).rounded())
            let digits = Array("0123456789abcdef")
            return String([digits[b / 16], digits[b % 16]])
        }
        return "#" + byte(c.red) + byte(c.green) + byte(c.blue)
    }
}

private extension String {
    func trimmed(_ set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }

    /// Serif faces fall back to the generic serif family, everything else to sans-serif.
    var localizedSerif: Bool { contains("Serif") || contains("Song") || contains("Ming") }
}

extension Group {
    /// The same scene without its text: what Cairo draws when `<text>` replaces the outlines.
    func removingText() -> Group {
        var g = self
        g.children = children.compactMap { child in
            switch child {
            case .text: return nil
            case .group(let inner): return .group(inner.removingText())
            default: return child
            }
        }
        return g
    }
}
