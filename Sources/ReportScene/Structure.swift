/// What a group is in the document's logical structure (a tagged PDF's structure tree).
/// Renderers that cannot express structure ignore it.
public enum StructureRole: Sendable, Hashable {
    case section
    /// Level 1…6 (H1…H6).
    case heading(level: Int)
    case paragraph
    /// A picture whose meaning is given by `alt` for readers that cannot see it.
    case figure(alt: String)
    case caption
    case table
    case tableRow
    case tableHeaderCell
    case tableCell
    case contents
    case contentsItem
    /// Holds the group's `LinkNode`s and the text that is clicked.
    case link
    /// Decoration and pagination (running headers, footers, page numbers, rules): not content.
    case artifact
}

/// A group's place in the structure tree. Groups with equal `role` and non-nil `continues`
/// key on consecutive pages are one element (a section or a paragraph that runs onto the next page).
public struct StructureTag: Sendable, Hashable {
    public var role: StructureRole
    public var continues: String?
    public init(_ role: StructureRole, continues: String? = nil) { self.role = role; self.continues = continues }
}

extension Group {
    /// A group holding `children` in the structure element `role`.
    public static func tagged(_ role: StructureRole, _ children: [Node], continues: String? = nil, name: String? = nil) -> Group {
        var g = Group(children, name: name)
        g.structure = StructureTag(role, continues: continues)
        return g
    }
}
