import Testing
@testable import ReportPipeline

@Suite struct SVGTitleTests {
    @Test func titleGoesRightAfterTheRootElementEscaped() {
        let svg = Array("<?xml version=\"1.0\"?>\n<svg width=\"1pt\">\n<g/></svg>".utf8)
        let out = String(decoding: ChartFiles.titled(svg, "收入 <2021> & 2022"), as: UTF8.self)
        #expect(out == "<?xml version=\"1.0\"?>\n<svg width=\"1pt\" role=\"img\">\n<title>收入 &lt;2021&gt; &amp; 2022</title>\n<g/></svg>")
    }
    @Test func altTextGoesIntoDescAfterTheTitle() {
        let svg = Array("<svg width=\"1pt\">\n<g/></svg>".utf8)
        let out = String(decoding: ChartFiles.titled(svg, "收入", desc: "柱状图：收入，2021年6.78亿元 & <更多>"), as: UTF8.self)
        #expect(out == "<svg width=\"1pt\" role=\"img\">\n<title>收入</title>\n<desc>柱状图：收入，2021年6.78亿元 &amp; &lt;更多&gt;</desc>\n<g/></svg>")
    }
    @Test func emptyTitleLeavesTheFileAlone() {
        let svg = Array("<svg/>".utf8)
        #expect(ChartFiles.titled(svg, "") == svg)
    }
    @Test func chartIdsBecomeXMLNames() {
        #expect(ChartFiles.idPrefix(template: "t", chart: "village-income").wholeMatch(of: /village-income-[0-9a-f]{8}/) != nil)
        #expect(ChartFiles.idPrefix(template: "t", chart: "2022图").wholeMatch(of: /c-2022_-[0-9a-f]{8}/) != nil)
    }
    /// Two charts named alike in two templates, or ids that clean to the same name, get
    /// different prefixes, so their SVGs can be inlined in one page.
    @Test func prefixesDifferAcrossTemplatesAndCleanedIds() {
        let a = ChartFiles.idPrefix(template: "linping-annual", chart: "income")
        let b = ChartFiles.idPrefix(template: "town-report", chart: "income")
        #expect(a != b && a.hasPrefix("income-") && b.hasPrefix("income-"))
        #expect(ChartFiles.idPrefix(template: "t", chart: "a.b") != ChartFiles.idPrefix(template: "t", chart: "a_b"))
        #expect(ChartFiles.idPrefix(template: "t", chart: "income") == ChartFiles.idPrefix(template: "t", chart: "income"))
    }
}
