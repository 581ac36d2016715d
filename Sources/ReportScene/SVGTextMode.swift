/// How a chart's SVG carries its text (`svg_text:` in report.yaml).
public enum SVGTextMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Glyph outlines (identical in every viewer, no font needed) plus an invisible `<text>` layer
    /// laid over them, so browsers and slide tools can search and select the labels.
    case outlines
    /// Only `<text>` with a CJK font stack: labels stay editable in Inkscape or PowerPoint, at the
    /// price of depending on the viewer's fonts.
    case text
}
