import Testing
@testable import ReportCharts

@Suite struct ScaleTests {
    @Test func linearMapsAndInverts() {
        let s = LinearScale(domain: -10...30, range: 200, 0)
        #expect(s(-10) == 200)
        #expect(s(30) == 0)
        #expect(s(0) == 150)
        #expect(abs(s.invert(100) - 10) < 1e-9)
        #expect(s.slope == -5)
    }

    @Test func bandSplitsRange() {
        let b = BandScale(count: 4, range: 0, 100, paddingInner: 0.2, paddingOuter: 0.1)
        #expect(abs(b.step * (4 - 0.2 + 0.2) - 100) < 1e-9)
        #expect(abs(b.start(0) - b.step * 0.1) < 1e-9)
        #expect(abs(b.start(3) + b.bandwidth + b.step * 0.1 - 100) < 1e-9)
        #expect(abs(b.center(1) - (b.start(1) + b.bandwidth / 2)) < 1e-9)
    }

    @Test(arguments: [
        (6.78e8, "元", 1e8, "亿元"),
        (5_697_000.0, "元", 1e4, "万元"),
        (800.0, "元", 1.0, "元"),
        (9_999.0, "元", 1.0, "元"),
        (12_000.0, "", 1e4, "万"),
        (25_000.0, "万元", 1e4, "亿元"),
        (3_500.0, "万元", 1.0, "万元"),
        (0.5, "亿元", 1.0, "亿元"),
        (2.3e12, "元", 1e12, "万亿元"),
        (1.2e5, "万人次", 1e4, "亿人次"),
        (150_000.0, "%", 1.0, "%"),
        (0.0, "元", 1.0, "元"),
    ])
    func unitScalingTable(value: Double, unit: String, divisor: Double, expected: String) {
        let u = UnitScale.choose(maxMagnitude: value, unit: unit)
        #expect(u.unit == expected)
        #expect(u.divisor == divisor)
    }

    @Test func unitScaleApplies() {
        let u = UnitScale.choose(maxMagnitude: 6.78e8, unit: "元")
        #expect(abs(u.apply(6.78e8) - 6.78) < 1e-12)
    }
}
