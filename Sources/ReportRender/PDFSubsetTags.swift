import Glibc

/// Cairo names each embedded font subset `TAG+PostScriptName`, TAG six capital letters hashed
/// from the glyph ids it was given. Text drawn from a cached subset face gives it that face's
/// compact ids, which depend on every glyph the face holds (the cache's superset), so Cairo's tag
/// would make a PDF's bytes depend on which PDFs came before it. Each tag is replaced (same
/// length, so every offset stays valid) by one hashed from what the PDF embeds, the font's name
/// and program bytes, which depend on the glyphs drawn only.
enum PDFSubsetTags {
    /// Rewrites every subset tag of `pdf` (a file Cairo finished, before any update is appended).
    static func settle(_ pdf: inout [UInt8]) throws {
        let names = taggedNames(pdf)
        var renames: [ArraySlice<UInt8>: [UInt8]] = [:]
        do {
            let file = PDFSyntax(bytes: pdf)
            let (offsets, _) = try file.xref(at: try file.lastXrefOffset())
            for name in names where isDescriptorName(at: name.lowerBound, pdf) {
                guard let at = dictionaryStart(before: name.lowerBound, pdf),
                      let d = try? file.dictionary(at: at), d["FontName"] == name,
                      let type = d["Type"], file.text(type) == "/FontDescriptor",
                      let program = d["FontFile3"] ?? d["FontFile2"] ?? d["FontFile"],
                      let ref = file.reference(in: program), let offset = offsets[ref.number] else { continue }
                let bytes = try streamBytes(at: offset, file: file, offsets: offsets)
                renames[pdf[name]] = tag(name: pdf[name.lowerBound + 8..<name.upperBound], program: bytes)
            }
        } catch {
            throw PDFSyntax.Failure.malformed("reading the embedded fonts' names: \(error)")
        }
        for name in names {
            if let tag = renames[pdf[name]] { pdf.replaceSubrange(name.lowerBound + 1..<name.lowerBound + 7, with: tag) }
        }
    }

    /// Every `/ABCDEF+Name` (a name with a subset tag) in the file, found from its `+`.
    private static func taggedNames(_ pdf: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        pdf.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            var i = 7
            while i < b.count, let hit = memchr(base + i, Int32(UInt8(ascii: "+")), b.count - i) {
                let plus = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                i = plus + 1
                guard b[plus - 7] == UInt8(ascii: "/"), (plus - 6..<plus).allSatisfy({ b[$0] >= 0x41 && b[$0] <= 0x5A }) else { continue }
                var end = plus + 1
                while end < b.count, !endsName(b[end]) { end += 1 }
                if end > plus + 1 { out.append(plus - 7..<end) }
            }
        }
        return out
    }

    /// The name at `at` follows `/FontName`.
    private static func isDescriptorName(at: Int, _ pdf: [UInt8]) -> Bool {
        let key = Array("/FontName".utf8)
        var i = at - 1
        while i > 0, PDFSyntax.isSpace(pdf[i]) { i -= 1 }
        return i + 1 >= key.count && pdf[(i + 1 - key.count)...i].elementsEqual(key)
    }

    /// The `<<` opening the dictionary an entry at `at` belongs to (Cairo's descriptors are flat:
    /// the nearest `<<` before it, within a few lines).
    private static func dictionaryStart(before at: Int, _ pdf: [UInt8]) -> Int? {
        var i = at - 1
        while i > max(0, at - 256) {
            if pdf[i] == UInt8(ascii: "<"), pdf[i - 1] == UInt8(ascii: "<") { return i - 1 }
            i -= 1
        }
        return nil
    }

    /// A byte a name cannot go on with (white space or a delimiter).
    private static func endsName(_ b: UInt8) -> Bool { PDFSyntax.isSpace(b) || PDFSyntax.isDelimiter(b) }

    /// Six capital letters from a 64-bit hash of the font's name and program, eight bytes a step.
    static func tag(name: ArraySlice<UInt8>, program: ArraySlice<UInt8>) -> [UInt8] {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ bytes: ArraySlice<UInt8>) {
            bytes.withUnsafeBytes { raw in
                var i = 0
                while i + 8 <= raw.count {
                    h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
                    h ^= h >> 29
                    i += 8
                }
                while i < raw.count { h = (h ^ UInt64(raw[i])) &* 0x100_0000_01b3; i += 1 }
                h = (h ^ UInt64(raw.count)) &* 0x100_0000_01b3
            }
        }
        add(name)
        add(program)
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
}
