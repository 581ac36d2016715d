/// Marks too dense for a badge of their own (events on one day, thirty in one week) are named
/// as a group: a lettered bracket over their stretch of the lane, and in the key a heading that
/// names the lane and the dates, with the group's events listed under it. So every key entry
/// points at something drawn on the chart.
struct TimelineCluster: Hashable {
    var lane: Int
    /// Marks of the group, in order of left edge.
    var members: [Int]
    /// The stretch the bracket covers: the members' leader positions (a point's centre, a
    /// band's or bar's start).
    var lo: Double
    var hi: Double
    /// The bracket's box in a label row, or the letter's inline box beside the group's marks;
    /// nil when neither had room (the group's events are then left out of the key and counted).
    var box: TimelineCandidate?
    /// Track of an inline box (or of the member a leader starts from).
    var track = 0
    /// The member whose mark a leader runs from to the letter, when the letter stands in a row
    /// by itself (no row had room for the bracket over the whole stretch).
    var leaderMember: Int? = nil
}

enum TimelineClusters {
    /// The widest letter pair a bracket shows: its box is sized for it.
    static let widestLetter = "WW"

    /// "A"…"Z", then "AA", "AB", …: the identifier of the n-th bracket (from 0).
    static func letter(_ n: Int) -> String {
        var n = n + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// Groups `member` marks by lane: neighbours closer than `reach` join one group, and a group
    /// takes in every `absorbable` mark whose leader falls inside its stretch (its badge's leader
    /// would cut through the bracket). `member` is updated with what was taken in. `order` is
    /// `leaderOrder(marks)` when the caller keeps it.
    static func group(_ marks: [TimelinePlacement.Mark], member: inout [Bool], absorbable: [Bool],
                      reach: Double, order: [Int]? = nil) -> [TimelineCluster] {
        let order = order ?? leaderOrder(marks)
        let laneCount = marks.reduce(0) { max($0, $1.lane + 1) }
        while true {
            let clusters = merge(marks, member: member, reach: reach, order: order)
            var grew = false
            // Marks are in left-edge order, not leader order: test each against its lane's groups.
            var byLane = [[Int]](repeating: [], count: laneCount)
            for (k, c) in clusters.enumerated() { byLane[c.lane].append(k) }
            for (i, m) in marks.enumerated() where absorbable[i] && !member[i] {
                if byLane[m.lane].contains(where: { clusters[$0].lo <= m.anchorX && m.anchorX <= clusters[$0].hi }) {
                    member[i] = true; grew = true
                }
            }
            if !grew { return clusters }
        }
    }

    /// Marks by lane, each lane's in leader order (ties by index): the order `merge` walks.
    static func leaderOrder(_ marks: [TimelinePlacement.Mark]) -> [Int] {
        marks.indices.sorted { a, b in
            marks[a].lane != marks[b].lane ? marks[a].lane < marks[b].lane
                : marks[a].anchorX != marks[b].anchorX ? marks[a].anchorX < marks[b].anchorX : a < b
        }
    }

    /// Members of each lane in leader order, cut where the gap is wider than `reach`. `order` is
    /// `leaderOrder(marks)` when the caller keeps it (grouping merges many times).
    static func merge(_ marks: [TimelinePlacement.Mark], member: [Bool], reach: Double, order: [Int]? = nil)
        -> [TimelineCluster] {
        var out: [TimelineCluster] = []
        var members: [Int] = [], lane = -1, lo = 0.0, hi = 0.0
        func close() {
            guard !members.isEmpty else { return }
            members.sort()
            out.append(TimelineCluster(lane: lane, members: members, lo: lo, hi: hi))
        }
        for i in order ?? leaderOrder(marks) where member[i] {
            let x = marks[i].anchorX
            if !members.isEmpty && marks[i].lane == lane && x <= hi + reach {
                members.append(i); hi = max(hi, x)
            } else {
                close()
                members = [i]; lane = marks[i].lane; lo = x; hi = x
            }
        }
        close()
        return out.sorted { ($0.members[0], $0.lane) < ($1.members[0], $1.lane) }
    }

    /// The bracket's box for a group: as wide as its stretch (at least `width`), over it inside
    /// the plot (centred, else starting or ending at it), in the first label row of the lane with
    /// room. Failing that (a lane without free rows), the letter alone goes on a track just
    /// right, else just left, of the group's marks; failing that, in a row at the end of a
    /// vertical leader from one of its marks (a badge for the group). `track` is the track of the
    /// inline box or of that mark; `member` the mark the leader starts from.
    static func bracket(_ c: TimelineCluster, marks: [TimelinePlacement.Mark], width: Double, rows: Int, gap: Double,
                        plot: ClosedRange<Double>, canLead: (Int) -> Bool = { _ in true },
                        accept: (TimelineCandidate, Int) -> Bool) -> (box: TimelineCandidate, track: Int, member: Int?)? {
        let w = max(width, c.hi - c.lo)
        if w <= plot.upperBound - plot.lowerBound {
            // The distinct starts in a tuple, not an array: this runs for every group in every pass.
            var starts: (Double, Double, Double) = (0, 0, 0)
            var n = 0
            for j in 0..<3 {
                let raw = j == 0 ? (c.lo + c.hi) / 2 - w / 2 : j == 1 ? c.lo - 1 : c.hi + 1 - w
                let lo = min(max(raw, plot.lowerBound), plot.upperBound - w)
                guard lo <= c.lo + 1e-9, lo + w >= c.hi - 1e-9 else { continue }
                if n > 0 && abs(starts.0 - lo) < 0.5 || n > 1 && abs(starts.1 - lo) < 0.5 { continue }
                switch n { case 0: starts.0 = lo; case 1: starts.1 = lo; default: starts.2 = lo }
                n += 1
            }
            for k in 0..<rows {
                for j in 0..<n {
                    let lo = j == 0 ? starts.0 : j == 1 ? starts.1 : starts.2
                    let cand = TimelineCandidate(slot: .row(k), lo: lo, width: w, leaderX: nil)
                    if accept(cand, 0) { return (cand, 0, nil) }
                }
            }
        }
        var right = -Double.infinity, left = Double.infinity
        for i in c.members { right = max(right, marks[i].x1); left = min(left, marks[i].x0) }
        right += gap; left -= gap + width
        var tracks: [Int] = []
        for i in c.members where !tracks.contains(marks[i].track) { tracks.append(marks[i].track) }
        tracks.sort()
        for t in tracks where right + width <= plot.upperBound {
            let cand = TimelineCandidate(slot: .inline, lo: right, width: width)
            if accept(cand, t) { return (cand, t, nil) }
        }
        for t in tracks where left >= plot.lowerBound {
            let cand = TimelineCandidate(slot: .inline, lo: left, width: width)
            if accept(cand, t) { return (cand, t, nil) }
        }
        for i in c.members where canLead(i) {
            let m = marks[i]
            // Only row candidates: the inline ones beside each mark lie inside the group's extent.
            guard let cand = TimelineLabelCandidates.first(x0: m.x0, x1: m.x1, anchorX: m.anchorX, width: width,
                                                           rows: rows, gap: gap, plot: plot,
                                                           accept: { $0.slot != .inline && accept($0, m.track) })
            else { continue }
            return (cand, m.track, i)
        }
        return nil
    }
}

/// The key heading of a group: its lane and the dates its marks start on
/// ("工作线1 5月3日—5月9日"), at day precision since a bracket covers days.
struct TimelineClusterText {
    let laneNames: [String]
    let startDays: [Int]
    let currentYear: Int?
    /// Headings made so far by lane and first and last day: every key search of the layout
    /// names the same groups again.
    private final class Made { var headings: [Span: String] = [:] }
    private struct Span: Hashable { var lane: Int, first: Int, last: Int }
    private var made = Made()

    /// A copy to go on with on another thread (the headings made so far are not thread-safe).
    func copy() -> TimelineClusterText {
        var c = self
        c.made = Made()
        c.made.headings = made.headings
        return c
    }

    init(spec: TimelineSpec, laneNames: [String], marks: [TimelineEventMark]) {
        self.laneNames = laneNames
        startDays = marks.map(\.startDay)
        currentYear = spec.dateFormat == .full ? nil : spec.reportDate?.year
    }

    func heading(_ c: TimelineCluster) -> String {
        var a = Int.max, b = Int.min
        for i in c.members { a = min(a, startDays[i]); b = max(b, startDays[i]) }
        let span = Span(lane: c.lane, first: a, last: b)
        if let h = made.headings[span] { return h }
        let h = text(lane: c.lane, a, b)
        made.headings[span] = h
        return h
    }

    private func text(lane l: Int, _ a: Int, _ b: Int) -> String {
        func date(_ d: Int) -> TimelineDate {
            let c = TimelineDate.civil(fromDayNumber: d)
            return TimelineDate.day(c.year, c.month, c.day)
        }
        let lane = laneNames[l].isEmpty ? "" : laneNames[l] + " "
        let first = date(a)
        let start = TimelineDateGlue.glued(first.text(currentYear: currentYear))
        if a == b { return lane + start }
        return lane + start + "—" + TimelineDateGlue.glued(date(b).text(endOf: first, currentYear: currentYear))
    }
}
