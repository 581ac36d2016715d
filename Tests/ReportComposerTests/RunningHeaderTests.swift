import Testing
@testable import ReportComposer

/// The running header names the section at the top of the page.
@Suite struct RunningHeaderTests {
    static func h(_ title: String, level: Int = 1, page: Int, atTop: Bool) -> PlacedHeading {
        PlacedHeading(item: HeadingItem(level: level, label: "", title: title, anchor: title), page: page, atTop: atTop)
    }

    @Test func sectionAtTheTopOfEachPage() {
        let headings = [
            Self.h("一", page: 0, atTop: true),
            // Page 1 opens with the last lines (or a floated figure) of 一; 二 starts lower down.
            Self.h("二", page: 1, atTop: false),
            Self.h("二.1", level: 2, page: 2, atTop: true),
            // Page 3 opens with 三 itself.
            Self.h("三", page: 3, atTop: true),
            Self.h("四", page: 3, atTop: false),
        ]
        #expect(PageComposer.runningSectionTitles(headings, pageCount: 5) == ["一", "一", "二", "三", "四"])
    }

    @Test func pagesBeforeAnySectionNameTheFirstOne() {
        #expect(PageComposer.runningSectionTitles([Self.h("一", page: 0, atTop: false)], pageCount: 2) == ["一", "一"])
    }

    /// Property: over random heading layouts, each page's title is the heading placed at its top
    /// if any, else the last level-1 heading of an earlier page.
    @Test func randomLayouts() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let pages = Int.random(in: 1...12, using: &rng)
            var headings: [PlacedHeading] = []
            for page in 0..<pages {
                for k in 0..<Int.random(in: 0...3, using: &rng) {
                    headings.append(Self.h("s\(page)-\(k)", level: Int.random(in: 1...2, using: &rng), page: page,
                                           atTop: k == 0 && Bool.random(using: &rng)))
                }
            }
            let titles = PageComposer.runningSectionTitles(headings, pageCount: pages)
            for page in 0..<pages {
                let level1 = headings.filter { $0.item.level == 1 }
                let earlier = level1.last { $0.page < page }?.item.fullTitle
                let top = level1.first { $0.page == page && $0.atTop }?.item.fullTitle
                let fallback = level1.first { $0.page == page }?.item.fullTitle ?? ""
                #expect(titles[page] == top ?? earlier ?? fallback)
            }
        }
    }
}
