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
        String(decoding: markupBytes(lines, mode: mode, language: language), as: UTF8.self)
    }

    /// `markup` as bytes, written straight into one buffer (the text layer was two thirds of the
    /// SVG writer's time when built from interpolated strings).
    static func markupBytes(_ lines: [Line], mode: SVGTextMode, language: String) -> [UInt8] {
        guard !lines.isEmpty else { return [] }
        var b = SVGBuffer(capacity: lines.count * 256)
        // Chromium trims the space of adjacent CJK punctuation by default (text-spacing-trim)
        // and rounds hinted advances unless asked for geometric precision; Pango does neither,
        // so without these the labels would drift from where they were drawn.
        b.append(mode == .outlines ? "<g fill-opacity=\"0\" stroke=\"none\" " : "<g stroke=\"none\" ")
        b.append("xml:lang=\""); b.append(XMLText.escape(language))
        b.append("\" text-rendering=\"geometricPrecision\" style=\"text-spacing-trim:space-all\">\n")
        // A chart has a handful of families: each list is built once.
        var families: [String: [UInt8]] = [:]
        for line in lines {
            let family = families[line.style.family] ?? {
                let list = Array(familyList(line.style.family).utf8)
                families[line.style.family] = list
                return list
            }()
            element(line, mode: mode, family: family, into: &b)
        }
        b.append("</g>\n")
        return b.bytes
    }

    static func element(_ line: Line, mode: SVGTextMode) -> String {
        var b = SVGBuffer()
        element(line, mode: mode, family: Array(familyList(line.style.family).utf8), into: &b)
        return String(decoding: b.bytes, as: UTF8.self)
    }

    static func element(_ line: Line, mode: SVGTextMode, family: [UInt8], into b: inout SVGBuffer) {
        let style = line.style
        var x: Double, y = line.baseline, size = style.size, t = line.transform
        let anchor: TextAnchor.Horizontal
        if mode == .outlines {
            x = line.x; anchor = .start
        } else {
            anchor = line.anchor
            switch line.anchor {
            case .start: x = line.x
            case .middle: x = line.x + line.width / 2
            case .end: x = line.x + line.width
            }
            // LibreOffice rounds a fractional font size when it rasterises (24.7 pt is drawn at
            // 25, a line 1% too long): a whole size scaled to the exact one reads the same
            // everywhere.
            let whole = size.rounded()
            if whole >= 1, whole != size {
                t = Transform(a: size / whole, b: 0, c: 0, d: size / whole, tx: x, ty: y).then(t)
                x = 0; y = 0; size = whole
            }
        }
        b.append("<text x=\""); b.number(x, decimals: 4)
        b.append("\" y=\""); b.number(y, decimals: 4)
        b.append("\" xml:space=\"preserve\" font-family=\""); b.append(bytes: family)
        b.append("\" font-size=\""); b.number(size, decimals: 4); b.append("\"")
        if style.weight != .regular { b.append(" font-weight=\""); b.integer(style.weight.rawValue); b.append("\"") }
        if mode == .outlines {
            if line.width > 0 {
                b.append(" textLength=\""); b.number(line.width, decimals: 4)
                b.append("\" lengthAdjust=\"spacingAndGlyphs\"")
            }
        } else {
            b.append(" fill=\""); b.hex(style.color); b.append("\"")
            if style.color.alpha < 1 { b.append(" fill-opacity=\""); b.number(style.color.alpha, decimals: 4); b.append("\"") }
        }
        switch anchor {
        case .start: break
        case .middle: b.append(" text-anchor=\"middle\"")
        case .end: b.append(" text-anchor=\"end\"")
        }
        if !t.isIdentity {
            b.append(" transform=\"matrix(")
            for (i, v) in [t.a, t.b, t.c, t.d, t.tx, t.ty].enumerated() {
                if i > 0 { b.append(" ") }
                b.number(v, decimals: 4)
            }
            b.append(")\"")
        }
        b.append(">"); b.append(XMLText.escape(line.text)); b.append("</text>\n")
    }

    /// The chart's family first, then the CJK stack, then the generic family.
    static func familyList(_ family: String) -> String {
        var names: [String] = []
        for name in family.split(separator: ",").map({ String($0).trimmed(" ") }) + cjkStack
        where !name.isEmpty && !names.contains(name) { names.append(name) }
        return names.map { "'\(XMLText.escape(String($0.filter { $0 != "'" })))'" }.joined(separator: ", ")
            + (family.localizedSerif ? ", serif" : ", sans-serif")
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
    /// (By bytes: `String.contains(_:)` builds a generic searcher whose metadata the runtime
    /// looks up by name at first use, ~0.2 ms of a small chart's run.)
    var localizedSerif: Bool { hasBytes("Serif") || hasBytes("Song") || hasBytes("Ming") }

    func hasBytes(_ needle: StaticString) -> Bool {
        let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        let h = Array(utf8)
        guard n.count <= h.count else { return false }
        return (0...(h.count - n.count)).contains { i in (0..<n.count).allSatisfy { h[i + $0] == n[$0] } }
    }
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
