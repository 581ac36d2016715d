/// One slide of a chart deck: the chart as SVG with its PNG fallback, and the texts around it.
public struct DeckSlide: Sendable, Hashable {
    /// The slide's title placeholder (outline view, navigation, screen readers).
    public var title: String
    /// Alt text of the picture (`p:cNvPr descr`).
    public var altText: String
    /// Speaker notes, one paragraph each.
    public var notes: [String]
    public var svg: [UInt8]
    public var png: [UInt8]
    /// The chart's size in points: the picture keeps this aspect ratio.
    public var width: Double
    public var height: Double
    public init(title: String, altText: String, notes: [String], svg: [UInt8], png: [UInt8], width: Double, height: Double) {
        self.title = title; self.altText = altText; self.notes = notes; self.svg = svg; self.png = png
        self.width = width; self.height = height
    }
}

/// Document properties of a deck (`docProps/core.xml`).
public struct DeckInfo: Sendable, Hashable {
    public var title: String
    public var author: String
    public var language: String
    /// Seconds since 1970 (UTC); never the clock, so the same input gives the same bytes.
    public var created: Int64
    public init(title: String, author: String = "", language: String = "zh-CN", created: Int64 = 0) {
        self.title = title; self.author = author; self.language = language; self.created = created
    }
}

/// Why a deck could not be written: nothing to put in it, or the zip container failed.
public enum DeckError: Error, CustomStringConvertible, Equatable {
    case noSlides
    case zip(String)
    public var description: String {
        switch self {
        case .noSlides: "a deck needs at least one chart"
        case .zip(let m): "cannot write the deck: \(m)"
        }
    }
}
