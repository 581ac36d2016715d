import CCairo
import CDeflateLevel
import Foundation
@testable import ReportRender
import ReportScene
import TestSupport
import Testing

/// cairo's PDF streams are deflated at `PDFWriter.streamLevel` (deflate_level.c), only inside
/// the writer: the zlib header's FLEVEL bits (RFC 1950) name the level class of every stream.
@Suite struct PDFStreamLevelTests {
    /// The second byte of each stream's zlib header (`78 01` = level 1, `78 9C` = level 6).
    static func headerBytes(_ pdf: [UInt8]) -> [UInt8] {
        let marker = Array("stream\n".utf8)
        var out: [UInt8] = []
        var i = 0
        while i + marker.count + 2 <= pdf.count {
            if pdf[i] == marker[0], Array(pdf[i..<i + marker.count]) == marker,
               i < 3 || Array(pdf[i - 3..<i]) != Array("end".utf8) {
                let at = i + marker.count
                if pdf[at] == 0x78 { out.append(pdf[at + 1]) }
                i = at
            } else {
                i += 1
            }
        }
        return out
    }

    @Test func everyStreamOfTheWriterIsAtTheFastLevel() throws {
        #expect(PDFWriter.streamLevel == 1)
        let headers = Self.headerBytes(try PDFWriter.render(Fixtures.document()))
        // Page contents, the embedded font programs, the structure tree: all deflated.
        #expect(headers.count >= 4, "\(headers)")
        #expect(headers.allSatisfy { $0 == 0x01 }, "zlib header levels: \(headers.map { String($0, radix: 16) })")
    }

    /// Outside the writer, a default-level stream is zlib's own level 6, byte for byte.
    @Test func outsideTheWriterTheDefaultLevelIsZlibs() throws {
        let input = Array((0..<20_000).map { UInt8(truncatingIfNeeded: ($0 * 7919) % 251) })
        let viaDefault = try Self.deflate(input, defaultLevel: nil)
        #expect(viaDefault == (try Self.deflate(input, level: 6)))
        #expect(try Self.deflate(input, defaultLevel: 1) == (try Self.deflate(input, level: 1)))
        // The scope ended: back to level 6.
        #expect(try Self.deflate(input, defaultLevel: nil) == viaDefault)
    }

    static func deflate(_ input: [UInt8], defaultLevel: Int32?) throws -> [UInt8] {
        if let defaultLevel { report_deflate_default_begin(defaultLevel) }
        defer { if defaultLevel != nil { report_deflate_default_end() } }
        return try deflate(input, start: { deflateInit_(&$0, Z_DEFAULT_COMPRESSION, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) })
    }

    static func deflate(_ input: [UInt8], level: Int32) throws -> [UInt8] {
        try deflate(input, start: {
            deflateInit2_(&$0, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        })
    }

    static func deflate(_ input: [UInt8], start: (inout z_stream) -> Int32) throws -> [UInt8] {
        var z = z_stream()
        try #require(start(&z) == Z_OK)
        defer { deflateEnd(&z) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&z, uLong(input.count))))
        var data = input
        let status = data.withUnsafeMutableBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                z.next_in = i.baseAddress; z.avail_in = uInt(i.count)
                z.next_out = o.baseAddress; z.avail_out = uInt(o.count)
                return CCairo.deflate(&z, Z_FINISH)
            }
        }
        try #require(status == Z_STREAM_END)
        return Array(out[0..<Int(z.total_out)])
    }
}
