import ReportScene

/// The scene fingerprint, walked over `Node` directly: the same canonical stream idea as
/// `CanonicalHash` (type tags, fixed-width numbers, length-prefixed strings, counted lists), without
/// `Encodable`'s containers and boxes (~6% of a 10,000-element chart's run, and first-use type
/// lookups on every run). Every stored field of every scene type is fed, in declaration order;
/// `SceneHashTests` fails when a scene type gains a field this walk does not know.
enum SceneHash {
    static func hex(of page: Page) -> String {
        var w = Walker(sink: HashSink())
        w.tag(0x50)  // version of this walk
        w.size(page.size)
        w.group(page.root)
        w.optional(page.background) { $0.color($1) }
        w.optional(page.label) { $0.string($1) }
        return w.sink.finish()
    }

    struct Walker {
        let sink: HashSink

        func tag(_ t: UInt8) { sink.word(UInt64(t)) }
        func double(_ v: Double) { sink.encode(v) }
        func int(_ v: Int) { sink.encode(v) }
        func bool(_ v: Bool) { sink.encode(v) }
        func string(_ s: String) { sink.string(.string, s) }
        func count(_ n: Int) { sink.tag(.unkeyed); sink.word(UInt64(n)) }

        func optional<T>(_ v: T?, _ body: (Walker, T) -> Void) {
            if let v { sink.tag(.element); body(self, v) } else { sink.tag(.null) }
        }

        func point(_ p: Point) { double(p.x); double(p.y) }
        func size(_ s: Size) { double(s.width); double(s.height) }
        func rect(_ r: Rect) { double(r.x); double(r.y); double(r.width); double(r.height) }
        func color(_ c: Color) { double(c.red); double(c.green); double(c.blue); double(c.alpha) }
        func transform(_ t: Transform) { double(t.a); double(t.b); double(t.c); double(t.d); double(t.tx); double(t.ty) }

        func stroke(_ s: Stroke) {
            color(s.color); double(s.width)
            count(s.dash.count); for d in s.dash { double(d) }
            double(s.dashOffset); string(s.cap.rawValue); string(s.join.rawValue)
        }

        func group(_ g: Group) {
            count(g.children.count)
            for child in g.children { node(child) }
            transform(g.transform)
            optional(g.clip) { $0.rect($1) }
            double(g.opacity)
            optional(g.name) { $0.string($1) }
            optional(g.structure) { w, s in w.role(s.role); w.optional(s.continues) { $0.string($1) } }
        }

        func node(_ n: Node) {
            switch n {
            case .group(let g): tag(1); group(g)
            case .rect(let r):
                tag(2); rect(r.rect); double(r.cornerRadius)
                optional(r.fill) { $0.color($1) }; optional(r.stroke) { $0.stroke($1) }
            case .path(let p):
                tag(3)
                count(p.elements.count)
                for e in p.elements {
                    switch e {
                    case .move(let a): tag(1); point(a)
                    case .line(let a): tag(2); point(a)
                    case .curve(let a, let b, let c): tag(3); point(a); point(b); point(c)
                    case .close: tag(4)
                    }
                }
                optional(p.fill) { $0.color($1) }; optional(p.stroke) { $0.stroke($1) }
            case .text(let t):
                tag(4); string(t.text); style(t.style); point(t.origin)
                string(t.anchor.horizontal.rawValue); string(t.anchor.vertical.rawValue)
                optional(t.wrapWidth) { $0.double($1) }
            case .link(let l):
                tag(5); rect(l.rect)
                switch l.target {
                case .url(let u): tag(1); string(u)
                case .destination(let d): tag(2); string(d)
                }
            case .anchor(let a): tag(6); string(a.name); point(a.point)
            }
        }

        func style(_ s: TextStyle) {
            string(s.family); double(s.size); int(s.weight.rawValue); color(s.color)
            double(s.lineSpacing); string(s.alignment.rawValue); bool(s.justifyLastLine)
        }

        func role(_ r: StructureRole) {
            switch r {
            case .section: tag(1)
            case .heading(let level): tag(2); int(level)
            case .paragraph: tag(3)
            case .figure(let alt): tag(4); string(alt)
            case .caption: tag(5)
            case .table: tag(6)
            case .tableRow: tag(7)
            case .tableHeaderCell: tag(8)
            case .tableCell: tag(9)
            case .contents: tag(10)
            case .contentsItem: tag(11)
            case .link: tag(12)
            case .artifact: tag(13)
            }
        }
    }
}
