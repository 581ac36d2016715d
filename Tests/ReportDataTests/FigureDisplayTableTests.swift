import Foundation
import Testing
@testable import ReportData

/// Issue 13: every figure reads as the source meant it. One table of (cell, unit, qualifier → display),
/// written from Chinese statistical and news usage, read through the same parsers the CSV loader uses.
@Suite struct FigureDisplayTableTests {
    let f = ChineseFormatter()

    /// cell text, unit, qualifier cell, expected display.
    static let cases: [(String, String, String, String)] = [
        // The default article (临平, 2022).
        ("10", "大行动", "", "10大行动"), ("3", "大跃升", "", "3大跃升"), ("3", "大高地", "", "3大高地"),
        ("2", "家", "", "2家"), ("4", "家", "", "4家"), ("12", "万份", "planned", "预计12万份"),
        ("3", "条", "", "3条"), ("6", "大类", "", "6大类"), ("18", "小类", "", "18小类"),
        ("3", "万条", "more_than", "3万余条"), ("1200", "家", "more_than", "1200余家"),
        ("12000", "个", "more_than", "12000余个"), ("5", "个层级", "", "5个层级"), ("8", "个", "", "8个"),
        ("20", "条", "", "20条"), ("8", "大系列", "", "8大系列"), ("31", "项", "", "31项"),
        ("267.83", "公里", "", "267.83公里"), ("29", "个", "", "29个"), ("6.78", "亿元", "", "6.78亿元"),
        ("18", "%", "", "18%"), ("569.7", "万元", "", "569.7万元"), ("80", "万元", "", "80万元"),
        ("54", "个", "", "54个"), ("5", "条", "", "5条"), ("19", "个", "", "19个"), ("2", "次", "", "2次"),
        ("3", "年", "", "3年"), ("3", "大文化", "", "3大文化"),
        // The Yuhang article.
        ("143", "家", "", "143家"), ("8.46", "亿元", "", "8.46亿元"), ("592", "万元", "", "592万元"),
        ("21.9", "%", "", "21.9%"), ("21.9%", "", "", "21.9%"), ("48705", "元", "", "48705元"),
        ("5.8", "万元", "近", "近5.8万元"), ("860", "万元", "超过", "超过860万元"),
        ("860", "万元", "余", "860余万元"), ("860", "万元", "more_than", "860余万元"), ("860", "万元", "多", "860多万元"),
        ("1.58:1", "", "", "1.58:1"), ("1.96:1", "", "", "1.96:1"), ("1.58：1", "", "", "1.58:1"),
        // 余/多: before the magnitude of 万元/亿元 with a whole number, after it otherwise.
        ("6", "亿元", "余", "6余亿元"), ("1.5", "亿元", "余", "1.5亿余元"), ("5.8", "万元", "余", "5.8万余元"),
        ("1.2", "万人", "余", "1.2万余人"), ("3", "万条", "多", "3万多条"), ("1,200", "家", "余", "1200余家"),
        ("20", "%", "余", "20%以上"), ("300", "元", "多", "300多元"),
        // Before the number: over, nearly, about, under, planned.
        ("100", "家", "逾", "逾100家"), ("100", "家", "超", "超100家"), ("20", "%", "超过", "超过20%"),
        ("2", "万人", "将近", "将近2万人"), ("2", "万人", "接近", "接近2万人"), ("2", "万人", "nearly", "近2万人"),
        ("20", "%", "近", "近20%"), ("5", "亿元", "约", "约5亿元"), ("5", "亿元", "大约", "大约5亿元"),
        ("5", "亿元", "about", "约5亿元"), ("10", "家", "不足", "不足10家"), ("10", "家", "不到", "不到10家"),
        ("10", "家", "under", "不足10家"), ("10", "家", "less_than", "不足10家"), ("100", "亿元", "预计", "预计100亿元"),
        ("12", "万份", "计划", "计划12万份"),
        // After the unit: about, at least, at most.
        ("5", "万元", "左右", "5万元左右"), ("100", "家", "以上", "100家以上"), ("100", "家", "at_least", "100家以上"),
        ("80", "万元", "以下", "80万元以下"), ("80", "万元", "at_most", "80万元以下"),
        // Value types: ranges, percentage points, ratios.
        ("3-5", "万元", "", "3–5万元"), ("3~5", "万元", "", "3–5万元"), ("3至5", "万元", "", "3–5万元"),
        ("3—5", "万元", "", "3–5万元"), ("30%-40%", "", "", "30%–40%"), ("30-40", "%", "", "30%–40%"),
        ("30%～40%", "", "", "30%–40%"), ("1.5", "个百分点", "", "1.5个百分点"), ("0.8", "百分点", "", "0.8百分点"),
        ("-1.2", "个百分点", "", "-1.2个百分点"), ("2:3", "", "", "2:3"), ("3-5", "万元", "约", "约3–5万元"),
        // Plain number policy carried over.
        ("2.50", "亿元", "", "2.5亿元"), ("-3.5", "%", "", "-3.5%"), ("5", "万元", "exact", "5万元"),
    ]

    static func quantity(_ cell: String, _ unit: String, _ qualifier: String) throws -> Quantity {
        let p = try ValueForms.parse(cell).get()
        let mark = try #require(QualifierMark(text: qualifier), "qualifier \(qualifier)")
        return Quantity(p.value, unit: p.percent && unit.isEmpty ? "%" : unit, qualifier: mark.meaning,
                        word: mark.word, shape: p.shape)
    }

    @Test func everyCaseReadsAsChineseWritesIt() throws {
        #expect(Self.cases.count >= 60)
        for (cell, unit, qualifier, want) in Self.cases {
            #expect(f.quantity(try Self.quantity(cell, unit, qualifier)) == want, "\(cell) \(unit) \(qualifier)")
        }
    }

    /// Each case also through the CSV loader: a figures table whose rows are the cases.
    @Test func everyCaseThroughTheLoader() throws {
        var csv = "id,label,value,unit,qualifier\n"
        for (i, c) in Self.cases.enumerated() {
            csv += "f\(i),数字\(i),\"\(c.0)\",\(c.1),\(c.2)\n"
        }
        let yaml = """
        title: 表
        kind: figures
        columns:
          - {name: id, type: id, required: true}
          - {name: label, type: text, required: true}
          - {name: value, type: number, unit_column: unit, qualifier_column: qualifier, required: true}
          - {name: unit, type: unit}
          - {name: qualifier, type: qualifier}
        """
        let r = DatasetLoader(reportDate: PartialDate(year: 2022)!)
            .load(name: "figures", csv: .init(csv.utf8), csvPath: "figures.csv", yaml: .init(yaml.utf8), yamlPath: "figures.yaml")
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        let ds = try #require(r.dataset)
        for (i, c) in Self.cases.enumerated() {
            let q = try #require(ds.record(id: "f\(i)")?["value"].quantity)
            #expect(f.quantity(q) == c.3, "\(c)")
        }
    }

    /// The report's display policy and a figure's own override: one unit per figure, no digit lost.
    @Test func displayPolicy() {
        let policy = DisplayPolicy(scale: ["元"])
        let table: [(Double, String, DisplayPolicy?, String?, String)] = [
            (48705, "元", nil, nil, "48705元"),
            (48705, "元", policy, nil, "4.8705万元"),
            (48705, "元", policy, "元", "48705元"),
            (50000, "元", policy, nil, "5万元"),
            (9999, "元", policy, nil, "9999元"),
            (8.46, "亿元", policy, nil, "8.46亿元"),
            (846_000_000, "元", policy, nil, "8.46亿元"),
            (846_000_000, "元", DisplayPolicy(scale: ["元"], upTo: "万"), nil, "84600万元"),
            (5_920_000, "元", policy, nil, "592万元"),
            (592, "万元", policy, nil, "592万元"),
            (0.5697, "亿元", policy, nil, "5697万元"),
            (267.83, "公里", policy, nil, "267.83公里"),
            (48705, "元", nil, "万元", "4.8705万元"),
            (5_471_772.99, "元", policy, nil, "547.177299万元"),   // found by the property test below
        ]
        for (v, unit, p, own, want) in table {
            let q = Quantity(v, unit: unit)
            let u = own ?? p?.unit(for: q)
            let fig = Figure(id: "x", label: "x", quantity: q, displayUnit: u == unit ? nil : u)
            #expect(f.figure(fig) == want, "\(v)\(unit)")
        }
        let fig = Figure(id: "x", label: "x", quantity: Quantity(48705, unit: "元"), displayUnit: "万元")
        #expect(f.figure(fig, in: "元") == "48705元")
        #expect(f.figure(fig, in: "公里") == nil)
        #expect(f.fields(of: fig)["number"] == "4.8705" && f.fields(of: fig)["unit"] == "万元")
    }

    @Test func qualifierWordsKeepTheirMeaningAndPlace() {
        for (word, meaning, position) in QualifierMark.words {
            let m = QualifierMark(text: word)
            #expect(m?.meaning == meaning && m?.word == word && m?.position == position, "\(word)")
        }
        #expect(Qualifier(text: "近") == .nearly && Qualifier(text: "超过") == .moreThan)
        #expect(Qualifier(text: "maybe") == nil && Qualifier(text: "") == .exact)
        #expect(Qualifier.nearly.isApproximate && !Qualifier.planned.isApproximate && !Qualifier.exact.isApproximate)
    }

    @Test func badValueForms() {
        let bad: [(String, String)] = [
            ("5-3", "is a range that ends below its start"),
            ("30%-40", "is a range with % on one end only (write 30%-40%)"),
            ("1.58:0", "is a ratio whose terms are not both positive"),
            ("1.58:x", "is not a number"),
            ("3-", "is not a number"),
        ]
        for (cell, message) in bad {
            guard case .failure(let e) = ValueForms.parse(cell) else { Issue.record("\(cell) accepted"); continue }
            #expect(e.explanation == message, "\(cell)")
        }
        if case .success(let p) = ValueForms.parse("-3.5") { #expect(p.value == -3.5 && p.shape == .single) }
        if case .success(let p) = ValueForms.parse("1e-3") { #expect(p.value == 0.001 && p.shape == .single) }
        if case .success(let p) = ValueForms.parse("-5--3") { #expect(p.value == -5 && p.shape == .range(upper: -3)) }
    }

    @Test func percentagePointsAreNotHundreds() {
        #expect(UnitScale.factor(of: "百分点") == 1 && UnitScale.base(of: "百分点") == "百分点")
        #expect(Quantity(1.5, unit: "个百分点").converted(to: "%") == nil)
        #expect(UnitScale.isPercentagePoints("个百分点"))
    }

    @Test func glueKeepsTextAndJoinsEveryPair() {
        let g = NoBreak.glue("近5.8万元")
        #expect(g.count == 11 && NoBreak.strip(g) == "近5.8万元")
        #expect(NoBreak.glue(g) == g && NoBreak.glue("") == "" && NoBreak.glue("5") == "5")
    }

    /// A formula never computes with one end of a range or the first term of a ratio.
    @Test func formulasRefuseRangesAndRatios() throws {
        let inputs = ["r": Quantity(3, unit: "万元", shape: .range(upper: 5)), "q": Quantity(1.58, shape: .ratio(second: 1)),
                      "x": Quantity(2, unit: "万元")]
        for text in ["sum(r, x)", "ratio(numerator: x, denominator: q)"] {
            let e = Formula.parse(text).flatMap { $0.evaluate({ inputs[$0] }, unit: nil) }
            guard case .failure(.notSingleValue(let id)) = e else { Issue.record("\(text): \(e)"); continue }
            #expect(["r", "q"].contains(id))
        }
        // Converting a range converts both ends.
        #expect(ChineseFormatter().quantity(inputs["r"]!.converted(to: "元")!) == "30000–50000元")
    }

    /// Property, over 5000 random figures: under the display policy the shown number, read back in
    /// its display unit, is the source value (no digit rounded away), and a qualifier's word
    /// appears once, on the side Chinese puts it.
    @Test func policyDisplayIsLosslessAndQualifiersArePlaced() throws {
        var s: UInt64 = 2022
        func next(_ n: Int) -> Int { s = s &* 6364136223846793005 &+ 1442695040888963407; return Int((s >> 33) % UInt64(n)) }
        let units = ["元", "万元", "亿元"], policy = DisplayPolicy(scale: ["元"])
        for _ in 0..<5000 {
            let decimals = next(3)
            let value = Double(1 + next(2_000_000_000)) / pow(10, Double(decimals))
            let unit = units[next(units.count)]
            let entry = QualifierMark.words[next(QualifierMark.words.count)]
            let q = Quantity(value, unit: unit, qualifier: entry.meaning, word: entry.word)
            let u = policy.unit(for: q)
            let fig = Figure(id: "x", label: "x", quantity: q, displayUnit: u == unit ? nil : u)
            let shown = f.figure(fig)
            let (dq, _) = f.displayed(fig)
            let digits = shown.filter { $0.isASCII && ($0.isNumber || $0 == ".") }
            let back = try #require(Double(digits), "\(shown)")
            let base = value * UnitScale.factor(of: unit)!, again = back * UnitScale.factor(of: dq.unit)!
            #expect(abs(again - base) <= 1e-9 * base, "\(value)\(unit) → \(shown)")
            #expect(shown.components(separatedBy: entry.word).count == 2 || (entry.word == "余" && shown.contains("以上")), "\(shown)")
            switch entry.position {
            case .beforeNumber: #expect(shown.hasPrefix(entry.word), "\(shown)")
            case .afterUnit: #expect(shown.hasSuffix(entry.word), "\(shown)")
            case .afterNumber: #expect(!shown.hasPrefix(entry.word) && !shown.hasSuffix(entry.word), "\(shown)")
            }
            // Policy: 元 amounts of 1万 or more are shown in 万元 or 亿元.
            let top = base >= 1e8 ? "亿元" : base >= 1e4 ? "万元" : "元"
            #expect(dq.unit == top, "\(value)\(unit) → \(shown)")
        }
    }
}
