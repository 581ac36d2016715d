import ReportScene

/// How tall the numbered key below the axis should be. Badges need lane rows and key lines
/// alike, so a taller key can list more of them only while the lanes keep the rows that hold
/// them: try heights from `lowest` to `highest` and keep the best.
struct TimelineKeySizing {
    let heights: TimelineLaneHeights
    /// Rows each lane wants (badge rows for numbered lanes, label rows for the others).
    let demand: [Int]
    let numbered: [Bool]
    /// Lane and badge row of each mark, chronological.
    let laneOf: [Int]
    let badgeRow: [Int?]
    let labels: [String]
    let width: Double
    let keyCapacity: Int
    let style: TextStyle
    let numberStyle: TextStyle
    let cache: TimelineMeasureCache

    /// The key height; `total` is what lanes and key share.
    func bestHeight(total: Double, lowest: Double, highest: Double) throws -> Double {
        var inNumberedLanes = 0
        for l in laneOf where numbered[l] { inNumberedLanes += 1 }
        var best = (score: -1, height: lowest)
        for step in 0...16 {
            let h = lowest + (highest - lowest) * Double(step) / 16
            // Height the lanes cannot turn into rows goes to the key too.
            let (rows, leftover) = heights.allocate(total - h, demand: demand)
            let keyHeight = h + leftover
            // Fill a trial key with the badges these rows hold, with real (wrapped) label heights.
            var trial = try TimelineNumberedList(rect: Rect(x: 0, y: 0, width: width, height: keyHeight),
                                                 maxNumber: min(max(inNumberedLanes, 1), keyCapacity), style: style,
                                                 numberStyle: numberStyle, cache: cache)
            var listed = 0
            for i in laneOf.indices where numbered[laneOf[i]] && (badgeRow[i] ?? .max) < rows[laneOf[i]] {
                guard try trial.add(number: listed + 1, eventID: "", text: labels[i]) else { break }
                listed += 1
            }
            listed -= try trial.finish(unlisted: inNumberedLanes - listed).count
            // Labelled lanes keep all their rows first (else they too fall to badges); then a
            // badge without its key line says nothing, so list as many as possible; then give
            // every numbered lane a row.
            let lanes = demand.count
            let labelled = (0..<lanes).filter { !numbered[$0] && rows[$0] >= demand[$0] }.count
            let served = (0..<lanes).filter { demand[$0] == 0 || rows[$0] > 0 }.count
            let score = (labelled * (laneOf.count + 1) + listed) * (lanes + 1) + served
            if score > best.score { best = (score, keyHeight) }
        }
        return best.height
    }
}
