import Testing
@testable import ReportPipeline

@Suite struct SVGTitleTests {
    @Test func titleGoesRightAfterTheRootElementEscaped() {
        let svg = Array("<?xml version=\"1.0\"?>\n<svg width=\"1pt\">\n<g/></svg>".utf8)
        let out = String(decoding: ChartFiles.titled(svg, "收入 <2021> & 2022"), as: UTF8.self)
        #expect(out == "<?xml version=\"1.0\"?>\n<svg width=\"1pt\">\n<title>收入 &lt;2021&gt; &amp; 2022</title>\n<g/></svg>")
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
