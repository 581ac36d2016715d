import ReportScene

/// The XML declaration every OOXML part starts with (escaping is `ReportScene.XMLText.escape`).
extension XMLText {
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
