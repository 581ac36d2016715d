import CFixedPrintf
@testable import ReportRender
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// cairo's numbers ("%f", "%.18f", "%.*f" through `__snprintf_chk`) printed by fixed_printf.c are
/// glibc's bytes: over random doubles of every kind, at every precision the fast path takes, and
/// through the interposed symbol itself (the one the dynamic linker gives cairo).
@Suite struct FixedPrintfTests {
    /// glibc's own answer: `vsnprintf` is not interposed.
    static func glibc(_ format: String, _ args: CVarArg...) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        _ = withVaList(args) { vsnprintf(&buffer, buffer.count, format, $0) }
        return String(cString: buffer)
    }

    static func fast(_ d: Double, _ precision: Int32) -> String? {
        var out = [CChar](repeating: 0, count: 64)
        guard report_fixed_format(&out, d, precision) >= 0 else { return nil }
        return String(cString: out)
    }

    /// Doubles of the kinds cairo prints and the hard ones: random bit patterns, point
    /// coordinates on 1/128 pt (ties at six decimals), decimals, values near 0.1 and below
    /// (cairo's "%.18f"), powers of two down to the subnormals, x.xxxxxx5 neighbours, ±0.
    static func sample(_ rng: inout SplitMix, _ i: Int) -> Double {
        switch i % 8 {
        case 0: return Double(bitPattern: rng.next())
        case 1: return Double(rng.int(4_000_000)) / 128 - 15_000
        case 2: return Double(rng.int(100_000_000)) / 1e6
        case 3: return Double(sign: .plus, exponent: -rng.int(0...120), significand: 1 + Double(rng.int(1 << 30)) / Double(1 << 30))
        case 4: return Double(rng.int(2_000_000)) * 0.000_000_5 * (rng.int(2) == 0 ? 1 : -1)
        case 5: return Double(sign: rng.int(2) == 0 ? .plus : .minus, exponent: -rng.int(0...1100), significand: 1)
        case 6: return (Double(rng.int(1_000_000)) + 0.5) / 1e6
        default: return [0.0, -0.0, 0.1, 0.09999999999999999, 1e15, 4503599627370495.5, -1e-300][rng.int(7)]
        }
    }

    @Test func everyPrecisionMatchesGlibc() {
        var rng = SplitMix(seed: 0xF1ED)
        var checked = 0
        for i in 0..<60_000 {
            let d = Self.sample(&rng, i)
            let precision = Int32(i % 19)
            guard let ours = Self.fast(d, precision) else {
                // Outside the fast path only what it declines: non-finite, 2^52 and above.
                #expect(!d.isFinite || abs(d) >= 4503599627370496.0, "declined \(d)")
                continue
            }
            checked += 1
            #expect(ours == Self.glibc("%.*f", precision, d), "\(d) at \(precision) decimals")
        }
        #expect(checked > 50_000)
    }

    @Test func theInterposedSymbolIsTheOneResolved() {
        // The global scope (the executable first, then libc): where cairo's reference is bound.
        let process = dlopen(nil, RTLD_NOW)
        let resolved = dlsym(process, "__snprintf_chk")
        #expect(resolved != nil)
        #expect(resolved.map { UnsafeRawPointer($0) } == report_fixed_snprintf_address())
    }

    /// snprintf's contract through the interposed function: the full length returned, the text
    /// cut to the buffer with a terminator, other formats and the declined values left to glibc.
    @Test func snprintfContract() {
        var rng = SplitMix(seed: 7)
        for i in 0..<5_000 {
            let d = Self.sample(&rng, i)
            let precision = Int32(i % 19)
            let expected = Self.glibc("%.*f", precision, d)
            for size in [0, 1, 5, 64, 400] {
                var out = [CChar](repeating: 0x7F, count: 401)
                let n = report_fixed_snprintf_probe(&out, size, d, precision)
                #expect(Int(n) == expected.utf8.count)
                if size > 0 {
                    #expect(String(cString: out) == String(expected.prefix(size - 1)))
                } else {
                    #expect(out[0] == 0x7F, "nothing written into a zero-sized buffer")
                }
            }
            var g = [CChar](repeating: 0, count: 64)
            _ = report_fixed_snprintf_other(&g, 64, d)
            #expect(String(cString: g) == Self.glibc("%g", d))
        }
        for d in [Double.nan, .infinity, -.infinity, 1e300] {
            var out = [CChar](repeating: 0, count: 400)
            _ = report_fixed_snprintf_probe(&out, 400, d, 6)
            #expect(String(cString: out) == Self.glibc("%.*f", Int32(6), d))
        }
    }

    /// The table-driven UTF-16 hex of PDF text strings equals the per-unit `String(radix:)` form.
    @Test func textStringHexMatchesRadixForm() {
        func reference(_ s: String) -> String {
            var hex = "<FEFF"
            for unit in s.utf16 {
                let digits = String(unit, radix: 16, uppercase: true)
                hex += String(repeating: "0", count: 4 - digits.count) + digits
            }
            return hex + ">"
        }
        var rng = SplitMix(seed: 11)
        let alphabet: [Character] = ["临", "平", "区", "亿", "元", "a", "(", ")", "\\", "😀", "\u{7}", "é", "\u{FFFD}", " ", "9"]
        for _ in 0..<2_000 {
            let s = String((0..<rng.int(0...40)).map { _ in rng.pick(alphabet) })
            let expected = s.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F })
                ? PDFAccessibility.literal(s) : reference(s)
            #expect(PDFAccessibility.textString(s) == expected)
        }
    }
}
