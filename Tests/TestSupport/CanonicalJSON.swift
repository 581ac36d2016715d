import Foundation

/// A stable text form of any `Encodable` value, for golden files and fingerprints: keys sorted,
/// one value per line, every number rounded to 0.01 (so a change below a hundredth of a point
/// is not a layout change, and float noise never is). Strings are kept exactly.
public enum CanonicalJSON {
    public static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let raw = String(decoding: try encoder.encode(value), as: UTF8.self)
        return roundNumbers(raw) + "\n"
    }

    /// Rewrites every number token outside strings; strings are copied byte for byte.
    static func roundNumbers(_ json: String) -> String {
        var out = "", number = ""
        var inString = false, escaped = false
        func flush() {
            guard !number.isEmpty else { return }
            out += Double(number).map(format) ?? number
            number = ""
        }
        for c in json {
            if inString {
                out.append(c)
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "-" || c.isASCII && c.isNumber
                        || !number.isEmpty && (c == "+" || c == "." || c == "e" || c == "E") {
                number.append(c)
            } else {
                flush()
                if c == "\"" { inString = true }
                out.append(c)
            }
        }
        flush()
        return out
    }

    /// Rounded to 0.01, trailing zeros dropped, never "-0".
    public static func format(_ v: Double) -> String {
        guard v.isFinite else { return String(v) }
        let cents = (v * 100).rounded()
        if cents == 0 { return "0" }
        let negative = cents < 0
        let m = Int64(abs(cents))
        var s = String(m / 100)
        let frac = m % 100
        if frac != 0 {
            s += frac % 10 == 0 ? ".\(frac / 10)" : (frac < 10 ? ".0\(frac)" : ".\(frac)")
        }
        return negative ? "-" + s : s
    }
}

/// Golden files: `assertMatches` compares a text with a file in the repository and, with
/// RECORD_SNAPSHOTS=1 in the environment, writes the text there instead.
public enum GoldenFile {
    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// nil when `actual` matches the file (or was recorded); otherwise a message with a unified diff.
    public static func mismatch(_ actual: String, file: URL) throws -> String? {
        let fm = FileManager.default
        if recording {
            try fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return "\(file.path): no golden file; record it with RECORD_SNAPSHOTS=1 (make snapshots)"
        }
        if expected == actual { return nil }
        return "\(file.path) differs from the scene (re-record with `make snapshots` if the change is intended):\n"
            + (try diff(expected, actual, name: file.lastPathComponent))
    }

    /// `diff -u` of the two texts, cut to 80 lines.
    static func diff(_ expected: String, _ actual: String, name: String) throws -> String {
        let tmp = try TempDir(prefix: "golden")
        let a = tmp.file("expected-" + name), b = tmp.file("actual-" + name)
        try expected.write(to: a, atomically: true, encoding: .utf8)
        try actual.write(to: b, atomically: true, encoding: .utf8)
        let out = try ExternalTool.run("diff", ["-u", a.path, b.path])
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let shown = lines.prefix(80).joined(separator: "\n")
        return lines.count > 80 ? shown + "\n… \(lines.count - 80) more diff lines" : shown
    }
}
