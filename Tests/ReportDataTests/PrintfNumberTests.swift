import Foundation
import Testing
@testable import ReportData

/// `PrintfNumber` (the formatter's printf without Foundation) writes exactly what
/// `String(format:)` writes, for every conversion the formatter uses.
@Suite struct PrintfNumberTests {
    static let formats = ["%.12g", "%.15g"] + PrintfNumber.fixed

    /// Values of every magnitude, decimals as typed in CSVs, halves, and the edges.
    static func randomValue(_ rng: inout some RandomNumberGenerator) -> Double {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return Double.random(in: -1e6...1e6, using: &rng)
        case 1: return Double(Int.random(in: -10_000_000...10_000_000, using: &rng)) / [1, 10, 100, 1000, 8].randomElement(using: &rng)!
        case 2: return Double(sign: .plus, exponent: Int.random(in: -40...80, using: &rng), significand: Double.random(in: 1..<2, using: &rng))
        case 3: return Double(Int.random(in: 0...100_000, using: &rng)) + 0.5
        default: return [0, -0.0, 2.675, 1.005, 0.125, 1e15, 123456789012.345, 9.999999999995, 5471772.99, 1e300, -1e-300].randomElement(using: &rng)!
        }
    }

    @Test func sameDigitsAsStringFormat() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let v = Self.randomValue(&rng), f = Self.formats.randomElement(using: &rng)!
            let expected = String(format: f, v)
            #expect(PrintfNumber.string(f, v) == expected, "\(f) of \(v)")
        }
    }

    @Test func longOutputsAreWrittenInFull() {
        // %f of 1e300 is 301 digits and more with decimals: past the stack buffer.
        for f in PrintfNumber.fixed {
            #expect(PrintfNumber.string(f, 1e300) == String(format: f, 1e300))
            #expect(PrintfNumber.string(f, -Double.greatestFiniteMagnitude) == String(format: f, -Double.greatestFiniteMagnitude))
        }
    }
}
