import Foundation
@testable import ReportRender
import ReportScene
import TestSupport
import Testing

/// Content outside every structure element becomes `/Artifact BMC … EMC`; the drawing operators
/// themselves never change.
@Suite struct PDFArtifactsTests {
    static func ops(_ s: String) -> [String] { PDFArtifacts.operations(Array(s.utf8))!.map(\.name) }

    /// Marked-content depth of every painting operator.
    static func paintDepths(_ content: [UInt8]) -> [(String, Int)] {
        var depth = 0, out: [(String, Int)] = []
        for op in PDFArtifacts.operations(content) ?? [] {
            switch op.name {
            case "BDC", "BMC": depth += 1
            case "EMC": depth -= 1
            case "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Tj", "TJ", "'", "\"", "Do", "sh": out.append((op.name, depth))
            default: break
            }
        }
        return out
    }

    @Test func unmarkedRunsBecomeArtifacts() throws {
        let content = "q 0 0 10 10 re f\n/P << /MCID 0 >> BDC BT (a) Tj ET EMC\n1 w 0 0 m 5 5 l S Q"
        let out = String(decoding: try #require(PDFArtifacts.wrap(Array(content.utf8))), as: UTF8.self)
        #expect(out == "/Artifact BMC\nq 0 0 10 10 re f\nEMC\n/P << /MCID 0 >> BDC BT (a) Tj ET EMC\n/Artifact BMC\n1 w 0 0 m 5 5 l S Q\nEMC")
    }

    @Test func aLigatureSpanInAHeaderStaysInsideTheArtifact() throws {
        let content = "BT (x) Tj /Span << /ActualText <FEFF00660069> >> BDC (y) Tj EMC (z) Tj ET"
        let out = String(decoding: try #require(PDFArtifacts.wrap(Array(content.utf8))), as: UTF8.self)
        #expect(out == "/Artifact BMC\n" + content + "\nEMC")
    }

    @Test func emptyWordJoinerSpansAreDropped() throws {
        let content = "/P << /MCID 0 >> BDC BT (6) Tj /Span << /ActualText <feff2060> >> BDC\nEMC (.78) Tj ET EMC"
        let out = String(decoding: try #require(PDFArtifacts.droppingJoinerSpans(Array(content.utf8))), as: UTF8.self)
        #expect(out == "/P << /MCID 0 >> BDC BT (6) Tj  (.78) Tj ET EMC")
        // A span with content (a ligature's ActualText) stays.
        let ligature = "BT /Span << /ActualText <feff00660069> >> BDC (x) Tj EMC ET"
        #expect(PDFArtifacts.droppingJoinerSpans(Array(ligature.utf8)) == Array(ligature.utf8))
    }

    /// The byte comparison reads an operation as the String one did (case, white space anywhere,
    /// other spans, bytes beyond ASCII) on random operations built from the span's pieces.
    @Test func joinerSpanBytesMatchTheStringReading() {
        let pieces = ["/Span", "/span", "<<", ">>", "/ActualText", "/ACTUALTEXT", "<FEFF2060>", "<feff2060>", "<feff0066>",
                      "BDC", "bdc", " ", "\n", "\t", "\u{0C}", "\u{A0}", "\u{3000}", "é", "/MCID 3", "2060"]
        var rng = SplitMix(seed: 0x2060)
        func reference(_ s: String) -> Bool { s.lowercased().filter { !$0.isWhitespace } == "/span<</actualtext<feff2060>>>bdc" }
        var matched = 0
        for n in 0..<6_000 {
            let text = n % 3 == 0
                ? ["/Span", "<<", "/ActualText", "<FEFF2060>", ">>", "BDC"].map { $0 + pieces[11 + rng.int(6)] }.joined()
                : (0..<rng.int(9)).map { _ in pieces[rng.int(pieces.count)] }.joined()
            let bytes = Array(text.utf8)[...]
            #expect(PDFArtifacts.isJoinerSpan(bytes) == reference(text), "\(text.debugDescription)")
            if reference(text) { matched += 1 }
        }
        #expect(matched == 2_000)
        #expect(PDFArtifacts.contains(Array("<< /MCID 12 >>".utf8)[...], Array("/MCID".utf8)))
        #expect(!PDFArtifacts.contains(Array("<< /MCI D >>".utf8)[...], Array("/MCID".utf8)))
    }

    /// Dropping the spans also gives the operations of what is left, as reading it again would.
    @Test func droppedSpansKeepTheOperationsInStep() throws {
        let joiner = " /Span << /ActualText <feff2060> >> BDC\nEMC "
        for parts in [["BT (6) Tj", "(.78) Tj", "(亿元) Tj ET"], ["q 0 0 1 1 re f Q", "BT (a) Tj ET"], ["", "BT ET", ""]] {
            let content = Array(parts.joined(separator: joiner).utf8)
            let ops = try #require(PDFArtifacts.operations(content))
            let dropped = PDFArtifacts.droppingJoinerSpans(content, ops)
            let again = try #require(PDFArtifacts.operations(dropped.content))
            #expect(dropped.ops.map { [$0.start, $0.end, Int($0.code)] } == again.map { [$0.start, $0.end, Int($0.code)] }, "\(parts)")
            #expect(!String(decoding: dropped.content, as: UTF8.self).contains("feff2060"))
        }
    }

    @Test func unreadableStreamsAreLeftAlone() {
        #expect(PDFArtifacts.wrap(Array("BI /W 1 /H 1 ID \u{0}\u{1} EI".utf8)) == nil)
        #expect(PDFArtifacts.wrap(Array("BT (x) Tj /P << /MCID 0 >> BDC (y) Tj EMC ET".utf8)) == nil, "structure inside an artifact's text")
        #expect(PDFArtifacts.wrap(Array("EMC".utf8)) == nil)
        #expect(PDFArtifacts.wrap(Array("(unterminated".utf8)) == nil)
    }

    @Test func stringsWithDelimitersAreOneOperand() {
        #expect(Self.ops("BT (a\\) Tj [b] <<) Tj [(x) 3 <00FF>] TJ /Name Tf ET") == ["BT", "Tj", "TJ", "Tf", "ET"])
    }

    /// Random streams of drawing operators, tagged runs and text objects: after wrapping, every
    /// painting operator is marked and the operators other than the inserted ones are unchanged.
    @Test func numbersAndKeywordOperandsAreNotOperators() {
        #expect(Self.ops("1 0 0 -1 72.5 .25 cm +3 -0.5 m true false null d0 q Q") == ["cm", "m", "d0", "q", "Q"])
        // Operand runs end at an operator: each operation spans its operands.
        let content = Array("0.2 0 0 rg 10 20 30 40 re f".utf8)
        let spans = PDFArtifacts.operations(content)!.map { String(decoding: content[$0.start..<$0.end], as: UTF8.self) }
        #expect(spans == ["0.2 0 0 rg", "10 20 30 40 re", "f"])
    }

    @Test func randomStreamsKeepTheirOperatorsAndMarkEveryPaint() throws {
        var seed: UInt64 = 15
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let pieces = ["q", "Q", "0 0 5 5 re f", "1 0 0 1 3 4 cm", "0.5 g", "0 0 m 3 3 l S", "BT (t) Tj ET",
                      "BT [(a) -20 (b)] TJ ET", "BT (a) Tj /Span << /ActualText (fi) >> BDC (b) Tj EMC ET", "/a0 gs"]
        var mcid = 0
        for _ in 0..<2000 {
            var parts: [String] = []
            for _ in 0..<next(12) {
                if next(3) == 0 {
                    parts.append("/P << /MCID \(mcid) >> BDC \(pieces[2 + next(5)]) EMC")
                    mcid += 1
                } else {
                    parts.append(pieces[next(pieces.count)])
                }
            }
            let content = Array(parts.joined(separator: "\n").utf8)
            let out = try #require(PDFArtifacts.wrap(content), "\(parts)")
            let inserted = Set(["BMC"])
            let before = PDFArtifacts.operations(content)!.map(\.name)
            var after = PDFArtifacts.operations(out)!.map(\.name).filter { !inserted.contains($0) }
            // Remove the artifacts' own EMC: one per inserted BMC.
            let bmcCount = PDFArtifacts.operations(out)!.filter { $0.name == "BMC" }.count
            #expect(after.filter { $0 == "EMC" }.count - before.filter { $0 == "EMC" }.count == bmcCount)
            after = after.filter { $0 != "EMC" }
            #expect(after == before.filter { $0 != "EMC" })
            #expect(Self.paintDepths(out).allSatisfy { $0.1 > 0 }, "\(String(decoding: out, as: UTF8.self))")
        }
    }

    /// In a rendered file every painting operator of every page is inside marked content.
    @Test func everyPaintOfARenderedDocumentIsMarked() throws {
        let dir = try TempDir()
        let pdf = try dir.write(PDFWriter.render(PDFAccessibilityTests.document()), as: "a.pdf")
        let qdf = dir.path("a.qdf")
        #expect(try ExternalTool.run("qpdf", ["--qdf", "--object-streams=disable", pdf, qdf]).status == 0)
        let text = try Data(contentsOf: URL(fileURLWithPath: qdf))
        let s = String(decoding: text, as: UTF8.self)
        var pages = 0
        for part in s.components(separatedBy: "%% Contents for page ").dropFirst() {
            guard let start = part.range(of: "stream\n"), let end = part.range(of: "\nendstream") else { continue }
            let content = Array(part[start.upperBound..<end.lowerBound].utf8)
            let depths = Self.paintDepths(content)
            #expect(!depths.isEmpty && depths.allSatisfy { $0.1 > 0 }, "page \(pages + 1)")
            #expect(String(decoding: content, as: UTF8.self).contains("/Artifact BMC"))
            pages += 1
        }
        #expect(pages == 2)
    }
}
