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

/// Charts and sections bound side by side give exactly what binding them one after the other
/// gives: the problems (text, position, order), the bound texts, tables and charts, for the
/// default template and 300 randomly edited copies of it (typos, and placeholders and digits
/// typed into titles, captions and prose).
@Suite(.serialized) struct SideBySideBindingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ dir: URL, sideBySide: Bool) -> BoundTemplate {
        TemplateBinding.sideBySide.withLock { $0 = sideBySide }
        defer { TemplateBinding.sideBySide.withLock { $0 = true } }
        return TemplateLoader.load(template: dir)
    }

    @Test func sameBindingEitherWay() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rr-side-by-side-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Templates/linping-annual"), to: dir)
        let yaml = dir.appendingPathComponent("report.yaml")
        let original = TemplateFuzzTests.original
        var rng = SystemRandomNumberGenerator()
        var withProblems = 0
        for n in 0..<300 {
            var text = original
            if n > 0 {
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    if Bool.random(using: &rng) { text = TemplateFuzzTests.mutate(text, &rng); continue }
                    // A placeholder or a number typed into some quoted text.
                    let inserts = ["{{nope}}", "{{counts.x}}", " 1234 ", "{{#a}}", "{{value}}", "2022年"]
                    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    let quoted = lines.indices.filter { lines[$0].contains(": \"") || lines[$0].contains("text:") }
                    guard let i = quoted.randomElement(using: &rng), let colon = lines[i].range(of: ": ") else { continue }
                    lines[i].insert(contentsOf: inserts.randomElement(using: &rng)!, at: lines[i].index(colon.upperBound, offsetBy: min(2, lines[i].distance(from: colon.upperBound, to: lines[i].endIndex))))
                    text = lines.joined(separator: "\n")
                }
            }
            try Data(text.utf8).write(to: yaml)
            let a = Self.load(dir, sideBySide: false), b = Self.load(dir, sideBySide: true)
            if !a.diagnostics.isEmpty { withProblems += 1 }
            #expect(a.diagnostics.map(\.description) == b.diagnostics.map(\.description), "edit \(n)")
            #expect(a.boundTexts == b.boundTexts, "edit \(n)")
            #expect(a.charts.map(\.id) == b.charts.map(\.id) && a.tables.keys.sorted() == b.tables.keys.sorted(), "edit \(n)")
            #expect(a.sections.map(\.title) == b.sections.map(\.title), "edit \(n)")
        }
        #expect(withProblems > 30)
    }
}
