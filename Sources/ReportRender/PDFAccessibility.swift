import CCairo
import Dispatch
import Glibc
import ReportScene
import ReportSync

/// What Cairo 1.16 cannot write, added by writing its finished file again with new versions of
/// a few objects (one cross-reference section; an update appended instead would leave every
/// page's original content stream in the file as dead bytes): the catalog's /Lang,
/// /ViewerPreferences << /DisplayDocTitle true >> and XMP /Metadata; /Alt on each Figure
/// element; /Tabs /S on pages with links (annotations in structure order); page content outside
/// every element marked as artifacts; and an Info dictionary rewritten from the same values as
/// the XMP packet, so the two always agree.
/// Cairo's other objects are copied as they are; page content streams get only marked-content
/// operators (see `PDFArtifacts`), so every page image is unchanged. Streams Cairo left
/// uncompressed (`PDFWriter.uncompressedByCairo`: page content is then compressed once, here,
/// instead of by Cairo and again here) are compressed.
enum PDFAccessibility {
    static func update(_ pdf: [UInt8], info: DocumentInfo, figureAlts: [String], linkTexts: [String] = []) throws -> [UInt8] {
        let file = PDFSyntax(bytes: pdf)
        let prev = try file.lastXrefOffset()
        let (offsets, trailer) = try file.xref(at: prev)
        func object(_ r: PDFSyntax.Ref) throws -> Range<Int> {
            guard let o = offsets[r.number] else { throw PDFSyntax.Failure.malformed("object \(r.number) not in xref") }
            return try file.objectValue(at: o)
        }
        guard let rootValue = trailer["Root"], let root = file.reference(in: rootValue),
              let sizeValue = trailer["Size"], let size = Int(file.text(sizeValue)) else {
            throw PDFSyntax.Failure.malformed("trailer without /Root or /Size")
        }
        let catalogRange = try object(root)
        let catalog = try file.dictionary(at: catalogRange.lowerBound)
        var next = size
        let metadata = PDFSyntax.Ref(number: next); next += 1
        var infoRef = PDFSyntax.Ref(number: next)
        if let old = trailer["Info"].flatMap(file.reference(in:)) { infoRef = old } else { next += 1 }

        var objects: [PDFSyntax.Ref: [UInt8]] = [:]
        var extra = ""
        if catalog["Lang"] == nil, !info.language.isEmpty { extra += " /Lang \(literal(info.language))" }
        if catalog["ViewerPreferences"] == nil { extra += " /ViewerPreferences << /DisplayDocTitle true >>" }
        if catalog["Metadata"] == nil { extra += " /Metadata \(metadata.number) 0 R" }
        objects[root] = Array(inserting(extra, into: file.text(catalogRange)).utf8)
        objects[metadata] = Array(xmpStream(info).utf8)
        objects[infoRef] = Array(infoDictionary(info).utf8)

        if let treeValue = catalog["StructTreeRoot"], let tree = file.reference(in: treeValue) {
            let figures = try figureElements(tree, file: file, object: object)
            guard figures.count == figureAlts.count else {
                throw PDFSyntax.Failure.malformed("\(figures.count) Figure elements for \(figureAlts.count) alt texts")
            }
            for (ref, alt) in zip(figures, figureAlts) {
                objects[ref] = Array(inserting(" /Alt \(textString(alt))", into: file.text(try object(ref))).utf8)
            }
        }
        if let pagesValue = catalog["Pages"], let pages = file.reference(in: pagesValue) {
            let pageRefs = try pageObjects(pages, file: file, object: object)
            try describeLinks(pageRefs, linkTexts, file: file, object: object, into: &objects)
            var contents: [PDFSyntax.Ref] = []
            for page in pageRefs {
                let range = try object(page)
                let d = try file.dictionary(at: range.lowerBound)
                // Only where PDF/UA asks for it (pages with annotations): on other pages poppler's
                // struct-text then loses the text of continued paragraphs' spans.
                if d["Annots"] != nil, d["Tabs"] == nil {
                    objects[page] = Array(inserting(" /Tabs /S", into: file.text(range)).utf8)
                }
                contents += try d["Contents"].map(file.references(in:)) ?? []
            }
            // Each page's content is read, marked and compressed on its own: side by side on
            // every core (a 20-page report's pages were ~4 ms one after another).
            let marked = try markedConcurrently(contents, file: file, offsets: offsets)
            for k in contents.indices { if let m = marked[k] { objects[contents[k]] = m } }
        }
        try compressPlainStreams(offsets, file: file, into: &objects)
        return rewrite(file, offsets: offsets, xref: prev, trailer: trailer, replacing: objects,
                       root: root, info: infoRef, size: max(size, next))
    }

    /// Gives each link annotation its text as /Contents (what a screen reader announces), when
    /// Cairo's annotations are exactly the links the writer tagged, in the same order.
    private static func describeLinks(_ pages: [PDFSyntax.Ref], _ texts: [String], file: PDFSyntax,
                                      object: (PDFSyntax.Ref) throws -> Range<Int>,
                                      into objects: inout [PDFSyntax.Ref: [UInt8]]) throws {
        var links: [(PDFSyntax.Ref, Range<Int>)] = []
        for page in pages {
            guard let annots = try file.dictionary(at: try object(page).lowerBound)["Annots"] else { continue }
            for ref in try file.references(in: annots) {
                let range = try object(ref)
                let d = try file.dictionary(at: range.lowerBound)
                if d["Subtype"].map(file.text) == "/Link", d["Contents"] == nil { links.append((ref, range)) }
            }
        }
        guard links.count == texts.count else { return }
        for ((ref, range), text) in zip(links, texts) where !text.isEmpty {
            objects[ref] = Array(inserting(" /Contents \(textString(text))", into: file.text(range)).utf8)
        }
    }

    // MARK: the tree

    /// Figure elements in the order of the tree (depth first), which is the order they were opened.
    private static func figureElements(_ tree: PDFSyntax.Ref, file: PDFSyntax,
                                       object: (PDFSyntax.Ref) throws -> Range<Int>) throws -> [PDFSyntax.Ref] {
        var out: [PDFSyntax.Ref] = [], seen: Set<PDFSyntax.Ref> = []
        func visit(_ r: PDFSyntax.Ref) throws {
            guard seen.insert(r).inserted else { return }
            let range = try object(r)
            guard file.matches("<<", at: range.lowerBound) else { return }
            let d = try file.dictionary(at: range.lowerBound)
            if let t = d["Type"], file.text(t) == "/OBJR" || file.text(t) == "/MCR" { return }
            if let s = d["S"], file.text(s) == "/Figure" { out.append(r) }
            if let k = d["K"] { try file.references(in: k).forEach(visit) }
        }
        try visit(tree)
        return out
    }

    private static func pageObjects(_ node: PDFSyntax.Ref, file: PDFSyntax,
                                     object: (PDFSyntax.Ref) throws -> Range<Int>) throws -> [PDFSyntax.Ref] {
        var out: [PDFSyntax.Ref] = [], seen: Set<PDFSyntax.Ref> = []
        func visit(_ r: PDFSyntax.Ref) throws {
            guard seen.insert(r).inserted else { return }
            let d = try file.dictionary(at: try object(r).lowerBound)
            if let kids = d["Kids"] { try file.references(in: kids).forEach(visit) } else { out.append(r) }
        }
        try visit(node)
        return out
    }

    /// A page content stream with its unmarked content marked as artifacts, compressed; nil
    /// leaves the stream as Cairo wrote it (a form this reader does not take apart; an
    /// uncompressed one is then compressed as it is by `compressPlainStreams`).
    private static func artifactsMarked(_ ref: PDFSyntax.Ref, file: PDFSyntax,
                                        object: (PDFSyntax.Ref) throws -> Range<Int>) throws -> [UInt8]? {
        let dictRange = try object(ref)
        let d = try file.dictionary(at: dictRange.lowerBound)
        let filter = d["Filter"].map(file.text)
        guard filter == nil || filter == "/FlateDecode", d["DecodeParms"] == nil,
              let lengthValue = d["Length"] else { return nil }
        let lengthText = try file.reference(in: lengthValue).map { file.text(try object($0)) } ?? file.text(lengthValue)
        guard let length = Int(lengthText), let data = file.streamData(after: dictRange, length: length),
              let content = filter == nil ? Array(data) : PDFArtifacts.inflate(data),
              let ops = PDFArtifacts.operations(content) else { return nil }
        let unglued = PDFArtifacts.droppingJoinerSpans(content, ops)
        guard let marked = PDFArtifacts.wrap(unglued.content, unglued.ops),
              let packed = PDFArtifacts.deflate(marked) else { return nil }
        return Array("<< /Length \(packed.count)\n   /Filter /FlateDecode\n>>\nstream\n".utf8) + packed + Array("\nendstream".utf8)
    }

    /// `artifactsMarked` of each content stream, side by side on every core; the results in
    /// `refs`' order, or the first error in that order.
    private static func markedConcurrently(_ refs: [PDFSyntax.Ref], file: PDFSyntax, offsets: [Int: Int]) throws -> [[UInt8]?] {
        let results = Locked([Result<[UInt8]?, Error>?](repeating: nil, count: refs.count))
        let next = Locked(0)
        @Sendable func run() {
            let object = { (r: PDFSyntax.Ref) throws -> Range<Int> in
                guard let o = offsets[r.number] else { throw PDFSyntax.Failure.malformed("object \(r.number) not in xref") }
                return try file.objectValue(at: o)
            }
            while case let i = next.withLock({ n -> Int in defer { n += 1 }; return n }), i < refs.count {
                let r = Result { try artifactsMarked(refs[i], file: file, object: object) }
                results.withLock { $0[i] = r }
            }
        }
        let threads = min(refs.count, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        if threads > 1 { DispatchQueue.concurrentPerform(iterations: threads) { _ in run() } } else { run() }
        return try results.withLock { $0 }.map { try $0!.get() }
    }

    /// Every stream Cairo wrote without a filter and not replaced yet (with
    /// `PDFWriter.uncompressedByCairo`: the ToUnicode maps, and any page content left as it was),
    /// compressed, its other entries kept in their order.
    private static func compressPlainStreams(_ offsets: [Int: Int], file: PDFSyntax,
                                             into objects: inout [PDFSyntax.Ref: [UInt8]]) throws {
        for (number, offset) in offsets where objects[PDFSyntax.Ref(number: number)] == nil {
            let dictRange = try file.objectValue(at: offset)
            guard file.matches("<<", at: dictRange.lowerBound) else { continue }
            let d = try file.dictionary(at: dictRange.lowerBound)
            guard d["Filter"] == nil, let lengthValue = d["Length"] else { continue }
            let lengthText = try file.reference(in: lengthValue).map { r -> String in
                guard let o = offsets[r.number] else { throw PDFSyntax.Failure.malformed("object \(r.number) not in xref") }
                return file.text(try file.objectValue(at: o))
            } ?? file.text(lengthValue)
            guard let length = Int(lengthText), let data = file.streamData(after: dictRange, length: length),
                  let packed = PDFArtifacts.deflate(Array(data)) else { continue }
            var dict = "<<"
            for (key, value) in d.sorted(by: { $0.value.lowerBound < $1.value.lowerBound }) where key != "Length" {
                dict += " /\(key) " + file.text(value) + "\n  "
            }
            dict += " /Length \(packed.count)\n   /Filter /FlateDecode\n>>\nstream\n"
            objects[PDFSyntax.Ref(number: number)] = Array(dict.utf8) + packed + Array("\nendstream".utf8)
        }
    }

    // MARK: writing

    /// `dict` (a dictionary's text) with `entries` added before its closing `>>`.
    private static func inserting(_ entries: String, into dict: String) -> String {
        guard !entries.isEmpty, dict.hasSuffix(">>") else { return dict }
        return String(dict.dropLast(2)) + entries.dropFirst() + "\n>>"
    }

    /// The file with `objects` in place of Cairo's versions (and the new ones added), each object
    /// once, then one cross-reference table and trailer. Cairo writes its objects one after
    /// another, so each original runs from its offset to the next one's (the last to the xref).
    private static func rewrite(_ file: PDFSyntax, offsets: [Int: Int], xref: Int, trailer: [String: Range<Int>],
                                replacing objects: [PDFSyntax.Ref: [UInt8]], root: PDFSyntax.Ref,
                                info: PDFSyntax.Ref, size: Int) -> [UInt8] {
        let pdf = file.bytes
        let starts = offsets.values.sorted()
        var ends: [Int: Int] = [:]
        for k in starts.indices { ends[starts[k]] = k + 1 < starts.count ? starts[k + 1] : xref }
        var out: [UInt8] = []
        out.reserveCapacity(pdf.count)
        out += pdf[0..<(starts.first ?? xref)]
        var placed = [Int](repeating: -1, count: size)
        for number in 1..<size {
            if let body = objects[PDFSyntax.Ref(number: number)] {
                placed[number] = out.count
                out += Array("\(number) 0 obj\n".utf8)
                out += body
                out += Array("\nendobj\n".utf8)
            } else if let offset = offsets[number], let end = ends[offset] {
                placed[number] = out.count
                out += pdf[offset..<end]
                if out.last != 0x0A { out.append(0x0A) }
            }
        }
        let table = out.count
        var text = "xref\n0 \(size)\n0000000000 65535 f \n"
        for number in 1..<size {
            text += placed[number] < 0 ? "0000000000 00000 f \n" : String(placed[number]).leftPadded(to: 10) + " 00000 n \n"
        }
        text += "trailer\n<< /Size \(size)\n   /Root \(root.number) 0 R\n   /Info \(info.number) 0 R\n"
        if let id = trailer["ID"] { text += "   /ID " + file.text(id) + "\n" }
        text += ">>\nstartxref\n\(table)\n%%EOF\n"
        return out + Array(text.utf8)
    }

    // MARK: metadata

    static func producer() -> String { "cairo \(String(cString: cairo_version_string())) (https://cairographics.org)" }

    private static func infoDictionary(_ info: DocumentInfo) -> String {
        var d = "<<"
        func add(_ key: String, _ value: String) { if !value.isEmpty { d += " /\(key) \(textString(value))\n  " } }
        add("Title", info.title)
        add("Author", info.author)
        add("Subject", info.subject)
        add("Keywords", info.keywords.joined(separator: ", "))
        add("Creator", info.creator)
        add("Producer", producer())
        let date = pdfDate(info.creationDate)
        d += " /CreationDate \(literal(date))\n   /ModDate \(literal(date))\n>>"
        return d
    }

    private static func xmpStream(_ info: DocumentInfo) -> String {
        let xmp = Array(XMPPacket.text(info, producer: producer()).utf8)
        return "<< /Type /Metadata\n   /Subtype /XML\n   /Length \(xmp.count)\n>>\nstream\n"
            + String(decoding: xmp, as: UTF8.self) + "\nendstream"
    }

    /// `D:YYYYMMDDHHmmSS+00'00'` (UTC).
    static func pdfDate(_ epoch: Int64) -> String {
        let iso = PDFDate.iso8601(epoch)
        return "D:" + iso.filter { $0.isNumber } + "+00'00'"
    }

    /// A text string: ASCII as a literal, anything else as UTF-16BE hex with a byte-order mark.
    static func textString(_ s: String) -> String {
        if s.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return literal(s) }
        // Four digits a unit from a table: a 10,000-event timeline's alt text is ~10^6 units, and
        // `String(_:radix:)` plus padding per unit was 4% of that PDF's process.
        var hex: [UInt8] = Array("<FEFF".utf8)
        hex.reserveCapacity(6 + 4 * s.utf16.count)
        for unit in s.utf16 {
            for shift in stride(from: 12, through: 0, by: -4) { hex.append(hexDigits[Int((unit >> UInt16(shift)) & 0xF)]) }
        }
        hex.append(UInt8(ascii: ">"))
        return String(decoding: hex, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// An ASCII literal string with `\`, `(` and `)` escaped.
    static func literal(_ s: String) -> String {
        var out = "("
        for c in s.unicodeScalars {
            if c == "\\" || c == "(" || c == ")" { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out + ")"
    }
}
