import Testing
import ReportComposer
import ReportScene

@Suite struct LayoutInvariantTests {
    let content = SampleReport.content()
    let measurer = FixedTextMeasurer()

    @Test func sampleFillsAboutTenPagesAndIsStable() throws {
        let a = try PageComposer.compose(content, measurer: measurer)
        let b = try PageComposer.compose(content, measurer: measurer)
        #expect(a.pages.count >= 8)
        #expect(a == b)
    }

    @Test func bodyTextStaysInsideTheMargins() throws {
        let doc = try PageComposer.compose(content, measurer: measurer)
        let frame = content.layout.textFrame
        let page = Rect(origin: .zero, size: content.layout.pageSize)
        for t in try doc.texts() {
            switch t.zone {
            case "body", "contents":
                #expect(frame.contains(try withoutHangingPunctuation(t), tolerance: 0.01),
                        "\(t.node.text.prefix(10)) on page \(t.page): \(t.box)")
            case "header":
                #expect(t.box.maxY <= frame.minY && t.box.minY >= 0)
            case "footer":
                #expect(t.box.minY >= frame.maxY && t.box.maxY <= page.maxY)
            default:
                #expect(page.contains(t.box), "\(t.zone): \(t.node.text)")
            }
        }
    }

    /// The box of a text without the closing punctuation the measurer lets hang past the wrap
    /// width (it never starts a line with one); anything else overflowing is a layout error.
    func withoutHangingPunctuation(_ t: PlacedText) throws -> Rect {
        guard let wrap = t.node.wrapWidth, t.box.width > wrap else { return t.box }
        let lines = try measurer.measure(t.node.text, style: t.node.style, wrapWidth: wrap).lines
        let trimmed = lines.map { line -> Double in
            guard line.width > wrap, let last = line.text.last, closingPunctuation.contains(last) else { return line.width }
            return line.width - FixedTextMeasurer.advance(of: last, size: t.node.style.size)
        }
        var box = t.box
        box.width = trimmed.max() ?? 0
        return box
    }

    @Test func noTwoTextBoxesOverlapAndFiguresAvoidText() throws {
        let doc = try PageComposer.compose(content, measurer: measurer)
        let texts = try doc.texts()
        let figures = doc.groups(named: "figure.")
        for p in doc.pages.indices {
            let boxes = texts.filter { $0.page == p }
            for i in boxes.indices {
                for j in boxes.indices where j > i {
                    #expect(!boxes[i].box.intersects(boxes[j].box),
                            "page \(p): “\(boxes[i].node.text.prefix(8))” overlaps “\(boxes[j].node.text.prefix(8))”")
                }
                for f in figures where f.page == p { #expect(!boxes[i].box.intersects(f.bounds)) }
            }
        }
    }

    @Test func documentInfoComesFromTheReport() throws {
        let doc = try PageComposer.compose(content, measurer: measurer)
        #expect(doc.info.title == "临平区2022年度发展报告")
        #expect(doc.info.author == "应陶 卢阳 王艳侠")
        #expect(doc.info.subject == content.info.subtitle)
        #expect(doc.info.keywords == ["临平", "共同富裕"])
        #expect(doc.info.creationDate == 1_680_000_000)
        #expect(doc.pages.allSatisfy { $0.size == content.layout.pageSize })
    }

    @Test func coverCentresTheReportFacts() throws {
        let doc = try PageComposer.compose(content, measurer: measurer)
        let cover = try doc.texts().filter { $0.page == 0 }
        #expect(cover.map(\.node.text) == ["临平区2022年度发展报告", content.info.subtitle, "杭州市临平区", "应陶 卢阳 王艳侠", "二〇二三年三月"])
        for t in cover { #expect(abs(t.box.midX - content.layout.pageSize.width / 2) < 1e-6) }
        #expect(cover[0].node.style.size > cover[1].node.style.size)
        let band = doc.pages[0].root.leaves().contains { if case .rect(let r) = $0.node { r.fill == content.style.coverBand } else { false } }
        #expect(band)
    }

    @Test func chaptersCanStartOnNewPages() throws {
        var c = content
        c.layout.level1StartsNewPage = true
        let doc = try PageComposer.compose(c, measurer: measurer)
        let frame = c.layout.textFrame
        for item in doc.outline where item.level == 1 {
            #expect(doc.anchorPoint(item.destination)?.y == frame.minY, "\(item.title)")
        }
    }

    /// Shifts every page break by inserting a growing lead paragraph, so splits, floats and
    /// table breaks land at many different places, and checks the invariants each time.
    @Test(arguments: 0..<16) func invariantsHoldWhereverBreaksFall(filler: Int) throws {
        var c = content
        let lead = String(repeating: "临平区数智化变革，", count: 3 * filler + 1)
        c.sections[0].blocks.insert(.paragraph(lead), at: 0)
        let doc = try PageComposer.compose(c, measurer: measurer)
        let frame = c.layout.textFrame
        let texts = try doc.texts()
        for t in texts where t.zone == "body" {
            #expect(frame.contains(try withoutHangingPunctuation(t), tolerance: 0.01))
        }
        for p in doc.pages.indices {
            let boxes = texts.filter { $0.page == p }.map(\.box)
            for i in boxes.indices { for j in boxes.indices where j > i { #expect(!boxes[i].intersects(boxes[j])) } }
        }
        for f in doc.groups(named: "figure.") { #expect(frame.contains(f.bounds, tolerance: 0.01)) }
        let paragraphs = try doc.bodyParagraphs()
        #expect(paragraphs.first?.map(\.node.text).joined() == indent + lead)
        for parts in paragraphs where parts.count > 1 {
            for part in parts {
                #expect(!closingPunctuation.contains(part.node.text.first!))
                #expect(try measurer.measure(part.node.text, style: part.node.style, wrapWidth: part.node.wrapWidth).lines.count >= 2)
            }
        }
        let anchors = doc.anchorPages
        #expect(doc.outline.allSatisfy { anchors[$0.destination] != nil })
    }
}
