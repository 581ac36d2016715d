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
    let cache: TimelineMeasureCache
    /// Shared by the solvers of one layout (every track count): each label is measured once.
    let widths: TimelineLabelWidths
    /// Placements by rows per lane, for this solver's marks and tracks.
    let placements = Placements()

    final class Placements {
        var byRows: [[Int]: TimelinePlacement] = [:]
    }

    /// Width of mark i's label: its date and its text on one line.
    func labelWidth(_ i: Int) throws -> Double {
        try widths.width(i) {
            let l = labels[i]
            let text = try cache.measure(l.text, styles.label).width
            guard !l.date.isEmpty else { return text }
            return try cache.measure(l.date, styles.date).width + styles.dateGap + text
        }
    }

    /// The key line of mark i.
    func keyText(_ i: Int) -> String { labels[i].date.isEmpty ? labels[i].text : labels[i].date + " " + labels[i].text }

    func attempt(keyHeight: Double, keyColumns: Int = 1) throws -> Attempt {
        let lanes = keyHeight > 0 ? available - keyHeight - styles.gap : available
        let base = heights.baseHeight
        let free = heights.freeRows
        let most = (0..<heights.count).map { min(40, free[$0] + max(0, Int((lanes - base) / styles.rowHeight))) }
        func place(_ limit: [Int]) throws -> TimelinePlacement {
            // Key heights that differ little leave the same rows: place those once.
            if let p = placements.byRows[limit] { return p }
            let p = try TimelinePlacement(marks: marks, trackCount: trackCount, rowLimit: limit, gap: styles.labelGap,
                                          plot: plot, minLabelWidth: styles.label.size * 2, badgeWidth: badgeWidth,
                                          labelWidth: labelWidth)
            placements.byRows[limit] = p
            return p
        }
        let wide = try place(most)
        let (rows, spare) = heights.allocate(lanes, demand: wide.rowsUsed)
        let placement = rows == wide.rowsUsed ? wide : try place(rows)
        let keyed = marks.indices.filter { placement.label[$0] == nil }
        var a = Attempt(placement: placement, rows: rows, spare: spare, keyHeight: keyHeight, keyColumns: keyColumns,
                        keyed: keyed, listed: 0)
        if keyHeight > 0 && !keyed.isEmpty {
            var key = try makeKey(height: keyHeight, keyedCount: keyed.count, columns: keyColumns)
            a.listed = try fill(&key, a).listed
        }
        return a
    }

    func makeKey(height: Double, keyedCount: Int, columns: Int, top: Double = 0, x: Double = 0) throws
        -> TimelineNumberedList {
        try TimelineNumberedList(rect: Rect(x: x, y: top, width: keyWidth, height: height),
                                 maxNumber: max(1, min(keyedCount, keyCapacity)), style: styles.list,
                                 numberStyle: styles.listNumber, cache: cache, columns: columns)
    }

    /// Lists the attempt's keyed marks in `key` (badged ones by number); returns how many are
    /// listed and each listed mark's number (nil for "·").
    func fill(_ key: inout TimelineNumberedList, _ a: Attempt) throws -> (listed: Int, numbers: [Int: Int]) {
        var numbers: [Int: Int] = [:]
        var next = 1, listed: [Int] = []
        for i in a.keyed {
            let badged = a.placement.badge[i] != nil
            guard try key.add(number: next, badge: badged, eventID: String(i), text: keyText(i)) else { break }
            if badged { numbers[i] = next; next += 1 }
            listed.append(i)
        }
        let dropped = try key.finish(unlisted: a.keyed.count - listed.count)
        // `finish` drops items from the end to make room for its summary line.
        let kept = listed.count - dropped.count
        for i in listed[kept...] { numbers[i] = nil }
        return (kept, numbers)
    }

    /// Height and columns of the lowest key holding every one of `keyed` (at most `highest`:
    /// then with the most columns). Each column count measures the lines once; the heights are
    /// then packed arithmetically (`TimelineNumberedList.packs`) while searching.
    func neededKey(_ keyed: [Int], highest: Double) throws -> (height: Double, columns: Int) {
        let most = TimelineNumberedList.columnCount(width: keyWidth, style: styles.list)
        if keyed.count > keyCapacity { return (highest, most) }
        var lineHeights: [Int: [Double]] = [:]
        func fits(_ h: Double, _ c: Int) throws -> Bool {
            if lineHeights[c] == nil {
                let key = try makeKey(height: highest, keyedCount: keyed.count, columns: c)
                lineHeights[c] = try keyed.map { try key.lineHeight(keyText($0)) }
            }
            return TimelineNumberedList.packs(lineHeights[c]!, height: h, columns: c)
        }
        var best = (height: highest, columns: most)
        let line = try cache.measure("国", styles.list).height
        for c in 1...min(most, keyed.count) {
            guard try fits(best.height, c) else { continue }
            var lo = line * 0.5, hi = best.height
            for _ in 0..<12 where hi - lo > 0.5 {
                let mid = (lo + hi) / 2
                if try fits(mid, c) { hi = mid } else { lo = mid }
            }
            let bestFits = try fits(best.height, best.columns)
            if hi < best.height - 0.25 || !bestFits { best = (hi, c) }
        }
        return best
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
        var keyed = first.keyed
        var tried: [(Double, Int)] = []
        for _ in 0..<5 {
            let need = try neededKey(keyed, highest: highest)
            let h = max(line * 1.2, need.height)
            if tried.contains(where: { abs($0.0 - h) < 0.5 && $0.1 == need.columns }) { break }
            tried.append((h, need.columns))
            let a = try attempt(keyHeight: h, keyColumns: need.columns)
            candidates.append(a)
            if a.listed == a.keyed.count { break }
            keyed = a.keyed
        }
        if !candidates.contains(where: { $0.listed == $0.keyed.count }) {
            candidates.append(try attempt(keyHeight: highest,
                                          keyColumns: TimelineNumberedList.columnCount(width: keyWidth, style: styles.list)))
        }
        return candidates.max { ($0.named, $0.placement.labelledCount) < ($1.named, $1.placement.labelledCount) }!
    }
}

/// Label widths of one layout by mark, measured on first use.
final class TimelineLabelWidths {
    private var widths: [Double]
    init(count: Int) { widths = Array(repeating: .nan, count: count) }

    func width(_ i: Int, measure: () throws -> Double) rethrows -> Double {
        if !widths[i].isNaN { return widths[i] }
        let w = try measure()
        widths[i] = w
        return w
    }
}
