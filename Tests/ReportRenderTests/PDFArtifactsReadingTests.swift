import Foundation
@testable import ReportRender
import TestSupport
import Testing

/// The content-stream reader (raw buffer, byte-class table) reads exactly as the plain reader it
/// replaced, kept here as the reference; inflate undoes deflate for slices anywhere in a file.
@Suite struct PDFArtifactsReadingTests {
    /// The reader before the raw-buffer one: checked indexing, `PDFSyntax` class tests.
    static func referenceOperations(_ b: [UInt8]) -> [[Int]]? {
        func isOperand(_ word: ArraySlice<UInt8>) -> Bool {
            let c = word.first!
            if (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".") { return true }
            return word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8) || word.elementsEqual("null".utf8)
        }
        let bi = PDFArtifacts.Operation.code(of: Array("BI".utf8)[...]), id = PDFArtifacts.Operation.code(of: Array("ID".utf8)[...])
        var ops: [[Int]] = []
        var i = 0, start: Int?
        while i < b.count {
            let c = b[i]
            if PDFSyntax.isSpace(c) { i += 1; continue }
            if c == UInt8(ascii: "%") {
                while i < b.count, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
                continue
            }
            let tokenStart = i
            switch c {
            case UInt8(ascii: "("):
                var nesting = 0
                repeat {
                    if b[i] == UInt8(ascii: "\\") { i += 1 } else if b[i] == UInt8(ascii: "(") { nesting += 1 } else if b[i] == UInt8(ascii: ")") { nesting -= 1 }
                    i += 1
                } while i < b.count && nesting > 0
                if nesting > 0 { return nil }
            case UInt8(ascii: "<") where i + 1 < b.count && b[i + 1] == UInt8(ascii: "<"): i += 2
            case UInt8(ascii: ">") where i + 1 < b.count && b[i + 1] == UInt8(ascii: ">"): i += 2
            case UInt8(ascii: "<"):
                while i < b.count, b[i] != UInt8(ascii: ">") { i += 1 }
                i += 1
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"): i += 1
            case UInt8(ascii: "/"):
                i += 1
                while i < b.count, !PDFSyntax.isSpace(b[i]), !PDFSyntax.isDelimiter(b[i]) { i += 1 }
            default:
                while i < b.count, !PDFSyntax.isSpace(b[i]), !PDFSyntax.isDelimiter(b[i]) { i += 1 }
                if i == tokenStart { return nil }
                if !isOperand(b[tokenStart..<i]) {
                    let code = PDFArtifacts.Operation.code(of: b[tokenStart..<i])
                    if code == bi || code == id { return nil }
                    ops.append([start ?? tokenStart, i, Int(code)])
                    start = nil
                    continue
                }
            }
            if start == nil { start = tokenStart }
        }
        return start == nil ? ops : nil
    }

    /// Content-stream-like text from Cairo's vocabulary plus stray delimiters, escapes, comments,
    /// unbalanced strings and random bytes, so both readers meet every branch and every failure.
    static func randomContent(_ rng: inout SplitMix) -> [UInt8] {
        let words = ["q", "Q", "0.5", "-12.25", "+3", ".5", "true", "false", "null", "re", "f", "f*", "S", "c", "m", "l", "h",
                     "BT", "ET", "Tj", "TJ", "Tf", "Tm", "BDC", "BMC", "EMC", "/P", "/Artifact", "/Span", "<<", ">>",
                     "/MCID", "7", "<feff2060>", "<00a1>", "(a)", "(b\\)c)", "((n) e)", "[", "]", "{", "}", "%c\n",
                     "BI", "ID", "(open", ")", ">", "<", "\\", "'", "\"", "longword", "/f-0-0", "rg", "RG", "cm"]
        var out: [UInt8] = []
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
            if Int.random(in: 0..<20, using: &rng) == 0 {
                out.append(UInt8.random(in: 0...255, using: &rng))
            } else {
                out += Array(words[Int.random(in: 0..<words.count, using: &rng)].utf8)
            }
            if Int.random(in: 0..<5, using: &rng) > 0 { out.append([0x20, 0x0A, 0x0D, 0x09, 0x0C, 0][Int.random(in: 0..<6, using: &rng)]) }
        }
        return out
    }

    @Test func readsAsTheReferenceReaderOnRandomStreams() {
        var rng = SplitMix(seed: 0x5eed_0c05)
        var read = 0
        for _ in 0..<20_000 {
            let content = Self.randomContent(&rng)
            let ops = PDFArtifacts.operations(content).map { $0.map { [$0.start, $0.end, Int($0.code)] } }
            let reference = Self.referenceOperations(content)
            #expect(ops == reference, "\(String(decoding: content, as: UTF8.self).debugDescription)")
            if reference != nil { read += 1 }
        }
        // Both outcomes were exercised, not just failures.
        #expect(read > 2_000 && read < 19_000, "\(read)")
    }

    @Test func inflateUndoesDeflateForSlicesAnywhere() throws {
        var rng = SplitMix(seed: 42)
        for _ in 0..<40 {
            let content = (0..<Int.random(in: 0...200_000, using: &rng)).map { _ in UInt8.random(in: 0x20...0x40, using: &rng) }
            let packed = try #require(PDFArtifacts.deflate(content))
            let pad = Int.random(in: 0...9, using: &rng)
            let file = Array(repeating: UInt8(0x25), count: pad) + packed + Array("endstream".utf8)
            #expect(PDFArtifacts.inflate(file[pad..<(pad + packed.count)]) == content)
        }
        #expect(PDFArtifacts.inflate(Array("not zlib".utf8)[...]) == nil)
    }
}
