import Foundation
import ReportSync
import Testing
import ReportScene

/// Counts what reaches the base measurer; fails on the text "✗".
private final class CountingMeasurer: TextMeasurer {
    struct Refused: Error {}
    private let calls = Locked(0)
    var count: Int { calls.withLock { $0 } }
    func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics {
        calls.withLock { $0 += 1 }
        if text == "✗" { throw Refused() }
        return try FixedTextMeasurer().measure(text, style: style, wrapWidth: wrapWidth)
    }
}

@Suite struct CachingTextMeasurerTests {
    let style = TextStyle(size: 12)

    @Test func measuresEachDistinctRequestOnce() throws {
        let base = CountingMeasurer()
        let cache = CachingTextMeasurer(base)
        let first = try cache.measure("临平区", style: style, wrapWidth: nil)
        #expect(try cache.measure("临平区", style: style, wrapWidth: nil) == first)
        var red = style
        red.color = Color(red: 1, green: 0, blue: 0)
        #expect(try cache.measure("临平区", style: red, wrapWidth: nil) == first)   // colour: same metrics
        #expect(base.count == 1)
        _ = try cache.measure("临平区", style: style, wrapWidth: 20)
        _ = try cache.measure("临平区", style: TextStyle(size: 13), wrapWidth: nil)
        #expect(base.count == 3 && cache.misses == 3 && cache.count == 3)
        #expect(first == (try FixedTextMeasurer().measure("临平区", style: style, wrapWidth: nil)))
    }

    /// The key hashes the style field by field: each field but the colour is its own entry, and
    /// the same family spelt by another string (built at run time) is the same entry.
    @Test func everyStyleFieldButColourIsPartOfTheKey() throws {
        let base = CountingMeasurer()
        let cache = CachingTextMeasurer(base)
        var variants: [TextStyle] = [style]
        var s = style; s.family = Fonts.serif; variants.append(s)
        s = style; s.size = 12.5; variants.append(s)
        s = style; s.weight = .bold; variants.append(s)
        s = style; s.lineSpacing = 1.4; variants.append(s)
        s = style; s.alignment = .center; variants.append(s)
        s = style; s.justifyLastLine = true; variants.append(s)
        for v in variants { _ = try cache.measure("临平区", style: v, wrapWidth: 40) }
        #expect(base.count == variants.count && cache.count == variants.count)
        var same = style
        same.family = ["Noto Sans", "CJK SC"].joined(separator: " ")
        same.color = Color(red: 0, green: 0.5, blue: 1)
        _ = try cache.measure("临平区", style: same, wrapWidth: 40)
        #expect(base.count == variants.count)
    }

    @Test func failuresAreNotRemembered() {
        let base = CountingMeasurer()
        let cache = CachingTextMeasurer(base)
        for _ in 0..<2 { #expect(throws: CountingMeasurer.Refused.self) { try cache.measure("✗", style: style, wrapWidth: nil) } }
        #expect(base.count == 2 && cache.count == 0)
    }

    @Test func wrappingReusesAnExistingCache() throws {
        let base = CountingMeasurer()
        let outer = CachingTextMeasurer(base)
        #expect(CachingTextMeasurer.wrapping(outer) === outer)
        // A new cache over a cache goes straight to the real measurer.
        #expect(CachingTextMeasurer(outer).base is CountingMeasurer)
        _ = try outer.measure("a", style: style, wrapWidth: nil)
        _ = try CachingTextMeasurer.wrapping(outer).measure("a", style: style, wrapWidth: nil)
        #expect(base.count == 1)
    }

    /// An object measurer keeps one cache across calls (found by `objectIdentity`, not a cast);
    /// a value measurer gets a new one each time.
    @Test func objectMeasurersKeepOneCacheAndValuesGetTheirOwn() throws {
        let object = CountingMeasurer()
        #expect(object.objectIdentity == ObjectIdentifier(object) && object.asCaching == nil)
        #expect(CachingTextMeasurer.wrapping(object) === CachingTextMeasurer.wrapping(object))
        _ = try CachingTextMeasurer.wrapping(object).measure("a", style: style, wrapWidth: nil)
        _ = try CachingTextMeasurer.wrapping(object).measure("a", style: style, wrapWidth: nil)
        #expect(object.count == 1)
        let value = FixedTextMeasurer()
        #expect(value.objectIdentity == nil && value.asCaching == nil)
        #expect(CachingTextMeasurer.wrapping(value) !== CachingTextMeasurer.wrapping(value))
        let existential: any TextMeasurer = CachingTextMeasurer(object)
        #expect(existential.asCaching === existential as AnyObject)
    }

    @Test func aFullMemoStartsOver() throws {
        let cache = CachingTextMeasurer(CountingMeasurer(), limit: 3)
        for i in 0..<10 { _ = try cache.measure("\(i)", style: style, wrapWidth: nil) }
        #expect(cache.count <= 3 && cache.misses == 10)
    }

    /// Many threads over the same few keys: every answer equals the base measurer's (ThreadSanitizer
    /// runs this under `make sanitize`).
    @Test func concurrentUseGivesTheBaseMeasurersAnswers() throws {
        let cache = CachingTextMeasurer(CountingMeasurer())
        let texts = (0..<50).map { "标签\($0)" }
        let wrong = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 2_000) { i in
            let text = texts[i % texts.count]
            let got = try? cache.measure(text, style: style, wrapWidth: i % 3 == 0 ? 30 : nil)
            let want = try? FixedTextMeasurer().measure(text, style: style, wrapWidth: i % 3 == 0 ? 30 : nil)
            if got == nil || got != want { wrong.withLock { $0 += 1 } }
        }
        #expect(wrong.withLock { $0 } == 0)
        #expect(cache.count == 100)
    }
}
