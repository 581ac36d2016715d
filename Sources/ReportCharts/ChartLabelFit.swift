import ReportScene

/// Label fitting for one chart layout. Chart layouts ask for the same strings repeatedly (fit
/// tests, collision boxes), so every measurement goes through the shared `CachingTextMeasurer`.
final class ChartLabelFit {
    /// The caching measurer (shared with the caller's when it already caches).
    let measurer: CachingTextMeasurer
    init(_ measurer: any TextMeasurer) { self.measurer = .wrapping(measurer) }

    func measure(_ text: String, _ style: TextStyle, wrap: Double? = nil) throws -> TextMetrics {
        try measurer.measure(text, style: style, wrapWidth: wrap)
    }

    /// The covered box of `node` in its own coordinates.
    func box(_ node: TextNode) throws -> Rect {
        node.bounds(metrics: try measure(node.text, node.style, wrap: node.wrapWidth))
    }

    /// True when `text` wrapped at `width` takes at most `maxLines` lines and no line overflows
    /// (a long Latin word cannot be broken and would stick out).
    func fits(_ text: String, _ style: TextStyle, width: Double, maxLines: Int) throws -> Bool {
        guard width > 0 else { return false }
        let m = try measure(text, style, wrap: width)
        guard m.lines.count <= maxLines, m.width <= width + 0.01 else { return false }
        // A number or Latin word split over two lines ("202" / "2年") reads wrongly: not a fit.
        for (a, b) in zip(m.lines, m.lines.dropFirst()) {
            if let x = a.text.last, let y = b.text.first, Self.isWordChar(x), Self.isWordChar(y) { return false }
        }
        return true
    }

    /// `text` broken into at most `maxLines` balanced lines no wider than `width` ("\n" between
    /// lines), or nil when it cannot be done without breaking a word or leaving a character alone.
    func lines(_ text: String, _ style: TextStyle, width: Double, maxLines: Int) throws -> String? {
        let key = LinesKey(text: text, size: style.size, weight: style.weight, width: width, maxLines: maxLines)
        if let hit = linesCache[key] { return hit }
        let atoms = ChartLabelLines.atoms(text)
        let widths = try atoms.map { try measure($0.text, style).width }
        let out = ChartLabelLines.best(atoms, widths: widths, width: width, maxLines: maxLines)
            .map { ChartLabelLines.join(atoms, $0) }
        linesCache[key] = .some(out)
        return out
    }

    /// `text` set vertically, one character (or Latin/number run) per line, when every piece is
    /// no wider than `width`; nil otherwise.
    func verticalLines(_ text: String, _ style: TextStyle, width: Double) throws -> String? {
        let atoms = ChartLabelLines.atoms(text)
        for a in atoms where try measure(a.text, style).width > width + 0.01 { return nil }
        return ChartLabelLines.vertical(atoms)
    }

    struct LinesKey: Hashable { var text: String; var size: Double; var weight: TextStyle.Weight; var width: Double; var maxLines: Int }
    private var linesCache: [LinesKey: String?] = [:]

    static func isWordChar(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "." || c == ",")
    }
}

extension Color {
    /// WCAG relative luminance of the colour composited over white.
    var luminanceOverWhite: Double {
        func lin(_ c: Double) -> Double {
            let v = c * alpha + (1 - alpha)
            return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * lin(red) + 0.7152 * lin(green) + 0.0722 * lin(blue)
    }

    /// White or `dark`, whichever reads better on this colour (higher WCAG contrast).
    func contrastingText(dark: Color) -> Color {
        let l = luminanceOverWhite
        let whiteContrast = 1.05 / (l + 0.05)
        let darkContrast = (l + 0.05) / (dark.luminanceOverWhite + 0.05)
        return whiteContrast >= darkContrast ? .white : dark
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
