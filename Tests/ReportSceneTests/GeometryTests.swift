import Testing
@testable import ReportScene

@Suite struct GeometryTests {
    @Test func transformComposition() {
        let t = Transform.translate(10, 20).then(.scale(2, 2))
        #expect(t.apply(Point(1, 1)) == Point(22, 42))
    }
    @Test func rotationIsClockwiseWithYDown() {
        let p = Transform.rotate(degrees: 90).apply(Point(1, 0))
        #expect(abs(p.x) < 1e-12 && abs(p.y - 1) < 1e-12)
    }
    @Test func touchingRectsDoNotIntersect() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        #expect(!a.intersects(Rect(x: 10, y: 0, width: 5, height: 5)))
        #expect(a.intersects(Rect(x: 9.9, y: 0, width: 5, height: 5)))
    }
    @Test func fixedMeasurerWrapsWithoutLeadingPunctuation() throws {
        let style = TextStyle(size: 10)
        let m = try FixedTextMeasurer().measure("临平区下辖八个镇街，发展水平相当", style: style, wrapWidth: 80)
        #expect(m.lines.count == 2)
        #expect(m.lines.allSatisfy { !$0.text.hasPrefix("，") })
        #expect(m.lines.map(\.text).joined() == "临平区下辖八个镇街，发展水平相当")
    }
    @Test func textAnchorPlacesBox() throws {
        let node = TextNode("临平", style: TextStyle(size: 10), at: Point(100, 50), anchor: TextAnchor(.middle, .baseline))
        let box = try node.bounds(using: FixedTextMeasurer())
        #expect(box == Rect(x: 90, y: 41, width: 20, height: 12))
    }
}
