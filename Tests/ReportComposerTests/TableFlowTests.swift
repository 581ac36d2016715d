import Testing
@testable import ReportComposer
import ReportScene

@Suite struct TableFlowTests {
    let measurer = FixedTextMeasurer()

    @Test func longTableSplitsWithRepeatedHeader() throws {
        let content = SampleReport.content()
        let doc = try PageComposer.compose(content, measurer: measurer)
        let texts = try doc.texts().filter { $0.zone == "body" }
        let captions = texts.filter { $0.node.text.hasPrefix("表1 ") }
        #expect(captions.count >= 2)
        #expect(captions.first?.node.text == "表1 临平区各镇街基本情况")
        #expect(captions.dropFirst().allSatisfy { $0.node.text == "表1 临平区各镇街基本情况（续）" })
        #expect(captions.map(\.page) == Array(captions[0].page..<captions[0].page + captions.count))
        for c in captions {
            let headers = texts.filter { $0.page == c.page && $0.node.style.weight == .bold && $0.node.text == "镇街" }
            #expect(headers.count == 1 && headers[0].box.minY > c.box.maxY)
        }
        // Every row exactly once, in order, with at least two rows per part.
        let labels = texts.filter { $0.node.text.hasPrefix("镇街") && $0.node.style.weight == .regular }
        #expect(labels.map(\.node.text) == (1...40).map { "镇街\($0)" })
        for c in captions { #expect(labels.filter { $0.page == c.page }.count >= 2) }
        let source = texts.filter { $0.node.text == "数据来源：临平区统计局" && $0.page >= captions.last!.page }
        #expect(source.count == 1 && source[0].box.minY > labels.last!.box.maxY)
    }

    @Test func threeRulesPerPartSpanningTheColumn() throws {
        let content = SampleReport.content()
        let doc = try PageComposer.compose(content, measurer: measurer)
        let frame = content.layout.textFrame
        let captionPages = try doc.texts().filter { $0.node.text.hasPrefix("表1 ") }.map(\.page)
        for p in captionPages {
            let rules = doc.pages[p].root.leaves().compactMap { leaf -> PathNode? in
                guard leaf.path.first == "body", case .path(let path) = leaf.node, path.stroke?.dash.isEmpty == true else { return nil }
                return path
            }
            #expect(rules.count == 3)
            #expect(rules.allSatisfy { abs(($0.bounds?.width ?? 0) - frame.width) < 1e-6 })
            #expect(rules.map { $0.stroke!.width } == [1.2, 0.5, 1.2])
        }
    }

    @Test func numbersAreRightAlignedInTheirColumn() throws {
        let doc = try PageComposer.compose(SampleReport.content(), measurer: measurer)
        let cells = try doc.texts().filter { $0.node.text == "513" }
        #expect(cells.count == 1 && cells[0].node.style.alignment == .right)
    }

    @Test func tableWithoutRowsDrawsItsHeader() throws {
        let table = Table(id: "empty", header: ["项目", "数值"], rows: [], caption: "空表")
        let content = ReportContent(info: ReportInfo(title: "t"), sections: [
            Section(id: "a", title: "甲", blocks: [.table(table), .paragraph("表后。")]),
        ])
        let doc = try PageComposer.compose(content, measurer: measurer)
        let texts = try doc.texts().filter { $0.zone == "body" }.map(\.node.text)
        #expect(texts == ["一、甲", "表1 空表", "项目", "数值", indent + "表后。"])
    }

    @Test func explicitColumnWeightsAreHonoured() {
        let w = TableLayout.columnWidths(natural: [50, 50, 50], weights: [1, 2, 1], total: 400)
        #expect(w == [100, 200, 100])
        let shrunk = TableLayout.columnWidths(natural: [40, 300, 300], weights: nil, total: 400)
        #expect(shrunk[0] == 40 && abs(shrunk.reduce(0, +) - 400) < 1e-9 && abs(shrunk[1] - shrunk[2]) < 1e-9)
    }
}
