#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes with fopen/fwrite, as the baseline's Cairo file surfaces do: Foundation's
/// `Data.write` adds an fsync per file, which is not what is being compared.
func writeFile(_ bytes: [UInt8], to path: String) throws {
    guard let f = fopen(path, "wb") else { throw BenchError.badData("cannot write \(path)") }
    defer { fclose(f) }
    let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
    guard written == bytes.count else { throw BenchError.badData("short write to \(path)") }
}
