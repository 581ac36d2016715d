import ReportScene

/// A three-line table measured once; the flow asks how many rows fit and draws row ranges,
/// each part with the caption ("（续）" after the first), the header and its own bottom rule.
struct TableLayout {
    let number: Int
    let table: Table
    let widths: [Double]
    let headerHeight: Double
    let rowHeights: [Double]
    let captionHeight: Double
    let sourceHeight: Double
    private let frame: Rect
    private let cellStyle: TextStyle
    private let captionStyle: TextStyle
    private let sourceStyle: TextStyle
    private let ruleColor: Color
    private let thick: Double, thin: Double
    private let padX: Double, padY: Double, gap: Double

    init(number: Int, table: Table, frame: Rect, style s: ReportStyle, measurer: any TextMeasurer) throws {
        self.number = number; self.table = table; self.frame = frame
        cellStyle = TextStyle(family: Fonts.sans, size: s.tableSize, color: s.body, lineSpacing: 1.15)
        captionStyle = TextStyle(family: Fonts.sans, size: s.captionSize, weight: .bold, color: s.body,
                                 lineSpacing: 1.2, alignment: .center)
        sourceStyle = TextStyle(family: Fonts.sans, size: s.sourceSize, color: s.secondary, lineSpacing: 1.2)
        ruleColor = s.rule; thick = s.thickRule; thin = s.thinRule
        padX = s.tableSize * 0.5; padY = s.tableSize * 0.35; gap = s.captionSize * 0.4

        let columns = max(table.columnCount, 1)
        let header = Self.padded(table.header, columns), rows = table.rows.map { Self.padded($0, columns) }
        let plain = cellStyle
        var bold = plain; bold.weight = .bold
        let natural = try (0..<columns).map { c in
            let texts = [(header[c], bold)] + rows.map { ($0[c], plain) }
            return try texts.map { try measurer.measure($0.0, style: $0.1, wrapWidth: nil).width }.max()! + 2 * s.tableSize
        }
        let widths = Self.columnWidths(natural: natural, weights: table.columnWeights, total: frame.width)
        let px = padX, py = padY
        func rowHeight(_ cells: [String], _ st: TextStyle) throws -> Double {
            try zip(cells, widths).map { try measurer.measure($0, style: st, wrapWidth: max($1 - 2 * px, 1)).height }
                .max()! + 2 * py
        }
        self.widths = widths
        headerHeight = try rowHeight(header, bold)
        rowHeights = try rows.map { try rowHeight($0, plain) }
        captionHeight = try measurer.measure(Self.caption(number, table, continued: true), style: captionStyle,
                                             wrapWidth: frame.width).height
        sourceHeight = table.source.isEmpty ? 0
            : try measurer.measure(table.source, style: sourceStyle, wrapWidth: frame.width).height + gap
    }

    static func caption(_ number: Int, _ t: Table, continued: Bool) -> String {
        (t.caption.isEmpty ? "表\(number)" : "表\(number) \(t.caption)") + (continued ? "（续）" : "")
    }

    static func padded(_ cells: [String], _ n: Int) -> [String] {
        cells.count >= n ? Array(cells.prefix(n)) : cells + Array(repeating: "", count: n - cells.count)
    }

    /// Explicit weights win; otherwise the table spans the column: narrow columns keep their natural
    /// width and, when space is short, the wide ones share the rest in proportion to their content.
    static func columnWidths(natural: [Double], weights: [Double]?, total: Double) -> [Double] {
        if let w = weights, w.count == natural.count, w.allSatisfy({ $0 > 0 }) {
            let sum = w.reduce(0, +)
            return w.map { total * $0 / sum }
        }
        let sum = natural.reduce(0, +)
        // Slack is shared equally: proportional sharing would stretch wide columns further apart.
        if sum <= total { return natural.map { $0 + (total - sum) / Double(natural.count) } }
        // Max-min fairness: a column narrower than an equal share of the free width keeps its
        // natural width; the wide ones then split what is left in proportion to their content.
        var fixed = Array(repeating: false, count: natural.count)
        while true {
            let free = total - natural.indices.filter { fixed[$0] }.map { natural[$0] }.reduce(0, +)
            let flexible = natural.indices.filter { !fixed[$0] }
            guard !flexible.isEmpty else { break }
            let share = free / Double(flexible.count)
            let narrow = flexible.filter { natural[$0] <= share }
            if narrow.isEmpty { break }
            narrow.forEach { fixed[$0] = true }
        }
        let free = total - natural.indices.filter { fixed[$0] }.map { natural[$0] }.reduce(0, +)
        let flexibleSum = natural.indices.filter { !fixed[$0] }.map { natural[$0] }.reduce(0, +)
        return natural.indices.map { fixed[$0] ? natural[$0] : free * natural[$0] / flexibleSum }
    }

    /// Height of a part holding `rows`, with the source line when it is the table's end.
    func height(rows: Range<Int>, last: Bool) -> Double {
        captionHeight + gap + thick + headerHeight + thin + rowHeights[rows].reduce(0, +) + thick
            + (last ? sourceHeight : 0)
    }

    /// One part of the table inside a `Table` element that continues over its parts: the caption,
    /// rows of header and data cells, the source as a paragraph. On continued parts the "（续）"
    /// caption and the repeated header are artifacts (read once, at the start); rules are decoration.
    func nodes(rows: Range<Int>, continued: Bool, y top: Double) -> [Node] {
        let last = rows.upperBound == table.rows.count
        var out: [Node] = []
        if !continued { out.append(.anchor(AnchorNode(FlowBuilder.anchor(table: table.id), at: Point(frame.minX, top)))) }
        let caption = Node.text(TextNode(Self.caption(number, table, continued: continued), style: captionStyle,
                                         at: Point(frame.minX, top), anchor: .topLeft, wrapWidth: frame.width))
        out.append(.group(.tagged(continued ? .artifact : .caption, [caption])))
        var y = top + captionHeight + gap
        func rule(_ w: Double) {
            out.append(.group(.tagged(.artifact, [.path(.line(from: Point(frame.minX, y + w / 2), to: Point(frame.maxX, y + w / 2),
                                                              stroke: Stroke(color: ruleColor, width: w)))])))
            y += w
        }
        func row(_ cells: [String], _ height: Double, header: Bool, repeated: Bool = false) {
            var x = frame.minX
            var tagged: [Node] = []
            for (c, text) in Self.padded(cells, widths.count).enumerated() {
                var st = cellStyle
                // Headers follow their column's alignment so a label sits over its numbers.
                if header { st.weight = .bold }
                switch table.alignment(ofColumn: c) {
                case .left: st.alignment = .left
                case .center: st.alignment = .center
                case .right: st.alignment = .right
                }
                let cell: [Node] = text.isEmpty ? [] : [.text(TextNode(text, style: st, at: Point(x + padX, y + padY), anchor: .topLeft,
                                                                      wrapWidth: max(widths[c] - 2 * padX, 1)))]
                tagged.append(.group(.tagged(header ? .tableHeaderCell : .tableCell, cell)))
                x += widths[c]
            }
            out.append(.group(.tagged(repeated ? .artifact : .tableRow, repeated ? tagged.flatMap(Self.untagged) : tagged)))
            y += height
        }
        rule(thick)
        row(table.header, headerHeight, header: true, repeated: continued)
        rule(thin)
        for r in rows { row(table.rows[r], rowHeights[r], header: false) }
        rule(thick)
        if last && !table.source.isEmpty {
            out.append(.group(.tagged(.paragraph, [.text(TextNode(table.source, style: sourceStyle, at: Point(frame.minX, y + gap),
                                                                  anchor: .topLeft, wrapWidth: frame.width))])))
        }
        return [.group(.tagged(.table, out, continues: FlowBuilder.anchor(table: table.id)))]
    }

    /// The children of a cell group without its tag (a repeated header is drawn, not read again).
    private static func untagged(_ node: Node) -> [Node] {
        if case .group(let g) = node { return g.children }
        return [node]
    }
}
