/// Just enough PDF syntax to read the file Cairo wrote: the classic cross-reference table, the
/// trailer, and the top-level entries of dictionary objects (no streams are parsed).
struct PDFSyntax {
    let bytes: [UInt8]

    struct Ref: Hashable, Comparable {
        var number: Int
        static func < (a: Ref, b: Ref) -> Bool { a.number < b.number }
    }

    enum Failure: Error { case malformed(String) }

    // MARK: file structure

    /// The offset named by the last `startxref`.
    func lastXrefOffset() throws -> Int {
        guard let at = lastRange(of: "startxref") else { throw Failure.malformed("no startxref") }
        var i = at.upperBound
        skipSpace(&i)
        guard let n = integer(&i) else { throw Failure.malformed("startxref without offset") }
        return n
    }

    /// Object number → byte offset, and the trailer dictionary's entries.
    func xref(at offset: Int) throws -> (offsets: [Int: Int], trailer: [String: Range<Int>]) {
        var i = offset
        guard matches("xref", at: i) else { throw Failure.malformed("no xref table at \(offset) (xref streams are not read)") }
        i += 4
        var offsets: [Int: Int] = [:]
        while true {
            skipSpace(&i)
            if matches("trailer", at: i) { i += 7; break }
            guard let first = integer(&i) else { throw Failure.malformed("bad xref subsection") }
            skipSpace(&i)
            guard let count = integer(&i) else { throw Failure.malformed("bad xref subsection") }
            for k in 0..<count {
                skipSpace(&i)
                guard let off = integer(&i) else { throw Failure.malformed("bad xref entry") }
                skipSpace(&i)
                _ = integer(&i)
                skipSpace(&i)
                if i < bytes.count, bytes[i] == UInt8(ascii: "n") { offsets[first + k] = off }
                i += 1
            }
        }
        skipSpace(&i)
        return (offsets, try dictionary(at: i))
    }

    /// The range of object `ref`'s value (after `N 0 obj`), given its offset.
    func objectValue(at offset: Int) throws -> Range<Int> {
        var i = offset
        guard integer(&i) != nil else { throw Failure.malformed("no object at \(offset)") }
        skipSpace(&i); _ = integer(&i); skipSpace(&i)
        guard matches("obj", at: i) else { throw Failure.malformed("no object at \(offset)") }
        i += 3
        skipSpace(&i)
        let start = i
        try skipValue(&i)
        return start..<i
    }

    /// The `length` bytes of a stream whose dictionary is at `dict`.
    func streamData(after dict: Range<Int>, length: Int) -> ArraySlice<UInt8>? {
        var i = dict.upperBound
        skipSpace(&i)
        guard matches("stream", at: i) else { return nil }
        i += 6
        if matches("\r\n", at: i) { i += 2 } else if matches("\n", at: i) { i += 1 } else { return nil }
        guard length >= 0, i + length <= bytes.count else { return nil }
        return bytes[i..<i + length]
    }

    // MARK: values

    /// Top-level entries of the dictionary starting at `offset` (`<<`): key name → value range.
    func dictionary(at offset: Int) throws -> [String: Range<Int>] {
        guard matches("<<", at: offset) else { throw Failure.malformed("expected a dictionary at \(offset)") }
        var i = offset + 2
        var out: [String: Range<Int>] = [:]
        while true {
            skipSpace(&i)
            guard i < bytes.count else { throw Failure.malformed("unterminated dictionary") }
            if matches(">>", at: i) { return out }
            guard bytes[i] == UInt8(ascii: "/") else { throw Failure.malformed("dictionary key expected at \(i)") }
            let keyStart = i + 1
            i += 1
            while i < bytes.count, !Self.isDelimiter(bytes[i]), !Self.isSpace(bytes[i]) { i += 1 }
            let key = String(decoding: bytes[keyStart..<i], as: UTF8.self)
            skipSpace(&i)
            let v = i
            try skipValue(&i)
            out[key] = v..<i
        }
    }

    /// The references in a value: itself if it is one, or the references directly in an array
    /// (dictionaries inside it, such as marked-content references, are skipped).
    func references(in range: Range<Int>) throws -> [Ref] {
        var i = range.lowerBound
        if let r = reference(&i) { return [r] }
        guard bytes[range.lowerBound] == UInt8(ascii: "[") else { return [] }
        i = range.lowerBound + 1
        var out: [Ref] = []
        while true {
            skipSpace(&i)
            guard i < range.upperBound, bytes[i] != UInt8(ascii: "]") else { return out }
            if let r = reference(&i) { out.append(r) } else { try skipValue(&i) }
        }
    }

    func reference(in range: Range<Int>) -> Ref? {
        var i = range.lowerBound
        return reference(&i)
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    // MARK: lexing

    private func reference(_ i: inout Int) -> Ref? {
        var j = i
        guard let n = integer(&j) else { return nil }
        skipSpace(&j)
        guard integer(&j) != nil else { return nil }
        skipSpace(&j)
        guard j < bytes.count, bytes[j] == UInt8(ascii: "R") else { return nil }
        i = j + 1
        return Ref(number: n)
    }

    private func skipValue(_ i: inout Int) throws {
        guard i < bytes.count else { throw Failure.malformed("value expected at end of file") }
        if reference(&i) != nil { return }
        switch bytes[i] {
        case UInt8(ascii: "<") where matches("<<", at: i):
            i += 2
            while true {
                skipSpace(&i)
                guard i < bytes.count else { throw Failure.malformed("unterminated dictionary") }
                if matches(">>", at: i) { i += 2; return }
                try skipValue(&i)
            }
        case UInt8(ascii: "["):
            i += 1
            while true {
                skipSpace(&i)
                guard i < bytes.count else { throw Failure.malformed("unterminated array") }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return }
                try skipValue(&i)
            }
        case UInt8(ascii: "("):
            var depth = 0
            while i < bytes.count {
                let c = bytes[i]
                i += 1
                if c == UInt8(ascii: "\\") { i += 1; continue }
                if c == UInt8(ascii: "(") { depth += 1 }
                if c == UInt8(ascii: ")") { depth -= 1; if depth == 0 { return } }
            }
            throw Failure.malformed("unterminated string")
        case UInt8(ascii: "<"):
            while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
            i += 1
        case UInt8(ascii: "/"):
            i += 1
            while i < bytes.count, !Self.isDelimiter(bytes[i]), !Self.isSpace(bytes[i]) { i += 1 }
        default:
            let start = i
            while i < bytes.count, !Self.isDelimiter(bytes[i]), !Self.isSpace(bytes[i]) { i += 1 }
            if i == start { throw Failure.malformed("unexpected byte at \(i)") }
        }
    }

    private func integer(_ i: inout Int) -> Int? {
        var j = i, n = 0
        while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 {
            n = n * 10 + Int(bytes[j] - 0x30)
            j += 1
        }
        guard j > i, j >= bytes.count || Self.isSpace(bytes[j]) || Self.isDelimiter(bytes[j]) else { return nil }
        i = j
        return n
    }

    private func skipSpace(_ i: inout Int) {
        while i < bytes.count {
            if Self.isSpace(bytes[i]) { i += 1 } else if bytes[i] == UInt8(ascii: "%") {
                while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
            } else { return }
        }
    }

    func matches(_ s: StaticString, at i: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i >= 0, i + n <= bytes.count else { return false }
        return s.withUTF8Buffer { bytes[i..<i + n].elementsEqual($0) }
    }

    private func lastRange(of s: String) -> Range<Int>? {
        let u = Array(s.utf8)
        var i = bytes.count - u.count
        while i >= 0 {
            if bytes[i..<i + u.count].elementsEqual(u) { return i..<i + u.count }
            i -= 1
        }
        return nil
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0 }
    static func isDelimiter(_ c: UInt8) -> Bool {
        switch c {
        case 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D, 0x2F, 0x25: true  // ()<>[]{}/%
        default: false
        }
    }
}
