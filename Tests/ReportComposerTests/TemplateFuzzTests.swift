import Foundation
import Testing
@testable import ReportComposer
import ReportData

/// Property: whatever a typo does to report.yaml, decoding never crashes, and every problem is
/// reported inside the file, in the user's words.
@Suite struct TemplateFuzzTests {
    static let original: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("Templates/linping-annual/report.yaml"), encoding: .utf8)) ?? ""
    }()

    /// One random edit of the kind a hurried user makes.
    static func mutate(_ text: String, _ rng: inout some RandomNumberGenerator) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i = Int.random(in: 0..<lines.count, using: &rng)
        let noise: [Character] = [":", "-", "[", "]", "{", "}", "#", "'", "\"", " ", "a", "1", "\t", "\u{0}", "\u{200B}", "é", "."]
        var chars = Array(lines[i])
        switch Int.random(in: 0..<6, using: &rng) {
        case 0 where !chars.isEmpty: chars.remove(at: Int.random(in: 0..<chars.count, using: &rng))
        case 1: chars.insert(noise.randomElement(using: &rng)!, at: Int.random(in: 0...chars.count, using: &rng))
        case 2 where !chars.isEmpty: chars[Int.random(in: 0..<chars.count, using: &rng)] = noise.randomElement(using: &rng)!
        case 3: lines.insert(lines[i], at: i)
        case 4: lines.swapAt(i, Int.random(in: 0..<lines.count, using: &rng))
        default: lines[i] = String(repeating: " ", count: Int.random(in: 0...6, using: &rng)) + lines[i].trimmingCharacters(in: .whitespaces)
        }
        if Int.random(in: 0..<6, using: &rng) != 3 { lines[i] = String(chars) }
        return lines.joined(separator: "\n")
    }

    @Test func randomTyposAreReportedInsideTheFile() {
        #expect(!Self.original.isEmpty)
        var rng = SystemRandomNumberGenerator()
        var reported = 0
        for _ in 0..<600 {
            var text = Self.original
            for _ in 0..<Int.random(in: 1...3, using: &rng) { text = Self.mutate(text, &rng) }
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let (value, diags) = YAMLLoader.decodeAll(TemplateFile.self, data: Data(text.utf8), file: "report.yaml")
            #expect(value != nil || !diags.isEmpty, "decoding stopped without saying why")
            for d in diags {
                reported += 1
                #expect((1...lineCount + 1).contains(d.line) && d.column >= 1, "\(d) outside the file")
                for word in ["Swift.", "Cannot initialize", "DecodingError", "codingPath", "Optional("] {
                    #expect(!d.message.contains(word), "Swift's words: \(d)")
                }
            }
        }
        #expect(reported > 50)
    }
}
