import Foundation
import Testing

/// Every public type of the library (struct, enum, class, protocol, actor, typealias, nested ones
/// too) and every public function carries a `///` documentation comment: the `ReportRenderer`
/// product is read by people who only see its interface. Scans Sources/ as text; attributes
/// (`@frozen`, `@available(...)`) between the comment and the declaration are allowed. Functions
/// that implement a protocol's requirement (`encode(to:)`, `<`, `==`, `hash(into:)`,
/// `TextMeasurer.measure`) are documented by the protocol; initialisers are not checked.
@Suite struct PublicDocCommentTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// `public` (and modifiers), a type keyword, a name.
    static var declaration: Regex<(Substring, Substring, Substring)> { /^\s*(?:@\w+(?:\([^)]*\))?\s+)*public\s+(?:(?:final|indirect)\s+)*(struct|enum|class|protocol|actor|typealias)\s+(\w+)/ }

    /// `public` (and modifiers), `func`, a name (an operator too).
    static var function: Regex<(Substring, Substring, Substring)> { /^\s*(?:@\w+(?:\([^)]*\))?\s+)*public\s+(?:(?:static|class|final|override|mutating|nonisolated)\s+)*(func)\s+([^\s(<]+)/ }
    /// Protocol requirements, documented where the protocol declares them.
    static let requirements: Set<Substring> = ["encode", "<", "==", "hash", "measure"]

    /// `path:line: kind name` of every public type or function declaration without a doc comment above it.
    static func undocumented(in text: String, path: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var found: [String] = []
        for (i, line) in lines.enumerated() {
            guard let m = line.firstMatch(of: declaration)
                    ?? line.firstMatch(of: function).flatMap({ requirements.contains($0.2) ? nil : $0 }) else { continue }
            var j = i - 1
            while j >= 0, lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("@") { j -= 1 }
            let above = j >= 0 ? lines[j].trimmingCharacters(in: .whitespaces) : ""
            if !(above.hasPrefix("///") || above.hasSuffix("*/")) {
                found.append("\(path):\(i + 1): \(m.1) \(m.2)")
            }
        }
        return found
    }

    @Test func everyPublicTypeIsDocumented() throws {
        let files = try #require(FileManager.default.enumerator(atPath: Self.sources.path))
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files.count > 50, "Sources/ not found at \(Self.sources.path)")
        var missing: [String] = []
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            missing += Self.undocumented(in: text, path: "Sources/" + file)
        }
        #expect(missing.isEmpty, "public types and functions without a /// comment:\n\(missing.joined(separator: "\n"))")
    }

    /// The scanner itself: it must see nested, attributed and modified declarations.
    @Test func scannerFindsUndocumentedDeclarations() {
        let text = """
            /// Documented.
            public struct A {
                public enum B { case x }
                /// Documented.
                @frozen public enum C { case y }
            }
            @available(*, deprecated)
            public final class D {}
            public typealias E = Int
            /// Documented.
            @available(*, deprecated)
            public indirect enum F { case z }
            extension A {
                public static func g() {}
                /// Documented.
                @discardableResult public mutating func h() -> Int { 1 }
                public func encode(to encoder: any Encoder) throws {}
                public static func < (a: A, b: A) -> Bool { true }
            }
            """
        #expect(Self.undocumented(in: text, path: "t") == ["t:3: enum B", "t:8: class D", "t:9: typealias E", "t:14: func g"])
    }
}
