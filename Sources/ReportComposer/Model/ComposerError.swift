/// Why a report could not be laid out.
public enum ComposerError: Error, Sendable, Hashable, CustomStringConvertible {
    case duplicateID(String)
    case unknownReference(String)
    /// A single unsplittable piece (a table row, a line) is taller than the text column.
    case blockTooTall(String)
    case contentsDidNotConverge

    public var description: String {
        switch self {
        case .duplicateID(let id): "duplicate id '\(id)' (sections, figures and tables share one namespace)"
        case .unknownReference(let id): "[[\(id)]] names no figure or table"
        case .blockTooTall(let what): "\(what) is taller than the text column"
        case .contentsDidNotConverge: "the table of contents did not settle on a page count"
        }
    }
}
