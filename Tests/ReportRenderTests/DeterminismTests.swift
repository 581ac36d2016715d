import ReportRender
import ReportScene
import Testing

/// Same input, same bytes: in all three formats, and regardless of what was rendered before
/// in the process (Cairo's SVG ids and font ids are process-wide counters).
@Test func pdfIsByteIdenticalAcrossRenders() throws {
    let first = try PDFWriter.render(Fixtures.document())
    _ = try PDFWriter.render(Document(info: DocumentInfo(), pages: [Fixtures.chartPage(label: "无关的图表 other")]))
    _ = try SVGWriter.render(Fixtures.chartPage(), idPrefix: "x")
    #expect(try PDFWriter.render(Fixtures.document()) == first)
}

@Test func svgIsByteIdenticalAfterAnUnrelatedRender() throws {
    let first = try SVGWriter.render(Fixtures.chartPage(), idPrefix: "c1")
    #expect(try SVGWriter.render(Fixtures.chartPage(), idPrefix: "c1") == first)
    _ = try SVGWriter.render(Fixtures.chartPage(label: "另一张图 Linping"), idPrefix: "c2")
    _ = try PDFWriter.render(Fixtures.document())
    #expect(try SVGWriter.render(Fixtures.chartPage(), idPrefix: "c1") == first)
}

@Test func pngIsByteIdenticalAcrossRenders() throws {
    let first = try PNGWriter.render(Fixtures.chartPage(), scale: 2)
    _ = try PNGWriter.render(Fixtures.chartPage(label: "别的"), scale: 3)
    #expect(try PNGWriter.render(Fixtures.chartPage(), scale: 2) == first)
}

@Test func creationDateChangesOnlyWithTheDocument() throws {
    let a = try PDFWriter.render(Fixtures.document(creationDate: 0))
    let b = try PDFWriter.render(Fixtures.document(creationDate: 86_400))
    #expect(a != b)
}

/// Renders from several threads at once (Pango is behind one lock) give the same bytes as serial ones.
@Test func concurrentRendersMatchSerial() async throws {
    let labels = (0..<8).map { "并发渲染 \($0) Linping" }
    let serial = try labels.map { try PNGWriter.render(Fixtures.chartPage(label: $0), scale: 1) }
    let parallel = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
        for (i, label) in labels.enumerated() { group.addTask { (i, try PNGWriter.render(Fixtures.chartPage(label: label), scale: 1)) } }
        var out = [[UInt8]](repeating: [], count: labels.count)
        for try await (i, bytes) in group { out[i] = bytes }
        return out
    }
    #expect(parallel == serial)
}
