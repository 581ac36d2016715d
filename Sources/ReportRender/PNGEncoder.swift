import CCairo
import Dispatch
import ReportSync
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
/// (`PNGZeroRows`), every other band through zlib in pieces of at most `pieceBytes`, each from a
/// reset deflate state (no match reaches back into another piece), compressed side by side on
/// all cores: compressing is most of a chart's PNG time. The output is a function of the pixels
/// alone, whatever the number of cores.
enum PNGEncoder {
    /// zlib level: 1–3 use the fast deflate path; beyond 3 time grows faster than size shrinks.
    static let level: Int32 = 2
    /// Fewer repeated rows than this stay in zlib's band: each switch costs a zlib block header
    /// (tens of bytes) and a reset.
    static let zeroBand = 4

    /// `workers`: at most this many threads (default: one per core); the bytes are the same for any.
    static func encode(_ surface: OpaquePointer, workers: Int? = nil) throws -> [UInt8] {
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
        let idat = try zlibStream(data, w, h, stride, channels, bands: bands(data, w, h, stride), workers: workers)
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

    /// A stretch of rows written on its own: a repeated band, or up to `pieceBytes` of filtered
    /// rows compressed from a fresh deflate state, so that pieces compress side by side.
    struct Piece: Equatable { var rows: Range<Int>; var repeated: Bool }

    /// Filtered bytes per compressed piece: large enough that restarting the dictionary costs
    /// almost nothing (a few hundred bytes per piece), small enough that a chart's image gives
    /// every core several pieces. Fixed, so the bytes do not depend on the machine's cores.
    static let pieceBytes = 512 << 10

    /// The bands cut into pieces, in order: repeated bands whole, the others every `pieceRows` rows.
    static func pieces(_ bands: [Band], rowBytes: Int) -> [Piece] {
        let pieceRows = max(1, pieceBytes / rowBytes)
        var out: [Piece] = []
        for band in bands {
            if band.repeated { out.append(Piece(rows: band.rows, repeated: true)); continue }
            for y in stride(from: band.rows.lowerBound, to: band.rows.upperBound, by: pieceRows) {
                out.append(Piece(rows: y..<min(y + pieceRows, band.rows.upperBound), repeated: false))
            }
        }
        return out
    }

    /// The zlib stream (RFC 1950) of the filtered rows: header, the pieces' deflate blocks in
    /// order, Adler-32 (each piece's checksum combined in).
    private static func zlibStream(_ data: UnsafeMutablePointer<UInt8>, _ w: Int, _ h: Int, _ stride: Int,
                                   _ channels: Int, bands: [Band], workers: Int?) throws -> [UInt8] {
        let rowBytes = 1 + w * channels
        let pieces = pieces(bands, rowBytes: rowBytes)
        let compressed = try compressPieces(pieces, data, w, stride, channels, workers: workers)
        var out: [UInt8] = [0x78, 0x01]
        out.reserveCapacity(2 + compressed.reduce(0) { $0 + $1.bytes.count } + 64 * pieces.count + 4)
        var adler = adler32(0, nil, 0)
        // The checksum of one repeated row (filter byte 2 and zeros), combined in per row.
        var zeroRow = [UInt8](repeating: 0, count: rowBytes)
        zeroRow[0] = 2
        let zeroRowAdler = zeroRow.withUnsafeBufferPointer { adler32(1, $0.baseAddress, uInt(rowBytes)) }
        for (i, piece) in pieces.enumerated() {
            if piece.repeated {
                PNGZeroRows.write(rows: piece.rows.count, zeros: rowBytes - 1, final: i == pieces.count - 1, into: &out)
                for _ in piece.rows { adler = adler32_combine(adler, zeroRowAdler, off_t(rowBytes)) }
            } else {
                let c = compressed[i]
                out += c.bytes
                adler = adler32_combine(adler, c.adler, off_t(piece.rows.count * rowBytes))
            }
        }
        out.appendBigEndian(UInt32(adler))
        return out
    }

    /// Deflate blocks and Adler-32 of one compressed piece (empty for a repeated one).
    struct Compressed { var bytes: [UInt8] = []; var adler: uLong = 1 }

    /// Compresses the non-repeated pieces, one worker per core, each with its own deflate state
    /// reset before every piece: the bytes are the same whichever worker takes a piece.
    private static func compressPieces(_ pieces: [Piece], _ data: UnsafeMutablePointer<UInt8>, _ w: Int,
                                       _ stride: Int, _ channels: Int, workers limit: Int?) throws -> [Compressed] {
        let work = pieces.indices.filter { !pieces[$0].repeated }
        let results = Locked([Result<Compressed, Error>](repeating: .success(Compressed()), count: pieces.count))
        let workers = min(work.count, limit ?? Int.max, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let image = ImageRows(data: data, w: w, stride: stride, channels: channels)
        let last = pieces.count - 1
        guard workers > 1 else {
            let deflater = try Deflater(level: level)
            return try pieces.indices.map { i in
                pieces[i].repeated ? Compressed() : try deflater.compress(image, rows: pieces[i].rows, final: i == last)
            }
        }
        DispatchQueue.concurrentPerform(iterations: workers) { t in
            // Worker t takes every workers-th piece: pieces are about the same size.
            let deflater = Result { try Deflater(level: level) }
            for k in Swift.stride(from: t, to: work.count, by: workers) {
                let i = work[k]
                let r = Result { try deflater.get().compress(image, rows: pieces[i].rows, final: i == last) }
                results.withLock { $0[i] = r }
            }
        }
        return try results.withLock { $0 }.map { try $0.get() }
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
