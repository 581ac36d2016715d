#if canImport(Glibc)
import Glibc
#endif

/// PNG rows from Cairo's ARGB32 words: straight RGB(A) bytes under filter "Up" (each byte minus
/// the one above it). A chart is mostly rows and runs of pixels equal to the ones above (background,
/// bars, grid gaps), which become zeros; those are found by comparing the 32-bit words, so only the
/// pixels that differ are converted.
enum PNGRowFilter {
    /// True when every pixel is opaque (alpha 0xff): the image is then written as RGB.
    static func isOpaque(_ data: UnsafeMutablePointer<UInt8>, _ w: Int, _ h: Int, _ stride: Int) -> Bool {
        for y in 0..<h {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            // One AND over the row (vectorised), not a test per pixel.
            var all: UInt32 = 0xFFFF_FFFF
            for x in 0..<w { all &= row[x] }
            if all >> 24 != 0xff { return false }
        }
        return true
    }

    /// Whether image row `y` (y ≥ 1) has exactly the words of row `y - 1`: its filtered bytes are
    /// then all zero.
    static func repeatsRowAbove(_ data: UnsafeMutablePointer<UInt8>, _ y: Int, _ w: Int, _ stride: Int) -> Bool {
        memcmp(data + y * stride, data + (y - 1) * stride, w * 4) == 0
    }

    /// Writes the filter byte and the filtered row: `above` is the image row above (all zero words
    /// for the first row, which the filter treats as zeros). `out` holds `1 + w * channels` bytes.
    /// The rounding of un-premultiplying is Cairo's own (`(c * 255 + a / 2) / a`), so the pixels
    /// match its PNG writer.
    @inline(__always)
    static func filterUp(_ row: UnsafePointer<UInt32>, above: UnsafePointer<UInt32>, _ w: Int, _ channels: Int,
                         into out: UnsafeMutablePointer<UInt8>) {
        out[0] = 2
        let o = out + 1
        memset(o, 0, w * channels)
        if channels == 3 {
            for x in 0..<w where row[x] != above[x] {
                let v = row[x], u = above[x], i = 3 * x
                o[i] = UInt8(truncatingIfNeeded: v >> 16) &- UInt8(truncatingIfNeeded: u >> 16)
                o[i + 1] = UInt8(truncatingIfNeeded: v >> 8) &- UInt8(truncatingIfNeeded: u >> 8)
                o[i + 2] = UInt8(truncatingIfNeeded: v) &- UInt8(truncatingIfNeeded: u)
            }
            return
        }
        for x in 0..<w where row[x] != above[x] {
            let p = straight(row[x]), q = straight(above[x]), i = 4 * x
            o[i] = p.0 &- q.0; o[i + 1] = p.1 &- q.1; o[i + 2] = p.2 &- q.2; o[i + 3] = p.3 &- q.3
        }
    }

    /// A premultiplied ARGB32 word as straight (r, g, b, a).
    @inline(__always)
    static func straight(_ v: UInt32) -> (UInt8, UInt8, UInt8, UInt8) {
        let a = v >> 24
        @inline(__always) func c(_ shift: UInt32) -> UInt8 {
            let c = (v >> shift) & 0xff
            if a == 0xff { return UInt8(c) }
            return a == 0 ? 0 : UInt8((c * 255 + a / 2) / a)
        }
        return (c(16), c(8), c(0), UInt8(a))
    }
}
