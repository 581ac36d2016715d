#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tick values chosen by `NiceTicks`, with the precision their labels need.
public struct TickSet: Sendable, Hashable {
    /// Ascending, evenly spaced by `step`; the first and last cover the data.
    public var values: [Double]
    public var step: Double
    /// Decimal places needed to tell ticks apart (0 for a step of 5, 1 for 2.5, 2 for 0.25 …).
    public var decimals: Int
    public init(values: [Double], step: Double, decimals: Int) {
        self.values = values; self.step = step; self.decimals = decimals
    }
    public var lower: Double { values.first ?? 0 }
    public var upper: Double { values.last ?? 1 }
    /// The default tick label: the step's precision with trailing zeros trimmed ("2.5", "5", not "5.0").
    public func format(_ value: Double) -> String {
        NiceTicks.format(value, decimals: decimals, trimZeros: true)
    }
}

/// "Nice" tick values (Heckbert): steps of 1, 2, 2.5 or 5 × 10^k covering the data.
public enum NiceTicks {
    static let multipliers: [(Double, Double)] = [(1, 0), (2, 0.05), (5, 0.1), (2.5, 0.6)]

    /// Ticks covering `lo...hi` (in either order), aiming at `count` ticks and never more than `maxCount`.
    /// With `includeZero` the domain is extended to 0, as bar charts need.
    public static func ticks(from lo: Double, to hi: Double, count: Int = 5, maxCount: Int = 7,
                             includeZero: Bool = false) -> TickSet {
        var a = Swift.min(lo, hi), b = Swift.max(lo, hi)
        if !a.isFinite || !b.isFinite { a = 0; b = 1 }
        if includeZero { a = Swift.min(a, 0); b = Swift.max(b, 0) }
        if a == b {
            if a == 0 { b = 1 } else if includeZero { if a > 0 { a = 0 } else { b = 0 } }
            else { let h = abs(a) / 2; a -= h; b += h }
        }
        let maxN = Swift.max(2, maxCount)
        let target = Swift.min(Swift.max(2, count), maxN)
        let span = b - a
        let raw = span / Double(target - 1)
        let e0 = Int(floor(log10(raw)))
        var best: (score: Double, step: Double, lo: Double, n: Int)? = nil
        for e in (e0 - 1)...(e0 + 1) {
            let p = pow(10, Double(e))
            for (m, penalty) in multipliers {
                let step = m * p
                let first = floor(a / step + 1e-9), last = ceil(b / step - 1e-9)
                let n = Int(last - first) + 1
                guard n >= 2, n <= maxN else { continue }
                // Closest count to the target wins; then the least unused range; then the simplest step.
                let waste = ((last - first) * step - span) / span
                let score = abs(Double(n - target)) + waste * 0.8 + penalty
                if best == nil || score < best!.score { best = (score, step, first, n) }
            }
        }
        // No nice step gives few enough ticks (a range across zero needs three): allow one more.
        guard let chosen = best else {
            return ticks(from: a, to: b, count: target, maxCount: maxN + 1, includeZero: includeZero)
        }
        let d = decimals(forStep: chosen.step)
        let values = (0..<chosen.n).map { round((chosen.lo + Double($0)) * chosen.step, decimals: d) }
        return TickSet(values: values, step: chosen.step, decimals: d)
    }

    /// How many ticks fit along `length` when each needs `labelExtent` points plus some air.
    /// Between 4 and 7 when there is room; fewer (down to 2) on very short axes.
    public static func targetCount(length: Double, labelExtent: Double, minSpacing: Double) -> Int {
        let spacing = Swift.max(minSpacing, labelExtent * 1.6)
        guard spacing > 0, length > 0 else { return 2 }
        let fit = Int(length / spacing) + 1
        if fit >= 4 { return Swift.min(fit, 7) }
        return Swift.max(2, fit)
    }

    /// Smallest number of decimals that shows `step` exactly (2.5 → 1, 0.25 → 2, 50 → 0).
    public static func decimals(forStep step: Double) -> Int {
        let s = abs(step)
        guard s.isFinite, s > 0 else { return 0 }
        var scaled = s
        for d in 0...12 {
            if abs(scaled - scaled.rounded()) < 1e-7 * Swift.max(1, scaled) { return d }
            scaled *= 10
        }
        return 12
    }

    /// Decimals that show about three significant digits of `magnitude`, at least `minimum`.
    public static func decimals(forMagnitude magnitude: Double, minimum: Int = 2) -> Int {
        let m = abs(magnitude)
        guard m.isFinite, m > 0 else { return minimum }
        return Swift.min(8, Swift.max(minimum, 2 - Int(floor(log10(m)))))
    }

    /// Fixed-point text without locale or Foundation: "-1234.5". Never prints "-0".
    public static func format(_ value: Double, decimals: Int, trimZeros: Bool = true) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "∞" : "-∞") }
        let d = Swift.max(0, Swift.min(decimals, 12))
        let p = pow(10, Double(d))
        let scaled = (abs(value) * p).rounded()
        guard scaled < 9e18 else { return "\(value)" }
        if scaled == 0 { return "0" }
        var digits = String(UInt64(scaled))
        if d > 0 {
            if digits.count <= d { digits = String(repeating: "0", count: d - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -d))
            if trimZeros {
                while digits.last == "0" { digits.removeLast() }
                if digits.last == "." { digits.removeLast() }
            }
        }
        return (value < 0 ? "-" : "") + digits
    }

    static func round(_ v: Double, decimals d: Int) -> Double {
        let p = pow(10, Double(d))
        let r = (v * p).rounded() / p
        return r == 0 ? 0 : r
    }
}
