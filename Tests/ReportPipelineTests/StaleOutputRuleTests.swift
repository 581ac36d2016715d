import Testing
@testable import ReportPipeline

@Suite struct StaleOutputRuleTests {
    let ids: Set<String> = ["village-income", "a.b"]

    @Test func outputsOfFormatsNotAskedForAreKept() {
        #expect(!ReportBuild.isStale("report.pdf", chartIDs: ids, hasReport: true, formats: [.svg]))
        #expect(!ReportBuild.isStale("charts/village-income.png", chartIDs: ids, hasReport: true, formats: [.svg]))
        #expect(!ReportBuild.isStale("charts/a.b.pdf", chartIDs: ids, hasReport: true, formats: [.svg]))
    }

    @Test func outputsWhoseSourceIsGoneAreStale() {
        #expect(ReportBuild.isStale("charts/old-chart.png", chartIDs: ids, hasReport: true, formats: [.svg]))
        #expect(ReportBuild.isStale("report.pdf", chartIDs: ids, hasReport: false, formats: [.svg]))
        // Asked for but not produced: the run is responsible for it, so it is stale.
        #expect(ReportBuild.isStale("charts/village-income.svg", chartIDs: ids, hasReport: true, formats: [.svg]))
        #expect(ReportBuild.isStale("notes.txt", chartIDs: ids, hasReport: true, formats: [.svg]))
    }
}
