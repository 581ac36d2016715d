import ReportRender
import ReportScene
import Testing

/// The PNG is ceil(size × scale) pixels and has a white background unless the page says otherwise.
@Test(arguments: [(Size(300, 200), 2.0, 600, 400), (Size(100.3, 50.1), 1.5, 151, 76), (Size(481, 300), 1, 481, 300)])
func pngHasRequestedPixelSize(size: Size, scale: Double, width: Int, height: Int) throws {
    let page = Page(size: size, root: Group([.text(TextNode("临平", style: Fixtures.body, at: Point(10, 30)))]))
    let header = try #require(PNGHeader(try PNGWriter.render(page, scale: scale)))
    #expect(header.width == width && header.height == height)
}

@Test func pngBackgroundDefaultsToWhiteAndHonoursClear() throws {
    let page = Page(size: Size(20, 10), root: Group())
    let white = try PNGWriter.rasterize(page, scale: 1)
    #expect(white.pixel(x: 0, y: 0) == (255, 255, 255, 255))
    var clear = page
    clear.background = .clear
    #expect(try PNGWriter.rasterize(clear, scale: 1).pixel(x: 5, y: 5).3 == 0)
}

@Test func pngDrawsShapesWhereTheSceneSays() throws {
    let root = Group([.group(Group([.rect(RectNode(Rect(x: 0, y: 0, width: 10, height: 10), fill: .black))],
                                   transform: .translate(20, 10)))])
    let image = try PNGWriter.rasterize(Page(size: Size(40, 30), root: root), scale: 2)
    #expect(image.pixel(x: 50, y: 30) == (0, 0, 0, 255))       // inside (25, 15) pt
    #expect(image.pixel(x: 30, y: 30) == (255, 255, 255, 255)) // left of the rect
}

@Test func invalidDashIsRejected() {
    let path = PathNode.line(from: .zero, to: Point(10, 10), stroke: Stroke(color: .black, dash: [0, 0]))
    #expect(throws: RenderError.invalidDash([0, 0])) {
        try PNGWriter.render(Page(size: Size(20, 20), root: Group([.path(path)])))
    }
}
