#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// C's printf of one Double (`%.12g`, `%.2f`, …) straight into a stack buffer: the same digits
/// as `String(format:)` (which hands doubles to the C library's printf in the C locale), without
/// Foundation's format-string machinery, which made number formatting a third of the time of a
/// 10,000-bar chart (every value is written for its label, its alt text and the value list).
enum PrintfNumber {
    /// `format` holds exactly one double conversion, e.g. "%.12g" or "%.3f".
    static func string(_ format: String, _ v: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buf in
            let n = withVaList([v]) { vsnprintf(buf.baseAddress!, buf.count, format, $0) }
            // %f of a huge value (1e300) needs more than the buffer: fall back to an exact-size heap buffer.
            guard n >= 0, n < buf.count else { return large(format, v, Int(n)) }
            return String(decoding: UnsafeRawBufferPointer(start: buf.baseAddress!, count: Int(n)), as: UTF8.self)
        }
    }

    private static func large(_ format: String, _ v: Double, _ n: Int) -> String {
        guard n >= 0 else { return "" }
        var bytes = [CChar](repeating: 0, count: n + 1)
        _ = withVaList([v]) { vsnprintf(&bytes, bytes.count, format, $0) }
        return String(decoding: bytes.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The conversion for `digits` decimals ("%.0f" … "%.10f"), built once.
    static let fixed: [String] = (0...10).map { "%.\($0)f" }
}
