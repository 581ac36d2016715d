import Testing
import ReportSync
@testable import ReportComposer
import ReportScene

/// The paragraphs measured ahead on several threads are exactly the measurements the flow makes
/// for whole paragraphs, so composing afterwards finds each one in the cache; and the document is
/// the one composed without measuring ahead.
@Suite struct ParagraphPrefetchTests {
    /// FixedTextMeasurer that records what it was asked.
    final class RecordingMeasurer: TextMeasurer {
        let inner = FixedTextMeasurer()
        let asked = Locked([String]())
        func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics {
            asked.withLock { $0.append("\(text)|\(style.size)|\(style.alignment)|\(wrapWidth ?? -1)") }
            return try inner.measure(text, style: style, wrapWidth: wrapWidth)
        }
    }

    @Test func everyParagraphIsMeasuredAheadAsTheFlowMeasuresIt() throws {
        let content = SampleReport.content()
        let items = try FlowBuilder(content: content).items()
        let ahead = RecordingMeasurer()
        ParagraphPrefetch.run(items, columnWidth: content.layout.textFrame.width, measurer: ahead, threads: 4)
        let flow = RecordingMeasurer()
        var paragraphs = 0
        for case .paragraph(let text, let format) in items {
            _ = try ParagraphLayout(text, format: format, columnWidth: content.layout.textFrame.width, measurer: flow)
            paragraphs += 1
        }
        let measuredAhead = ahead.asked.withLock { $0 }
        #expect(paragraphs > 3)
        #expect(Set(measuredAhead) == Set(flow.asked.withLock { $0 }))
        #expect(measuredAhead.count == Set(measuredAhead).count, "a paragraph was measured twice")
    }

    @Test func composingWithTheCacheFilledAheadGivesTheSameDocument() throws {
        let content = SampleReport.content()
        let one = try PageComposer.compose(content, measurer: FixedTextMeasurer())
        let cached = CachingTextMeasurer(FixedTextMeasurer())
        ParagraphPrefetch.run(try FlowBuilder(content: content).items(), columnWidth: content.layout.textFrame.width,
                              measurer: cached, threads: 8)
        #expect(try PageComposer.compose(content, measurer: cached) == one)
    }
}
