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
        // Opaque images (every chart on a white page) are written as RGB: a quarter less to compress.
        let opaque = isOpaque(data, w, h, stride)
        let channels = opaque ? 3 : 4
        let rowBytes = 1 + w * channels
        var raw = [UInt8](repeating: 0, count: rowBytes * h)
        raw.withUnsafeMutableBufferPointer { out in
            var prev = [UInt8](repeating: 0, count: w * channels), cur = prev
            for y in 0..<h {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                unpremultiply(row, w, opaque, &cur)
                // Filter "Up" (the row minus the one above): long identical rows (background, bars,
                // grid gaps) become zeros, which deflate's fast levels match cheaply.
                let base = y * rowBytes
                out[base] = 2
                for i in 0..<cur.count { out[base + 1 + i] = cur[i] &- prev[i] }
                swap(&prev, &cur)
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var ihdr = [UInt8]()
        ihdr.appendBigEndian(UInt32(w)); ihdr.appendBigEndian(UInt32(h))
        ihdr += [8, opaque ? 2 : 6, 0, 0, 0]   // 8-bit RGB / RGBA, deflate, adaptive filters, no interlace
        chunk("IHDR", ihdr, into: &png)
        chunk("IDAT", try deflate(raw), into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    private static func isOpaque(_ data: UnsafeMutablePointer<UInt8>, _ w: Int, _ h: Int, _ stride: Int) -> Bool {
        for y in 0..<h {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<w where row[x] >> 24 != 0xff { return false }
        }
        return true
    }

    /// Cairo's ARGB32 is native-endian premultiplied; PNG wants straight RGB(A) bytes. The
    /// rounding is Cairo's own (`(c * 255 + a / 2) / a`), so the pixels match its PNG writer.
    private static func unpremultiply(_ row: UnsafePointer<UInt32>, _ w: Int, _ opaque: Bool, _ out: inout [UInt8]) {
        out.withUnsafeMutableBufferPointer { o in
            if opaque {
                for x in 0..<w {
                    let v = row[x]
                    o[3 * x] = UInt8(truncatingIfNeeded: v >> 16)
                    o[3 * x + 1] = UInt8(truncatingIfNeeded: v >> 8)
                    o[3 * x + 2] = UInt8(truncatingIfNeeded: v)
                }
                return
            }
            for x in 0..<w {
                let v = row[x], a = v >> 24
                func c(_ shift: UInt32) -> UInt8 {
                    let c = (v >> shift) & 0xff
                    if a == 0xff { return UInt8(c) }
                    return a == 0 ? 0 : UInt8((c * 255 + a / 2) / a)
                }
                o[4 * x] = c(16); o[4 * x + 1] = c(8); o[4 * x + 2] = c(0); o[4 * x + 3] = UInt8(a)
            }
        }
    }

    private static func deflate(_ input: [UInt8]) throws -> [UInt8] {
        var size = compressBound(uLong(input.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { o in
            input.withUnsafeBufferPointer { i in compress2(o.baseAddress, &size, i.baseAddress, uLong(i.count), level) }
        }
        guard status == Z_OK else { throw RenderError.cairo(status: "zlib error \(status)", during: "encoding the PNG") }
        out.removeSubrange(Int(size)...)
        return out
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
