import Dispatch
import ReportScene

/// Turns resolved report content into pages of scene: cover, contents, body, appendix.
///
/// Page numbering: the cover (document page 0) is unnumbered; the contents start at page 1 and
/// the numbering runs on through the body, so the number printed in a footer (and in the
/// contents) always equals the page's index in `Document.pages`.
///
/// Each page's root holds named groups: "cover"; "contents" or "body" (inside the margins);
/// "header" and "footer" (inside the top and bottom margins). Anchors: "sec-<id>" per heading,
/// "fig-<id>", "tab-<id>", "sec-appendix-sources"; `Document.outline` lists every heading in order.
///
/// Flow rules: paragraphs break only between lines, with at least two lines on each side;
/// a heading moves to the next page unless the start of what follows fits under it; a figure
/// that does not fit waits for the top of the next page while text fills the current one, and
/// waiting figures are set before the next level-1 heading; tables break between rows under
/// a "（续）" caption and a repeated header.
public enum PageComposer {
    /// Flows `content` onto pages, measuring text with `base` (wrapped in one `CachingTextMeasurer`); throws when a block cannot fit a page.
    /// `besideFlow`: work started on its own thread once the paragraphs are shaped, when the
    /// flow that follows leaves the other cores idle (the caller's; not awaited).
    public static func compose(_ content: ReportContent, measurer base: any TextMeasurer,
                               besideFlow: (@Sendable () -> Void)? = nil) throws -> Document {
        let measurer = CachingTextMeasurer.wrapping(base)
        let items = try FlowBuilder(content: content).items()
        ParagraphPrefetch.run(items, columnWidth: content.layout.textFrame.width, measurer: measurer)
        if let besideFlow { DispatchQueue.global(qos: .userInitiated).async(execute: besideFlow) }
        var body = BodyFlow(content: content, measurer: measurer)
        try body.run(items)
        let layout = content.layout, style = content.style
        let headings = body.headings

        // The contents print body page numbers, which depend on how many pages the contents take:
        // lay them out again until that count is stable.
        let contentsLayout = ContentsLayout(layout: layout, style: style, measurer: measurer)
        var contentsCount = 1
        var contents: [[Node]] = []
        for attempt in 0... {
            let entries = headings.filter { $0.item.level <= 2 }.map {
                ContentsEntry(level: $0.item.level, title: $0.item.fullTitle, anchor: $0.item.anchor,
                              page: 1 + contentsCount + $0.page)
            }
            contents = try contentsLayout.pages(entries)
            if contents.count == contentsCount { break }
            guard attempt < 8 else { throw ComposerError.contentsDidNotConverge }
            contentsCount = contents.count
        }

        let chrome = PageChrome(layout: layout, style: style, measurer: measurer)
        var pages = [Page(size: layout.pageSize, root: Group([.group(try CoverLayout(
            info: content.info, layout: layout, style: style, measurer: measurer).group())]), background: .white,
            label: "封面")]
        for nodes in contents {
            pages.append(Page(size: layout.pageSize, root: Group([
                .group(Group(nodes, name: "contents")), .group(chrome.footer(number: pages.count)),
            ]), background: .white, label: String(pages.count)))
        }
        let bodyPages = body.state.pages
        let sectionTitles = runningSectionTitles(headings, pageCount: bodyPages.count)
        for (i, nodes) in bodyPages.enumerated() {
            var root = Group([.group(Group(nodes, name: "body"))])
            if layout.runningHeader {
                root.append(.group(try chrome.header(title: content.info.title, section: sectionTitles[i])))
            }
            root.append(.group(chrome.footer(number: pages.count)))
            pages.append(Page(size: layout.pageSize, root: root, background: .white, label: String(pages.count)))
        }

        let info = DocumentInfo(title: content.info.title, author: content.info.author, subject: content.info.subtitle,
                                keywords: content.info.keywords, creationDate: content.info.creationDate,
                                language: content.info.language)
        let outline = headings.map { OutlineItem(title: $0.item.fullTitle, level: $0.item.level, destination: $0.item.anchor) }
        return Document(info: info, pages: pages, outline: outline)
    }

    /// Per body page, the level-1 section for the running header: the section at the top of
    /// the page. That is the one whose heading opens the page, else the one still running from
    /// earlier pages — also when the page opens with its floated figure or its last lines and
    /// the next section starts further down.
    static func runningSectionTitles(_ headings: [PlacedHeading], pageCount: Int) -> [String] {
        var titles = Array(repeating: "", count: pageCount)
        // The level-1 section running at the end of the pages so far.
        var current = ""
        var idx = headings.startIndex
        for page in 0..<pageCount {
            var title = current
            while idx < headings.endIndex, headings[idx].page == page {
                let h = headings[idx]
                if h.item.level == 1 {
                    // Before any section (a foreword without heading), the first one on the page.
                    if h.atTop || title.isEmpty { title = h.item.fullTitle }
                    current = h.item.fullTitle
                }
                idx += 1
            }
            titles[page] = title
        }
        return titles
    }
}
