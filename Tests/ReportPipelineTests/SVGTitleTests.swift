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
        #expect(ChartFiles.idPrefix("village-income") == "village-income")
        #expect(ChartFiles.idPrefix("2022图") == "c-2022_")
    }
}
