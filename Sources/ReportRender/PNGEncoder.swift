import CCairo

/// Encodes a Cairo ARGB32 image surface as PNG with zlib directly, instead of
/// `cairo_surface_write_to_png_stream`: that goes through libpng at zlib's default level 6 and
/// spends ~95% of a 1600×1000 chart's PNG time compressing. Charts are flat colours and
/// anti-aliased edges, where a fast level and a fixed filter lose little size (see
/// docs/performance.md). The pixels are exactly Cairo's (same un-premultiplication).
enum PNGEncoder {
    /// zlib level: 1–3 use the fast deflate path; beyond 3 time grows faster than size shrinks.
    static let level: Int32 = 2

    static func encode(_ surface: OpaquePointer) throws -> [UInt8] {
        cairo_surface_flush(surface)
        guard cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32,
              let data = cairo_image_surface_get_data(surface) else {
            throw RenderError.cairo(status: "not an ARGB32 image", during: "encoding the PNG")
        }
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        // The rounding of un-premultiplying is Cairo's own (`(c * 255 + a / 2) / a`), so the
        // pixels match its PNG writer.
        // Opaque images (every chart on a white page) are written as RGB: a quarter less to compress.
        let opaque = isOpaque(data, w, h, stride)
        let channels = opaque ? 3 : 4
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var ihdr = [UInt8]()
        ihdr.appendBigEndian(UInt32(w)); ihdr.appendBigEndian(UInt32(h))
        ihdr += [8, opaque ? 2 : 6, 0, 0, 0]   // 8-bit RGB / RGBA, deflate, adaptive filters, no interlace
        chunk("IHDR", ihdr, into: &png)
        chunk("IDAT", try filteredAndDeflated(data, w, h, stride, channels), into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    /// Filters row by row into a small buffer that zlib consumes as it goes: no image-sized copy
    /// (a 1920×1080 chart would need 6 MB of freshly faulted memory for the filtered rows alone).
    private static func filteredAndDeflated(_ data: UnsafeMutablePointer<UInt8>, _ w: Int, _ h: Int, _ stride: Int,
                                            _ channels: Int) throws -> [UInt8] {
        var z = z_stream()
        guard deflateInit_(&z, level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw RenderError.cairo(status: "zlib cannot start", during: "encoding the PNG")
        }
        defer { deflateEnd(&z) }
        let rowBytes = 1 + w * channels
        let rowsPerBlock = max(1, (64 << 10) / rowBytes)
        let block = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes * rowsPerBlock)
        let prev = UnsafeMutablePointer<UInt8>.allocate(capacity: w * channels)
        let outChunk = 64 << 10
        let outBuf = UnsafeMutablePointer<UInt8>.allocate(capacity: outChunk)
        defer { block.deallocate(); prev.deallocate(); outBuf.deallocate() }
        prev.initialize(repeating: 0, count: w * channels)
        var out: [UInt8] = []
        out.reserveCapacity(w * h / 4)
        var y = 0
        while y < h {
            let rows = min(rowsPerBlock, h - y)
            for r in 0..<rows {
                let src = UnsafeRawPointer(data + (y + r) * stride).assumingMemoryBound(to: UInt32.self)
                filterUp(src, w, channels, prev, into: block + r * rowBytes)
            }
            y += rows
            z.next_in = block
            z.avail_in = uInt(rows * rowBytes)
            let flush = y == h ? Z_FINISH : Z_NO_FLUSH
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
        return out
    }

    /// One row: Cairo's premultiplied native-endian ARGB32 → straight RGB(A) bytes, then filter
    /// "Up" (the row minus the one above, kept in `prev`): long identical rows (background, bars,
    /// grid gaps) become zeros, which deflate's fast levels match cheaply.
    @inline(__always)
    private static func filterUp(_ row: UnsafePointer<UInt32>, _ w: Int, _ channels: Int,
                                 _ prev: UnsafeMutablePointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) {
        out[0] = 2
        let o = out + 1
        if channels == 3 {
            for x in 0..<w {
                let v = row[x], i = 3 * x
                let r = UInt8(truncatingIfNeeded: v >> 16), g = UInt8(truncatingIfNeeded: v >> 8), b = UInt8(truncatingIfNeeded: v)
                o[i] = r &- prev[i]; o[i + 1] = g &- prev[i + 1]; o[i + 2] = b &- prev[i + 2]
                prev[i] = r; prev[i + 1] = g; prev[i + 2] = b
            }
            return
        }
        for x in 0..<w {
            let v = row[x], a = v >> 24, i = 4 * x
            @inline(__always) func c(_ shift: UInt32) -> UInt8 {
                let c = (v >> shift) & 0xff
                if a == 0xff { return UInt8(c) }
                return a == 0 ? 0 : UInt8((c * 255 + a / 2) / a)
            }
            let px = (c(16), c(8), c(0), UInt8(a))
            o[i] = px.0 &- prev[i]; o[i + 1] = px.1 &- prev[i + 1]; o[i + 2] = px.2 &- prev[i + 2]; o[i + 3] = px.3 &- prev[i + 3]
            prev[i] = px.0; prev[i + 1] = px.1; prev[i + 2] = px.2; prev[i + 3] = px.3
        }
    }

    private static func isOpaque(_ data: UnsafeMutablePointer<UInt8>, _ w: Int, _ h: Int, _ stride: Int) -> Bool {
        for y in 0..<h {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<w where row[x] >> 24 != 0xff { return false }
        }
        return true
    }

    private static func chunk(_ type: String, _ body: [UInt8], into png: inout [UInt8]) {
        png.appendBigEndian(UInt32(body.count))
        let typed = Array(type.utf8) + body
        png += typed
        let crc = typed.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        png.appendBigEndian(UInt32(crc))
    }
}

private extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8((v >> 16) & 0xff)); append(UInt8((v >> 8) & 0xff)); append(UInt8(v & 0xff))
    }
}
