import Foundation
import Testing
import TestSupport
@testable import ReportData

/// `ChineseFormatter.number` without printf (`DecimalDigits`) writes exactly what the printf
/// definition writes, for values of every kind and for the near-ties the fast path must refuse.
@Suite struct DecimalDigitsTests {
    /// Values as CSVs hold them, near ties (x.5 ± a few ulps at every scale), and the edges.
    static func value(_ rng: inout SplitMix) -> Double {
        switch rng.int(7) {
        case 0: return Double.random(in: -1e7...1e7, using: &rng)
        case 1: return Double(rng.int(-100_000_000...100_000_000)) / [1, 10, 100, 1000, 10_000, 8, 3].randomElement(using: &rng)!
        case 2: return Double(sign: .plus, exponent: rng.int(-45...60), significand: Double.random(in: 1..<2, using: &rng))
        case 3:
            // A tie at some digit, nudged by a few ulps either way.
            var v = (Double(rng.int(0...2_000_000)) + 0.5) / Double([1, 10, 100, 1000, 100_000].randomElement(using: &rng)!)
            for _ in 0..<rng.int(0...3) { v = rng.int(2) == 0 ? v.nextUp : v.nextDown }
            return v
        case 4: return Double(rng.int(0...99_999_999)) * 1e-9 + Double(rng.int(0...1000))
        case 5: return PrintfNumberTests.randomValue(&rng)
        default:
            return [0, -0.0, 2.675, 1.005, 0.125, 0.5, 1.5, 2.5, 1e15, 9.99e14, 123456789012.345, 9.999999999995,
                    5471772.99, 1e300, -1e-300, 4503599627370495.5, 0.049999999999999996, 6.78, 569.7].randomElement(using: &rng)!
        }
    }

    @Test func sameStringAsPrintf() {
        var rng = SplitMix(seed: 17)
        var fast = 0
        for _ in 0..<60_000 {
            let v = Self.value(&rng), d = rng.int(0...10)
            let f = ChineseFormatter(maxFractionDigits: 2)
            let expected = ChineseFormatter.printfNumber(v, digits: d)
            #expect(f.number(v, fractionDigits: d) == expected, "\(v) with \(d) digits")
            if DecimalDigits.rounded(abs(v), fractionDigits: d) != nil { fast += 1 }
        }
        // The fast path answers the ordinary values (over half: the rest are near-ties and huge ones by design).
        #expect(fast > 25_000)
    }

    @Test func tiesGoToPrintf() {
        // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875: printf's
        // 12 digits read 267.5 and round it up; the fast path must not decide it.
        #expect(DecimalDigits.rounded(2.675, fractionDigits: 2) == nil)
        #expect(ChineseFormatter().number(2.675) == "2.68")
        #expect(DecimalDigits.rounded(6.78, fractionDigits: 2) == "6.78")
        #expect(DecimalDigits.rounded(600, fractionDigits: 2) == "600")
        #expect(DecimalDigits.rounded(0.05, fractionDigits: 2) == "0.05")
        #expect(DecimalDigits.rounded(0.001, fractionDigits: 2) == "0")
    }
}
