import Testing
import ReportScene
@testable import ReportCharts

/// Print-quality breaking of category names (fixed measurer: CJK 1 em, Latin 0.55 em).
@Suite struct BarChartLabelLinesTests {
    let style = ChartTheme.standard.style(size: 10)

    func lines(_ text: String, width: Double, maxLines: Int = 4) throws -> [String]? {
        try ChartLabelFit(fixed).lines(text, style, width: width, maxLines: maxLines)?
            .split(separator: "\n").map(String.init)
    }

    @Test(arguments: [
        ("链主工厂培育", 30.0, ["链主", "工厂", "培育"]),
        ("城市综合体", 40.0, ["城市", "综合体"]),
        ("iPhone产业园", 40.0, ["iPhone", "产业园"]),
        ("临平区的未来工厂", 50.0, ["临平区的", "未来工厂"]),
    ])
    func breaksAtPhraseBoundaries(text: String, width: Double, expected: [String]) throws {
        #expect(try lines(text, width: width) == expected)
    }

    @Test func neverInsideALatinWordNumberWithUnitOrDateRange() throws {
        for text in ["e-commerce综合服务中心", "2020—2022年新增项目", "新增569.7万元收入", "5G基站建设"] {
            let l = try #require(try lines(text, width: 60))
            #expect(l.joined() == text)
            for atom in ["e-commerce", "2020—2022年", "569.7万元", "5G"] where text.contains(atom) {
                #expect(l.contains { $0.contains(atom) }, "\(atom) split in \(l)")
            }
        }
        // A word wider than the column cannot be set: no fit rather than a broken word.
        #expect(try lines("e-commerce", width: 30) == nil)
    }

    @Test func noLoneCharacterAndBalancedLines() throws {
        var rng = SeededGenerator(seed: 11)
        let pool = Array(BarSpecGenerator.cjk)
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 2...30, using: &rng)).map { _ in pool.randomElement(using: &rng)! })
            let width = Double(Int.random(in: 3...9, using: &rng)) * 10
            guard let l = try lines(text, width: width, maxLines: 8) else { continue }
            #expect(l.joined() == text)
            #expect(l.allSatisfy { $0.count >= 2 }, "\(l)")
            #expect(l.allSatisfy { Double($0.count) * 10 <= width + 0.01 })
            // Balanced: no line less than half the longest unless it is the label's only short tail.
            if l.count > 1 { #expect(l.map(\.count).min()! * 3 >= l.map(\.count).max()!, "\(l)") }
        }
    }

    @Test func verticalSettingKeepsRunsWhole() throws {
        let fit = ChartLabelFit(fixed)
        #expect(try fit.verticalLines("星桥第12村", style, width: 12) == "星\n桥\n第\n12\n村")
        #expect(try fit.verticalLines("2022年", style, width: 12) == nil)
    }
}
