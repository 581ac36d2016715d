import Foundation
import Testing
@testable import ReportRender
import ReportScene

/// A thread that finds the shared font environment busy measures in a helper with its own font
/// map. Whatever environment a text was shaped in, its metrics and its drawing in every format
/// must be those of the shared one: the environment a text lands in depends on thread timing.
@Suite(.enabled(if: FontEnvironment.capacity > 1)) struct FontEnvironmentPoolTests {
    static let styles = [TextStyle(size: 9), TextStyle(size: 12, weight: .bold), TextStyle(size: 15.5),
                         TextStyle(size: 10, lineSpacing: 1.5, alignment: .justify)]
    static let texts = ["临平区村级集体经营性收入6.78亿元", "“未来工厂”建设加快推进。", "GDP 1000亿元 Linping",
                        "2022年5月15日 乡村文化礼堂星级评定与提升行动", "①②③ ％（预计）", "Ünïcödé — émoji-free, ligatures ffi"]

    /// The last helper: a thread finding the shared environment busy may land in any of them.
    var helper: FontEnvironment { FontEnvironment.all[FontEnvironment.capacity - 1] }

    @Test func helpersMeasureAsTheSharedEnvironmentDoes() throws {
        let inHelper = PangoTextMeasurer(), inShared = PangoTextMeasurer()
        let cases = Self.texts.flatMap { t in Self.styles.flatMap { s in [nil, 40.0, 120.0].map { (t, s, $0) } } }
        let helped = try cases.map { try inHelper.measure($0.0, style: $0.1, wrapWidth: $0.2, in: helper) }
        let shared = try cases.map { try inShared.measure($0.0, style: $0.1, wrapWidth: $0.2, in: .shared) }
        #expect(helped == shared)
    }

    @Test func aTextShapedInAHelperDrawsAsOneShapedInTheSharedEnvironment() throws {
        var root = Group(name: "texts")
        for (i, t) in Self.texts.enumerated() {
            root.append(.text(TextNode(t, style: Self.styles[i % Self.styles.count], at: Point(10, 20 + 30 * Double(i)),
                                       anchor: .topLeft, wrapWidth: i.isMultiple(of: 2) ? 90 : nil)))
        }
        let page = Page(size: Size(320, 220), root: root, background: .white)
        let doc = Document(info: DocumentInfo(title: "字体环境"), pages: [page])
        func outputs(_ m: PangoTextMeasurer) throws -> [[UInt8]] {
            [try SVGWriter.render(page, idPrefix: "t", measurer: m), try PNGWriter.render(page, scale: 1, measurer: m),
             try PDFWriter.render(doc, measurer: m)]
        }
        let helped = PangoTextMeasurer(), nodes = root.children
        for case .text(let t) in nodes { _ = try helped.measure(t.text, style: t.style, wrapWidth: t.wrapWidth, in: helper) }
        for case .text(let t) in nodes { #expect(helped.environmentIndex(of: t.text, style: t.style, wrapWidth: t.wrapWidth) ?? 0 > 0) }
        let inShared = PangoTextMeasurer()
        for case .text(let t) in nodes { _ = try inShared.measure(t.text, style: t.style, wrapWidth: t.wrapWidth, in: .shared) }
        let a = try outputs(helped), b = try outputs(inShared)
        #expect(a[0] == b[0], "SVG")
        #expect(a[1] == b[1], "PNG")
        #expect(a[2] == b[2], "PDF")
    }

    /// Two fresh environments loading their fonts at the same moment agree (without
    /// `FontEnvironment.loading`, one of them gave a justified, hyphen-broken line 10 pt too wide
    /// in about half of such starts).
    @Test func environmentsLoadingFontsTogetherAgree() throws {
        let cases = Self.texts.flatMap { t in Self.styles.flatMap { s in [nil, 40.0].map { (t, s, $0) } } }
        for _ in 0..<6 {
            let envs = [FontEnvironment.unshared(slot: 0), FontEnvironment.unshared(slot: 0)]
            let got = ResultSlots(count: 2 * cases.count)
            DispatchQueue.concurrentPerform(iterations: 2) { t in
                let m = PangoTextMeasurer()
                for (i, c) in cases.enumerated() { got.set(t * cases.count + i, try? m.measure(c.0, style: c.1, wrapWidth: c.2, in: envs[t])) }
            }
            let all = got.values
            #expect(Array(all[..<cases.count]) == Array(all[cases.count...]))
        }
    }

    /// Eight threads measuring 2,400 random texts with one measurer (so they land in whichever
    /// environment is free) get what one thread gets.
    @Test func manyThreadsMeasureAsOneDoes() throws {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["临平", "经济", "2022", "年", "亿元", " ", "Linping", "（预计）", "全省第一", "5月15日", "—", "％"]
        let cases = (0..<2_400).map { i -> (String, TextStyle, Double?) in
            let text = (0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            return (text, Self.styles[i % Self.styles.count], i.isMultiple(of: 3) ? Double.random(in: 20...100, using: &rng) : nil)
        }
        let one = PangoTextMeasurer()
        let serial = try cases.map { try one.measure($0.0, style: $0.1, wrapWidth: $0.2) }
        let shared = PangoTextMeasurer()
        let slots = ResultSlots(count: cases.count)
        DispatchQueue.concurrentPerform(iterations: 8) { t in
            for i in stride(from: t, to: cases.count, by: 8) {
                slots.set(i, try? shared.measure(cases[i].0, style: cases[i].1, wrapWidth: cases[i].2))
            }
        }
        #expect(slots.values == serial.map { Optional($0) })
    }

    final class ResultSlots: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [TextMetrics?]
        init(count: Int) { stored = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ m: TextMetrics?) { lock.lock(); stored[i] = m; lock.unlock() }
        var values: [TextMetrics?] { lock.lock(); defer { lock.unlock() }; return stored }
    }
}
