import Foundation
import Testing
@testable import ReportPipeline

/// The manifest's own JSON writer: whatever the strings hold, `JSONDecoder` reads back the
/// manifest that was written, and the bytes depend only on the content.
@Suite struct ManifestJSONTests {
    static let alphabet: [String] = ["a", "Z", "0", "9", "-", "/", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}",
                                     "\u{7F}", "é", "临", "平", "亿元", "\u{2028}", "\u{FEFF}", "😀", "👩‍👩‍👧", " ", "{", "}", ":", ","]

    static func text(_ rng: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
    }

    static func manifest(_ rng: inout some RandomNumberGenerator) -> BuildManifest {
        var m = BuildManifest(tool: text(&rng))
        for _ in 0..<Int.random(in: 0...6, using: &rng) { m.outputs[text(&rng)] = .init(inputs: text(&rng), output: text(&rng)) }
        for _ in 0..<Int.random(in: 0...6, using: &rng) { m.values[text(&rng)] = .init(label: text(&rng), display: text(&rng)) }
        if Bool.random(using: &rng) { m.quickKey = text(&rng) }
        if Bool.random(using: &rng) {
            m.fontFiles = Dictionary((0..<Int.random(in: 0...4, using: &rng)).map { _ in (text(&rng), Int.random(in: 0...Int.max, using: &rng)) }) { a, _ in a }
        }
        if Bool.random(using: &rng) { m.warnings = (0..<Int.random(in: 0...3, using: &rng)).map { _ in text(&rng) } }
        return m
    }

    @Test func randomManifestsReadBack() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let m = Self.manifest(&rng)
            let bytes = try m.encoded()
            let back = try JSONDecoder().decode(BuildManifest.self, from: Data(bytes))
            #expect(back == m, "\(String(decoding: bytes, as: UTF8.self))")
            #expect(bytes.last == 0x0A)
            // Written from the content alone: a copy built in another order gives the same bytes.
            var copy = BuildManifest(tool: m.tool)
            for k in m.outputs.keys.reversed() { copy.outputs[k] = m.outputs[k] }
            for k in m.values.keys.reversed() { copy.values[k] = m.values[k] }
            copy.quickKey = m.quickKey; copy.fontFiles = m.fontFiles; copy.warnings = m.warnings
            #expect(try copy.encoded() == bytes)
        }
    }

    /// The reader reads what the writer writes, and what `JSONEncoder` wrote before it (slashes
    /// and non-ASCII escaped, compact or pretty).
    @Test func readerReadsBothWriters() throws {
        var rng = SystemRandomNumberGenerator()
        for i in 0..<2000 {
            let m = Self.manifest(&rng)
            #expect(ManifestReader.decode(try m.encoded()) == m)
            let enc = JSONEncoder()
            enc.outputFormatting = i % 2 == 0 ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : []
            #expect(ManifestReader.decode(Array(try enc.encode(m))) == m)
        }
        let escaped = #"{"tool":"a\/b\u00e9\ud83d\ude00\n","outputs":{},"values":{},"quickKey":null,"extra":[1,2.5e3,true,{"x":null}]}"#
        #expect(ManifestReader.decode(Array(escaped.utf8)) == BuildManifest(tool: "a/bé😀\n"))
    }

    /// Damaged manifests: whatever the reader accepts, `JSONDecoder` reads the same way; most
    /// damage is refused (the run then rebuilds everything).
    @Test func damagedManifestsAreRefusedOrReadAsJSONDecoderReadsThem() throws {
        var rng = SystemRandomNumberGenerator()
        let noise: [UInt8] = Array(#"{}[]":,\u0aZ-1.e+ \#n"#.utf8) + [0x00, 0xFF, 0xC3, 0xA9, 0xE4]
        for _ in 0..<3000 {
            var bytes = try Self.manifest(&rng).encoded()
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[i] = noise.randomElement(using: &rng)!
                case 1: bytes.remove(at: i)
                default: bytes = Array(bytes.prefix(i))
                }
                if bytes.isEmpty { break }
            }
            if let mine = ManifestReader.decode(bytes) {
                let theirs = try? JSONDecoder().decode(BuildManifest.self, from: Data(bytes))
                #expect(theirs == mine, "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }

    /// A key twice in one object (a damaged file: the writer never repeats one) is refused, also
    /// when the two spellings differ only in Unicode normalisation.
    @Test func repeatedKeysAreRefused() {
        let twice = #"{"tool":"a","outputs":{"x":{"inputs":"1","output":"2"},"x":{"inputs":"3","output":"4"}},"values":{}}"#
        #expect(ManifestReader.decode(Array(twice.utf8)) == nil)
        let top = #"{"tool":"a","tool":"b","outputs":{},"values":{}}"#
        #expect(ManifestReader.decode(Array(top.utf8)) == nil)
        let nfc = "{\"tool\":\"a\",\"outputs\":{\"\u{e9}\":{\"inputs\":\"1\",\"output\":\"2\"},\"e\u{301}\":{\"inputs\":\"3\",\"output\":\"4\"}},\"values\":{}}"
        #expect(ManifestReader.decode(Array(nfc.utf8)) == nil)
        let once = #"{"tool":"a","outputs":{"x":{"inputs":"1","output":"2"}},"values":{}}"#
        #expect(ManifestReader.decode(Array(once.utf8))?.outputs.count == 1)
    }

    /// The manifest read before the lock is reused under it only while the file holds the same bytes.
    @Test func anEarlierReadIsReusedOnlyForTheSameBytes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rr-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent(BuildManifest.fileName)
        try Data(try BuildManifest(tool: "a").encoded()).write(to: file)
        let bytes = BuildManifest.bytes(in: dir), first = bytes.flatMap(ManifestReader.decode)
        #expect(first?.tool == "a")
        // A stand-in decoded value shows whether the earlier read was reused.
        #expect(BuildManifest.load(from: dir, earlierBytes: bytes, earlier: BuildManifest(tool: "reused"))?.tool == "reused")
        try Data(try BuildManifest(tool: "b").encoded()).write(to: file)
        #expect(BuildManifest.load(from: dir, earlierBytes: bytes, earlier: first)?.tool == "b")
        try FileManager.default.removeItem(at: file)
        #expect(BuildManifest.load(from: dir, earlierBytes: bytes, earlier: first) == nil)
    }

    @Test func shapeIsIndentedJSONWithSortedKeys() throws {
        var m = BuildManifest(tool: "ReportRenderer 0.1.0")
        m.outputs["report.pdf"] = .init(inputs: "i", output: "o")
        m.outputs["charts/a.svg"] = .init(inputs: "j", output: "p")
        m.values["x"] = .init(label: "村级\"收入\"", display: "6.78亿元")
        m.warnings = []
        let text = String(decoding: try m.encoded(), as: UTF8.self)
        #expect(text == """
        {
          "outputs" : {
            "charts/a.svg" : {
              "inputs" : "j",
              "output" : "p"
            },
            "report.pdf" : {
              "inputs" : "i",
              "output" : "o"
            }
          },
          "tool" : "ReportRenderer 0.1.0",
          "values" : {
            "x" : {
              "display" : "6.78亿元",
              "label" : "村级\\"收入\\""
            }
          },
          "warnings" : []
        }

        """)
    }
}
