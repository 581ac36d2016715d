/// One page (or one standalone chart): a size in points and its content.
public struct Page: Sendable, Hashable, Codable {
    public var size: Size
    public var root: Group
    /// Optional solid background; nil leaves the surface transparent (PNG) or white (PDF).
    public var background: Color?
    /// The page's name in a PDF viewer ("封面", "3"), so the viewer's page box matches the
    /// number printed in the footer; nil leaves the viewer's own counting.
    public var label: String?
    public init(size: Size, root: Group, background: Color? = nil, label: String? = nil) {
        self.size = size; self.root = root; self.background = background; self.label = label
    }
}

/// Document information written into PDF metadata.
public struct DocumentInfo: Sendable, Hashable, Codable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: [String]
    public var creator: String
    /// Creation date as seconds since 1970 (UTC). Taken from the document or SOURCE_DATE_EPOCH,
    /// never from the clock, so identical input gives identical bytes.
    public var creationDate: Int64
    public var language: String
    public init(title: String = "", author: String = "", subject: String = "", keywords: [String] = [],
                creator: String = "ReportRenderer", creationDate: Int64 = 0, language: String = "zh-CN") {
        self.title = title; self.author = author; self.subject = subject; self.keywords = keywords
        self.creator = creator; self.creationDate = creationDate; self.language = language
    }
}

/// An entry of the PDF outline (bookmarks); `destination` names an `AnchorNode`.
public struct OutlineItem: Sendable, Hashable, Codable {
    public var title: String
    /// 1 for top-level entries, 2 for their children, ...
    public var level: Int
    public var destination: String
    public init(title: String, level: Int, destination: String) {
        self.title = title; self.level = level; self.destination = destination
    }
}

/// A multi-page document: what the composer produces and the PDF writer consumes.
public struct Document: Sendable, Hashable, Codable {
    public var info: DocumentInfo
    public var pages: [Page]
    public var outline: [OutlineItem]
    public init(info: DocumentInfo, pages: [Page], outline: [OutlineItem] = []) {
        self.info = info; self.pages = pages; self.outline = outline
    }
}
