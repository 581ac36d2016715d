import Foundation
import Testing
import TestSupport
@testable import ReportCharts

/// Deterministic SplitMix64 (TestSupport) so property tests are reproducible.
typealias SeededGenerator = SplitMix

func isNiceStep(_ step: Double) -> Bool {
    var m = step
    while m >= 10 - 1e-9 { m /= 10 }
    while m < 1 - 1e-9 { m *= 10 }
    return [1, 2, 2.5, 5, 10].contains { abs(m - $0) < 1e-6 }
}

@Suite struct TicksTests {
    @Test func classicRanges() {
        let t = NiceTicks.ticks(from: 0, to: 6.78, count: 5, includeZero: true)
        #expect(t.values == [0, 2, 4, 6, 8])
        #expect(t.decimals == 0)
        let u = NiceTicks.ticks(from: 0, to: 569.7, count: 6)
        #expect(u.values.first == 0 && u.values.last! >= 569.7)
        #expect(isNiceStep(u.step))
    }

    @Test func stepPrecisionDrivesDecimals() {
        #expect(NiceTicks.decimals(forStep: 2.5) == 1)
        #expect(NiceTicks.decimals(forStep: 0.25) == 2)
        #expect(NiceTicks.decimals(forStep: 50) == 0)
        #expect(NiceTicks.decimals(forStep: 0.1) == 1)
        let t = TickSet(values: [0, 2.5, 5, 7.5], step: 2.5, decimals: 1)
        #expect(t.values.map(t.format) == ["0", "2.5", "5", "7.5"])
    }

    @Test func formatting() {
        #expect(NiceTicks.format(1234.5, decimals: 2) == "1234.5")
        #expect(NiceTicks.format(1234.5, decimals: 2, trimZeros: false) == "1234.50")
        #expect(NiceTicks.format(-0.0001, decimals: 2) == "0")
        #expect(NiceTicks.format(-12, decimals: 0) == "-12")
        #expect(NiceTicks.format(0.05, decimals: 2) == "0.05")
        #expect(NiceTicks.format(6.78, decimals: 2) == "6.78")
        #expect(NiceTicks.format(0.1 + 0.2, decimals: 1) == "0.3")
    }

    @Test func degenerateRanges() {
        let unit = NiceTicks.ticks(from: 0, to: 0, includeZero: true)
        #expect(unit.lower == 0 && unit.upper == 1)
        let neg = NiceTicks.ticks(from: -3, to: -3, includeZero: true)
        #expect(neg.lower <= -3 && neg.upper == 0)
        let nan = NiceTicks.ticks(from: .nan, to: 5)
        #expect(nan.values.count >= 2)
    }

    /// Property: for many random ranges, ticks are nice, evenly spaced, few and cover the data.
    @Test func randomRangesAreCoveredByNiceTicks() {
        var rng = SeededGenerator(seed: 20221031)
        for _ in 0..<2000 {
            let magnitude = Double.random(in: -4...9, using: &rng)
            let scale = pow(10, magnitude)
            var a = Double.random(in: -1...1, using: &rng) * scale
            var b = Double.random(in: -1...1, using: &rng) * scale
            if Bool.random(using: &rng) { a = abs(a); b = abs(b) }
            let zero = Bool.random(using: &rng)
            let count = Int.random(in: 2...7, using: &rng)
            let t = NiceTicks.ticks(from: a, to: b, count: count, maxCount: 7, includeZero: zero)
            let lo = Swift.min(a, b, zero ? 0 : .infinity), hi = Swift.max(a, b, zero ? 0 : -.infinity)
            #expect(t.values.count >= 2 && t.values.count <= 7)
            #expect(isNiceStep(t.step), "step \(t.step)")
            let tol = t.step * 1e-6
            #expect(t.lower <= lo + tol && t.upper >= hi - tol, "\(t.values) vs \(lo)...\(hi)")
            for (x, y) in zip(t.values, t.values.dropFirst()) { #expect(abs(y - x - t.step) <= tol) }
            if zero { #expect(t.values.contains(0)) }
            // Labels at the step's precision are all distinct.
            #expect(Set(t.values.map(t.format)).count == t.values.count)
        }
    }

    @Test func rangeAcrossZeroNeedsThreeTicks() {
        // Two ticks cannot cover -1...1 with zero included: one more is allowed rather than a wrong set.
        let t = NiceTicks.ticks(from: -0.7, to: 0.9, count: 2, maxCount: 2, includeZero: true)
        #expect(t.values == [-1, 0, 1])
    }

    @Test func targetCountFollowsLength() {
        #expect(NiceTicks.targetCount(length: 400, labelExtent: 10, minSpacing: 30) == 7)
        #expect(NiceTicks.targetCount(length: 100, labelExtent: 10, minSpacing: 30) == 4)
        #expect(NiceTicks.targetCount(length: 40, labelExtent: 10, minSpacing: 30) == 2)
    }
}
