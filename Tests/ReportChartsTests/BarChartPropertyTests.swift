import Testing
#if canImport(Glibc)
import Glibc
#endif
import ReportScene
@testable import ReportCharts

/// Random bar specs as a new user would write them: long Chinese names, Latin words, digits,
/// 1–60 categories, 1–4 series, grouped and stacked, values from 0.01 to 10⁹ with negatives.
struct BarSpecGenerator {
    var rng: SeededGenerator
    static let cjk = Array("临平区数智城区共同富裕示范未来工厂产业大脑亚运村集体经济收入街道镇培育链主综合体园的与和及重点项目建设")
    static let latin = ["iPhone", "5G", "AI", "e-commerce", "Smart", "Hub", "CBD", "Park", "Zone", "IoT", "X"]
    static let punctuation = ["（", "）", "、", "，", "—"]

    mutating func name() -> String {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return String((0..<Int.random(in: 1...30, using: &rng)).map { _ in Self.cjk.randomElement(using: &rng)! })
        case 1: return Self.latin.randomElement(using: &rng)!
        case 2: return "\(Int.random(in: 1990...2030, using: &rng))" + (Bool.random(using: &rng) ? "年" : "")
        case 3: return "\(Int.random(in: 2015...2022, using: &rng))—\(Int.random(in: 2023...2030, using: &rng))年"
        default:
            var s = ""
            for _ in 0..<Int.random(in: 1...5, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: s += Self.latin.randomElement(using: &rng)!
                case 1: s += "\(Int.random(in: 1...999, using: &rng))" + (Bool.random(using: &rng) ? "万元" : "")
                case 2: s += Self.punctuation.randomElement(using: &rng)!
                default: s += String((0..<Int.random(in: 1...6, using: &rng)).map { _ in Self.cjk.randomElement(using: &rng)! })
                }
            }
            return s
        }
    }

    mutating func value(magnitude: Double, negatives: Bool) -> Double {
        if Int.random(in: 0..<25, using: &rng) == 0 { return .nan }
        let exponent = Double.random(in: -2...log10(magnitude), using: &rng)
        let v = Double.random(in: 1...10, using: &rng) * pow(10, exponent - 1)
        return negatives && Bool.random(using: &rng) ? -v : v
    }

    mutating func spec() -> (BarChartSpec, ChartPreset) {
        let n = [Int.random(in: 1...8, using: &rng), Int.random(in: 1...20, using: &rng),
                 Int.random(in: 1...60, using: &rng)].randomElement(using: &rng)!
        let seriesCount = Int.random(in: 1...4, using: &rng)
        let magnitude = pow(10, Double(Int.random(in: 0...9, using: &rng)))
        let negatives = Int.random(in: 0..<4, using: &rng) == 0
        let statuses: [BarValueStatus] = [.measured, .measured, .measured, .planned, .derived]
        let withStatus = Bool.random(using: &rng)
        let series = (0..<seriesCount).map { s in
            BarSeries(name: "系列\(s + 1)", values: (0..<n).map { _ in value(magnitude: magnitude, negatives: negatives) },
                      highlighted: Int.random(in: 0..<4, using: &rng) == 0 ? [Int.random(in: 0..<n, using: &rng)] : [],
                      status: withStatus ? (0..<n).map { _ in statuses.randomElement(using: &rng)! } : [])
        }
        let refs = (0..<Int.random(in: 0...2, using: &rng)).map { i in
            BarReferenceLine(value: Double.random(in: 0.1...1, using: &rng) * magnitude, label: i == 0 ? "平均水平" : "目标")
        }
        let spec = BarChartSpec(
            notes: ChartNotes(title: Bool.random(using: &rng) ? "随机图表" : nil, sourceNote: "数据来源：测试"),
            categories: (0..<n).map { _ in name() }, series: series,
            orientation: [.automatic, .vertical, .horizontal].randomElement(using: &rng)!,
            mode: Bool.random(using: &rng) ? .stacked : .grouped,
            sort: [.data, .descending].randomElement(using: &rng)!,
            referenceLines: refs, valueAxisTitle: ["元", "家", nil].randomElement(using: &rng)!,
            unitScaling: Bool.random(using: &rng) ? .automatic : .off,
            valueLabels: [BarValueLabels.all, .ifRoom, BarValueLabels.none].randomElement(using: &rng)!)
        let preset: ChartPreset = Bool.random(using: &rng) ? .slide : .report
        return (spec, preset)
    }
}

/// What every laid-out bar chart must satisfy, or the reason it does not.
func barChartViolations(_ spec: BarChartSpec, _ l: BarChartLayout, measurer: any TextMeasurer) throws -> [String] {
    var problems: [String] = []
    let data = try BarChartData(spec)
    // 1. Every category's full text is in the scene.
    let names = Dictionary(grouping: l.categoryLabels, by: \.index)
    for (c, name) in spec.categories.enumerated() {
        let shown = names[c]?.first?.text.replacingOccurrences(of: "\n", with: "")
        if shown != name { problems.append("category \(c) “\(name)” shown as \(shown ?? "nothing")") }
    }
    // 2. No text overlaps other text; no text overlaps a bar it does not label.
    let texts = try l.group.textBoxes(using: measurer).filter { !$0.text.isEmpty }
    let sorted = texts.sorted { $0.box.minX < $1.box.minX }
    for i in sorted.indices {
        var j = i + 1
        while j < sorted.count, sorted[j].box.minX < sorted[i].box.maxX {
            if sorted[i].box.intersects(sorted[j].box) {
                problems.append("“\(sorted[i].text)” overlaps “\(sorted[j].text)”")
            }
            j += 1
        }
    }
    func same(_ a: Rect, _ b: Rect) -> Bool {
        abs(a.minX - b.minX) < 0.01 && abs(a.minY - b.minY) < 0.01 && abs(a.maxX - b.maxX) < 0.01 && abs(a.maxY - b.maxY) < 0.01
    }
    // Reference-line labels included: they never sit over a bar.
    for t in texts {
        let inner = t.box.insetBy(dx: 0.02, dy: 0.02)
        let labelIndex = l.valueLabels.indices.first { same(l.valueLabels[$0].box, t.box) && l.valueLabels[$0].text == t.text }
        for b in l.bars where b.rect.intersects(inner) {
            if let k = labelIndex {
                let v = l.valueLabels[k]
                if v.category == b.category && (v.series == b.series || v.series == nil) { continue }
            }
            problems.append("“\(t.text)” \(t.box) overlaps \(b.name) \(b.rect) ")
        }
    }
    // 2b. No reference line strikes through a text (value labels, reference labels, names).
    problems += referenceLineCrossings(l, texts: texts)
    // 2c. Reference labels read in value order (never swapped).
    let labelled = l.referenceLines.filter { $0.labelBox != nil }.sorted { $0.value < $1.value }
    for (a, b) in zip(labelled, labelled.dropFirst()) where a.value != b.value {
        let (ba, bb) = (a.labelBox!, b.labelBox!)
        let ordered = l.orientation == .vertical ? bb.midY <= ba.midY + 0.01 : bb.midX >= ba.midX - 0.01
        if !ordered { problems.append("reference labels \(a.value) and \(b.value) are swapped") }
    }
    // 3. Value labels: every drawn bar labelled, or none; each the formatter's display, never a false zero.
    if !l.valueLabels.isEmpty || spec.valueLabels == .all {
        for b in l.bars where !data.stacked {
            let labels = l.valueLabels.filter { $0.series == b.series && $0.category == b.category }
            if labels.count != 1 { problems.append("\(b.name) has \(labels.count) value labels") }
        }
        if data.stacked {
            for c in Set(l.bars.map(\.category)) where l.valueLabels.filter({ $0.category == c && $0.series == nil }).isEmpty {
                problems.append("stack \(c) has no total")
            }
        }
    }
    for v in l.valueLabels {
        guard let s = v.series else { continue }
        let value = data.values[s][v.category]
        let expected = data.label(series: s, category: v.category)
        if v.text != expected { problems.append("label \(v.text) is not the display \(expected ?? "nil")") }
        if let shown = reading(v.text, axis: l.unit, base: spec.valueAxisTitle ?? ""), value != 0 {
            if shown == 0 || abs(shown - value) > 0.01 * abs(value) {
                problems.append("label \(v.text) misstates \(value)")
            }
        }
    }
    // 4. Everything inside the frame.
    let frame = Rect(x: 0, y: 0, width: l.frame.width, height: l.frame.height)
    for box in try l.group.leafBoxes(using: measurer) where !frame.contains(box, tolerance: 0.01) {
        problems.append("\(box) outside the frame")
    }
    return problems
}

/// Texts a drawn reference-line segment runs through (read from the scene's "reference" paths).
func referenceLineCrossings(_ l: BarChartLayout, texts: [(text: String, box: Rect)]) -> [String] {
    var problems: [String] = []
    for placed in l.group.leaves() where placed.path.contains("reference") {
        guard case .path(let line) = placed.node else { continue }
        let half = (line.stroke?.width ?? 0) / 2
        var from: Point?
        for e in line.elements {
            switch e {
            case .move(let p): from = p
            case .line(let p):
                if let a = from {
                    let seg = Rect(x: Swift.min(a.x, p.x) - half, y: Swift.min(a.y, p.y) - half,
                                   width: abs(a.x - p.x) + 2 * half, height: abs(a.y - p.y) + 2 * half)
                    for t in texts where t.box.insetBy(dx: 0.02, dy: 0.02).intersects(seg) {
                        problems.append("a reference line crosses “\(t.text)” \(t.box)")
                    }
                }
                from = p
            default: break
            }
        }
    }
    return problems
}

/// A default label read back in the axis unit: "6.78" or, with its own unit, "592万元" (nil when
/// the text is not a number, e.g. a given label).
func reading(_ text: String, axis: UnitScale, base: String) -> Double? {
    let t = text.replacingOccurrences(of: "−", with: "-")
    let digits = t.prefix { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "-" }
    guard let x = Double(digits) else { return nil }
    let rest = String(t.dropFirst(digits.count))
    if rest.isEmpty { return x }
    let (baseFactor, _) = UnitScale.split(base)
    let (factor, _) = UnitScale.split(rest)
    guard rest.hasSuffix(UnitScale.split(base).1) else { return nil }
    return x * factor / baseFactor / axis.divisor
}

@Suite struct BarChartPropertyTests {
    @Test func twoThousandRandomSpecsNameEverythingOrFail() throws {
        var gen = BarSpecGenerator(rng: SeededGenerator(seed: 2026))
        var laidOut = 0, failed = 0
        for round in 0..<2000 {
            let (spec, preset) = gen.spec()
            do {
                let l = try BarChart.layout(spec, preset: preset, measurer: fixed)
                laidOut += 1
                let problems = try barChartViolations(spec, l, measurer: fixed)
                #expect(problems.isEmpty, "round \(round) (\(preset.name), \(l.orientation)): \(problems.prefix(3))")
                if !problems.isEmpty { break }
            } catch let e as BarChartLayoutError {
                failed += 1
                #expect(!e.message.isEmpty)
                if let h = e.neededHeight { #expect(h > preset.size.height, "round \(round): \(e.message)") }
            }
        }
        // Most random charts fit some form; the rest fail with a message saying why.
        print("random bar specs: \(laidOut) laid out, \(failed) failed with a layout error")
        #expect(laidOut > 1000, "only \(laidOut) of 2000 laid out, \(failed) failed")
    }

    @Test func neededHeightIsEnough() throws {
        // A failure that names a height lays out at that height (the report figure grows to it).
        var gen = BarSpecGenerator(rng: SeededGenerator(seed: 7))
        var checked = 0, fitted = 0
        for _ in 0..<400 {
            let (spec, _) = gen.spec()
            do {
                _ = try BarChart.layout(spec, preset: .report, measurer: fixed)
            } catch let e as BarChartLayoutError {
                guard let h = e.neededHeight, h < 2000 else { continue }
                checked += 1
                // As the report figure does: grow to the needed height until the chart fits.
                var tall = ChartPreset.report
                var need: Double? = h
                var grown: BarChartLayout?
                var last = ""
                for _ in 0..<4 {
                    guard let n = need else { break }
                    tall.size.height = (n / 10).rounded(.up) * 10
                    do { grown = try BarChart.layout(spec, preset: tall, measurer: fixed); break }
                    catch let again as BarChartLayoutError { need = again.neededHeight; last = "at \(tall.size.height): " + again.message }
                }
                if grown != nil { fitted += 1 } else { print("not enough: \(e.message) → \(last)") }
            }
        }
        #expect(checked > 5)
        // The height is an estimate from the names and labels alone (ticks may widen with it).
        #expect(Double(fitted) >= 0.8 * Double(checked), "\(fitted) of \(checked)")
    }
}
