import ReportScene

/// Flows the body items onto pages: paragraphs split at line boundaries without widows or
/// orphans, headings kept with what follows, figures floated to the next page top when they
/// do not fit (text keeps filling the current page), tables split with repeated headers.
struct BodyFlow {
    let layout: LayoutSettings
    let style: ReportStyle
    let measurer: any TextMeasurer
    private(set) var state: FlowState
    private(set) var headings: [PlacedHeading] = []
    /// Figures waiting for the next page, in document order.
    private var pending: [(figure: FigureLayout, sections: [String])] = []
    /// Anchors of the sections enclosing the current position, outermost first.
    private var sections: [String] = []
    /// Numbers the paragraphs, so the parts of one split over pages stay one structure element.
    private var paragraphCount = 0

    init(content: ReportContent, measurer: any TextMeasurer) {
        layout = content.layout
        style = content.style
        self.measurer = measurer
        state = FlowState(frame: content.layout.textFrame)
    }

    var frame: Rect { state.frame }
    var blockSpacing: Double { layout.bodySize }

    mutating func run(_ items: [FlowItem]) throws {
        for (i, item) in items.enumerated() {
            let following = items[(i + 1)...]
            switch item {
            case .heading(let h): try placeHeading(h, following: following)
            case .paragraph(let text, let format): try placeParagraph(text, format, following: following)
            case .figure(let n, let f):
                placeFigure(try FigureLayout(number: n, figure: f, frame: frame, style: style, measurer: measurer))
            case .table(let n, let t):
                try placeTable(TableLayout(number: n, table: t, frame: frame, style: style, measurer: measurer))
            case .pageBreak:
                flushFigures()
                if !state.isPageEmpty { newPage() }
            }
        }
        flushFigures()
    }

    // MARK: pages and floats

    /// Starts a page and sets waiting figures at its top, as many as fit.
    private mutating func newPage() {
        state.newPage()
        while let next = pending.first, next.figure.height <= state.remaining + 1e-6 || state.isPageEmpty {
            state.place(next.figure.nodes(y: state.y), height: next.figure.height + blockSpacing, sections: next.sections)
            pending.removeFirst()
        }
    }

    private mutating func flushFigures() {
        while !pending.isEmpty { newPage() }
    }

    // MARK: headings

    private mutating func placeHeading(_ h: HeadingItem, following: ArraySlice<FlowItem>) throws {
        if h.level == 1 {
            // Figures stay inside their level-1 section.
            flushFigures()
            if layout.level1StartsNewPage && !state.isPageEmpty { newPage() }
        }
        let hl = try HeadingLayout(h, layout: layout, style: style, measurer: measurer)
        // Repeated because a new page may open with waiting figures that leave too little room.
        while !state.isPageEmpty {
            let own = state.spacing(hl.spaceBefore) + hl.height
            if own + (try lead(following, budget: state.remaining - own)) <= state.remaining + 1e-6 { break }
            newPage()
        }
        let atTop = state.isPageEmpty
        state.skip(hl.spaceBefore)
        sections = Array(sections.prefix(max(h.level - 1, 0))) + [h.anchor]
        state.place(hl.nodes(x: frame.minX, y: state.y), height: hl.height, sections: sections)
        headings.append(PlacedHeading(item: h, page: state.page, atTop: atTop))
    }

    /// The least height that must follow a heading on its page: the start of the next block
    /// as it would be placed (two lines of a paragraph, a table's first rows, a figure that fits
    /// in `budget`). A figure that does not fit will float, so what follows it counts instead,
    /// rather than pushing the heading over and leaving a hole.
    private func lead(_ items: ArraySlice<FlowItem>, budget: Double) throws -> Double {
        guard let first = items.first else { return 0 }
        let rest = items.dropFirst()
        switch first {
        case .heading(let h):
            let hl = try HeadingLayout(h, layout: layout, style: style, measurer: measurer)
            let own = hl.spaceBefore + hl.height
            return own + (try lead(rest, budget: budget - own))
        case .paragraph(let text, let format):
            let p = try ParagraphLayout(text, format: format, columnWidth: frame.width, measurer: measurer)
            if format.keepWithNext {
                let own = format.spaceBefore + p.height(0..<p.lineCount)
                return own + (try lead(rest, budget: budget - own))
            }
            // A paragraph of fewer than four lines cannot be split with two lines on each side.
            let lines = p.lineCount < 4 ? p.lineCount : 2
            return format.spaceBefore + p.height(0..<lines)
        case .figure(let n, let f):
            let own = blockSpacing + (try FigureLayout(number: n, figure: f, frame: frame, style: style, measurer: measurer).height)
            let floats = !pending.isEmpty || own > budget + 1e-6
            switch rest.first {
            case .paragraph?, .table?, .figure?: if floats { return try lead(rest, budget: budget) }
            default: break  // nothing could fill in for it: keep the figure itself with the heading
            }
            return own
        case .table(let n, let t):
            let tl = try TableLayout(number: n, table: t, frame: frame, style: style, measurer: measurer)
            let rows = min(2, t.rows.count)
            return blockSpacing + tl.height(rows: 0..<rows, last: rows == t.rows.count)
        case .pageBreak:
            return 0
        }
    }

    // MARK: paragraphs

    private mutating func placeParagraph(_ text: String, _ format: ParagraphFormat, following: ArraySlice<FlowItem>) throws {
        let p = try ParagraphLayout(text, format: format, columnWidth: frame.width, measurer: measurer)
        paragraphCount += 1
        let key = "p\(paragraphCount)"
        while format.keepWithNext && !state.isPageEmpty {
            let own = state.spacing(format.spaceBefore) + p.height(0..<p.lineCount)
            if own + (try lead(following, budget: state.remaining - own)) <= state.remaining + 1e-6 { break }
            newPage()
        }
        var start = 0
        while start < p.lineCount {
            let before = start == 0 ? state.spacing(format.spaceBefore) : 0
            let space = state.remaining - before
            let fit = p.linesFitting(from: start, in: space)
            let rest = p.lineCount - start
            var take = rest
            if fit < rest {
                take = ParagraphLayout.breakPoint(fitting: fit, remaining: rest)
                if take == 0 {
                    if !state.isPageEmpty { newPage(); continue }
                    // A page too short for the widow/orphan rules: fill it.
                    guard fit > 0 else { throw ComposerError.blockTooTall("a line of “\(text.prefix(12))…”") }
                    take = fit
                }
            }
            var (node, height) = try p.node(start..<start + take, x: frame.minX, y: state.y + before, measurer: measurer)
            // A measurer may break a cut-out part differently from the whole; never overflow the page.
            var shrunk = false
            while height > space + 1e-6 && take > 1 {
                take -= 1
                shrunk = true
                (node, height) = try p.node(start..<start + take, x: frame.minX, y: state.y + before, measurer: measurer)
            }
            // Shrinking must not create a widow or orphan: then the paragraph goes on the next page.
            if shrunk && !state.isPageEmpty && ParagraphLayout.breakPoint(fitting: take, remaining: rest) != take {
                newPage()
                continue
            }
            if start == 0 { state.skip(format.spaceBefore) }
            state.place([.group(.tagged(.paragraph, [.text(node)], continues: key))], height: height, sections: sections)
            start += take
            if start < p.lineCount { newPage() }
        }
    }

    // MARK: figures

    private mutating func placeFigure(_ f: FigureLayout) {
        if pending.isEmpty, state.isPageEmpty || state.spacing(blockSpacing) + f.height <= state.remaining + 1e-6 {
            state.skip(blockSpacing)
            state.place(f.nodes(y: state.y), height: f.height + blockSpacing, sections: sections)
        } else {
            // Float: the following text fills this page; the figure opens the next one.
            pending.append((f, sections))
        }
    }

    // MARK: tables

    private mutating func placeTable(_ t: TableLayout) throws {
        let n = t.table.rows.count
        var start = 0, continued = false
        while true {
            let before = continued ? 0 : state.spacing(blockSpacing)
            let space = state.remaining - before
            var take = 0
            while start + take < n, t.height(rows: start..<start + take + 1, last: start + take + 1 == n) <= space + 1e-6 {
                take += 1
            }
            let rest = n - start
            let fitsWhole = take == rest && t.height(rows: start..<n, last: true) <= space + 1e-6
            if !fitsWhole {
                if take < min(2, rest) || n == 0 {
                    if !state.isPageEmpty { newPage(); continue }
                    guard take > 0 || n == 0 else { throw ComposerError.blockTooTall("a row of 表\(t.number)") }
                } else if rest - take == 1 && take > 2 {
                    take -= 1  // no lone row under a repeated header
                }
            }
            state.skip(continued ? 0 : blockSpacing)
            let rows = start..<start + take
            state.place(t.nodes(rows: rows, continued: continued, y: state.y),
                        height: t.height(rows: rows, last: rows.upperBound == n) + blockSpacing, sections: sections)
            start += take
            continued = true
            if start >= n { break }
            newPage()
        }
    }
}
