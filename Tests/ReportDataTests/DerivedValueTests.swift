import Testing
@testable import ReportData

@Suite struct DerivedValueTests {
    let figures: [String: Quantity] = [
        "total": Quantity(6.78, unit: "亿元"), "growth": Quantity(18, unit: "%"),
        "avg": Quantity(569.7, unit: "万元"), "prev": Quantity(5.2, unit: "亿元"),
        "roads": Quantity(267.83, unit: "公里"), "approx": Quantity(3, unit: "万条", qualifier: .moreThan),
    ]
    func eval(_ text: String, unit: String? = nil) -> Result<Quantity, FormulaError> {
        Formula.parse(text).flatMap { $0.evaluate({ figures[$0] }, unit: unit) }
    }

    @Test func formulas() throws {
        let prev = try eval("previous_from_growth(total: total, growth: growth)").get()
        #expect(abs(prev.value - 5.745762711864407) < 1e-12 && prev.unit == "亿元")
        let rate = try eval("growth_rate(current: total, previous: prev)").get()
        #expect(abs(rate.value - 30.384615384615) < 1e-9 && rate.unit == "%")
        let villages = try eval("ratio(numerator: total, denominator: avg)", unit: "个").get()
        #expect(abs(villages.value - 119.0099) < 1e-3 && villages.unit == "个")
        #expect(try eval("difference(a: total, b: avg)").get().value == 6.78 - 0.05697)
        #expect(try eval("sum(total, prev, avg)", unit: "万元").get() == Quantity((6.78 + 5.2 + 0.05697) * 1e4, unit: "万元"))
        #expect(try eval("sum(approx, approx)").get().qualifier == .about)
    }

    @Test func formulaErrors() {
        #expect(eval("previous_from_growth(total: total)") == .failure(.arguments("previous_from_growth")))
        #expect(eval("median(total, prev)") == .failure(.unknown("median")))
        #expect(eval("total / growth") == .failure(.syntax("total / growth")))
        #expect(eval("difference(a: total, b: missing)") == .failure(.missingInput("missing")))
        #expect(eval("difference(a: total, b: roads)") == .failure(.unitMismatch("亿元 vs 公里")))
        #expect(eval("previous_from_growth(total: total, growth: prev)") == .failure(.unitMismatch("growth must be in %")))
    }
}
