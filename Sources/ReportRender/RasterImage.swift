/// A rendered bitmap: straight (non-premultiplied) RGBA, 8 bits per channel, rows top to bottom.
public struct RasterImage: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public let rgba: [UInt8]

    public init(width: Int, height: Int, rgba: [UInt8]) {
        precondition(rgba.count == width * height * 4, "RGBA buffer does not match \(width)×\(height)")
        self.width = width; self.height = height; self.rgba = rgba
    }

    /// (r, g, b, a) at pixel (x, y).
    public func pixel(x: Int, y: Int) -> (UInt8, UInt8, UInt8, UInt8) {
        let i = (y * width + x) * 4
        return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3])
    }
}
