/// One laid-out line of a measured text.
public struct LineMetrics: Sendable, Hashable {
    /// The characters on this line (without the break itself).
    public var text: String
    /// Offset of the line's first character in the measured string, in UTF-16 code units.
    public var utf16Offset: Int
    public var width: Double
    /// Top of the line box, from the top of the text box.
    public var top: Double
    /// Baseline, from the top of the text box.
    public var baseline: Double
    public var height: Double
    public init(text: String, utf16Offset: Int, width: Double, top: Double, baseline: Double, height: Double) {
        self.text = text; self.utf16Offset = utf16Offset; self.width = width
        self.top = top; self.baseline = baseline; self.height = height
    }
}

/// The logical extent of a text as the renderer will draw it.
public struct TextMetrics: Sendable, Hashable {
    /// Widest line.
    public var width: Double
    /// Sum of line advances.
    public var height: Double
    /// First line's baseline from the top of the box.
    public var baseline: Double
    public var lines: [LineMetrics]
    public init(width: Double, height: Double, baseline: Double, lines: [LineMetrics]) {
        self.width = width; self.height = height; self.baseline = baseline; self.lines = lines
    }
}

/// Measures text exactly as the renderer will lay it out. Layout code takes one of these,
/// so geometry can be tested with `FixedTextMeasurer` and rendered with Pango's metrics.
public protocol TextMeasurer: Sendable {
    /// Throws when the text cannot be drawn faithfully (a glyph no font has, a missing family).
    func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics
    /// The measurer as a `CachingTextMeasurer`, if it is one; nil by default. A requirement, not
    /// an `as?` cast: the first dynamic cast of a run from an existential to a class makes the
    /// runtime look up Foundation's boxing class by name (~0.5 ms of a small chart's run).
    var asCaching: CachingTextMeasurer? { get }
    /// The object a measurer is, for keeping one cache per measurer object; nil for values.
    var objectIdentity: ObjectIdentifier? { get }
    /// The one-line width of each text in `style`, exactly as `measure(text, style, nil).width`
    /// gives it; nil for a text that cannot be measured. A measurer may answer many short texts
    /// at once (the timeline's per-character floors: one shaping instead of one per character).
    func widths(of texts: [String], style: TextStyle) -> [Double?]
    /// What the text's break opportunities tell of its wrapping (`BreakSpans`), so a caller can
    /// bound its line count at a width without wrapping it; nil when the measurer cannot tell,
    /// or the text's wrapped lines may differ in height (more than one font, a line spacing).
    func breakSpans(_ text: String, style: TextStyle) -> BreakSpans?
}

/// A one-line text's widths between its break opportunities, in the measurer's own shaping.
///
/// Line breaking is greedy: each line ends at the last break opportunity whose line still fits
/// (Pango's and `FixedTextMeasurer`'s alike), so the pieces between opportunities, packed in
/// order, give the line count at any width (`lines(oneLine:width:)`), as long as no decision is
/// within a shaping difference of the width.
public struct BreakSpans: Sendable, Hashable {
    /// Each piece's width, from one break opportunity to the next (white space after it included).
    public var pieces: [Double]
    /// The white space ending each piece (which may hang past a line's end instead of filling it).
    public var hanging: [Double]

    public init(pieces: [Double], hanging: [Double]) {
        self.pieces = pieces; self.hanging = hanging
    }

    /// A line's width as shaped on its own can differ from its pieces' one-line widths by a
    /// kerning pair at the break: a decision this close to the width (in points) is not trusted.
    public static let slack = 0.5

    /// The lines of the text (one line `oneLine` wide) wrapped at `width`, as a one-count range;
    /// nil when a decision is too close to call or a piece alone may not fit (it would be cut
    /// at character breaks): then only wrapping it tells.
    public func lines(oneLine: Double, width: Double) -> ClosedRange<Int>? {
        if oneLine <= width { return 1...1 }
        guard width.isFinite, pieces.count == hanging.count, !pieces.isEmpty else { return nil }
        let s = Self.slack
        var count = 1, line = 0.0, empty = true
        for (piece, hang) in zip(pieces, hanging) {
            if empty {
                guard piece - hang <= width - s else { return nil }
                line = piece; empty = false
            } else if line + piece <= width - s {
                line += piece
            } else if line + piece - hang > width + s {
                count += 1; line = piece
                guard piece - hang <= width - s else { return nil }
            } else {
                return nil
            }
        }
        return count...count
    }
}

extension TextMeasurer {
    /// Not a caching measurer (`CachingTextMeasurer` says otherwise).
    public var asCaching: CachingTextMeasurer? { nil }
    /// A value measurer: no object to key a kept cache by.
    public var objectIdentity: ObjectIdentifier? { nil }
    /// One measurement per text.
    public func widths(of texts: [String], style: TextStyle) -> [Double?] {
        texts.map { try? measure($0, style: style, wrapWidth: nil).width }
    }
    /// Unknown: callers measure the wrapped text.
    public func breakSpans(_ text: String, style: TextStyle) -> BreakSpans? { nil }
}

extension TextMeasurer where Self: AnyObject {
    /// The measurer object itself.
    public var objectIdentity: ObjectIdentifier? { ObjectIdentifier(self) }
}
