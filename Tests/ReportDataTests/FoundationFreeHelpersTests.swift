import Foundation
import Testing
import TestSupport
@testable import ReportData

/// The helpers that keep Foundation's NSString and FileManager paths off a run's start
/// (`trimmingWhitespaces`, `replacingAll`, `DirectoryNames`) give what Foundation gives.
@Suite struct FoundationFreeHelpersTests {
    static let pieces = [" ", "\t", "\u{3000}", "\u{A0}", "\u{2009}", "\u{200B}", "\n", "a", "临平", "-", "−", "：", ":", ".",
                         "e\u{301}", "\u{301}", "1", "亿元", "\u{FEFF}", "\u{2060}", "x-y", "--"]

    static func random(_ rng: inout SplitMix) -> String {
        (0..<Int(rng.next() % 7)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
    }

    @Test func trimmingMatchesFoundationsWhitespaces() {
        var rng = SplitMix(seed: 0x7e11)
        for _ in 0..<5_000 {
            let s = Self.random(&rng)
            #expect(s.trimmingWhitespaces == s.trimmingCharacters(in: .whitespaces), "\(s.unicodeScalars.map { $0.value })")
            let sub = ("«" + s + "»").dropFirst().dropLast()
            #expect(sub.trimmingWhitespaces == sub.trimmingCharacters(in: .whitespaces))
        }
    }

    /// Every scalar of the Basic Multilingual Plane, alone and between letters, as Foundation trims it.
    @Test func everyBMPScalarIsTrimmedAsFoundationTrimsIt() {
        for v in 0...0xFFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let s = String(Character(u))
            #expect(s.trimmingWhitespaces == s.trimmingCharacters(in: .whitespaces), "U+\(String(v, radix: 16))")
        }
    }

    /// The characters the code replaces (and a letter that combines), against Foundation.
    @Test func replacingMatchesFoundationForTheTargetsUsed() {
        var rng = SplitMix(seed: 0x4e91)
        for _ in 0..<5_000 {
            let s = Self.random(&rng)
            for (t, r) in [("−", "-"), (".", "-"), ("-", "_"), ("：", ":"), ("e", "é")] as [(Character, String)] {
                #expect(s.replacingAll(t, with: r) == s.replacingOccurrences(of: String(t), with: r), "\(s) \(t)")
            }
        }
    }

    @Test func directoryNamesMatchFileManager() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("dirnames-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        for name in ["a.csv", "b.yaml", ".hidden", "临平.csv", "sp ace.txt"] {
            try Data("x".utf8).write(to: dir.appendingPathComponent(name))
        }
        try fm.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: false)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("link").path, withDestinationPath: "a.csv")
        let link = dir.appendingPathComponent("dirlink").path
        try fm.createSymbolicLink(atPath: link, withDestinationPath: dir.appendingPathComponent("sub").path)
        #expect(DirectoryNames.list(dir.path).sorted() == (try fm.contentsOfDirectory(atPath: dir.path)).sorted())
        #expect(DirectoryNames.list(link) == (try fm.contentsOfDirectory(atPath: link)))
        #expect(DirectoryNames.list(dir.appendingPathComponent("missing").path).isEmpty)
        #expect(DirectoryNames.list(dir.appendingPathComponent("a.csv").path).isEmpty)
        #expect(DirectoryNames.list(dir.appendingPathComponent("sub").path).isEmpty)
    }
}
