// libFuzzer target: the formula parser, and evaluation of what parses against a fixed set of
// quantities (units that convert, do not convert, zero divisors).
import Foundation
import ReportData

/// Names a formula may refer to; any other name is a missing input.
let quantities: [String: Quantity] = [
    "a": Quantity(6.78, unit: "亿元"), "b": Quantity(6780, unit: "万元"), "g": Quantity(12.5, unit: "%"),
    "zero": Quantity(0, unit: "亿元"), "n": Quantity(54, unit: "家"), "neg": Quantity(-100, unit: "%"),
    "about": Quantity(3, unit: "公里", qualifier: .about),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormula(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    guard case .success(let formula) = Formula.parse(text) else { return 0 }
    for unit in [nil, "亿元", "%", "家"] as [String?] {
        _ = formula.evaluate({ id in quantities[id] }, unit: unit)
    }
    return 0
}
