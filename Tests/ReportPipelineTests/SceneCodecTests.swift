import Foundation
import ReportComposer
import ReportRender
import ReportScene
import Testing
@testable import ReportPipeline

/// The binary form of the kept report figures (`SceneCodec`, `ReportFigureCache`): a figure read
/// back is `==` the one stored; a damaged, cut or hostile input is refused without trapping; and a
/// scene type that gains a field fails here until the codec writes and reads it.
@Suite struct SceneCodecTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A random figure: a random scene of `SceneHashTests` (every field of every scene type over
    /// small value sets), a height with odd bits (NaN payloads, -0, subnormals), and sometimes a table.
    static func figure(seed: UInt64) -> ReportFigure {
        var rng = Mix(state: seed)
        let page = SceneHashTests.page(seed: seed)
        let heights: [Double] = [12.25, -0.0, .nan, Double(bitPattern: 0x7ff8_dead_beef_0001), .leastNonzeroMagnitude, .infinity, 1e300]
        let table: Table? = rng.int(3) == 0 ? nil : Table(
            id: rng.pick(["t", "事件", ""]), header: (0..<rng.int(3)).map { _ in rng.pick(["日期", "事件", ""]) },
            rows: (0..<rng.int(4)).map { _ in (0..<rng.int(3)).map { _ in rng.pick(["2022年3月", "开工", "", "竣工 ~ 预计"]) } },
            alignments: (0..<rng.int(3)).map { _ in rng.pick([.left, .center, .right]) },
            columnWeights: rng.int(2) == 0 ? nil : (0..<rng.int(3)).map { _ in rng.pick([1, 2.5, -0.0]) },
            caption: rng.pick(["全部事件", ""]), source: rng.pick(["区政府", ""]))
        return ReportFigure(group: page.root, height: rng.pick(heights), fullList: table)
    }

    /// Bitwise equality of heights (NaN is not `==` itself) and `==` of the rest.
    static func same(_ a: ReportFigure, _ b: ReportFigure) -> Bool {
        a.group == b.group && a.height.bitPattern == b.height.bitPattern && a.fullList == b.fullList
    }

    static func body(_ file: [UInt8]) -> [UInt8] { Array(file[ReportFigureCache.magicCount..<(file.count - 32)]) }

    static func decodeBody(_ body: [UInt8], identity: String = "k") -> ReportFigure? {
        body.withUnsafeBytes { ReportFigureCache.decodeBody($0, identity: identity) }
    }

    /// 2,000 random figures: read back equal, and written again to the same bytes.
    @Test func randomFiguresRoundTrip() throws {
        for seed in 0..<2_000 as Range<UInt64> {
            let figure = Self.figure(seed: seed)
            let file = try ReportFigureCache.encode(figure, identity: "k")
            let back = try #require(ReportFigureCache.decode(file, identity: "k"), "seed \(seed)")
            #expect(Self.same(back, figure), "seed \(seed)")
            #expect(try ReportFigureCache.encode(back, identity: "k") == file, "seed \(seed)")
        }
    }

    /// The default report's five figures, laid out with the real fonts: read back equal.
    @Test func theDefaultReportsFiguresRoundTrip() throws {
        let bound = TemplateLoader.load(template: Self.repo.appendingPathComponent("Templates/linping-annual"), data: nil)
        let figures = bound.reportFigures(measurer: PangoTextMeasurer.shared).figures
        #expect(figures.count == 5)
        for (id, figure) in figures.sorted(by: { $0.key < $1.key }) {
            let file = try ReportFigureCache.encode(figure, identity: id)
            let back = try #require(ReportFigureCache.decode(file, identity: id), "\(id)")
            #expect(Self.same(back, figure), "\(id)")
        }
    }

    /// Every cut of a file, and of its body with no digest to stop it: refused. Every byte of a
    /// file flipped: refused (the digest); every byte of a body flipped, past the digest: refused,
    /// or read as exactly the value those bytes encode (written again, the same bytes) — never a trap.
    @Test func cutOrFlippedInputIsRefusedOrReadExactly() throws {
        for seed in 0..<300 as Range<UInt64> {
            let figure = Self.figure(seed: seed)
            let file = try ReportFigureCache.encode(figure, identity: "k")
            let body = Self.body(file)
            for n in 0..<file.count { #expect(ReportFigureCache.decode(Array(file.prefix(n)), identity: "k") == nil) }
            for n in 0..<body.count { #expect(Self.decodeBody(Array(body.prefix(n))) == nil, "seed \(seed) cut \(n)") }
            #expect(Self.decodeBody(body + [0]) == nil)
            var rng = Mix(state: seed)
            for _ in 0..<40 {
                var bad = file
                bad[rng.int(bad.count)] ^= UInt8(1 + rng.int(255))
                #expect(ReportFigureCache.decode(bad, identity: "k") == nil)
                var badBody = body
                for _ in 0..<(1 + rng.int(3)) { badBody[rng.int(badBody.count)] ^= UInt8(1 + rng.int(255)) }
                if let read = Self.decodeBody(badBody) {
                    var w = SceneCodec.Writer()
                    w.string("k"); try w.group(read.group); w.double(read.height); w.optional(read.fullList) { $0.table($1) }
                    #expect(w.out == badBody, "seed \(seed): a damaged body read as another value than it encodes")
                }
            }
        }
    }

    /// Hostile counts (a list of 4 billion children, a string longer than the file) and nesting
    /// past the bound: refused before anything is reserved or recursed.
    @Test func hostileCountsAndNestingAreRefused() throws {
        var w = SceneCodec.Writer()
        w.string("k")
        w.u32(.max)  // the root group's children
        #expect(Self.decodeBody(w.out + [UInt8](repeating: 1, count: 64)) == nil)
        var s = SceneCodec.Writer()
        s.u32(.max); s.out += Array("k".utf8)
        #expect(Self.decodeBody(s.out) == nil)

        // A group nested maxDepth deep is neither written nor read.
        var deep = Group()
        for _ in 0..<SceneCodec.maxDepth { deep = Group([.group(deep)]) }
        #expect(throws: SceneCodec.TooDeep.self) { try ReportFigureCache.encode(ReportFigure(group: deep, height: 1, fullList: nil), identity: "k") }
        var nest = SceneCodec.Writer()
        nest.string("k")
        for _ in 0..<100_000 { nest.u32(1); nest.byte(1) }  // a group whose one child is a group, 100,000 deep
        #expect(Self.decodeBody(nest.out) == nil)
        // One level less than the bound is kept.
        var ok = Group()
        for _ in 0..<(SceneCodec.maxDepth - 1) { ok = Group([.group(ok)]) }
        let file = try ReportFigureCache.encode(ReportFigure(group: ok, height: 1, fullList: nil), identity: "k")
        #expect(ReportFigureCache.decode(file, identity: "k")?.group == ok)
    }

    /// The old JSON files ("report-figure 1") are not read.
    @Test func theJSONFormIsNotRead() throws {
        var file = Array("report-figure 1\n".utf8) + [1, 0, 0, 0] + Array("k".utf8) + Array(#"{"group":{}}"#.utf8)
        file += [UInt8](repeating: 0, count: 32)
        #expect(ReportFigureCache.decode(file, identity: "k") == nil)
    }

    /// The codec writes and reads these stored fields; a type with more (or fewer) fails here: add
    /// the field to `SceneCodec` (Writer and Reader, in declaration order; `SceneHash` hashes its bytes) and to
    /// the random scenes of `SceneHashTests`, then update the count.
    @Test func everyStoredTypeHasTheFieldsTheCodecKnows() {
        func fields(_ v: Any) -> Int { Mirror(reflecting: v).children.count }
        let text = TextNode("a", style: TextStyle(size: 9), at: .zero)
        #expect(fields(ReportFigure(group: Group(), height: 0, fullList: nil)) == 3)
        #expect(fields(Page(size: Size(1, 1), root: Group())) == 4)  // SceneHash feeds a page's fields
        #expect(fields(Size(1, 1)) == 2)
        #expect(fields(Table(id: "t", header: [], rows: [], caption: "")) == 7)
        #expect(fields(Group()) == 6)
        #expect(fields(RectNode(Rect(x: 0, y: 0, width: 1, height: 1))) == 4)
        #expect(fields(PathNode([])) == 3)
        #expect(fields(text) == 5)
        #expect(fields(TextStyle(size: 9)) == 7)
        #expect(fields(TextAnchor.topLeft) == 2)
        #expect(fields(LinkNode(Rect(x: 0, y: 0, width: 1, height: 1), target: .url("a"))) == 2)
        #expect(fields(AnchorNode("a", at: .zero)) == 2)
        #expect(fields(Stroke(color: .black)) == 6)
        #expect(fields(StructureTag(.section)) == 2)
        #expect(fields(Color.black) == 4)
        #expect(fields(Transform.identity) == 6)
        #expect(fields(Rect(x: 0, y: 0, width: 1, height: 1)) == 4)
        #expect(fields(Point.zero) == 2)
        // Enum cases: the reader's tables list every case the writer's exhaustive switches tag.
        #expect(SceneCodec.Reader.caps.map(\.rawValue) == ["butt", "round", "square"])
        #expect(SceneCodec.Reader.joins.map(\.rawValue) == ["miter", "round", "bevel"])
        #expect(SceneCodec.Reader.weights.map(\.rawValue) == [300, 400, 500, 700])
        #expect(SceneCodec.Reader.alignments.map(\.rawValue) == ["left", "center", "right", "justify"])
        #expect(SceneCodec.Reader.horizontals.map(\.rawValue) == ["start", "middle", "end"])
        #expect(SceneCodec.Reader.verticals.map(\.rawValue) == ["top", "middle", "baseline", "bottom"])
        #expect(SceneCodec.Reader.tableAlignments.map(\.rawValue) == ["left", "center", "right"])
    }

    /// A fixed figure is a fixed file (no pointer, seed or process state in it). Change this value
    /// only with the format itself (and its magic).
    @Test func aFixedFigureIsAFixedFile() throws {
        let figure = ReportFigure(group: Group([.rect(RectNode(Rect(x: 1, y: 2, width: 3, height: 4), fill: .black))]), height: 5, fullList: nil)
        let file = try ReportFigureCache.encode(figure, identity: "k")
        let hex = file.map { String(format: "%02x", $0) }.joined()
        #expect(hex == Self.recorded, "figure file changed: \(hex)")
    }

    static let recorded = "7265706f72742d66696775726520320a010000006b0100000002000000000000f03f000000000000004000000000000008400000000000001040000000000000000001000000000000000000000000000000000000000000000000000000000000f03f00000000000000f03f00000000000000000000000000000000000000000000f03f0000000000000000000000000000000000000000000000f03f00000000000000001440003b62fbb25d9a5ab15c8e2a45a8aedf9d6f9ed5a8928e08c3a7305385e2a6bac6"
}

private extension Mix {
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
}
