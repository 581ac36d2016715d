import Foundation
import Testing
@testable import ReportComposer
import ReportData
import TestSupport

/// A batch binds every prose text of report.yaml once per unit; what the text alone decides is
/// parsed once per process (`ProseTextCache`). A cached answer must be exactly the uncached one,
/// whatever texts and units came before (bytes independent of unit order).
@Suite struct ProseTextCacheTests {
    static let linping = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Templates/linping-annual")

    /// Two binders over the default data that differ in their unit (as two units of a batch do).
    static func binders(_ catalog: DatasetCatalog = TemplateLoader.load(template: linping).catalog) -> [ProseBinder] {
        ["甲镇", "乙街道"].map { name in
            ProseBinder(catalog: catalog, formatter: ChineseFormatter(), report: ["title": "报告", "year": "2022"],
                        unit: ["name": name, "id": "u1"])
        }
    }

    static let pieces = ["{{unit.name}}", "{{unit}}", "{{figures.village_income_total}}", "{{figures.nope}}", "{{report.title}}",
                         "{{#unit}}有{{/unit}}", "{{^unit}}无{{/unit}}", "{{> x}}", "{{=<% %>=}}", "{{#a}}", "{{/b}}", "{{",
                         "}}", "新增12家", "2022年", "第3次", "18.5%", "\n", "镇", " ", "{{! 注释 }}", "{{{unit.name}}}"]

    static func randomText(_ rng: inout SplitMix) -> String {
        (0..<Int(rng.next() % 8)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
    }

    func same(_ a: (text: String?, problems: [ProseBinder.Problem]), _ b: (text: String?, problems: [ProseBinder.Problem])) -> Bool {
        a.text == b.text && a.problems.map { "\($0.lineIndex):\($0.column) \($0.message)" }
            == b.problems.map { "\($0.lineIndex):\($0.column) \($0.message)" }
    }

    @Test func cachedBindingIsTheUncachedOneInAnyOrder() {
        var rng = SplitMix(seed: 18)
        let binders = Self.binders()
        let uncached = ProseTextCache(byteBudget: 0)
        let texts = (0..<3000).map { _ in Self.randomText(&rng) }
        // Forward and backward through the texts, alternating the units: every hit is checked
        // against parsing afresh.
        let cache = ProseTextCache()
        for (k, text) in (texts + texts.reversed()).enumerated() {
            let binder = binders[k % 2]
            let fresh = binder.render(text, cache: uncached)
            #expect(same(binder.render(text, cache: cache), fresh), "\(text.debugDescription)")
            #expect(same(binder.render(text, cache: cache), fresh), "\(text.debugDescription)")
        }
        // The units' own values still differ through one cached parse.
        let a = binders[0].render("{{unit.name}}概况", cache: cache), b = binders[1].render("{{unit.name}}概况", cache: cache)
        #expect(a.text == "甲镇概况" && b.text == "乙街道概况")
    }

    @Test func cachedNumberFindingsAreTheScannedOnes() {
        var rng = SplitMix(seed: 20)
        for _ in 0..<2000 {
            let text = Self.randomText(&rng)
            for allowed in [[], ["12"], ["18.5", "3"]] {
                let check = StaleNumberCheck(allowed: allowed)
                #expect(check.findings(in: text) == check.scan(text), "\(text.debugDescription) \(allowed)")
                #expect(check.findings(in: text) == check.scan(text))
            }
        }
    }

    @Test func aFullCacheStillAnswers() {
        let tiny = ProseTextCache(byteBudget: 4)
        let binder = Self.binders()[0]
        #expect(binder.render("{{unit.name}}很长的一段文字", cache: tiny).text == "甲镇很长的一段文字")
        #expect(binder.render("{{unit.name}}很长的一段文字", cache: tiny).text == "甲镇很长的一段文字")
    }

    /// Keys are bytes: "café" with é as one scalar and as e + U+0301 are equal `String`s but must
    /// each render as written, whichever came first.
    @Test func canonicallyEquivalentTextsKeepTheirOwnBytes() {
        let binder = Self.binders()[0]
        let composed = "{{unit.name}}caf\u{E9}", decomposed = "{{unit.name}}cafe\u{301}"
        #expect(composed == decomposed)
        let cache = ProseTextCache()
        for text in [composed, decomposed, composed] {
            let out = binder.render(text, cache: cache).text
            #expect(out.map { Array($0.utf8) } == Array(("甲镇" + text.dropFirst(13)).utf8))
        }
        let check = StaleNumberCheck(allowed: [])
        let a = "１\u{E9}2", b = "１e\u{301}2"
        #expect(check.findings(in: a) == check.scan(a) && check.findings(in: b) == check.scan(b))
    }

    /// Many threads binding the same texts at once (as a batch's workers do) each get the
    /// uncached answer.
    @Test func concurrentBindersAgreeWithTheUncachedOnes() {
        var rng = SplitMix(seed: 7)
        let catalog = TemplateLoader.load(template: Self.linping).catalog
        let binders = Self.binders(catalog)
        let texts = (0..<400).map { _ in Self.randomText(&rng) }
        let uncached = ProseTextCache(byteBudget: 0)
        let expected = texts.map { t in binders.map { b in b.render(t, cache: uncached) } }
        let cache = ProseTextCache()
        let lock = NSLock()
        nonisolated(unsafe) var mismatches = 0
        // Eight workers, each with its own binders (as each unit has), one shared cache.
        DispatchQueue.concurrentPerform(iterations: 8) { w in
            let own = Self.binders(catalog)
            for k in 0..<texts.count {
                let i = (k * 7919 + w * 31) % texts.count, u = (k + w) % 2
                if !same(own[u].render(texts[i], cache: cache), expected[i][u]) { lock.withLock { mismatches += 1 } }
            }
        }
        #expect(mismatches == 0)
    }
}
