import Foundation
import ReportRender
import ReportScene

/// Bounding box of non-white pixels, converted to points, for "measured equals drawn" checks.
struct InkBox {
    /// From a rendered raster at `scale` pixels per point, optionally only inside `region` (points).
    static func of(_ image: RasterImage, scale: Double, within region: Rect? = nil) -> Rect? {
        box(width: image.width, height: image.height, scale: scale) { x, y in
            if let r = region, !r.contains(Rect(x: (Double(x) + 0.5) / scale, y: (Double(y) + 0.5) / scale, width: 0, height: 0)) { return false }
            let p = image.pixel(x: x, y: y)
            return min(p.0, p.1, p.2) < 255
        }
    }

    /// From a binary PGM (P5) file as written by `pdftoppm -gray`.
    static func ofPGM(_ data: [UInt8], scale: Double) -> Rect? {
        // Header: "P5" <ws> width <ws> height <ws> maxval <single ws> pixels.
        var fields: [Int] = [], i = 2, current = ""
        while fields.count < 3, i < data.count {
            let c = Character(UnicodeScalar(data[i]))
            if c.isWhitespace { if !current.isEmpty { fields.append(Int(current)!); current = "" } } else { current.append(c) }
            i += 1
        }
        let (w, h) = (fields[0], fields[1])
        let pixels = data[i...]
        let base = pixels.startIndex
        return box(width: w, height: h, scale: scale) { x, y in pixels[base + y * w + x] < 255 }
    }

    private static func box(width: Int, height: Int, scale: Double, isInk: (Int, Int) -> Bool) -> Rect? {
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
        for y in 0..<height {
            for x in 0..<width where isInk(x, y) {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        guard maxX >= 0 else { return nil }
        return Rect(x: Double(minX) / scale, y: Double(minY) / scale,
                    width: Double(maxX + 1 - minX) / scale, height: Double(maxY + 1 - minY) / scale)
    }
}
