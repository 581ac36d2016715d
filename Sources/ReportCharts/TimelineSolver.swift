import ReportScene

/// Shares the height between label rows and the key: rows first (a label on the chart beats a
/// line in the key), then as much key as the events left without labels need, repeated until
/// the key holds every one of them or stops growing. Keeps the attempt naming the most events.
struct TimelineSolver {
    struct Attempt {
        var placement: TimelinePlacement
        var rows: [Int]
        var spare: Double
        var keyHeight: Double
        /// Columns of the key: fewer, wider ones when a few long lines need less height that way.
        var keyColumns: Int
        /// Marks without a label, in order.
        var keyed: [Int]
        var listed: Int
        /// Keyed marks with their badge or group letter on the plot: the most the key can list.
        var pointed: Int
        var named: Int { placement.labelledCount + listed }
    }

    let marks: [TimelinePlacement.Mark]
    let labels: [(date: String, text: String)]
    let trackCount: [Int]
    let heights: TimelineLaneHeights
    let available: Double
    let styles: TimelineStyles
    let plot: ClosedRange<Double>
    let keyWidth: Double
    let keyCapacity: Int
    let badgeWidth: Double
    /// Least width of a group's bracket (`TimelineClusters`).
    let letterWidth: Double
    let clusterText: TimelineClusterText
    let cache: TimelineMeasureCache
    /// Shared by the solvers of one layout (every track count): each label is measured once.
    let widths: TimelineLabelWidths
    /// Track of each mark (the placements' key).
    let trackOf: [Int]
    /// Placements of the layout (or of every height a page flow tries), by what they depend on
    /// besides the marks: each is made once.
    let placements: Placements

    final class Placements {
        struct Key: Hashable {
            var tracks: [Int]
            var rows: [Int]
            var badgeWidth: Double
        }
        var byKey: [Key: TimelinePlacement] = [:]
        let lanes: TimelinePlacement.LaneMemo

        init(lanes: TimelinePlacement.LaneMemo = TimelinePlacement.LaneMemo()) { self.lanes = lanes }

        /// A copy to go on with on another thread (this one is not thread-safe).
        func copy() -> Placements {
            let c = Placements(lanes: lanes.copy())
            c.byKey = byKey
            return c
        }

        /// A placement made before that `serves` `rows` (same tracks and badge width), if any.
        func serving(_ key: Key) -> TimelinePlacement? {
            for (k, p) in byKey where k.badgeWidth == key.badgeWidth && p.serves(key.rows) && k.tracks == key.tracks {
                return p
            }
            return nil
        }
    }

    /// Cheap floors of the label widths, shared like `widths`.
    let floors: TimelineLabelFloors
    /// `TimelineClusters.leaderOrder(marks)`, shared like `widths` (lanes and leaders do not
    /// depend on the tracks).
    var leaderOrder: [Int]? = nil

    /// A lower bound of mark i's label width while it is not measured yet (nil once it is).
    func labelFloor(_ i: Int) -> Double? {
        widths.measured(i) || !floors.worthwhile(labels) ? nil : floors.floor(i) { labels[i] }
    }

    /// Width of mark i's label: its date and its text on one line.
    func labelWidth(_ i: Int) throws -> Double {
        try Self.labelWidth(i, widths: widths, labels: labels, cache: cache, styles: styles)
    }

    static func labelWidth(_ i: Int, widths: TimelineLabelWidths, labels: [(date: String, text: String)],
                           cache: TimelineMeasureCache, styles: TimelineStyles) throws -> Double {
        try widths.width(i) {
            let l = labels[i]
            let text = try textWidth(i, widths: widths, labels: labels, cache: cache, styles: styles)
            guard !l.date.isEmpty else { return text }
            return try cache.measure(l.date, styles.date).width + styles.dateGap + text
        }
    }

    /// Width of mark i's label text, kept by mark: the scene and every solver of the layout ask
    /// again without hashing the text.
    func textWidth(_ i: Int) throws -> Double {
        try Self.textWidth(i, widths: widths, labels: labels, cache: cache, styles: styles)
    }

    static func textWidth(_ i: Int, widths: TimelineLabelWidths, labels: [(date: String, text: String)],
                          cache: TimelineMeasureCache, styles: TimelineStyles) throws -> Double {
        try widths.textWidth(i) { try cache.measure(labels[i].text, styles.label).width }
    }

    /// The key line of mark i.
    func keyText(_ i: Int) -> String {
        widths.keyText(i) { labels[i].date.isEmpty ? labels[i].text : TimelineDateGlue.glued(labels[i].date) + " " + labels[i].text }
    }

    /// One line of the key: an event (by its badge number, its group's letter, or "·" under its
    /// group's heading) or a group's heading.
    struct KeyLine {
        var numberText: String
        var text: String
        /// The event listed; nil for a heading.
        var mark: Int?
        var badged = false
        var cluster: Int?
    }

    /// The key's lines for a placement, in key order, numbered and lettered as they come. Only
    /// marks with their badge or their group's letter on the plot get a line (`pointed`).
    func keyLines(_ p: TimelinePlacement) -> [KeyLine] {
        var out: [KeyLine] = []
        var number = 0, letters = 0
        var headed = [Bool](repeating: false, count: p.clusters.count)
        for i in p.keyOrder where p.pointed(i) {
            if p.badge[i] != nil {
                number += 1
                out.append(KeyLine(numberText: String(number), text: keyText(i), mark: i, badged: true))
                continue
            }
            let c = p.clusterOf[i]!
            let cluster = p.clusters[c]
            if !headed[c] {
                headed[c] = true
                let letter = TimelineClusters.letter(letters)
                letters += 1
                // A group of one is its own line, by its letter.
                if cluster.members.count == 1 {
                    out.append(KeyLine(numberText: letter, text: keyText(i), mark: i, cluster: c))
                    continue
                }
                out.append(KeyLine(numberText: letter, text: clusterText.heading(cluster), mark: nil, cluster: c))
            }
            out.append(KeyLine(numberText: TimelineNumberedList.unbadged, text: keyText(i), mark: i, cluster: c))
        }
        return out
    }

    func attempt(keyHeight: Double, keyColumns: Int = 1) throws -> Attempt {
        let lanes = keyHeight > 0 ? available - keyHeight - styles.gap : available
        let base = heights.baseHeight
        let free = heights.freeRows
        let most = (0..<heights.count).map { min(40, free[$0] + max(0, Int((lanes - base) / styles.rowHeight))) }
        // The placement calls these per mark: closures over the few parts they read, not over
        // `self` (a bound method copies the whole solver, ~20 references, on every call).
        let (w, f, l, c, s) = (widths, floors, labels, cache, styles)
        let floorOf: ((Int) -> Double?)? = !floors.worthwhile(labels) ? nil : { i in w.measured(i) ? nil : f.floor(i) { l[i] } }
        let widthOf: (Int) throws -> Double = { i in try Self.labelWidth(i, widths: w, labels: l, cache: c, styles: s) }
        func place(_ limit: [Int]) throws -> TimelinePlacement {
            // Key heights that differ little leave the same rows: place those once.
            let key = Placements.Key(tracks: trackOf, rows: limit, badgeWidth: badgeWidth)
            if let p = placements.byKey[key] ?? placements.serving(key) {
                placements.byKey[key] = p
                return p
            }
            // Lane by lane: lanes that keep their tracks and rows are placed once per layout.
            let p = try TimelinePlacement.resolveByLane(marks: marks, trackCount: trackCount, rowLimit: limit,
                                                        gap: styles.labelGap, plot: plot,
                                                        minLabelWidth: styles.label.size * 2, badgeWidth: badgeWidth,
                                                        letterWidth: letterWidth, labelFloor: floorOf,
                                                        leaderOrder: leaderOrder, memo: placements.lanes, labelWidth: widthOf)
            placements.byKey[key] = p
            return p
        }
        let wide = try place(most)
        let (rows, spare) = heights.allocate(lanes, demand: wide.rowsUsed)
        let placement = rows == wide.rowsUsed ? wide : try place(rows)
        let keyed = placement.keyOrder
        var a = Attempt(placement: placement, rows: rows, spare: spare, keyHeight: keyHeight, keyColumns: keyColumns,
                        keyed: keyed, listed: 0, pointed: keyed.reduce(0) { $0 + (placement.pointed($1) ? 1 : 0) })
        if keyHeight > 0 && !keyed.isEmpty {
            let lines = keyLines(placement)
            var key = try makeKey(height: keyHeight, lines: lines, columns: keyColumns)
            a.listed = try fill(&key, a, lines: lines, exact: false).listed
        }
        return a
    }

    func makeKey(height: Double, lines: [KeyLine], columns: Int, top: Double = 0, x: Double = 0) throws
        -> TimelineNumberedList {
        var numbers = 0, letters = 0, other = false
        for l in lines {
            if l.badged { numbers += 1 } else if l.cluster != nil && l.numberText != TimelineNumberedList.unbadged {
                letters += 1
            } else if l.numberText != TimelineNumberedList.unbadged { other = true }
        }
        // `keyLines` letters groups in order: the letters are the first `letters` ones. Their widths
        // and the number's are kept for the layout (the key is made for every column count).
        let maxNumber = max(1, min(numbers, keyCapacity))
        let number = try widths.markWidth(maxNumber) { try cache.measure(String(maxNumber), styles.listNumber).width }
        let widest = try widths.widestLetter(letters) {
            try cache.measure(TimelineClusters.letter($0), styles.listNumber).width
        }
        // Any other mark (the summary line's empty one) is measured as before.
        let others = other ? Set(lines.compactMap { $0.badged || $0.cluster != nil || $0.numberText == TimelineNumberedList.unbadged
            ? nil : $0.numberText }).sorted() : []
        return try TimelineNumberedList(rect: Rect(x: x, y: top, width: keyWidth, height: height),
                                        maxNumber: maxNumber, style: styles.list,
                                        numberStyle: styles.listNumber, cache: cache, columns: columns,
                                        otherMarks: others, otherWidth: widest, numberMarkWidth: number)
    }

    /// Mark i's key line on one line, kept by mark.
    func keyLine(_ line: KeyLine) throws -> TextMetrics? {
        guard let i = line.mark else { return nil }
        return try widths.keyLine(i) { try cache.measure(line.text, styles.list) }
    }

    /// What `fill` put in the key.
    struct Filled {
        /// Events listed (a prefix of the attempt's `keyed`).
        var listed: Int
        /// Badge number of each listed badged mark.
        var numbers: [Int: Int]
        /// Letter of each group whose heading (or only event) is listed.
        var letters: [Int: String]
    }

    /// Lists the attempt's keyed marks in `key`, in order, until it is full. Unless `exact`, a
    /// wrapped line is given only its height (`wrappedHeight`, often known without measuring):
    /// what fits depends on the heights alone, and the key is not drawn.
    func fill(_ key: inout TimelineNumberedList, _ a: Attempt, lines: [KeyLine], exact: Bool = true) throws -> Filled {
        var added = 0
        for line in lines {
            // An event's line that fits the column unwrapped has the metrics kept for it.
            let one = try keyLine(line)
            var known = one.flatMap { $0.width <= key.textWidth ? $0 : widths.keyLineMetrics(line.mark!, width: key.textWidth) }
            if known == nil && !exact {
                known = TextMetrics(width: key.textWidth, height: try wrappedHeight(line, width: key.textWidth), baseline: 0,
                                    lines: [])
            }
            guard try key.add(numberText: line.numberText, eventID: line.mark.map(String.init) ?? "",
                              text: line.text, heading: line.mark == nil, metrics: known) else { break }
            added += 1
        }
        let listedMarks = lines.prefix(added).reduce(0) { $0 + ($1.mark == nil ? 0 : 1) }
        // `finish` drops lines from the end to make room for its summary line (and headings
        // left without an event under them).
        let kept = added - (try key.finish(unlisted: a.keyed.count - listedMarks))
        var out = Filled(listed: 0, numbers: [:], letters: [:])
        for line in lines.prefix(kept) {
            if let i = line.mark {
                out.listed += 1
                if line.badged { out.numbers[i] = Int(line.numberText) }
            }
            if let c = line.cluster, !line.numberText.isEmpty, line.numberText != TimelineNumberedList.unbadged {
                out.letters[c] = line.numberText
            }
        }
        return out
    }

    /// Height and columns of the lowest key holding every one of `lines` (at most `highest`:
    /// then with the most columns). Each column count measures the lines once; the heights are
    /// then packed arithmetically (`TimelineNumberedList.packs`) while searching.
    func neededKey(_ lines: [KeyLine], highest: Double) throws -> (height: Double, columns: Int) {
        let most = TimelineNumberedList.columnCount(width: keyWidth, style: styles.list)
        if lines.count > keyCapacity { return (highest, most) }
        // Each line on one line, looked up once for every column count and packing below.
        let ones = try lines.map { try keyLine($0) ?? cache.measure($0.text, styles.list) }
        // Each column count's heights, measured only where a packing asks (`TimelineKeyHeights`).
        var lineHeights: [Int: (width: Double, heights: TimelineKeyHeights)] = [:]
        func fits(_ h: Double, _ c: Int) throws -> Bool {
            if lineHeights[c] == nil {
                let key = try makeKey(height: highest, lines: lines, columns: c)
                lineHeights[c] = (key.textWidth, try heightBounds(lines, width: key.textWidth, oneLine: ones))
            }
            let width = lineHeights[c]!.width
            return try lineHeights[c]!.heights.packs(height: h, columns: c) {
                try wrappedHeight(lines[$0], width: width, oneLine: ones[$0])
            }
        }
        // Wrapping never makes a line lower, and higher lines never pack into fewer columns (the
        // key fills columns in order): where the lines unwrapped do not pack into `c` columns the
        // wrapped ones do not either. So the same search over the unwrapped heights bounds what `c`
        // can reach from below: a `c` that cannot beat the best so far is skipped before its lines
        // are wrapped (the costly measuring). The result is the same.
        let oneLine = ones.map(\.height)
        var best = (height: highest, columns: most)
        // True once `best` is known to hold every line (it is not at first: `highest`, `most`).
        var confirmed = false
        let line = try cache.measure("国", styles.list).height
        func lowest(from top: Double, _ fits: (Double) throws -> Bool) rethrows -> Double {
            var lo = line * 0.5, hi = top
            for _ in 0..<12 where hi - lo > 0.5 {
                let mid = (lo + hi) / 2
                if try fits(mid) { hi = mid } else { lo = mid }
            }
            return hi
        }
        // The narrowest columns first: their heights bound every wider column's from above (the
        // search measures them anyway whenever the lines pack there at all).
        let last = min(most, lines.count)
        if TimelineNumberedList.packs(oneLine, height: highest, columns: last) { _ = try fits(highest, last) }
        for c in 1...last {
            guard TimelineNumberedList.packs(oneLine, height: best.height, columns: c) else { continue }
            if confirmed && lowest(from: best.height, { TimelineNumberedList.packs(oneLine, height: $0, columns: c) })
                >= best.height - 0.25 { continue }
            guard try fits(best.height, c) else { continue }
            let hi = try lowest(from: best.height) { try fits($0, c) }
            let beaten = hi < best.height - 0.25
            if try beaten || !confirmed && !fits(best.height, best.columns) { best = (hi, c) }
            confirmed = true
        }
        return best
    }

    /// Bounds of each line's `wrappedHeight` at `width` from what is known without measuring:
    /// exact where `wrappedHeight` needs no measurement.
    /// `oneLine[k]`: line k's metrics on one line.
    func heightBounds(_ lines: [KeyLine], width: Double, oneLine: [TextMetrics]) throws -> TimelineKeyHeights {
        var lo: [Double] = [], hi: [Double] = []
        lo.reserveCapacity(lines.count); hi.reserveCapacity(lines.count)
        for (line, one) in zip(lines, oneLine) {
            let samples = line.mark.map { widths.keyLineSamples($0) } ?? widths.headingSamples(line.text)
            var known: Double? = one.width <= width ? one.height : nil
            let spans = known == nil ? spanLines(line, oneLine: one, width: width) : nil
            if let spans, spans.count == 1 { known = Double(spans.lowerBound) * one.height }
            for s in samples where known == nil { known = s.height(at: width, oneLine: one) }
            if let known { lo.append(known); hi.append(known); continue }
            var (l, h) = TimelineKeyHeights.bounds(oneLine: TextMetricsBounds(width: one.width, height: one.height),
                                                   width: width, samples: samples)
            // The line count's bounds from the break spans narrow them further (when consistent).
            if let spans {
                let (sl, sh) = (max(l, Double(spans.lowerBound) * one.height), min(h, Double(spans.upperBound) * one.height))
                if sl <= sh { (l, h) = (sl, sh) }
            }
            lo.append(l); hi.append(h)
        }
        return TimelineKeyHeights(lo: lo, hi: hi)
    }

    /// Height of a key line wrapped to `width`: one line when it is no wider, else measured or
    /// known from another width (`TimelineLabelWidths`).
    /// `oneLine`, when known, is the line's metrics on one line.
    func wrappedHeight(_ line: KeyLine, width: Double, oneLine: TextMetrics? = nil) throws -> Double {
        let one = try oneLine ?? keyLine(line) ?? cache.measure(line.text, styles.list)
        // A line no wider than the column is one line high whatever the column.
        if one.width <= width { return one.height }
        if let n = spanLines(line, oneLine: one, width: width), n.count == 1 { return Double(n.lowerBound) * one.height }
        // Over the two parts it reads: a closure over `self` would copy the whole solver.
        let (cache, style, text) = (cache, styles.list, line.text)
        let measure = { try cache.measure(text, style, wrap: width) }
        guard let i = line.mark else { return try widths.headingHeight(line.text, width: width, oneLine: one, measure: measure) }
        return try widths.keyLineHeight(i, width: width, oneLine: one, measure: measure)
    }

    /// Bounds on the lines of a key line wrapped at `width` from its break spans
    /// (`BreakSpans.lines`), when the measurer knows them: every wrapped line of a key line is as
    /// high as the text on one line (the assumption `TimelineWrapSample` rests on too), so an
    /// exact count is the exact height, and the real-metrics test `PangoBreakSpanTests` checks
    /// the counts against Pango's wrapping.
    func spanLines(_ line: KeyLine, oneLine: TextMetrics, width: Double) -> ClosedRange<Int>? {
        let (cache, style) = (cache, styles.list)
        return widths.breakSpans(line.mark, text: line.text) { cache.breakSpans(line.text, style) }?
            .lines(oneLine: oneLine.width, width: width)
    }

    /// The "另有 N 项未列出" line the key needs room for when some keyed marks have nothing on
    /// the plot to point at.
    func summaryLine(_ p: TimelinePlacement) -> [KeyLine] {
        let bare = p.keyOrder.reduce(0) { $0 + (p.pointed($1) ? 0 : 1) }
        return bare == 0 ? [] : [KeyLine(numberText: "", text: TimelineNumberedList.summaryText(bare), mark: nil)]
    }

    func solve() throws -> Attempt {
        let first = try attempt(keyHeight: 0)
        guard !first.keyed.isEmpty else { return first }
        let line = try cache.measure("国", styles.list).height
        let highest = available - styles.gap - heights.baseHeight
        guard highest >= line * 1.2 else {
            throw TimelineError.frameTooSmall("\(first.keyed.count) of \(marks.count) events need the key below the axis, "
                + "and the lanes leave no room for it (\(Int(available)) pt for lanes and key; one key line needs \(Int(line * 1.2 + styles.gap)) pt more)")
        }
        // Each key takes rows, which may push more events into the key: grow it until it holds
        // all of them, then keep the attempt naming the most events (labelled first on a tie).
        var candidates: [Attempt] = []
        var placement = first.placement
        var tried: [(Double, Int)] = []
        for _ in 0..<5 {
            let need = try neededKey(keyLines(placement) + summaryLine(placement), highest: highest)
            let h = max(line * 1.2, need.height)
            if tried.contains(where: { abs($0.0 - h) < 0.5 && $0.1 == need.columns }) { break }
            tried.append((h, need.columns))
            let a = try attempt(keyHeight: h, keyColumns: need.columns)
            candidates.append(a)
            if a.listed == a.pointed { break }
            placement = a.placement
        }
        if !candidates.contains(where: { $0.listed == $0.pointed }) {
            candidates.append(try attempt(keyHeight: highest,
                                          keyColumns: TimelineNumberedList.columnCount(width: keyWidth, style: styles.list)))
        }
        return candidates.max { ($0.named, $0.placement.labelledCount) < ($1.named, $1.placement.labelledCount) }!
    }
}

