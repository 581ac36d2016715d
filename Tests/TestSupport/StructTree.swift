import Foundation

/// A tagged PDF's structure tree as poppler reads it (`pdfinfo -struct-text`): element types,
/// their children in order, and the text of their marked content.
public struct StructElement: Sendable, Equatable {
    public var type: String
    public var children: [StructElement] = []
    /// Text of the element's own marked content, in order.
    public var texts: [String] = []

    /// Own text and every descendant's, concatenated in reading order.
    public var allText: String { texts.joined() + children.map(\.allText).joined() }

    /// Every element of `type` below (and including) this one, depth first.
    public func all(_ type: String) -> [StructElement] {
        (self.type == type ? [self] : []) + children.flatMap { $0.all(type) }
    }

    /// Depth-first list of every element.
    public var flattened: [StructElement] { [self] + children.flatMap(\.flattened) }

    /// Parses `pdfinfo -struct-text` of `pdf`; the root is a synthetic "StructTreeRoot".
    public static func read(_ pdf: String) throws -> StructElement {
        let out = try ExternalTool.run("pdfinfo", ["-struct-text", pdf])
        return parse(out.stdout)
    }

    public static func parse(_ text: String) -> StructElement {
        var stack: [(indent: Int, element: StructElement)] = [(-1, StructElement(type: "StructTreeRoot"))]
        func pop() {
            let (_, e) = stack.removeLast()
            stack[stack.count - 1].element.children.append(e)
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = String(raw)
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            while stack.count > 1, stack[stack.count - 1].indent >= indent { pop() }
            if body.hasPrefix("\"") {
                stack[stack.count - 1].element.texts.append(String(body.dropFirst().dropLast()))
            } else if body.hasPrefix("Object ") {
                continue
            } else {
                let type = String(body.split(separator: " ").first ?? "")
                stack.append((indent, StructElement(type: type)))
            }
        }
        while stack.count > 1 { pop() }
        return stack[0].element
    }
}
