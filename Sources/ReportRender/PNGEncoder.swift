import CCairo
#if canImport(Glibc)
import Glibc
#endif

/// Encodes a Cairo ARGB32 image surface as PNG with zlib directly, instead of
/// `cairo_surface_write_to_png_stream`: that goes through libpng at zlib's default level 6 and
/// spends ~95% of a 1600×1000 chart's PNG time compressing. Charts are flat colours and
/// anti-aliased edges, where a fast level and a fixed filter lose little size (see
/// docs/performance.md). The pixels are exactly Cairo's (same un-premultiplication).
///
/// The image data is one zlib stream made of bands: rows that repeat the row above (all zero
/// under filter "Up") in bands of at least `zeroBand` rows are written as fixed-Huffman blocks
/// (`PNGZeroRows`), every other band through zlib (raw deflate, reset at each band so that no
/// match reaches back across bytes zlib did not see). The output is a function of the pixels
/// alone.
enum PNGEncoder {
    /// zlib level: 1–3 use the fast deflate path; beyond 3 time grows faster than size shrinks.
    static let level: Int32 = 2
    /// Fewer repeated rows than this stay in zlib's band: each switch costs a zlib block header
    /// (tens of bytes) and a reset.
    static let zeroBand = 4

    static func encode(_ surface: OpaquePointer) throws -> [UInt8] {
        cairo_surface_flush(surface)
        guard cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32,
              let data = cairo_image_surface_get_data(surface) else {
            throw RenderError.cairo(status: "not an ARGB32 image", during: "encoding the PNG")
        }
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        // Opaque images (every chart on a white page) are written as RGB: a quarter less to compress.
        let opaque = PNGRowFilter.isOpaque(data, w, h, stride)
        let channels = opaque ? 3 : 4
        let idat = try zlibStream(data, w, h, stride, channels, bands: bands(data, w, h, stride))
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        // Exactly the file's size: a build holds every chart's bytes until it writes them.
        png.reserveCapacity(8 + 25 + 12 + idat.count + 12)
        var ihdr = [UInt8]()
        ihdr.appendBigEndian(UInt32(w)); ihdr.appendBigEndian(UInt32(h))
        ihdr += [8, opaque ? 2 : 6, 0, 0, 0]   // 8-bit RGB / RGBA, deflate, adaptive filters, no interlace
        chunk("IHDR", ihdr, into: &png)
        chunk("IDAT", idat, into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    /// Consecutive rows, in order: `repeated` bands are rows equal to the row above.
    struct Band: Equatable { var rows: Range<Int>; var repeated: Bool }

    /// The image's rows as bands; the first row is never a repeat (it has no row above).
    static func bands(_ data: UnsafeMutablePointer<UInt8>, _ w: Int, _ h: Int, _ stride: Int) -> [Band] {
        var repeats = [Bool](repeating: false, count: h)
        for y in 1..<max(h, 1) { repeats[y] = PNGRowFilter.repeatsRowAbove(data, y, w, stride) }
        return bands(repeats: repeats)
    }

    /// Runs of at least `zeroBand` repeated rows become repeated bands; the rest are filtered.
    static func bands(repeats: [Bool]) -> [Band] {
        var out: [Band] = []
        var y = 0
        while y < repeats.count {
            var end = y
            while end < repeats.count && repeats[end] { end += 1 }
            if end - y >= zeroBand {
                out.append(Band(rows: y..<end, repeated: true))
            } else {
                end = max(end, y + 1)
                if let last = out.last, !last.repeated { out[out.count - 1].rows = last.rows.lowerBound..<end }
                else { out.append(Band(rows: y..<end, repeated: false)) }
            }
            y = end
        }
        return out
    }

    /// The zlib stream (RFC 1950) of the filtered rows: header, the bands' deflate blocks, Adler-32.
    private static func zlibStream(_ data: UnsafeMutablePointer<UInt8>, _ w: Int, _ h: Int, _ stride: Int,
                                   _ channels: Int, bands: [Band]) throws -> [UInt8] {
        var z = z_stream()
        // Raw deflate (negative window bits): the header and checksum are ours, over all bands.
        guard deflateInit2_(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw RenderError.cairo(status: "zlib cannot start", during: "encoding the PNG")
        }
        defer { deflateEnd(&z) }
        let rowBytes = 1 + w * channels
        var out: [UInt8] = [0x78, 0x01]
        out.reserveCapacity(w * h / 32)
        var adler = adler32(0, nil, 0)
        // The checksum of one repeated row (filter byte 2 and zeros), combined in per row.
        var zeroRow = [UInt8](repeating: 0, count: rowBytes)
        zeroRow[0] = 2
        let zeroRowAdler = zeroRow.withUnsafeBufferPointer { adler32(1, $0.baseAddress, uInt(rowBytes)) }
        var zlibBands = 0
        for (i, band) in bands.enumerated() {
            let final = i == bands.count - 1
            if band.repeated {
                PNGZeroRows.write(rows: band.rows.count, zeros: rowBytes - 1, final: final, into: &out)
                for _ in band.rows { adler = adler32_combine(adler, zeroRowAdler, off_t(rowBytes)) }
            } else {
                if zlibBands > 0 { deflateReset(&z) }
                zlibBands += 1
                adler = try deflateBand(&z, data, w, stride, channels, rows: band.rows, final: final, adler: adler, into: &out)
            }
        }
        out.appendBigEndian(UInt32(adler))
        return out
    }

    /// Filters the band row by row into a small buffer that zlib consumes as it goes: no
    /// image-sized copy. Ends with a sync flush (byte-aligned, for the next band) or, last, finishes.
    private static func deflateBand(_ z: inout z_stream, _ data: UnsafeMutablePointer<UInt8>, _ w: Int, _ stride: Int,
                                    _ channels: Int, rows: Range<Int>, final: Bool, adler: uLong,
                                    into out: inout [UInt8]) throws -> uLong {
        var adler = adler
        let rowBytes = 1 + w * channels
        let rowsPerBlock = max(1, (64 << 10) / rowBytes)
        let block = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes * rowsPerBlock)
        let noRowAbove = UnsafeMutablePointer<UInt32>.allocate(capacity: w)
        let outChunk = 64 << 10
        let outBuf = UnsafeMutablePointer<UInt8>.allocate(capacity: outChunk)
        defer { block.deallocate(); noRowAbove.deallocate(); outBuf.deallocate() }
        noRowAbove.initialize(repeating: 0, count: w)
        func row(_ y: Int) -> UnsafePointer<UInt32> {
            UnsafePointer(UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self))
        }
        var y = rows.lowerBound
        while y < rows.upperBound {
            let n = min(rowsPerBlock, rows.upperBound - y)
            for r in 0..<n {
                let above = y + r == 0 ? UnsafePointer(noRowAbove) : row(y + r - 1)
                PNGRowFilter.filterUp(row(y + r), above: above, w, channels, into: block + r * rowBytes)
            }
            y += n
            adler = adler32(adler, block, uInt(n * rowBytes))
            z.next_in = block
            z.avail_in = uInt(n * rowBytes)
            let flush = y < rows.upperBound ? Z_NO_FLUSH : final ? Z_FINISH : Z_SYNC_FLUSH
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
        return adler
    }

    private static func chunk(_ type: String, _ body: [UInt8], into png: inout [UInt8]) {
        png.appendBigEndian(UInt32(body.count))
        let start = png.count
        png += Array(type.utf8)
        png += body
        let crc = png.withUnsafeBufferPointer { crc32(0, $0.baseAddress! + start, uInt($0.count - start)) }
        png.appendBigEndian(UInt32(crc))
    }
}

private extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8((v >> 16) & 0xff)); append(UInt8((v >> 8) & 0xff)); append(UInt8(v & 0xff))
    }
}
