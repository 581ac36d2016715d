import Foundation

/// Turns file bytes into text. Only UTF-8 is accepted (with or without BOM): spreadsheet tools on
/// Chinese Windows default to GB18030/GBK, and guessing encodings silently corrupts text, so
/// anything else is rejected with a hint pointing at the first bad byte.
enum TextDecoding {
    static func utf8(_ data: Data, file: String) -> Result<String, Diagnostic> {
        utf8Bytes(data, file: file).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The validated UTF-8 bytes without a BOM (what the streaming CSV parser reads).
    static func utf8Bytes(_ data: Data, file: String) -> Result<[UInt8], Diagnostic> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(Diagnostic(.error, file: file, line: 1, column: 1,
                "file is UTF-16; save it as UTF-8 (in Excel: \"CSV UTF-8\")"))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = firstInvalidUTF8(bytes) {
            let prefix = bytes[..<bad]
            let line = 1 + prefix.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = 1 + bytes[lineStart..<bad].reduce(0) { $0 + ($1 == 0x2C ? 1 : 0) }
            let hint = looksLikeGB18030(bytes) ? " (it looks like GB18030/GBK)" : ""
            return .failure(Diagnostic(.error, file: file, line: line, column: column,
                "file is not valid UTF-8\(hint); save it as UTF-8 (in Excel: \"CSV UTF-8\")"))
        }
        return .success(bytes)
    }

    /// Offset of the first byte that breaks UTF-8, or nil when the whole buffer is valid.
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        while i < b.count {
            let c = b[i]
            let n: Int, lo: UInt8, hi: UInt8
            switch c {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: n = 1; lo = 0x80; hi = 0xBF
            case 0xE0: n = 2; lo = 0xA0; hi = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF: n = 2; lo = 0x80; hi = 0xBF
            case 0xED: n = 2; lo = 0x80; hi = 0x9F
            case 0xF0: n = 3; lo = 0x90; hi = 0xBF
            case 0xF1...0xF3: n = 3; lo = 0x80; hi = 0xBF
            case 0xF4: n = 3; lo = 0x80; hi = 0x8F
            default: return i
            }
            // Truncated sequences point at their lead byte.
            guard i + n < b.count, (lo...hi).contains(b[i + 1]) else { return i }
            if n >= 2 { for k in 2...n { guard (0x80...0xBF).contains(b[i + k]) else { return i } } }
            i += n + 1
        }
        return nil
    }

    /// GB18030 double-byte pairs: lead 0x81–0xFE, trail 0x40–0xFE (not 0x7F).
    static func looksLikeGB18030(_ b: [UInt8]) -> Bool {
        var i = 0, pairs = 0
        while i < b.count {
            if b[i] < 0x80 { i += 1; continue }
            guard (0x81...0xFE).contains(b[i]), i + 1 < b.count, (0x40...0xFE).contains(b[i + 1]), b[i + 1] != 0x7F
            else { return false }
            pairs += 1; i += 2
        }
        return pairs > 0
    }
}
