import ReportScene

/// The binary form of a scene, for the kept report figures (`ReportFigureCache`): every stored
/// field of every scene type in declaration order, written so it can be read back. Doubles by their bit patterns (the value read back is `==` the one written),
/// strings as a count and UTF-8, lists counted, enum cases tagged, optionals flagged. JSON cost
/// ~1.5–2 ms per figure each way (`Codable`'s containers, and printing and parsing every Double).
/// `SceneHash` is the SHA-256 of these bytes, so the walk exists once.
/// `SceneCodecTests` fails when a scene type gains a field this codec does not know.
enum SceneCodec {
    /// Groups nested deeper than this are not written (the figure is simply not kept) and not
    /// read: a hostile file cannot recurse the reader off its stack.
    static let maxDepth = 256

    struct TooDeep: Error {}

    struct Writer {
        var out: [UInt8] = []
        /// Nesting past this throws `TooDeep`: `maxDepth` for a file that must be readable back,
        /// unbounded for `SceneHash` (which only hashes the bytes).
        var depthLimit: Int

        init(capacity: Int = 1 << 14, depthLimit: Int = SceneCodec.maxDepth) {
            out.reserveCapacity(capacity)
            self.depthLimit = depthLimit
        }

        mutating func byte(_ b: UInt8) { out.append(b) }
        mutating func bool(_ v: Bool) { out.append(v ? 1 : 0) }
        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        mutating func double(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        mutating func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { out.append(contentsOf: $0) } }
        mutating func count(_ n: Int) { u32(UInt32(n)) }
        mutating func string(_ s: String) {
            var s = s
            s.withUTF8 { u in count(u.count); out.append(contentsOf: u) }
        }
        mutating func optional<T>(_ v: T?, _ body: (inout Writer, T) throws -> Void) rethrows {
            if let v { byte(1); try body(&self, v) } else { byte(0) }
        }

        mutating func point(_ p: Point) { double(p.x); double(p.y) }
        mutating func size(_ s: Size) { double(s.width); double(s.height) }
        mutating func rect(_ r: Rect) { double(r.x); double(r.y); double(r.width); double(r.height) }
        mutating func color(_ c: Color) { double(c.red); double(c.green); double(c.blue); double(c.alpha) }
        mutating func transform(_ t: Transform) {
            double(t.a); double(t.b); double(t.c); double(t.d); double(t.tx); double(t.ty)
        }

        mutating func stroke(_ s: Stroke) {
            color(s.color); double(s.width)
            count(s.dash.count); for d in s.dash { double(d) }
            double(s.dashOffset)
            switch s.cap { case .butt: byte(0); case .round: byte(1); case .square: byte(2) }
            switch s.join { case .miter: byte(0); case .round: byte(1); case .bevel: byte(2) }
        }

        mutating func group(_ g: Group, depth: Int = 0) throws {
            guard depth < depthLimit else { throw TooDeep() }
            count(g.children.count)
            for child in g.children { try node(child, depth: depth) }
            transform(g.transform)
            optional(g.clip) { $0.rect($1) }
            double(g.opacity)
            optional(g.name) { $0.string($1) }
            optional(g.structure) { w, s in w.role(s.role); w.optional(s.continues) { $0.string($1) } }
        }

        mutating func node(_ n: Node, depth: Int) throws {
            switch n {
            case .group(let g): byte(1); try group(g, depth: depth + 1)
            case .rect(let r):
                byte(2); rect(r.rect); double(r.cornerRadius)
                optional(r.fill) { $0.color($1) }; optional(r.stroke) { $0.stroke($1) }
            case .path(let p):
                byte(3)
                count(p.elements.count)
                for e in p.elements {
                    switch e {
                    case .move(let a): byte(1); point(a)
                    case .line(let a): byte(2); point(a)
                    case .curve(let a, let b, let c): byte(3); point(a); point(b); point(c)
                    case .close: byte(4)
                    }
                }
                optional(p.fill) { $0.color($1) }; optional(p.stroke) { $0.stroke($1) }
            case .text(let t):
                byte(4); string(t.text); style(t.style); point(t.origin)
                switch t.anchor.horizontal { case .start: byte(0); case .middle: byte(1); case .end: byte(2) }
                switch t.anchor.vertical { case .top: byte(0); case .middle: byte(1); case .baseline: byte(2); case .bottom: byte(3) }
                optional(t.wrapWidth) { $0.double($1) }
            case .link(let l):
                byte(5); rect(l.rect)
                switch l.target {
                case .url(let u): byte(1); string(u)
                case .destination(let d): byte(2); string(d)
                }
            case .anchor(let a): byte(6); string(a.name); point(a.point)
            }
        }

        mutating func style(_ s: TextStyle) {
            string(s.family); double(s.size)
            switch s.weight { case .light: byte(0); case .regular: byte(1); case .medium: byte(2); case .bold: byte(3) }
            color(s.color); double(s.lineSpacing)
            switch s.alignment { case .left: byte(0); case .center: byte(1); case .right: byte(2); case .justify: byte(3) }
            bool(s.justifyLastLine)
        }

        mutating func role(_ r: StructureRole) {
            switch r {
            case .section: byte(1)
            case .heading(let level): byte(2); int(level)
            case .paragraph: byte(3)
            case .figure(let alt): byte(4); string(alt)
            case .caption: byte(5)
            case .table: byte(6)
            case .tableRow: byte(7)
            case .tableHeaderCell: byte(8)
            case .tableCell: byte(9)
            case .contents: byte(10)
            case .contentsItem: byte(11)
            case .link: byte(12)
            case .artifact: byte(13)
            }
        }
    }

    /// Any input that is not exactly what `Writer` writes (cut short, an unknown tag, a flag other
    /// than 0 or 1, invalid UTF-8, a count larger than the bytes left could hold, nesting past
    /// `maxDepth`).
    struct Malformed: Error {}

    /// Reads what `Writer` wrote, from bytes that live for the whole read. Never traps on any
    /// input: every read is bounds-checked, and every count is bounded by the bytes left before
    /// anything is reserved for it.
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var at: Int

        init(_ bytes: UnsafeRawBufferPointer, at: Int = 0) { self.bytes = bytes; self.at = at }

        var remaining: Int { bytes.count - at }

        mutating func byte() throws(Malformed) -> UInt8 {
            guard at < bytes.count else { throw Malformed() }
            defer { at += 1 }
            return bytes[at]
        }
        mutating func bool() throws(Malformed) -> Bool {
            switch try byte() { case 0: false; case 1: true; default: throw Malformed() }
        }
        mutating func u32() throws(Malformed) -> UInt32 {
            guard remaining >= 4 else { throw Malformed() }
            defer { at += 4 }
            return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
        }
        mutating func u64() throws(Malformed) -> UInt64 {
            guard remaining >= 8 else { throw Malformed() }
            defer { at += 8 }
            return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        }
        mutating func double() throws(Malformed) -> Double { Double(bitPattern: try u64()) }
        mutating func int() throws(Malformed) -> Int { Int(Int64(bitPattern: try u64())) }
        /// A count of items of at least `minBytes` each, bounded by the bytes left.
        mutating func count(minBytes: Int) throws(Malformed) -> Int {
            let n = Int(try u32())
            guard n <= remaining / minBytes else { throw Malformed() }
            return n
        }
        mutating func string() throws(Malformed) -> String {
            let n = try count(minBytes: 1)
            let u = UnsafeRawBufferPointer(rebasing: bytes[at..<at + n])
            guard let s = String(validating: u.bindMemory(to: UInt8.self), as: UTF8.self) else { throw Malformed() }
            at += n
            return s
        }
        mutating func optional<T>(_ body: (inout Reader) throws(Malformed) -> T) throws(Malformed) -> T? {
            try bool() ? try body(&self) : nil
        }
        mutating func pick<T>(_ cases: [T]) throws(Malformed) -> T {
            let t = Int(try byte())
            guard t < cases.count else { throw Malformed() }
            return cases[t]
        }

        mutating func point() throws(Malformed) -> Point { Point(try double(), try double()) }
        mutating func size() throws(Malformed) -> Size { Size(try double(), try double()) }
        mutating func rect() throws(Malformed) -> Rect {
            Rect(x: try double(), y: try double(), width: try double(), height: try double())
        }
        mutating func color() throws(Malformed) -> Color {
            Color(red: try double(), green: try double(), blue: try double(), alpha: try double())
        }
        mutating func transform() throws(Malformed) -> Transform {
            Transform(a: try double(), b: try double(), c: try double(), d: try double(), tx: try double(), ty: try double())
        }

        static let caps: [Stroke.Cap] = [.butt, .round, .square]
        static let joins: [Stroke.Join] = [.miter, .round, .bevel]
        static let horizontals: [TextAnchor.Horizontal] = [.start, .middle, .end]
        static let verticals: [TextAnchor.Vertical] = [.top, .middle, .baseline, .bottom]
        static let weights: [TextStyle.Weight] = [.light, .regular, .medium, .bold]
        static let alignments: [TextStyle.Alignment] = [.left, .center, .right, .justify]

        mutating func stroke() throws(Malformed) -> Stroke {
            let color = try color(), width = try double()
            let n = try count(minBytes: 8)
            var dash: [Double] = []
            dash.reserveCapacity(n)
            for _ in 0..<n { dash.append(try double()) }
            return Stroke(color: color, width: width, dash: dash, dashOffset: try double(),
                          cap: try pick(Self.caps), join: try pick(Self.joins))
        }

        mutating func group(depth: Int = 0) throws(Malformed) -> Group {
            guard depth < SceneCodec.maxDepth else { throw Malformed() }
            let n = try count(minBytes: 1)
            var children: [Node] = []
            children.reserveCapacity(n)
            for _ in 0..<n { children.append(try node(depth: depth)) }
            var g = Group(children, transform: try transform(), clip: try optional { r throws(Malformed) in try r.rect() },
                          opacity: try double(), name: try optional { r throws(Malformed) in try r.string() })
            g.structure = try optional { r throws(Malformed) in
                StructureTag(try r.role(), continues: try r.optional { r throws(Malformed) in try r.string() })
            }
            return g
        }

        mutating func node(depth: Int) throws(Malformed) -> Node {
            switch try byte() {
            case 1: return .group(try group(depth: depth + 1))
            case 2:
                return .rect(RectNode(try rect(), cornerRadius: try double(), fill: try optional { r throws(Malformed) in try r.color() },
                                      stroke: try optional { r throws(Malformed) in try r.stroke() }))
            case 3: return .path(try path())
            case 4:
                let text = try string(), style = try style(), origin = try point()
                let anchor = TextAnchor(try pick(Self.horizontals), try pick(Self.verticals))
                return .text(TextNode(text, style: style, at: origin, anchor: anchor,
                                      wrapWidth: try optional { r throws(Malformed) in try r.double() }))
            case 5:
                let rect = try rect()
                switch try byte() {
                case 1: return .link(LinkNode(rect, target: .url(try string())))
                case 2: return .link(LinkNode(rect, target: .destination(try string())))
                default: throw Malformed()
                }
            case 6: return .anchor(AnchorNode(try string(), at: try point()))
            default: throw Malformed()
            }
        }

        mutating func path() throws(Malformed) -> PathNode {
            let n = try count(minBytes: 1)
            var elements: [PathElement] = []
            elements.reserveCapacity(n)
            for _ in 0..<n {
                switch try byte() {
                case 1: elements.append(.move(try point()))
                case 2: elements.append(.line(try point()))
                case 3: elements.append(.curve(try point(), try point(), try point()))
                case 4: elements.append(.close)
                default: throw Malformed()
                }
            }
            return PathNode(elements, fill: try optional { r throws(Malformed) in try r.color() },
                            stroke: try optional { r throws(Malformed) in try r.stroke() })
        }

        mutating func style() throws(Malformed) -> TextStyle {
            TextStyle(family: try string(), size: try double(), weight: try pick(Self.weights), color: try color(),
                      lineSpacing: try double(), alignment: try pick(Self.alignments), justifyLastLine: try bool())
        }

        mutating func role() throws(Malformed) -> StructureRole {
            switch try byte() {
            case 1: return .section
            case 2: return .heading(level: try int())
            case 3: return .paragraph
            case 4: return .figure(alt: try string())
            case 5: return .caption
            case 6: return .table
            case 7: return .tableRow
            case 8: return .tableHeaderCell
            case 9: return .tableCell
            case 10: return .contents
            case 11: return .contentsItem
            case 12: return .link
            case 13: return .artifact
            default: throw Malformed()
            }
        }
    }
}
