/// Deflate blocks for a band of filtered rows that are all zero (rows equal to the row above,
/// under filter "Up"), written directly instead of through zlib: zlib spends as long on 6 MB of
/// zeros as on real image data (~11 ms for a 1920×1080 chart, most of which is such rows), while
/// here a row costs a few dozen codes. Each row is the filter byte 2, one literal zero and
/// copies of the previous byte (distance 1, up to 258 bytes each), in a block with its own
/// Huffman codes (RFC 1951 §3.2.7) for the handful of symbols it uses: a 258-byte copy costs
/// 2 bits. The block ends on a byte boundary, as a zlib sync flush leaves it, so zlib and these
/// blocks can follow one another in one stream.
struct PNGZeroRows {
    private var out: [UInt8] = []
    private var acc: UInt64 = 0
    private var bits = 0
    /// Code and length of each literal/length symbol the block uses.
    private var codes: [Int: (code: UInt32, length: Int)] = [:]

    /// Appends one block holding `rows` rows of the filter byte 2 followed by `zeros` zero bytes;
    /// `final` marks the stream's last block.
    static func write(rows: Int, zeros: Int, final: Bool, into stream: inout [UInt8]) {
        var w = PNGZeroRows()
        swap(&w.out, &stream)
        defer { swap(&w.out, &stream) }
        let copies = Self.copies(zeros > 0 ? zeros - 1 : 0)
        // One row's symbols; their frequencies decide the code lengths.
        var row: [Int] = [2] + (zeros > 0 ? [0] : [])
        for length in copies.lengths { row.append(Self.lengthSymbol(length).symbol) }
        row += Array(repeating: 0, count: copies.literalZeros)
        w.put(final ? 1 : 0, 1)
        w.put(2, 2)                                   // BTYPE 10: dynamic Huffman codes
        w.header(lengths: Self.codeLengths(row + [256]))
        // A row's bits, field by field, worked out once: each row repeats them.
        var fields: [(value: UInt32, count: Int)] = []
        var lengths = copies.lengths[...]
        for s in row {
            fields.append(w.reversedCode(s))
            guard s >= 257, let length = lengths.popFirst() else { continue }
            let l = Self.lengthSymbol(length)
            if l.extraBits > 0 { fields.append((UInt32(l.extra), l.extraBits)) }
            fields.append((0, 1))                     // the one distance code: distance 1
        }
        for _ in 0..<rows {
            for f in fields { w.put(f.value, f.count) }
        }
        w.symbol(256)                                 // end of block
        if !final {
            // An empty stored block: brings the stream to a byte boundary for what follows.
            w.put(0, 3)
            w.alignToByte()
            w.out += [0x00, 0x00, 0xFF, 0xFF]
        } else {
            w.alignToByte()
        }
    }

    /// `n` zero bytes that follow a zero byte, as copy lengths (3–258) and leftover literals (0–2).
    static func copies(_ n: Int) -> (lengths: [Int], literalZeros: Int) {
        var lengths: [Int] = [], m = n
        while m >= 3 {
            var length = min(258, m)
            // Never leave 1 or 2 bytes behind when a shorter copy can take them along.
            if m - length == 1 || m - length == 2 { length = m - 3 }
            lengths.append(length)
            m -= length
        }
        return (lengths, m)
    }

    /// Code lengths of the symbols in `symbols` (with repeats): the most frequent gets 1 bit, the
    /// next 2, and so on, the last two sharing the longest, which is a complete prefix code.
    static func codeLengths(_ symbols: [Int]) -> [Int: Int] {
        var count: [Int: Int] = [:]
        for s in symbols { count[s, default: 0] += 1 }
        let ranked = count.keys.sorted { (count[$0]!, -$0) > (count[$1]!, -$1) }
        var lengths: [Int: Int] = [:]
        for (i, s) in ranked.enumerated() { lengths[s] = min(i + 1, max(ranked.count - 1, 1)) }
        return lengths
    }

    private static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                            67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
                                             4, 4, 4, 4, 5, 5, 5, 5, 0]

    /// The length symbol (257–285) of a copy of `length` bytes, with its extra bits.
    static func lengthSymbol(_ length: Int) -> (symbol: Int, extraBits: Int, extra: Int) {
        var i = lengthBase.count - 1
        while lengthBase[i] > length { i -= 1 }
        return (257 + i, lengthExtra[i], length - lengthBase[i])
    }

    /// The order in which the code-length code's lengths are sent.
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    /// The code-length alphabet used here, 3 bits each (a complete code of 8 symbols): lengths
    /// 0–5, and 17/18 for runs of zeros.
    private static let codeLengthSymbols = [0, 1, 2, 3, 4, 5, 17, 18]

    /// HLIT, HDIST, HCLEN, the code-length code, then the 286 literal/length code lengths and the
    /// one distance code (distance 1, one bit). Sets `codes` to the canonical codes of `lengths`.
    private mutating func header(lengths: [Int: Int]) {
        put(29, 5)                                    // 286 literal/length codes
        put(0, 5)                                     // 1 distance code
        let sent = Self.codeLengthOrder.lastIndex { Self.codeLengthSymbols.contains($0) }! + 1
        put(UInt32(sent - 4), 4)
        for s in Self.codeLengthOrder.prefix(sent) { put(Self.codeLengthSymbols.contains(s) ? 3 : 0, 3) }
        // Canonical code of the code-length alphabet: all 3 bits, in symbol order.
        let clCode = Dictionary(uniqueKeysWithValues: Self.codeLengthSymbols.enumerated().map { ($1, UInt32($0)) })
        let all = (0..<286).map { lengths[$0] ?? 0 } + [1]
        var i = 0
        while i < all.count {
            var run = 0
            while i + run < all.count && all[i + run] == 0 && run < 138 { run += 1 }
            if run >= 11 { huffman(clCode[18]!, 3); put(UInt32(run - 11), 7); i += run; continue }
            if run >= 3 { huffman(clCode[17]!, 3); put(UInt32(run - 3), 3); i += run; continue }
            huffman(clCode[all[i]]!, 3)
            i += 1
        }
        codes = Self.canonical(lengths)
    }

    /// RFC 1951 §3.2.2: codes assigned in order of length, then of symbol.
    static func canonical(_ lengths: [Int: Int]) -> [Int: (code: UInt32, length: Int)] {
        var out: [Int: (code: UInt32, length: Int)] = [:]
        var code: UInt32 = 0, previous = 0
        for (s, l) in lengths.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            code <<= UInt32(l - previous)
            out[s] = (code, l)
            code += 1
            previous = l
        }
        return out
    }

    private mutating func symbol(_ s: Int) {
        let c = reversedCode(s)
        put(c.value, c.count)
    }

    /// Symbol `s`'s code, bit-reversed: Huffman codes are packed starting from their most
    /// significant bit.
    private func reversedCode(_ s: Int) -> (value: UInt32, count: Int) {
        let c = codes[s]!
        return (Self.reversed(c.code, c.length), c.length)
    }

    private static func reversed(_ code: UInt32, _ length: Int) -> UInt32 {
        var r: UInt32 = 0
        for b in 0..<length where code & (1 << UInt32(length - 1 - b)) != 0 { r |= 1 << UInt32(b) }
        return r
    }

    private mutating func huffman(_ code: UInt32, _ length: Int) {
        put(Self.reversed(code, length), length)
    }

    /// Other fields are packed starting from their least significant bit.
    private mutating func put(_ value: UInt32, _ count: Int) {
        acc |= UInt64(value) << UInt64(bits)
        bits += count
        while bits >= 8 { out.append(UInt8(truncatingIfNeeded: acc)); acc >>= 8; bits -= 8 }
    }

    private mutating func alignToByte() {
        if bits > 0 { out.append(UInt8(truncatingIfNeeded: acc)); acc = 0; bits = 0 }
    }
}
