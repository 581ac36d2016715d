import ReportScene

/// A paragraph broken into lines once, so the flow can cut it at line boundaries.
/// Each cut part is set as its own `TextNode` of whole lines; a part that continues on the next
/// page keeps its last line justified.
struct ParagraphLayout {
    let text: String
    let format: ParagraphFormat
    let width: Double
    let lines: [LineMetrics]

    init(_ text: String, format: ParagraphFormat, columnWidth: Double, measurer: any TextMeasurer) throws {
        self.text = format.indent + text
        self.format = format
        self.width = columnWidth - format.leftInset
        self.lines = try measurer.measure(self.text, style: format.style, wrapWidth: width).lines
    }

    var lineCount: Int { lines.count }

    func height(_ range: Range<Int>) -> Double {
        lines[range].reduce(0) { $0 + $1.height }
    }

    /// The source text of lines `range`, cut at the measured UTF-16 offsets so no character is lost.
    func text(_ range: Range<Int>) -> String {
        let u = text.utf16
        let start = u.index(u.startIndex, offsetBy: lines[range.lowerBound].utf16Offset)
        let end = range.upperBound < lines.count
            ? u.index(u.startIndex, offsetBy: lines[range.upperBound].utf16Offset) : u.endIndex
        return String(text[start..<end])
    }

    /// How many lines from `start` fit into `space` points.
    func linesFitting(from start: Int, in space: Double) -> Int {
        var h = 0.0, n = 0
        for line in lines[start...] {
            h += line.height
            if h > space + 1e-6 { break }
            n += 1
        }
        return n
    }

    /// The node for lines `range` with its top-left at (`x`, `y`), and its measured height.
    func node(_ range: Range<Int>, x: Double, y: Double, measurer: any TextMeasurer) throws -> (TextNode, Double) {
        var style = format.style
        style.justifyLastLine = style.alignment == .justify && range.upperBound < lines.count
        let part = text(range)
        let m = try measurer.measure(part, style: style, wrapWidth: width)
        let node = TextNode(part, style: style, at: Point(x + format.leftInset, y), anchor: .topLeft, wrapWidth: width)
        return (node, m.height)
    }

    /// Lines that may end a page: a cut leaving `k` lines here and the rest after, keeping at least
    /// `minimum` lines on each side (no orphan, no widow) when the paragraph is long enough.
    static func breakPoint(fitting k: Int, remaining: Int, minimum: Int = 2) -> Int {
        var cut = k
        if remaining - cut < minimum { cut = remaining - minimum }
        return cut < minimum ? 0 : cut
    }
}
