import Foundation
import Testing
@testable import ReportData

/// Inputs the libFuzzer targets crashed on (kept in Fuzz/Regressions/<target>/), each replayed
/// through the code that crashed and expected to give a diagnostic instead.
@Suite struct FuzzRegressionTests {
    static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/Regressions")

    static func inputs(_ target: String) throws -> [(name: String, text: String)] {
        let dir = regressions.appendingPathComponent(target)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        return try names.map { ($0, String(decoding: try Data(contentsOf: dir.appendingPathComponent($0)), as: UTF8.self)) }
    }

    /// FuzzFormula: an argument that is only ":" split into no parts and was indexed anyway.
    @Test func formulaWithEmptyArgumentIsASyntaxError() throws {
        for text in ["f(:)", "ratio(:)", "sum(a, :)", "=\u{44F}\u{7DF}(:)", "growth_rate(current: a, :)"] {
            guard case .failure(.syntax) = Formula.parse(text) else {
                Issue.record("\(text.debugDescription) parsed"); continue
            }
        }
    }

    @Test func recordedFormulaCrashesParseToErrors() throws {
        let inputs = try Self.inputs("formula")
        #expect(!inputs.isEmpty)
        for (name, text) in inputs {
            if case .success(let f) = Formula.parse(text) { Issue.record("\(name) parsed as \(f)") }
        }
    }
}
