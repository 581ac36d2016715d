/// Everything that can go wrong while measuring or drawing. Messages name the text and font
/// involved so a failing report points at the offending template value.
public enum RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Some characters have no glyph in the requested family or any fallback font.
    case missingGlyphs(text: String, family: String, codePoints: [UInt32])
    /// Fontconfig does not know the requested family (Pango would silently substitute another).
    case unknownFontFamily(family: String, text: String)
    case invalidFontSize(Double, text: String)
    /// Cairo reported an error status.
    case cairo(status: String, during: String)
    case emptyDocument
    case invalidPageSize(width: Double, height: Double)
    case invalidDash([Double])
    case invalidIdPrefix(String)
    case duplicateDestination(String)
    case unknownDestination(String)

    public var description: String {
        switch self {
        case let .missingGlyphs(text, family, cps):
            let list = cps.map { "U+" + String($0, radix: 16, uppercase: true).leftPadded(to: 4) }.joined(separator: ", ")
            return "no font has a glyph for \(list) in text \"\(text.abbreviated)\" (font family \"\(family)\")"
        case let .unknownFontFamily(family, text):
            return "font family \"\(family)\" is not installed (fontconfig), needed for text \"\(text.abbreviated)\""
        case let .invalidFontSize(size, text):
            return "invalid font size \(size) pt for text \"\(text.abbreviated)\""
        case let .cairo(status, during):
            return "cairo error while \(during): \(status)"
        case .emptyDocument:
            return "the document has no pages"
        case let .invalidPageSize(w, h):
            return "invalid page size \(w) × \(h) pt"
        case let .invalidDash(d):
            return "invalid dash pattern \(d): lengths must be ≥ 0 and not all 0"
        case let .invalidIdPrefix(p):
            return "invalid SVG id prefix \"\(p)\": use letters, digits, '_', '-', '.', starting with a letter or '_'"
        case let .duplicateDestination(n):
            return "destination \"\(n)\" is defined more than once"
        case let .unknownDestination(n):
            return "link or outline entry targets destination \"\(n)\", which no anchor defines"
        }
    }
}

extension String {
    /// Long paragraphs would drown an error message; keep the start.
    var abbreviated: String { count > 60 ? String(prefix(60)) + "…" : self }
    func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
