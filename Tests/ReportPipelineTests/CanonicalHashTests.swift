import Foundation
import ReportScene
import Testing
@testable import ReportPipeline

/// The scene fingerprint (`CanonicalHash`) decides whether a chart is rendered again: equal
/// scenes must hash alike in every process, and any change to a scene must change the hash.
@Suite struct CanonicalHashTests {
    /// A small deterministic generator (the system one is not reproducible).
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        mutating func unit() -> Double { Double(next() % 10_000) / 100 }
        mutating func pick(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static func node(_ r: inout Rng, depth: Int = 0) -> Node {
        switch r.pick(depth > 2 ? 3 : 4) {
        case 0: return .rect(RectNode(Rect(x: r.unit(), y: r.unit(), width: r.unit(), height: r.unit()), fill: Color(red: r.unit() / 100, green: 0, blue: 0)))
        case 1:
            let t = ["收入", "6.78亿元", "a", "", "近日"][r.pick(5)]
            return .text(TextNode(t, style: TextStyle(size: 8 + Double(r.pick(4))), at: Point(r.unit(), r.unit())))
        case 2: return .path(PathNode([.move(Point(r.unit(), 0)), .line(Point(0, r.unit()))], stroke: Stroke(color: .black, width: 1)))
        default: return .group(Group((0..<r.pick(4)).map { _ in node(&r, depth: depth + 1) }))
        }
    }

    static func page(seed: UInt64) -> Page {
        var r = Rng(state: seed)
        return Page(size: Size(100 + r.unit(), 100), root: Group((0..<(1 + r.pick(8))).map { _ in node(&r) }), background: .white)
    }

    @Test func equalScenesHashAlikeAndDifferentOnesApart() throws {
        var seen: [String: Page] = [:]
        for seed in 0..<3000 as Range<UInt64> {
            let p = Self.page(seed: seed)
            let h = try CanonicalHash.hex(of: p)
            #expect(try CanonicalHash.hex(of: p) == h)
            if let other = seen[h] { #expect(other == p, "two different scenes share hash \(h)") }
            seen[h] = p
        }
    }

    @Test func everySmallEditChangesTheHash() throws {
        let text = TextNode("6.78亿元", style: TextStyle(size: 9), at: Point(10, 20))
        let base = Page(size: Size(200, 100), root: Group([.text(text), .rect(RectNode(Rect(x: 0, y: 0, width: 5, height: 5), fill: .black))]))
        var edits: [Page] = []
        var p = base; p.size.width = 200.000001; edits.append(p)
        p = base; p.root = Group([.text(TextNode("6.79亿元", style: TextStyle(size: 9), at: Point(10, 20))), base.root.children[1]]); edits.append(p)
        p = base; p.root = Group([base.root.children[1], base.root.children[0]]); edits.append(p)
        p = base; p.root = Group([.group(Group([base.root.children[0]])), base.root.children[1]]); edits.append(p)
        p = base; p.background = .white; edits.append(p)
        p = base; p.root = Group([.text(TextNode("6.78亿元", style: TextStyle(size: 9, weight: .bold), at: Point(10, 20))), base.root.children[1]]); edits.append(p)
        let h = try CanonicalHash.hex(of: base)
        var hashes: Set<String> = [h]
        for e in edits { hashes.insert(try CanonicalHash.hex(of: e)) }
        #expect(hashes.count == edits.count + 1)
    }

    /// The digest must not depend on the process (no pointer, seed or reflection output in it):
    /// a fixed scene has a fixed hash. Change this value only with the encoding itself.
    @Test func aFixedSceneHasAFixedHash() throws {
        let page = Page(size: Size(10, 20), root: Group([.rect(RectNode(Rect(x: 1, y: 2, width: 3, height: 4), fill: .black))]))
        let h = try CanonicalHash.hex(of: page)
        #expect(h.count == 64)
        #expect(h == Self.recorded, "canonical scene hash changed: \(h)")
    }

    static let recorded = "91f5fc1b2b53051faeb725d9b1e2e667dd256d252112efb1f6805a899fbf88d4"
}
