#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The spec's numbers made ready for layout: validated, sorted, unit-scaled, with label texts.
struct BarChartData {
    let n: Int
    let seriesCount: Int
    let stacked: Bool
    /// order[slot] = category index.
    let order: [Int]
    /// values[series][category], scaled; NaN when missing.
    let values: [[Double]]
    /// Value label text for numbers without a pre-formatted label.
    let format: (Double) -> String
    /// Text of a stack total, unit included.
    let totalFormat: (Double) -> String
    let showLabels: Bool
    /// Pre-formatted labels per series (empty or one per category).
    let given: [[String?]]
    /// Stack ends per category (stacked mode): sum of positives and of negatives.
    let positiveTotals: [Double]
    let negativeTotals: [Double]
    let unit: UnitScale
    let axisTitle: String?
    let referenceValues: [Double]
    let anyHighlight: Bool
    /// Planned and derived, in that order, when some drawn value has that status.
    let statusesShown: [BarValueStatus]
    /// Smallest and largest value the value axis must show, zero included.
    let extent: (lo: Double, hi: Double)

    init(_ spec: BarChartSpec) throws {
        n = spec.categories.count
        seriesCount = spec.series.count
        guard n > 0 else { throw BarChartError.noCategories }
        guard seriesCount > 0 else { throw BarChartError.noSeries }
        for s in spec.series {
            guard s.values.count == n else {
                throw BarChartError.valueCountMismatch(series: s.name, expected: n, got: s.values.count)
            }
            guard s.labels.isEmpty || s.labels.count == n else {
                throw BarChartError.labelCountMismatch(series: s.name, expected: n, got: s.labels.count)
            }
            guard s.status.isEmpty || s.status.count == n else {
                throw BarChartError.statusCountMismatch(series: s.name, expected: n, got: s.status.count)
            }
        }
        stacked = spec.mode == .stacked && seriesCount > 1

        // Unit: chosen from the largest magnitude the axis must show.
        var rawMax = 0.0
        var rawPos = [Double](repeating: 0, count: n), rawNeg = [Double](repeating: 0, count: n)
        for s in spec.series {
            for (i, v) in s.values.enumerated() where v.isFinite {
                if v >= 0 { rawPos[i] += v } else { rawNeg[i] += v }
                rawMax = Swift.max(rawMax, abs(v))
            }
        }
        if stacked { for i in 0..<n { rawMax = Swift.max(rawMax, rawPos[i], -rawNeg[i]) } }
        for r in spec.referenceLines where r.value.isFinite { rawMax = Swift.max(rawMax, abs(r.value)) }
        switch spec.unitScaling {
        case .off: unit = .identity(spec.valueAxisTitle ?? "")
        case .automatic: unit = UnitScale.choose(maxMagnitude: rawMax, unit: spec.valueAxisTitle ?? "")
        case .fixed(let u): unit = u
        }
        let title = spec.unitScaling == .off ? spec.valueAxisTitle : unit.unit
        axisTitle = (title?.isEmpty ?? true) ? nil : title

        let d = unit.divisor
        let values = spec.series.map { s in s.values.map { $0.isFinite ? $0 / d : .nan } }
        self.values = values
        positiveTotals = rawPos.map { $0 / d }
        negativeTotals = rawNeg.map { $0 / d }
        referenceValues = spec.referenceLines.map { $0.value / d }
        anyHighlight = spec.series.contains { !$0.highlighted.isEmpty }
        var seen = Set<BarValueStatus>()
        for s in spec.series where !s.status.isEmpty {
            for (i, v) in s.values.enumerated() where v.isFinite { seen.insert(s.status[i]) }
        }
        statusesShown = [BarValueStatus.planned, .derived].filter(seen.contains)

        var lo = 0.0, hi = 0.0
        if stacked {
            lo = negativeTotals.min() ?? 0; hi = positiveTotals.max() ?? 0
        } else {
            for row in values { for v in row where v.isFinite { lo = Swift.min(lo, v); hi = Swift.max(hi, v) } }
        }
        for r in referenceValues where r.isFinite { lo = Swift.min(lo, r); hi = Swift.max(hi, r) }
        extent = (lo, hi)

        // Default value labels: one precision for the whole chart, so 4.10 sits beside 6.78.
        let decimals = Self.labelDecimals(values, totals: stacked ? zip(positiveTotals, negativeTotals).map { $0 + $1 } : [])
        let axisUnit = unit
        let baseUnit = spec.valueAxisTitle ?? ""
        let own = spec.unitScaling != .off
        let format: (Double) -> String = spec.valueLabelFormatter.map { f in { f($0) } }
            ?? { Self.honestLabel($0, decimals: decimals, axis: axisUnit, baseUnit: baseUnit, ownUnit: own) }
        self.format = format
        let unitText = axisTitle ?? ""
        totalFormat = spec.totalFormatter.map { f in { f($0) } } ?? { v in
            let t = format(v)
            return t.last.map { $0.isASCII && $0.isNumber } == true ? t + unitText : t
        }
        self.showLabels = spec.valueLabels != .none
        self.given = spec.series.map(\.labels)
        // Sort key: the stack total, or the first series; missing values go last.
        let vals = values
        let pos = positiveTotals, neg = negativeTotals
        let key: (Int) -> Double = { i in
            if spec.mode == .stacked { return pos[i] + neg[i] }
            return vals[0][i]
        }
        switch spec.sort {
        case .data: order = Array(0..<n)
        case .ascending, .descending:
            let asc = spec.sort == .ascending
            order = (0..<n).sorted { a, b in
                let ka = key(a), kb = key(b)
                if ka.isNaN != kb.isNaN { return kb.isNaN }
                if ka == kb || ka.isNaN { return a < b }
                return asc ? ka < kb : ka > kb
            }
        }
    }

    /// Decimals showing about three significant digits of the largest value, reduced while no
    /// value needs them (so whole numbers print without ".00").
    static func labelDecimals(_ values: [[Double]], totals: [Double]) -> Int {
        var largest = 0.0
        for row in values { for v in row where v.isFinite { largest = Swift.max(largest, abs(v)) } }
        for t in totals { largest = Swift.max(largest, abs(t)) }
        var d = NiceTicks.decimals(forMagnitude: largest, minimum: 0)
        func exact(_ v: Double, _ d: Int) -> Bool {
            let scaled = v * pow(10, Double(d))
            return abs(scaled - scaled.rounded()) < 1e-6 * Swift.max(1, abs(scaled))
        }
        while d > 0 {
            let coarser = d - 1
            // Dropping a decimal is fine when every value, rounded to d places, ends in 0 there.
            let lossless = values.allSatisfy { row in row.allSatisfy { !$0.isFinite || exact(NiceTicks.round($0, decimals: d), coarser) } }
                && totals.allSatisfy { exact(NiceTicks.round($0, decimals: d), coarser) }
            guard lossless else { break }
            d = coarser
        }
        return d
    }

    /// Label of one bar, made on demand: dense charts never format most of theirs.
    /// The drawn segments of category `c`, in series order: value and where it starts on the value
    /// axis (0, or for stacks the running positive or negative total, kept apart).
    func segments(category c: Int) -> [(series: Int, value: Double, start: Double)] {
        var out: [(Int, Double, Double)] = []
        var pos = 0.0, neg = 0.0
        for s in 0..<seriesCount {
            let v = values[s][c]
            guard v.isFinite else { continue }
            var start = 0.0
            if stacked {
                start = v >= 0 ? pos : neg
                if v >= 0 { pos += v } else { neg += v }
            }
            out.append((s, v, start))
        }
        return out
    }

    func label(series s: Int, category c: Int) -> String? {
        guard showLabels, values[s][c].isFinite else { return nil }
        return Self.typographic((given[s].isEmpty ? nil : given[s][c]) ?? format(values[s][c]))
    }

    /// Labels of a stack's totals, each at its own end: the positive sum above (or right of) the
    /// positive segments, the negative sum below (left of) the negative ones; a category without
    /// values has none.
    func totalLabels(category c: Int) -> [(text: String, end: Double)] {
        guard stacked, showLabels else { return [] }
        var hasPos = false, hasNeg = false
        for row in values where row[c].isFinite { if row[c] >= 0 { hasPos = true } else { hasNeg = true } }
        var out: [(String, Double)] = []
        if hasPos { out.append((Self.typographic(totalFormat(positiveTotals[c])), positiveTotals[c])) }
        if hasNeg { out.append((Self.typographic(totalFormat(negativeTotals[c])), negativeTotals[c])) }
        return out
    }

    /// A leading hyphen-minus becomes the minus sign "−", as print sets negative numbers.
    static func typographic(_ text: String) -> String {
        guard text.contains("-") else { return text }
        var out = ""
        var previous: Character?
        for ch in text {
            let startsNumber = previous.map { !ChartLabelLines.isLatin($0) } ?? true
            out.append(ch == "-" && startsNumber ? "−" : ch)
            previous = ch
        }
        return out
    }

    /// The default value label: the chart's precision, more decimals where a value would read as
    /// zero or lose over 1%; with unit scaling, a value too small for the axis unit (592万元 on an
    /// 亿元 axis) carries its own unit instead of a string of zeros.
    static func honestLabel(_ v: Double, decimals: Int, axis: UnitScale, baseUnit: String, ownUnit: Bool) -> String {
        let d = honestDecimals(v, atLeast: decimals, limit: 12)
        if ownUnit, !baseUnit.isEmpty, d > Swift.max(decimals, 3), axis.divisor > 1 {
            let raw = v * axis.divisor
            let u = UnitScale.choose(maxMagnitude: raw, unit: baseUnit)
            if u.divisor < axis.divisor {
                let x = raw / u.divisor
                return NiceTicks.format(x, decimals: honestDecimals(x, atLeast: 0, limit: 12), trimZeros: true) + u.unit
            }
        }
        return NiceTicks.format(v, decimals: d, trimZeros: false)
    }

    /// Decimals at which `v` displays nonzero and within 1% of itself (at least `d`, at most 8).
    static func honestDecimals(_ v: Double, atLeast d: Int, limit: Int = 8) -> Int {
        guard v.isFinite, v != 0 else { return d }
        var k = d
        while k < limit {
            let r = NiceTicks.round(v, decimals: k)
            if r != 0, abs(r - v) <= 0.01 * abs(v) { break }
            k += 1
        }
        return k
    }
}
