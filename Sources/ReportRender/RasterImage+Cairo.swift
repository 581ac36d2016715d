import CCairo

extension RasterImage {
    /// Copies a Cairo ARGB32 image surface (native-endian words, premultiplied alpha) into
    /// straight RGBA.
    init(surface: OpaquePointer) {
        cairo_surface_flush(surface)
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        var rgba = [UInt8](repeating: 0, count: w * h * 4)
        if let data = cairo_image_surface_get_data(surface) {
            for y in 0..<h {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<w {
                    let v = row[x]
                    let a = v >> 24
                    func channel(_ shift: UInt32) -> UInt8 {
                        let c = (v >> shift) & 0xff
                        return a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a))
                    }
                    let i = (y * w + x) * 4
                    rgba[i] = channel(16); rgba[i + 1] = channel(8); rgba[i + 2] = channel(0); rgba[i + 3] = UInt8(a)
                }
            }
        }
        self.init(width: w, height: h, rgba: rgba)
    }

    /// Decodes a PNG file (any PNG libpng reads), e.g. another renderer's output to compare with ours.
    public init?(pngFile path: String) {
        guard let surface = cairo_image_surface_create_from_png(path) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
              cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32
                || cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24 else { return nil }
        let opaque = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24
        var image = RasterImage(surface: surface)
        if opaque {
            // RGB24 leaves the alpha byte undefined: every pixel is opaque.
            var px = image.rgba
            for i in stride(from: 3, to: px.count, by: 4) { px[i] = 255 }
            image = RasterImage(width: image.width, height: image.height, rgba: px)
        }
        self = image
    }

    /// Mean absolute difference of the RGB channels (0–255) against an image of the same size,
    /// over pixels composited on white.
    public func meanDifference(to other: RasterImage) -> Double? {
        guard width == other.width, height == other.height else { return nil }
        var sum = 0.0
        for i in stride(from: 0, to: rgba.count, by: 4) {
            let a1 = Double(rgba[i + 3]) / 255, a2 = Double(other.rgba[i + 3]) / 255
            for c in 0..<3 {
                let v1 = Double(rgba[i + c]) * a1 + 255 * (1 - a1)
                let v2 = Double(other.rgba[i + c]) * a2 + 255 * (1 - a2)
                sum += abs(v1 - v2)
            }
        }
        return sum / Double(width * height * 3)
    }
}
