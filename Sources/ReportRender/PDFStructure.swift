import CCairo
import ReportScene

/// Turns the scene's `StructureTag`s into Cairo 1.16 structure tags while a PDF is drawn.
///
/// What Cairo 1.16 does, and how this works with it:
/// - Only elements without child elements get marked content (an MCID); content drawn while
///   only container elements are open is left unmarked, outside the tree. Artifacts
///   (headers, footers, rules) are drawn that way: Cairo has no artifact marking and writes a
///   damaged file for an `Artifact` tag.
/// - A container (Sect, Table, TOC) whose `continues` key comes back on the next page is left
///   open over the page break, so a section is one element however many pages it takes.
///   A leaf element continued on another page (a paragraph split by the page break) becomes a
///   container with one `Span` leaf per page, so that no leaf is ever open while the footer is drawn.
/// - Figure elements are recorded in the order they are opened, which is the order of the
///   tree: `PDFAccessibility` adds their /Alt afterwards.
final class PDFStructure {
    private struct Open {
        var tag: StructureTag
        var name: String
        /// The group is still being drawn; false: ended, but kept open for a continuation.
        var live: Bool
        var span: Bool
        /// Kept open at its end for a continuation on a later page (never a leaf: nothing else
        /// drawn meanwhile, such as the footer, may land in it).
        var lazy: Bool
    }
    private var stack: [Open] = []
    /// Keys of leaf elements drawn on more than one page.
    private let split: Set<String>
    private(set) var figureAlts: [String] = []
    /// Per link annotation, in the order Cairo creates them: the text a reader hears for it
    /// (its /Contents), empty when the link has none.
    var linkTexts: [String] = []

    init(pages: [Page]) {
        var seen: [String: Int] = [:], split: Set<String> = []
        for (i, page) in pages.enumerated() {
            Self.walk(page.root) { tag in
                guard let key = tag.continues, !Self.isContainer(tag.role) else { return }
                if let p = seen[key], p != i { split.insert(key) }
                seen[key] = i
            }
        }
        self.split = split
    }

    /// PDF structure type of a role; nil for artifacts (drawn unmarked).
    static func typeName(_ role: StructureRole) -> String? {
        switch role {
        case .section: "Sect"
        case .heading(let level): "H\(min(max(level, 1), 6))"
        case .paragraph: "P"
        case .figure: "Figure"
        case .caption: "Caption"
        case .table: "Table"
        case .tableRow: "TR"
        case .tableHeaderCell: "TH"
        case .tableCell: "TD"
        case .contents: "TOC"
        case .contentsItem: "TOCI"
        case .link: CAIRO_TAG_LINK
        case .artifact: nil
        }
    }

    static func isContainer(_ role: StructureRole) -> Bool {
        switch role {
        case .section, .table, .tableRow, .contents, .contentsItem: true
        default: false
        }
    }

    /// Opens the element of `group` before its children are drawn. Returns whether `end` must follow.
    func begin(_ group: Group, on cr: OpaquePointer, linkAttributes: () -> String) -> Bool {
        guard let tag = group.structure, let type = Self.typeName(tag.role) else { return false }
        let firstEnded = stack.firstIndex { !$0.live }
        if let i = firstEnded, tag.continues != nil, stack[i].tag == tag {
            // Its ended children stay open: they may continue too.
            stack[i].live = true
            if stack[i].span { cairo_tag_begin(cr, "Span", "") }
            return true
        }
        closeEnded(above: firstEnded.map { $0 - 1 } ?? stack.count - 1, cr)
        let span = tag.continues.map(split.contains) ?? false
        let attributes = tag.role == .link ? linkAttributes() : ""
        // A Link tag without a target would put Cairo into an error state: read the text as a Span.
        let name = tag.role == .link && attributes.isEmpty ? "Span" : type
        cairo_tag_begin(cr, name, attributes)
        if case .figure(let alt) = tag.role { figureAlts.append(alt) }
        if name == CAIRO_TAG_LINK {
            linkTexts.append(group.leaves().compactMap { if case .text(let t) = $0.node { t.text } else { nil } }.joined(separator: " "))
        }
        if span { cairo_tag_begin(cr, "Span", "") }
        let lazy = tag.continues != nil && (span || Self.isContainer(tag.role))
        stack.append(Open(tag: tag, name: name, live: true, span: span, lazy: lazy))
        return true
    }

    /// Ends the element of `group`, or only marks it ended when a continuation may follow.
    func end(on cr: OpaquePointer) {
        guard let i = stack.lastIndex(where: \.live) else { return }
        if stack[i].span { cairo_tag_end(cr, "Span") }
        if stack[i].lazy {
            stack[i].live = false
        } else {
            closeEnded(above: i, cr)
            cairo_tag_end(cr, stack[i].name)
            stack.remove(at: i)
        }
    }

    /// Closes every element (at the end of the document).
    func finish(on cr: OpaquePointer) { closeEnded(above: -1, cr) }

    /// Closes the ended elements above index `keep` (innermost first).
    private func closeEnded(above keep: Int, _ cr: OpaquePointer) {
        while stack.count - 1 > keep, let top = stack.last, !top.live || keep < 0 {
            cairo_tag_end(cr, top.name)
            stack.removeLast()
        }
    }

    private static func walk(_ group: Group, _ visit: (StructureTag) -> Void) {
        if let tag = group.structure { visit(tag) }
        for case .group(let g) in group.children { walk(g, visit) }
    }
}
