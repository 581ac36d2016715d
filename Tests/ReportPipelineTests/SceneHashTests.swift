import Foundation
import ReportScene
import Testing
@testable import ReportPipeline

/// The scene fingerprint walked over `Node` (`SceneHash`): equal scenes hash alike, scenes that
/// differ in any field hash apart (the walk is `SceneCodec`'s; `SceneCodecTests` fails when a
/// scene type gains a field it does not know).
@Suite struct SceneHashTests {
    typealias Rng = CanonicalHashTests.Rng

    /// Every field from a small set of values, so that random scenes often differ in one field only.
    static func color(_ r: inout Rng) -> Color { Color(red: Double(r.pick(2)), green: 0.5, blue: Double(r.pick(2)) / 4, alpha: [1, 0.5][r.pick(2)]) }
    static func point(_ r: inout Rng) -> Point { Point(Double(r.pick(3)), Double(r.pick(2))) }
    static func rect(_ r: inout Rng) -> Rect { Rect(x: Double(r.pick(2)), y: 0, width: Double(1 + r.pick(2)), height: Double(r.pick(2))) }
    static func stroke(_ r: inout Rng) -> Stroke {
        Stroke(color: color(&r), width: Double(1 + r.pick(2)), dash: [[], [2], [2, 1]][r.pick(3)], dashOffset: Double(r.pick(2)),
               cap: [.butt, .round, .square][r.pick(3)], join: [.miter, .round, .bevel][r.pick(3)])
    }
    static func maybe<T>(_ r: inout Rng, _ make: (inout Rng) -> T) -> T? { r.pick(2) == 0 ? nil : make(&r) }

    static func node(_ r: inout Rng, depth: Int) -> Node {
        switch r.pick(depth > 2 ? 5 : 6) {
        case 0: return .rect(RectNode(rect(&r), cornerRadius: Double(r.pick(2)), fill: maybe(&r, color), stroke: maybe(&r, stroke)))
        case 1:
            let elements: [PathElement] = (0..<r.pick(4)).map { _ in
                switch r.pick(4) {
                case 0: .move(point(&r))
                case 1: .line(point(&r))
                case 2: .curve(point(&r), point(&r), point(&r))
                default: .close
                }
            }
            return .path(PathNode(elements, fill: maybe(&r, color), stroke: maybe(&r, stroke)))
        case 2:
            let style = TextStyle(family: [Fonts.sans, Fonts.serif][r.pick(2)], size: Double(8 + r.pick(2)),
                                  weight: [.regular, .bold, .light, .medium][r.pick(4)], color: color(&r),
                                  lineSpacing: [1, 1.5][r.pick(2)], alignment: [.left, .center, .right, .justify][r.pick(4)],
                                  justifyLastLine: r.pick(2) == 0)
            var t = TextNode(["收入", "6.78亿元", "", "a"][r.pick(4)], style: style, at: point(&r),
                             anchor: TextAnchor([.start, .middle, .end][r.pick(3)], [.top, .middle, .baseline, .bottom][r.pick(4)]))
            t.wrapWidth = maybe(&r) { Double(10 + $0.pick(2)) }
            return .text(t)
        case 3: return .link(LinkNode(rect(&r), target: r.pick(2) == 0 ? .url(["a", "b"][r.pick(2)]) : .destination(["a", "b"][r.pick(2)])))
        case 4: return .anchor(AnchorNode(["a", "b"][r.pick(2)], at: point(&r)))
        default:
            var g = Group((0..<r.pick(3)).map { _ in node(&r, depth: depth + 1) },
                          transform: [.identity, Transform(a: 2, b: 0, c: 0, d: 2, tx: 1, ty: 0)][r.pick(2)],
                          clip: maybe(&r, rect), opacity: [1, 0.5][r.pick(2)], name: maybe(&r) { ["x", "y"][$0.pick(2)] })
            let roles: [StructureRole] = [.section, .heading(level: 1 + r.pick(2)), .paragraph, .figure(alt: ["", "图"][r.pick(2)]), .caption,
                                          .table, .tableRow, .tableHeaderCell, .tableCell, .contents, .contentsItem, .link, .artifact]
            g.structure = maybe(&r) { StructureTag(roles[$0.pick(roles.count)], continues: maybe(&$0) { ["k", "l"][$0.pick(2)] }) }
            return .group(g)
        }
    }

    static func page(seed: UInt64) -> Page {
        var r = Rng(state: seed)
        return Page(size: Size(Double(1 + r.pick(2)), 100), root: Group((0..<(1 + r.pick(2))).map { _ in node(&r, depth: 1) }),
                    background: maybe(&r, color), label: maybe(&r) { ["封面", "3"][$0.pick(2)] })
    }

    /// 20,000 random scenes over small value sets (many equal, many one field apart): equal hash
    /// exactly when the scenes are equal.
    @Test func hashIsEqualExactlyForEqualScenes() {
        var byHash: [String: Page] = [:]
        var collisions = 0, repeats = 0
        for seed in 0..<20_000 as Range<UInt64> {
            let p = Self.page(seed: seed)
            let h = SceneHash.hex(of: p)
            if let other = byHash[h] {
                if other != p { collisions += 1 } else { repeats += 1 }
            }
            byHash[h] = p
        }
        #expect(collisions == 0)
        #expect(repeats > 100, "the generator should produce equal scenes too: \(repeats)")
        // And every distinct scene got its own hash.
        var distinct = Set<Page>()
        for seed in 0..<20_000 as Range<UInt64> { distinct.insert(Self.page(seed: seed)) }
        #expect(distinct.count == byHash.count)
    }

    /// A fixed scene has a fixed hash (no pointer, seed or reflection output in it). Change this
    /// value only with the walk itself.
    @Test func aFixedSceneHasAFixedHash() {
        let page = Page(size: Size(10, 20), root: Group([.rect(RectNode(Rect(x: 1, y: 2, width: 3, height: 4), fill: .black))]))
        #expect(SceneHash.hex(of: page) == Self.recorded, "scene hash changed: \(SceneHash.hex(of: page))")
    }

    static let recorded = "f74f3e258bb3ce5996d750794560bb6e0c82bf14c8a3ab7353aede74f9bad07a"
}
