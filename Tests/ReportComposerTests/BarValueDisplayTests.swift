import Foundation
import Testing
import ReportData
@testable import ReportComposer

/// Value labels are the prose's display and never state a false number.
@Suite struct BarValueDisplayTests {
    let formatter = ChineseFormatter()

    @Test func valuesTooSmallForTheAxisUnitCarryTheirOwn() {
        let display = BarValueDisplay(formatter: formatter, axisUnit: "亿元")
        let yuan = [1, 100, 25_000, 800_000, 5_920_000, 846_000_000.0]
        let labels = display.labels(yuan.map { Quantity($0 / 1e8, unit: "亿元") })
        #expect(labels == ["1元", "100元", "2.5万元", "80万元", "592万元", "8.46亿元"])
    }

    @Test func numbersOnlyWhenEveryValueReadsTrueInTheAxisUnit() {
        let display = BarValueDisplay(formatter: formatter, axisUnit: "亿元")
        let labels = display.labels([Quantity(6.78, unit: "亿元"), Quantity(5.75, unit: "亿元", qualifier: .planned),
                                     Quantity(1200, unit: "亿元", qualifier: .moreThan)])
        #expect(labels == ["6.78", "预计5.75", "1200余"])
        #expect(display.total(-2.3) == "-2.3亿元" || display.total(-2.3) == "−2.3亿元")
    }

    /// A plus sign the source wrote is in the bar's label as in the prose (+5, or +5万吨 with its own unit).
    @Test func anExplicitPlusIsKeptInLabels() {
        let display = BarValueDisplay(formatter: formatter, axisUnit: "万吨")
        #expect(display.labels([Quantity(5, unit: "万吨", explicitPlus: true), Quantity(12, unit: "万吨")]) == ["+5", "12"])
        let yuan = BarValueDisplay(formatter: formatter, axisUnit: "亿元")
        #expect(yuan.labels([Quantity(0.0005, unit: "亿元", explicitPlus: true), Quantity(8.46, unit: "亿元")]) == ["+5万元", "8.46亿元"])
    }

    @Test func randomValuesAreNeverFalse() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let unit = ["元", "万元", "亿元", "家", "%"].randomElement(using: &rng)!
            let values = (0..<Int.random(in: 1...8, using: &rng)).map { _ in
                (Bool.random(using: &rng) ? -1.0 : 1.0) * pow(10, Double.random(in: -2...9, using: &rng))
            }
            let axis = UnitScale.choose(for: values.map { Quantity($0, unit: unit) }) ?? unit
            let quantities = values.map { Quantity($0, unit: unit).converted(to: axis)! }
            let display = BarValueDisplay(formatter: formatter, axisUnit: axis)
            for (q, label) in zip(quantities, display.labels(quantities)) {
                let text = try #require(label)
                // The label is the formatter's display of the value, in the axis unit or its own.
                let number = String(text.prefix { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "-" })
                let unitShown = String(text.dropFirst(number.count))
                let parsed: Double? = Double(number)
                let shown = try #require(parsed, "\(text)")
                let converted: Quantity? = Quantity(shown, unit: unitShown).converted(to: axis)
                let inAxis = unitShown.isEmpty ? shown : try #require(converted).value
                #expect(shown != 0, "\(q.value) \(axis) shown as \(text)")
                #expect(abs(inAxis - q.value) <= 0.01 * abs(q.value) + 1e-12, "\(q.value) \(axis) shown as \(text)")
                if unitShown.isEmpty { #expect(text == formatter.quantity(Quantity(q.value, unit: ""))) }
            }
        }
    }
}
