import Testing
import TestSupport
import Yams
@testable import ReportData

/// `PlainNumber`'s fast paths read every scalar exactly as Yams' own constructors do: the
/// edge cases YAML 1.1 gives meaning to, and thousands of random scalars over the characters
/// that matter.
@Suite struct PlainNumberTests {
    static let edges = ["0", "-0", "+0", "00", "5", "+5", "-5", "012", "-012", "0o17", "0x10", "0b101",
                        "1_000", "1:30", "-1:30", "9223372036854775807", "9223372036854775808",
                        "-9223372036854775808", "", "-", "+", "1.", ".5", "1e5", "1E5", "1e", "e5",
                        "1.5e-3", "-.5", "+1.5", ".inf", "-.inf", ".nan", ".NaN", "1.2.3", "--1", "1-",
                        "1e+5", "٣", "１２", " 5", "5 ", "1,000", "2022-12", "2022-12-05", "abc", "inf", "-inf", "nan",
                        "infinity", ".INF", "+.Inf", "-.iNf", ".NAN", "0x1p3", "1e400", "年", "5月", "0.5", "-0.0"]

    @Test func edgeCasesMatchYams() {
        for s in Self.edges { expectSame(s) }
    }

    @Test func randomScalarsMatchYams() {
        var rng = SplitMix(seed: 0x5eed)
        let alphabet = Array("0123456789-+._eE:x".utf8)
        for _ in 0..<5000 {
            let n = Int(rng.next() % 8)
            let bytes = (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            expectSame(String(decoding: bytes, as: UTF8.self))
        }
        // Non-numbers too (dates, words, the specials in any case): each is read as Yams reads it.
        let pieces = ["0", "1", "9", "-", "+", ".", "e", "E", "_", ":", "x", "p", "inf", "INF", "nan", "NaN", "i", "n", "f",
                      "a", "年", "月", " ", "2022", "12", "٣"]
        for _ in 0..<5000 {
            let n = Int(rng.next() % 6)
            expectSame((0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
    }

    @Test func quotedScalarsGoToYams() {
        for style in [Node.Scalar.Style.singleQuoted, .doubleQuoted, .literal, .folded] {
            for s in ["5", "012", "1.5"] { expectSame(s, style: style) }
        }
    }

    private func expectSame(_ s: String, style: Node.Scalar.Style = .plain, sourceLocation: SourceLocation = #_sourceLocation) {
        let scalar = Node.Scalar(s, .implicit, style)
        #expect(PlainNumber.integer(scalar, Int.construct) == Int.construct(from: scalar), "Int \(s)", sourceLocation: sourceLocation)
        #expect(PlainNumber.integer(scalar, Int8.construct) == Int8.construct(from: scalar), "Int8 \(s)", sourceLocation: sourceLocation)
        #expect(PlainNumber.integer(scalar, UInt.construct) == UInt.construct(from: scalar), "UInt \(s)", sourceLocation: sourceLocation)
        let fast = PlainNumber.double(scalar, Double.construct), yams = Double.construct(from: scalar)
        #expect(fast == yams || (fast?.isNaN == true && yams?.isNaN == true), "Double \(s)", sourceLocation: sourceLocation)
        let fastF = PlainNumber.double(scalar, Float.construct), yamsF = Float.construct(from: scalar)
        #expect(fastF == yamsF || (fastF?.isNaN == true && yamsF?.isNaN == true), "Float \(s)", sourceLocation: sourceLocation)
    }
}

