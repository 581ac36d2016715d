import Testing
@testable import ReportComposer
import ReportScene

@Suite struct ParagraphFlowTests {
    let content = SampleReport.content()
    let measurer = FixedTextMeasurer()

    /// The body paragraphs as they should read, references resolved.
    var expected: [String] {
        func walk(_ s: Section) -> [String] {
            s.blocks.compactMap { if case .paragraph(let t) = $0 { t } else { nil } } + s.subsections.flatMap(walk)
        }
        return content.sections.flatMap(walk).map {
            $0.replacingAll("[[gdp]]", with: "图1").replacingAll("[[factories]]", with: "图2")
        }
    }

    @Test func splitPartsKeepEveryCharacterInOrder() throws {
        let doc = try PageComposer.compose(content, measurer: measurer)
        let paragraphs = try doc.bodyParagraphs()
        #expect(paragraphs.map { $0.map(\.node.text).joined() } == expected.map { indent + $0 })
        let split = paragraphs.filter { $0.count > 1 }
        #expect(split.count >= 3)
        #expect(paragraphs.contains { Set($0.map(\.page)).count >= 2 && $0.count >= 2 })
        // Every part of a split paragraph is on its own, consecutive page.
        for parts in split { #expect(parts.map(\.page) == Array(parts[0].page..<parts[0].page + parts.count)) }
    }

    @Test func longParagraphRunsOverMoreThanAPage() throws {
        let doc = try PageComposer.compose(content, measurer: measurer)
        let long = try doc.bodyParagraphs().first { $0.map(\.node.text).joined() == indent + SampleReport.longParagraph }
        #expect((long?.count ?? 0) >= 2)
        #expect(long?.dropFirst().dropLast().allSatisfy { $0.box.height > content.layout.textFrame.height * 0.9 } ?? false)
    }

    @Test func partsStartWithoutClosingPunctuationAndStayJustified() throws {
        let doc = try PageComposer.compose(content, measurer: measurer)
        for parts in try doc.bodyParagraphs() {
            for (i, part) in parts.enumerated() {
                #expect(!closingPunctuation.contains(part.node.text.first!), "part starts with \(part.node.text.first!)")
                #expect(part.node.style.justifyLastLine == (i < parts.count - 1))
                #expect(part.node.style.alignment == .justify)
            }
        }
    }

    @Test func noWidowsOrOrphans() throws {
        let doc = try PageComposer.compose(content, measurer: measurer)
        for parts in try doc.bodyParagraphs() where parts.count > 1 {
            for part in parts {
                let lines = try measurer.measure(part.node.text, style: part.node.style, wrapWidth: part.node.wrapWidth).lines
                #expect(lines.count >= 2, "a part of one line on page \(part.page)")
            }
        }
    }

    @Test func breakPointKeepsTwoLinesEachSide() {
        #expect(ParagraphLayout.breakPoint(fitting: 5, remaining: 10) == 5)
        #expect(ParagraphLayout.breakPoint(fitting: 9, remaining: 10) == 8)
        #expect(ParagraphLayout.breakPoint(fitting: 1, remaining: 10) == 0)
        #expect(ParagraphLayout.breakPoint(fitting: 2, remaining: 3) == 0)
    }

    @Test func firstLineIsIndentedTwoEm() throws {
        let doc = try PageComposer.compose(content, measurer: measurer)
        let first = try doc.bodyParagraphs()[0][0].node
        #expect(first.text.hasPrefix(indent))
        #expect(first.style.family == Fonts.serif && first.style.size == 10.5 && first.style.lineSpacing == 1.6)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        var out = "", rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
