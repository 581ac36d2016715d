import ReportScene

/// The texts around a chart's plot: title and subtitle above; unit note and source below.
public struct ChartNotes: Sendable, Hashable {
    public var title: String?
    public var subtitle: String?
    /// e.g. "单位：亿元"
    public var unitNote: String?
    /// e.g. "数据来源：临平区委宣传部"
    public var sourceNote: String?
    public init(title: String? = nil, subtitle: String? = nil, unitNote: String? = nil, sourceNote: String? = nil) {
        self.title = title; self.subtitle = subtitle; self.unitNote = unitNote; self.sourceNote = sourceNote
    }
}

/// Lays out `ChartNotes` inside a frame and returns the rectangle left for the plot.
/// Long texts wrap to the frame width, so nothing is clipped.
public struct ChartChrome {
    public var nodes: [Node] = []
    public var plotArea: Rect

    public init(notes: ChartNotes, frame: Size, theme: ChartTheme, measurer: any TextMeasurer) throws {
        let pad = theme.padding
        let width = frame.width - 2 * pad
        var top = pad
        var bottom = frame.height - pad
        var placed: [Node] = []
        func place(_ text: String, _ style: TextStyle, atTop: Bool) throws {
            let m = try measurer.measure(text, style: style, wrapWidth: width)
            let y = atTop ? top : bottom - m.height
            placed.append(.text(TextNode(text, style: style, at: Point(pad, y), anchor: .topLeft, wrapWidth: width)))
            if atTop { top += m.height + style.size * 0.35 } else { bottom -= m.height + style.size * 0.25 }
        }
        if let t = notes.title, !t.isEmpty {
            try place(t, theme.style(size: theme.titleSize, weight: .bold, family: theme.titleFamily), atTop: true)
        }
        if let s = notes.subtitle, !s.isEmpty {
            try place(s, theme.style(size: theme.subtitleSize, color: theme.secondaryText), atTop: true)
        }
        // Bottom notes are placed from the bottom up: source last line at the frame's bottom.
        if let s = notes.sourceNote, !s.isEmpty {
            try place(s, theme.style(size: theme.noteSize, color: theme.secondaryText), atTop: false)
        }
        if let u = notes.unitNote, !u.isEmpty {
            try place(u, theme.style(size: theme.noteSize, color: theme.secondaryText), atTop: false)
        }
        if top > pad { top += theme.labelSize * 0.5 }
        nodes = placed
        plotArea = Rect(x: pad, y: top, width: width, height: max(0, bottom - top))
    }
}
