/// Heights of the lanes: each needs room for its (wrapped) name and its mark line, and every
/// row it gets costs its row height more (label rows are taller than number-badge rows).
struct TimelineLaneHeights {
    let nameHeights: [Double]
    /// Height of each lane's mark line: the marks' band, or a text line where labels sit inline.
    let bands: [Double]
    let rowHeights: [Double]
    let pad: Double

    init(nameHeights: [Double], bands: [Double], rowHeights: [Double], pad: Double) {
        self.nameHeights = nameHeights; self.bands = bands; self.rowHeights = rowHeights; self.pad = pad
    }

    init(nameHeights: [Double], band: Double, rowHeights: [Double], pad: Double) {
        self.init(nameHeights: nameHeights, bands: nameHeights.map { _ in band }, rowHeights: rowHeights, pad: pad)
    }

    var count: Int { nameHeights.count }

    /// Height of lane `i` with `rows` label rows.
    func height(_ i: Int, rows: Int) -> Double { pad + max(nameHeights[i], bands[i] + Double(rows) * rowHeights[i]) }

    /// Rows a lane holds at no cost because its name is taller than its mark line.
    var freeRows: [Int] { (0..<count).map { max(0, Int((max(nameHeights[$0], bands[$0]) - bands[$0]) / rowHeights[$0])) } }

    /// All lanes without label rows.
    var baseHeight: Double { (0..<count).reduce(0.0) { $0 + height($1, rows: 0) } }

    /// Shares `total` among the lanes up to each one's `demand`, one row at a time round-robin
    /// so a busy lane cannot starve the others. Returns the rows and the height left over.
    func allocate(_ total: Double, demand: [Int]) -> (rows: [Int], spare: Double) {
        let free = freeRows
        var r = (0..<count).map { min(demand[$0], free[$0]) }
        var spare = total - (0..<count).reduce(0.0) { $0 + height($1, rows: r[$1]) }
        var changed = true
        while changed {
            changed = false
            for i in 0..<count where r[i] < demand[i] {
                let cost = height(i, rows: r[i] + 1) - height(i, rows: r[i])
                if cost <= spare + 1e-9 { r[i] += 1; spare -= cost; changed = true }
            }
        }
        return (r, max(0, spare))
    }
}
