#if canImport(Glibc)
import Glibc
#endif

/// The code points of GB 2312's symbol rows (CJK punctuation, full-width forms) and its 3,755
/// level-1 hanzi (the commonest characters of modern Chinese), plus ASCII: what a face's subset
/// takes in once it has had to grow, so later PDFs rarely need another subset.
/// Decoded with the C library's iconv (glibc's EUC-CN module); empty if that is unavailable,
/// which only means more subset builds.
enum CommonCharacters {
    static let codePoints: [UInt32] = decode()

    private static func decode() -> [UInt32] {
        var bytes: [UInt8] = []
        for row in UInt8(0xA1)...0xA3 { for cell in UInt8(0xA1)...0xFE { bytes += [row, cell] } }
        for row in UInt8(0xB0)...0xD7 {
            for cell in UInt8(0xA1)...(row == 0xD7 ? 0xF9 : 0xFE) { bytes += [row, cell] }
        }
        var out = Array(UInt32(0x20)...0x7E)
        #if canImport(Glibc)
        let cd = iconv_open("UTF-32LE", "EUC-CN")
        guard let cd, cd != iconv_t(bitPattern: -1) else { return out }
        defer { iconv_close(cd) }
        // Pair by pair: an unassigned cell fails alone without stopping the rest.
        for i in stride(from: 0, to: bytes.count, by: 2) {
            var input: [CChar] = [CChar(bitPattern: bytes[i]), CChar(bitPattern: bytes[i + 1])]
            var output = [UInt32](repeating: 0, count: 2)
            let converted: Int = input.withUnsafeMutableBufferPointer { inBuf in
                output.withUnsafeMutableBytes { outBuf in
                    var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                    var inLeft = 2
                    var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress?.assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    guard iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 else { return 0 }
                    return (outBuf.count - outLeft) / 4
                }
            }
            if converted == 1 { out.append(UInt32(littleEndian: output[0])) }
        }
        #endif
        return out
    }
}
