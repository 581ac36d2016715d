import ReportScene

/// The key below the axis: every event without a label on the chart, with its date, by its
/// badge number ("·" when even the badge found no room). Columns fill top to bottom, then left to
/// right; only what does not fit is summed up as "另有 N 项未列出，见全部事件表" (the report then
/// carries the full list), so the key never runs out of its box however many events there are.
struct TimelineNumberedList {
    struct Item {
        var number: Int
        var numberText: String
        var eventID: String
        var text: String
        var column: Int
        var y: Double
        var height: Double
        var textWidth: Double
        /// A group's heading (lane and dates) rather than an event.
        var heading = false
    }

    let rect: Rect
    let columns: Int
    let columnWidth: Double
    let columnGap: Double
    let numberWidth: Double
    let style: TextStyle
    let numberStyle: TextStyle
    private let cache: TimelineMeasureCache
    private(set) var items: [Item] = []
    private(set) var summary: (text: String, box: Rect)?
    /// Wrap width of the summary line: one column's, or the key's when it stands alone.
    private var summaryWrap: Double?
    private var column = 0
    private var y: Double

    /// Columns are at least ten characters wide so labels stay readable.
    static func columnCount(width: Double, style: TextStyle) -> Int {
        max(1, Int((width + style.size) / (style.size * 11)))
    }

    /// `columns` at most `columnCount(width:style:)`, which is the default. The number column is
    /// as wide as `maxNumber` and every one of `otherMarks` (group letters), and no narrower
    /// than `otherWidth` (the widest of marks measured by the caller).
    init(rect: Rect, maxNumber: Int, style: TextStyle, numberStyle: TextStyle, cache: TimelineMeasureCache,
         columns: Int? = nil, otherMarks: [String] = [], otherWidth: Double = 0, numberMarkWidth: Double? = nil) throws {
        self.rect = rect; self.style = style; self.numberStyle = numberStyle; self.cache = cache
        let most = Self.columnCount(width: rect.width, style: style)
        let n = min(most, max(1, columns ?? most))
        self.columns = n
        columnGap = style.size
        columnWidth = (rect.width - Double(n - 1) * style.size) / Double(n)
        var widest = try max(numberMarkWidth ?? cache.measure(String(max(maxNumber, 1)), numberStyle).width, otherWidth)
        for m in otherMarks { widest = max(widest, try cache.measure(m, numberStyle).width) }
        numberWidth = widest + style.size * 0.4
        y = rect.minY
    }

    var textWidth: Double { max(style.size, columnWidth - numberWidth) }

    static let unbadged = "·"

    /// Appends a line marked `numberText` (a badge number, a group letter, "·" under a group's
    /// heading); false when the box is full. `metrics`, when given, are the text's on one line
    /// no wider than the column (what wrapping it would give).
    mutating func add(numberText: String, number: Int = 0, eventID: String, text: String, heading: Bool = false,
                      metrics: TextMetrics? = nil) throws -> Bool {
        let m = try metrics ?? cache.measure(text, style, wrap: textWidth)
        guard let (c, top) = slot(height: m.height) else { return false }
        items.append(Item(number: number, numberText: numberText, eventID: eventID, text: text, column: c, y: top,
                          height: m.height, textWidth: m.width, heading: heading))
        column = c; y = top + m.height
        return true
    }

    /// Removes the last line.
    private mutating func dropLast() {
        guard let last = items.popLast() else { return }
        column = last.column; y = last.y
    }

    /// Height of `text` as a line of this key (wrapped to the text column).
    func lineHeight(_ text: String) throws -> Double {
        // A line no wider than the column does not wrap: its unwrapped height, measured once for
        // every column count, is the height `add` gets.
        let one = try cache.measure(text, style)
        if one.width <= textWidth { return one.height }
        return try cache.measure(text, style, wrap: textWidth).height
    }

    /// Whether lines of `heights`, in order, fit `columns` columns `height` high, filled the way
    /// `add` fills them (down a column, then the top of the next).
    static func packs(_ heights: [Double], height: Double, columns: Int) -> Bool {
        var column = 0, y = 0.0
        for h in heights {
            if y + h <= height + 1e-9 { y += h; continue }
            guard column + 1 < columns, h <= height + 1e-9 else { return false }
            column += 1; y = h
        }
        return true
    }

    /// Where a block of `height` goes next: this column, or the top of the next.
    private func slot(height: Double) -> (Int, Double)? {
        if y + height <= rect.maxY + 1e-9 { return (column, y) }
        if column + 1 < columns, rect.minY + height <= rect.maxY + 1e-9 { return (column + 1, rect.minY) }
        return nil
    }

    /// Drops a heading left last (no event of its group under it), then, when `unlisted`
    /// events did not fit, adds the "另有 N 项未列出，见全部事件表" line after the last item,
    /// dropping items from the end until it fits. Returns how many lines were dropped (their
    /// badges and brackets must go too).
    mutating func finish(unlisted: Int) throws -> Int {
        let before = items.count
        var droppedEvents = 0
        func dropHeadings() { while items.last?.heading == true { dropLast() } }
        dropHeadings()
        guard unlisted > 0 else { return before - items.count }
        while true {
            let text = Self.summaryText(unlisted + droppedEvents)
            let m = try cache.measure(text, style, wrap: columnWidth)
            if let (c, top) = slot(height: m.height) {
                summary = (text, Rect(x: rect.minX + Double(c) * (columnWidth + columnGap), y: top,
                                      width: m.width, height: m.height))
                return before - items.count
            }
            guard !items.isEmpty else {
                // Alone in a key lower than the line wrapped to one column (one line high, columns
                // narrower than the line): the line spans the key's whole width instead, so the
                // count is never left out.
                let wide = try cache.measure(text, style, wrap: rect.width)
                if wide.height <= rect.height + 1e-9 {
                    summary = (text, Rect(x: rect.minX, y: rect.minY, width: wide.width, height: wide.height))
                    summaryWrap = rect.width
                }
                return before - items.count
            }
            dropLast(); droppedEvents += 1
            dropHeadings()
        }
    }

    static func summaryText(_ n: Int) -> String { "另有 \(n) 项未列出，见全部事件表" }

    func columnX(_ c: Int) -> Double { rect.minX + Double(c) * (columnWidth + columnGap) }

    /// Page-space boxes of every number and label text, for tests.
    func textBoxes() throws -> [Rect] {
        var out: [Rect] = []
        for item in items {
            let x = columnX(item.column)
            out.append(Rect(x: x + numberWidth, y: item.y, width: item.textWidth, height: item.height))
            guard !item.numberText.isEmpty else { continue }
            let nm = try cache.measure(item.numberText, numberStyle)
            out.append(Rect(x: x + numberWidth - style.size * 0.4 - nm.width, y: item.y, width: nm.width,
                            height: nm.height))
        }
        return out
    }

    func nodes() throws -> [Node] {
        var out: [Node] = []
        for item in items {
            let x = columnX(item.column)
            // Numbers right-aligned against the label column, as in a footnote list.
            if !item.numberText.isEmpty {
                out.append(.text(TextNode(item.numberText, style: numberStyle,
                                          at: Point(x + numberWidth - style.size * 0.4, item.y),
                                          anchor: TextAnchor(.end, .top))))
            }
            out.append(.text(TextNode(item.text, style: style, at: Point(x + numberWidth, item.y), anchor: .topLeft,
                                      wrapWidth: textWidth)))
        }
        if let s = summary {
            out.append(.text(TextNode(s.text, style: style, at: Point(s.box.x, s.box.y), anchor: .topLeft,
                                      wrapWidth: summaryWrap ?? columnWidth)))
        }
        return out
    }
}
