import CCairo

/// Marks the content Cairo leaves outside every structure element (running headers, footers,
/// page numbers, rules, backgrounds, chart-free decoration) as `/Artifact BMC … EMC`, which
/// Cairo 1.16 cannot write itself. Only marked-content operators are inserted: every drawing
/// operator stays as it was, so the page looks exactly the same.
enum PDFArtifacts {
    /// `content` (a decoded page content stream) with each run of operators at marked-content
    /// depth 0 that paints something wrapped as an artifact; nil when the stream holds something
    /// this reader does not take apart (inline images, unbalanced text objects).
    static func wrap(_ content: [UInt8]) -> [UInt8]? {
        operations(content).flatMap { wrap(content, $0) }
    }

    /// `wrap` given the stream's operations (from `operations`).
    static func wrap(_ content: [UInt8], _ ops: [Operation]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(content.count + 256)
        var copied = 0
        // Cairo's marked-content depth, and the depth of marked content nested inside the current
        // run (a ligature's ActualText span in a header line), which stays inside the artifact.
        var depth = 0, inner = 0, inText = false
        var run: (start: Int, end: Int, paints: Bool)?
        func flush() {
            guard let r = run else { return }
            run = nil
            guard r.paints else { return }
            out += content[copied..<r.start]
            out += Array("/Artifact BMC\n".utf8)
            out += content[r.start..<r.end]
            out += Array("\nEMC".utf8)
            copied = r.end
        }
        for op in ops {
            let begins = op.code == Op.bdc || op.code == Op.bmc
            let structural = begins && contains(content[op.start..<op.end], Self.mcid)
            if op.code == Op.bt { inText = true } else if op.code == Op.et { inText = false }
            if run != nil, (begins && inText) || inner > 0 {
                // A structure element's content must never end up inside an artifact.
                if structural { return nil }
                if begins { inner += 1 } else if op.code == Op.emc { inner -= 1 }
                run!.end = op.end
                if paintOperators.contains(op.code) { run!.paints = true }
                continue
            }
            if begins {
                if depth == 0 { flush() }
                depth += 1
            } else if op.code == Op.emc {
                depth -= 1
                guard depth >= 0 else { return nil }
            } else if depth == 0 {
                if run == nil { run = (op.start, op.end, false) }
                run!.end = op.end
                if paintOperators.contains(op.code) { run!.paints = true }
            }
        }
        guard depth == 0, inner == 0, !inText else { return nil }
        flush()
        return out + content[copied...]
    }

    /// `content` without the empty `/Span << /ActualText <feff2060> >> BDC EMC` pairs Cairo writes
    /// for each U+2060 WORD JOINER (the glue that keeps a figure on one line; it draws nothing):
    /// extraction then reads 6.78亿元, not 6⁠.⁠7⁠8⁠亿⁠元, and poppler's structure reader does not stop there.
    static func droppingJoinerSpans(_ content: [UInt8]) -> [UInt8]? {
        operations(content).map { droppingJoinerSpans(content, $0).content }
    }

    /// `droppingJoinerSpans` given the stream's operations; also gives the operations of the result
    /// (the same, moved back by the bytes dropped before each), so it is not read again.
    static func droppingJoinerSpans(_ content: [UInt8], _ ops: [Operation]) -> (content: [UInt8], ops: [Operation]) {
        var out: [UInt8] = [], kept: [Operation] = [], copied = 0, i = 0
        out.reserveCapacity(content.count)
        kept.reserveCapacity(ops.count)
        while i < ops.count {
            if ops[i].code == Op.bdc, i + 1 < ops.count, ops[i + 1].code == Op.emc,
               isJoinerSpan(content[ops[i].start..<ops[i].end]) {
                out += content[copied..<ops[i].start]
                copied = ops[i + 1].end
                i += 2
                continue
            }
            let shift = copied - out.count  // bytes dropped before this operation
            kept.append(Operation(start: ops[i].start - shift, end: ops[i].end - shift, code: ops[i].code))
            i += 1
        }
        guard copied > 0 else { return (content, ops) }
        return (out + content[copied...], kept)
    }

    private static let mcid = Array("/MCID".utf8)

    /// Whether `needle` occurs in `bytes` (a byte search: no String per marked-content operator).
    static func contains(_ bytes: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var i = bytes.startIndex
        while i <= bytes.endIndex - needle.count {
            if bytes[i] == first, bytes[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    private static let joinerSpan = Array("/span<</actualtext<feff2060>>>bdc".utf8)

    /// Whether an operation reads `/Span << /ActualText <FEFF2060> >> BDC`, letters in any case and
    /// white space anywhere. Compared byte by byte: building a lowercased String and asking each
    /// Character whether it is white space was ~5% of a 20-page report's process (a report glues
    /// every figure, so there are thousands of these). Bytes beyond ASCII (never in Cairo's
    /// operators) take the String comparison, which reads Unicode white space too.
    static func isJoinerSpan(_ op: ArraySlice<UInt8>) -> Bool {
        if op.contains(where: { $0 >= 0x80 }) {
            return String(decoding: op, as: UTF8.self).lowercased().filter({ !$0.isWhitespace })
                == String(decoding: joinerSpan, as: UTF8.self)
        }
        var k = 0
        for b in op where b != 0x20 && !(0x09...0x0D).contains(b) {
            let lower = (0x41...0x5A).contains(b) ? b | 0x20 : b
            guard k < joinerSpan.count, joinerSpan[k] == lower else { return false }
            k += 1
        }
        return k == joinerSpan.count
    }

    /// An array, not a Set: fifteen comparisons cost less than hashing each of ~150,000 operators.
    private static let paintOperators: [UInt32] = [
        "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Tj", "TJ", "'", "\"", "Do", "sh",
    ].map { Operation.code(of: Array($0.utf8)[...]) }

    /// The operators told apart here, as `Operation.code`s.
    private enum Op {
        static let bdc = Operation.code(of: Array("BDC".utf8)[...]), bmc = Operation.code(of: Array("BMC".utf8)[...])
        static let emc = Operation.code(of: Array("EMC".utf8)[...])
        static let bt = Operation.code(of: Array("BT".utf8)[...]), et = Operation.code(of: Array("ET".utf8)[...])
        static let bi = Operation.code(of: Array("BI".utf8)[...]), id = Operation.code(of: Array("ID".utf8)[...])
    }

    /// An operation's bytes, and its operator as a number (no String per operator).
    struct Operation {
        var start: Int
        var end: Int
        /// The operator's bytes, big-endian (PDF operators have at most three); longer words
        /// get one code of their own that no operator has.
        var code: UInt32

        static func code(of word: ArraySlice<UInt8>) -> UInt32 {
            word.count > 4 ? UInt32.max : word.reduce(0) { $0 << 8 | UInt32($1) }
        }

        /// `code(of:)` of the bytes `lo..<hi` of `b`.
        static func code(of b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> UInt32 {
            if hi - lo > 4 { return UInt32.max }
            var code: UInt32 = 0
            for i in lo..<hi { code = code << 8 | UInt32(b[i]) }
            return code
        }

        var name: String {
            code == UInt32.max ? "?" : String(decoding: (0..<4).reversed().map { UInt8(truncatingIfNeeded: code >> (8 * $0)) }.filter { $0 != 0 }, as: UTF8.self)
        }
    }

    /// The operations of a content stream: from the first operand to the end of the operator.
    /// Read through a raw buffer with a byte-class table: a 10,000-event timeline's page is ~2 MB
    /// of content, and checked array indexing with per-byte class tests took most of the time.
    static func operations(_ content: [UInt8]) -> [Operation]? {
        content.withUnsafeBufferPointer { operations(in: $0) }
    }

    private static func operations(in b: UnsafeBufferPointer<UInt8>) -> [Operation]? {
        var ops: [Operation] = []
        ops.reserveCapacity(b.count / 12)
        let n = b.count
        var i = 0, start: Int?
        // Past the end of a space- or delimiter-free run starting at `i`.
        func word(from i: inout Int) { while i < n, byteClass[Int(b[i])] == 0 { i += 1 } }
        while i < n {
            let c = b[i]
            if byteClass[Int(c)] == space { i += 1; continue }
            if c == UInt8(ascii: "%") {
                while i < n, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
                continue
            }
            let tokenStart = i
            switch c {
            case UInt8(ascii: "("):
                var nesting = 0
                repeat {
                    if b[i] == UInt8(ascii: "\\") { i += 1 } else if b[i] == UInt8(ascii: "(") { nesting += 1 } else if b[i] == UInt8(ascii: ")") { nesting -= 1 }
                    i += 1
                } while i < n && nesting > 0
                if nesting > 0 { return nil }
            case UInt8(ascii: "<") where i + 1 < n && b[i + 1] == UInt8(ascii: "<"): i += 2
            case UInt8(ascii: ">") where i + 1 < n && b[i + 1] == UInt8(ascii: ">"): i += 2
            case UInt8(ascii: "<"):
                while i < n, b[i] != UInt8(ascii: ">") { i += 1 }
                i += 1
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"): i += 1
            case UInt8(ascii: "/"):
                i += 1
                word(from: &i)
            default:
                word(from: &i)
                if i == tokenStart { return nil }
                // Most tokens are numbers: told apart by their first byte, without a String.
                if !isOperand(b, tokenStart, i) {
                    let code = Operation.code(of: b, tokenStart, i)
                    if code == Op.bi || code == Op.id { return nil }
                    ops.append(Operation(start: start ?? tokenStart, end: i, code: code))
                    start = nil
                    continue
                }
            }
            if start == nil { start = tokenStart }
        }
        return start == nil ? ops : nil
    }

    /// `byteClass` values: PDF white space, delimiters (`PDFSyntax.isSpace`, `isDelimiter`); 0 for the rest.
    private static let space: UInt8 = 1, delimiter: UInt8 = 2
    private static let byteClass: [UInt8] = (0...255).map { (c: Int) -> UInt8 in
        PDFSyntax.isSpace(UInt8(c)) ? space : PDFSyntax.isDelimiter(UInt8(c)) ? delimiter : 0
    }

    /// A number, or one of the keywords `true`, `false`, `null` (the bytes `lo..<hi` of `b`).
    private static func isOperand(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        let c = b[lo]
        if (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".") { return true }
        let word = b[lo..<hi]
        return word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8) || word.elementsEqual("null".utf8)
    }

    // MARK: zlib

    static func inflate(_ data: ArraySlice<UInt8>) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        // Content streams deflate to about a tenth: one growth or two instead of a dozen.
        out.reserveCapacity(data.count * 8)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        data.withUnsafeBufferPointer { inBuf in
            // zlib only reads its input (next_in is not const in its header).
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = uInt(inBuf.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { o in
                    stream.next_out = o.baseAddress
                    stream.avail_out = uInt(o.count)
                    status = CCairo.inflate(&stream, Z_NO_FLUSH)
                    out += o[0..<(o.count - Int(stream.avail_out))]
                }
            } while status == Z_OK
        }
        return status == Z_STREAM_END ? out : nil
    }

    /// zlib level for re-compressed page content: level 1 (the fast path) takes about a third of
    /// level 6's time on content streams for ~15 % more bytes (a few KB per report).
    static let contentLevel: Int32 = 1

    static func deflate(_ input: [UInt8]) -> [UInt8]? {
        var size = compressBound(uLong(input.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { o in
            input.withUnsafeBufferPointer { i in compress2(o.baseAddress, &size, i.baseAddress, uLong(i.count), contentLevel) }
        }
        guard status == Z_OK else { return nil }
        out.removeSubrange(Int(size)...)
        return out
    }
}
