/// Text for OOXML attribute values and element content.
enum XMLText {
    /// Escapes markup characters; characters XML 1.0 cannot carry (C0 controls but tab, line feed
    /// and carriage return) become U+FFFD so the part stays well-formed.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                let v = u.value
                out.unicodeScalars.append(v < 0x20 || v == 0xFFFE || v == 0xFFFF ? "\u{FFFD}" : u)
            }
        }
        return out
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
}

/// The namespaces every PresentationML part declares.
enum NS {
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    static let pml = "xmlns:a=\"\(a)\" xmlns:r=\"\(r)\" xmlns:p=\"\(p)\""
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    static let svgExtension = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
    static let svg = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
}
