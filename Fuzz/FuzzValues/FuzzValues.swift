// libFuzzer target: the date parser (ISO, Chinese, relative, spans) and the number parser
// (full-width digits, separators, 万/亿 scales, ranges) on the same cell text.
import Foundation
import ReportData

let dates = DateParser(reportDate: PartialDate(year: 2022)!)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValues(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    _ = dates.parse(text)
    if case .success(let n) = NumberParser.parse(text) {
        // A parsed number is finite: "1e999" or a 400-digit integer must be an error, not ∞.
        if !n.value.isFinite {
            fatalError("non-finite number from \(text.debugDescription): \(n)")
        }
    }
    return 0
}
