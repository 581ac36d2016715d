import Foundation
import ReportSync
import ReportComposer
import ReportScene
import Testing

/// The report-column layouts `verifyCharts` makes are the report's figures (issue 17): a build
/// that checks before it renders lays each chart out for the column once, and gets the same report.
@Suite struct ReportFigureReuseTests {
    /// FixedTextMeasurer that counts its calls.
    final class CountingMeasurer: TextMeasurer {
        let inner = FixedTextMeasurer()
        let calls = Locked(0)
        func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics {
            calls.withLock { $0 += 1 }
            return try inner.measure(text, style: style, wrapWidth: wrapWidth)
        }
    }

    @Test func theVerifiedFiguresMakeTheSameReportWithoutLayingChartsOutAgain() throws {
        let bound = try GoldenSceneTests.bound()
        let measurer = CountingMeasurer()
        var figures: [String: ReportFigure] = [:]
        let problems = bound.verifyCharts(measurer: measurer, presets: [], figures: &figures)
        #expect(problems.isEmpty, "\(problems)")
        // Every chart, bar and timeline alike, has its figure.
        #expect(Set(figures.keys) == Set(bound.charts.map(\.id)))

        let before = measurer.calls.withLock { $0 }
        let reused = try bound.content(measurer: measurer, figures: figures)
        #expect(measurer.calls.withLock { $0 } == before, "content laid a chart out again")
        let fresh = try bound.content(measurer: FixedTextMeasurer())
        #expect(reused == fresh)
    }

    @Test func theDiagnosticsAreTheSameWithOrWithoutKeepingFigures() throws {
        let bound = try GoldenSceneTests.bound()
        var figures: [String: ReportFigure] = [:]
        let kept = bound.verifyCharts(measurer: FixedTextMeasurer(), figures: &figures)
        #expect(kept == bound.verifyCharts(measurer: FixedTextMeasurer()))
    }

    @Test func aChartMissingFromTheFiguresIsLaidOutAsBefore() throws {
        let bound = try GoldenSceneTests.bound()
        var figures: [String: ReportFigure] = [:]
        _ = bound.verifyCharts(measurer: FixedTextMeasurer(), presets: [], figures: &figures)
        let first = try #require(bound.charts.first?.id)
        figures[first] = nil
        #expect(try bound.content(measurer: FixedTextMeasurer(), figures: figures) == bound.content(measurer: FixedTextMeasurer()))
    }
}
