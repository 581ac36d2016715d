import Testing
import Foundation
@testable import ReportCharts

@Suite struct TimelineCodingTests {
    @Test func eventsRoundTripThroughJSON() throws {
        let events = TimelineFixtures.linping.events + [
            TimelineEvent(id: "x", date: .day(2022, 2, 1), end: .date(.month(2022, 4, approximate: true)), lane: "A",
                          status: .planned, label: "试", detail: "说明"),
        ]
        let data = try JSONEncoder().encode(events)
        #expect(try JSONDecoder().decode([TimelineEvent].self, from: data) == events)
    }

    @Test func decodesTheShortForms() throws {
        let json = #"[{"id":"m","date":"2022-05-15","lane":"探寻文化临平","label":"开馆"},"#
            + #"{"id":"l","date":"2022-01","end":"open","lane":"既强村也富农","label":"整治"},"#
            + #"{"id":"c","date":"~2022-06","lane":"重品质促提升","status":"planned","label":"设计"}]"#
        let events = try JSONDecoder().decode([TimelineEvent].self, from: Data(json.utf8))
        #expect(events[0].date == .day(2022, 5, 15) && events[0].end == .none && events[0].status == .done)
        #expect(events[1].end == .open)
        #expect(events[2].date.approximate && events[2].status == .planned)
    }

    @Test func rejectsBadDates() {
        let json = #"[{"id":"m","date":"2022-02-30","lane":"A","label":"x"}]"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([TimelineEvent].self, from: Data(json.utf8)) }
    }
}
