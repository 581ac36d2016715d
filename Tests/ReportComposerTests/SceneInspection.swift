import ReportComposer
import ReportScene

/// Helpers that read a composed document the way a reader would: text boxes per page and zone.
struct PlacedText {
    var page: Int
    var node: TextNode
    var box: Rect
    /// The page zone: "body", "contents", "cover", "header" or "footer".
    var zone: String
}

extension Document {
    func texts(measurer: any TextMeasurer = FixedTextMeasurer()) throws -> [PlacedText] {
        var out: [PlacedText] = []
        for (i, page) in pages.enumerated() {
            for leaf in page.root.leaves() {
                guard case .text(let t) = leaf.node else { continue }
                out.append(PlacedText(page: i, node: t, box: leaf.transform.apply(try t.bounds(using: measurer)),
                                      zone: leaf.path.first ?? ""))
            }
        }
        return out
    }

    /// Page index of each anchor name.
    var anchorPages: [String: Int] {
        var out: [String: Int] = [:]
        for (i, page) in pages.enumerated() {
            for leaf in page.root.leaves() { if case .anchor(let a) = leaf.node { out[a.name] = i } }
        }
        return out
    }

    func anchorPoint(_ name: String) -> Point? {
        for page in pages {
            for leaf in page.root.leaves() {
                if case .anchor(let a) = leaf.node, a.name == name { return leaf.transform.apply(a.point) }
            }
        }
        return nil
    }

    /// Body paragraphs rebuilt from their per-page parts, in reading order.
    func bodyParagraphs(bodySize: Double = 10.5) throws -> [[PlacedText]] {
        var paragraphs: [[PlacedText]] = []
        var open = false
        for t in try texts() where t.zone == "body" && t.node.style.alignment == .justify && t.node.style.size == bodySize {
            if open { paragraphs[paragraphs.count - 1].append(t) } else { paragraphs.append([t]) }
            open = t.node.style.justifyLastLine
        }
        return paragraphs
    }

    /// (page, group) for every group whose name starts with `prefix`, with bounds in page coordinates.
    func groups(named prefix: String) -> [(page: Int, name: String, bounds: Rect)] {
        var out: [(Int, String, Rect)] = []
        func walk(_ g: Group, _ base: Transform, page: Int) {
            let t = g.transform.then(base)
            if let n = g.name, n.hasPrefix(prefix) {
                let boxes = g.leaves(base).compactMap { leaf -> Rect? in
                    if case .rect(let r) = leaf.node { return leaf.transform.apply(r.rect) } else { return nil }
                }
                if let first = boxes.first { out.append((page, n, boxes.dropFirst().reduce(first) { $0.union($1) })) }
            }
            for case .group(let c) in g.children { walk(c, t, page: page) }
        }
        for (i, p) in pages.enumerated() { walk(p.root, .identity, page: i) }
        return out
    }
}

let closingPunctuation: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "”", "’", "》", ",", ".", ")", ";", ":"]
let indent = "\u{3000}\u{3000}"
