import Glibc

/// Cairo names each embedded font subset `TAG+PostScriptName`, TAG six capital letters hashed
/// from the glyph ids it was given. Text drawn from a cached subset face gives it that face's
/// compact ids, which depend on every glyph the face holds (the cache's superset), so Cairo's tag
/// would make a PDF's bytes depend on which PDFs came before it. Each tag is replaced (same
/// length, so every offset stays valid) by one hashed from what the PDF embeds, the font's name
/// and program bytes, which depend on the glyphs drawn only.
enum PDFSubsetTags {
    /// How Cairo 1.16 opens a font descriptor object.
    private static let descriptor = Array("<< /Type /FontDescriptor".utf8)

    /// Rewrites every subset tag of `pdf` (a file Cairo finished, before any update is appended).
    static func settle(_ pdf: inout [UInt8]) throws {
        var renames: [(old: [UInt8], new: [UInt8])] = []
        do {
            let file = PDFSyntax(bytes: pdf)
            let (offsets, _) = try file.xref(at: try file.lastXrefOffset())
            for at in occurrences(of: descriptor, in: pdf) {
                guard let d = try? file.dictionary(at: at), let nameRange = d["FontName"],
                      let program = d["FontFile3"] ?? d["FontFile2"] ?? d["FontFile"],
                      let ref = file.reference(in: program), let offset = offsets[ref.number] else { continue }
                let name = Array(pdf[nameRange])
                guard isTagged(name) else { continue }
                let bytes = try streamBytes(at: offset, file: file, offsets: offsets)
                renames.append((name, Array(name.prefix(1)) + tag(name: name.dropFirst(8), program: bytes) + name.dropFirst(7)))
            }
        } catch {
            throw PDFSyntax.Failure.malformed("reading the embedded fonts' names: \(error)")
        }
        for (old, new) in renames where old != new {
            for at in occurrences(of: old, in: pdf) where at + old.count == pdf.count || endsName(pdf[at + old.count]) {
                pdf.replaceSubrange(at..<at + old.count, with: new)
            }
        }
    }

    /// A byte a name cannot go on with (white space or a delimiter).
    private static func endsName(_ b: UInt8) -> Bool { Array(" \t\r\n\u{0C}\0()<>[]{}/%".utf8).contains(b) }

    /// `/ABCDEF+Name`: a name with a subset tag.
    private static func isTagged(_ name: [UInt8]) -> Bool {
        name.count > 8 && name[0] == UInt8(ascii: "/") && name[7] == UInt8(ascii: "+")
            && name[1...6].allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }

    /// Six capital letters from a 64-bit FNV-1a hash of the font's name and program.
    static func tag<N: Collection<UInt8>, P: Collection<UInt8>>(name: N, program: P) -> [UInt8] {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h = (h ^ 0x2B) &* 0x100_0000_01b3
        for b in program { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return (0..<6).map { _ in
            defer { h /= 26 }
            return UInt8(ascii: "A") + UInt8(h % 26)
        }
    }

    /// The raw (still compressed) bytes of the stream object at `offset`; its /Length may be an
    /// indirect object, as Cairo writes it.
    private static func streamBytes(at offset: Int, file: PDFSyntax, offsets: [Int: Int]) throws -> ArraySlice<UInt8> {
        let dictRange = try file.objectValue(at: offset)
        let dict = try file.dictionary(at: dictRange.lowerBound)
        guard var lengthRange = dict["Length"] else { throw PDFSyntax.Failure.malformed("font stream without /Length") }
        if let ref = file.reference(in: lengthRange) {
            guard let o = offsets[ref.number] else { throw PDFSyntax.Failure.malformed("no object \(ref.number)") }
            lengthRange = try file.objectValue(at: o)
        }
        guard let length = Int(file.text(lengthRange)),
              let data = file.streamData(after: dictRange, length: length) else {
            throw PDFSyntax.Failure.malformed("font stream at \(offset) unreadable")
        }
        return data
    }

    /// Start offsets of every occurrence of `needle` in `haystack`.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        var out: [Int] = []
        haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                guard let base = hay.baseAddress, let p = pin.baseAddress, !needle.isEmpty else { return }
                let first = Int32(needle[0])
                var start = 0
                while start + needle.count <= hay.count,
                      let hit = memchr(base + start, first, hay.count - start - needle.count + 1) {
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hit, p, needle.count) == 0 { out.append(at) }
                    start = at + 1
                }
            }
        }
        return out
    }
}
