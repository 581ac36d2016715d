import CCairo
#if canImport(Glibc)
import Glibc
#endif

/// The image rows a PNG piece is filtered from (Cairo's ARGB32 words, read only).
struct ImageRows: @unchecked Sendable {
    let data: UnsafeMutablePointer<UInt8>
    let w: Int, stride: Int, channels: Int
    var rowBytes: Int { 1 + w * channels }

    func row(_ y: Int) -> UnsafePointer<UInt32> {
        UnsafePointer(UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self))
    }
}

/// One raw-deflate state and its buffers, reused piece after piece by one worker of the PNG
/// encoder. Each piece starts from a reset state, so its bytes do not depend on what the worker
/// compressed before.
final class Deflater {
    private var z = z_stream()
    private let outChunk = 64 << 10
    private let outBuf: UnsafeMutablePointer<UInt8>
    private var block: UnsafeMutablePointer<UInt8>?, blockBytes = 0
    private var noRowAbove: UnsafeMutablePointer<UInt32>?, noRowAboveWords = 0

    init(level: Int32) throws {
        // Raw deflate (negative window bits): the zlib header and checksum are the encoder's.
        guard deflateInit2_(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw RenderError.cairo(status: "zlib cannot start", during: "encoding the PNG")
        }
        outBuf = .allocate(capacity: outChunk)
    }

    deinit {
        deflateEnd(&z)
        outBuf.deallocate(); block?.deallocate(); noRowAbove?.deallocate()
    }

    /// Filters the rows ("Up") into a small buffer that zlib consumes as it goes (no image-sized
    /// copy) and compresses them. Ends with a sync flush (byte-aligned, for the next piece) or,
    /// for the image's last piece, finishes the deflate stream. Adler-32 of the filtered bytes.
    func compress(_ image: ImageRows, rows: Range<Int>, final: Bool) throws -> PNGEncoder.Compressed {
        deflateReset(&z)
        let rowBytes = image.rowBytes
        let rowsPerBlock = max(1, (64 << 10) / rowBytes)
        let block = buffer(rowBytes * rowsPerBlock)
        let above0 = zeroRow(image.w)
        var result = PNGEncoder.Compressed()
        result.bytes.reserveCapacity(rows.count * rowBytes / 16)
        var y = rows.lowerBound
        while y < rows.upperBound {
            let n = min(rowsPerBlock, rows.upperBound - y)
            for r in 0..<n {
                let above = y + r == 0 ? above0 : image.row(y + r - 1)
                PNGRowFilter.filterUp(image.row(y + r), above: above, image.w, image.channels, into: block + r * rowBytes)
            }
            y += n
            result.adler = adler32(result.adler, block, uInt(n * rowBytes))
            try deflate(block, n * rowBytes, flush: y < rows.upperBound ? Z_NO_FLUSH : final ? Z_FINISH : Z_SYNC_FLUSH,
                        into: &result.bytes)
        }
        return result
    }

    private func deflate(_ input: UnsafeMutablePointer<UInt8>, _ count: Int, flush: Int32, into out: inout [UInt8]) throws {
        z.next_in = input
        z.avail_in = uInt(count)
        repeat {
            z.next_out = outBuf
            z.avail_out = uInt(outChunk)
            let status = CCairo.deflate(&z, flush)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw RenderError.cairo(status: "zlib error \(status)", during: "encoding the PNG")
            }
            out.append(contentsOf: UnsafeBufferPointer(start: outBuf, count: outChunk - Int(z.avail_out)))
        } while z.avail_out == 0
    }

    private func buffer(_ bytes: Int) -> UnsafeMutablePointer<UInt8> {
        if let block, blockBytes >= bytes { return block }
        block?.deallocate()
        block = .allocate(capacity: bytes); blockBytes = bytes
        return block!
    }

    /// The row above the first: zeros, as the filter treats it.
    private func zeroRow(_ words: Int) -> UnsafePointer<UInt32> {
        if let noRowAbove, noRowAboveWords >= words { return UnsafePointer(noRowAbove) }
        noRowAbove?.deallocate()
        let p = UnsafeMutablePointer<UInt32>.allocate(capacity: words)
        p.initialize(repeating: 0, count: words)
        noRowAbove = p; noRowAboveWords = words
        return UnsafePointer(p)
    }
}
