import Foundation
import Testing
@testable import ReportData

@Suite struct DefaultDatasetTests {
    let dataDir = packageRoot.appendingPathComponent("Templates/linping-annual/data")
    let articleURL = packageRoot.appendingPathComponent("Templates/linping-annual/data/source.txt")

    @Test func loadsWithoutDiagnostics() {
        let result = DatasetCatalog.load(directory: dataDir)
        #expect(result.diagnostics.isEmpty, "\(result.report)")
        #expect(result.exitCode == 0)
        #expect(result.catalog.reportDate == PartialDate(year: 2022, month: 6))
        #expect(Set(result.catalog.datasets.keys) == ["figures", "events", "counts_by_category", "transport", "named_items", "claims"])
    }

    @Test func everySourceSentenceIsVerbatimInTheArticle() throws {
        let article = try String(contentsOf: articleURL, encoding: .utf8)
        let catalog = DatasetCatalog.load(directory: dataDir).catalog
        var checked = 0
        for ds in catalog.datasets.values {
            for r in ds.records {
                let s = try #require(r.sourceSentence, "\(ds.name).csv:\(r.line) has no source sentence")
                #expect(article.contains(s), "\(ds.name).csv:\(r.line)")
                #expect(r.section != nil, "\(ds.name).csv:\(r.line) has no section")
                checked += 1
            }
        }
        #expect(checked >= 89)
    }

    @Test func keyFiguresAreTranscribed() throws {
        let c = DatasetCatalog.load(directory: dataDir).catalog
        let f = ChineseFormatter()
        let expected: [String: String] = [
            "future_factory_pilots_2022": "2家", "future_factories_provincial": "4家",
            "chain_leader_factories": "4家", "industry_chains": "3条", "data_major_categories": "6大类",
            "data_minor_categories": "18小类", "industry_data_records": "3万余条",
            "recruitment_enterprises": "1200余家", "recruitment_posts": "12000余个",
            "prepared_meals_daily": "预计12万份", "policy_series": "8大系列", "policy_rules": "31项",
            "rural_roads": "267.83公里", "common_prosperity_projects": "29个",
            "village_income_total": "6.78亿元", "village_income_growth": "18%",
            "village_income_average": "569.7万元", "weak_village_threshold": "80万元",
            "quality_villages": "54个", "towns_streets": "8个", "old_neighbourhoods_renovated": "19个",
            "future_communities": "5个", "elevated_roads_opened": "5条", "museum_units": "5个",
            "dayu_ding_awards": "2次", "cultural_heritages": "3大文化", "basin_cogovernance_streets": "4个",
        ]
        for (id, text) in expected {
            let fig = try #require(c.figure(path: "figures.\(id)"), "missing \(id)")
            #expect(f.figure(fig) == text, "\(id)")
        }
        #expect(c.figure(id: "future_factories_provincial")?.rank?.text == "总量为全省第一")
        #expect(c.figure(id: "chain_leader_factories")?.rank?.text == "数量居杭州市第一")
        #expect(c.figure(id: "future_factory_pilots_2022")?.rank?.position == 1)
        #expect(c.figure(id: "prepared_meals_daily")?.date == .point(PartialDate(year: 2022, month: 10)!))
    }

    @Test func derivedFiguresCarryProvenance() throws {
        let c = DatasetCatalog.load(directory: dataDir).catalog
        let prev = try #require(c.figure(id: "village_income_2020"))
        #expect(prev.derived)
        #expect(prev.inputs == ["village_income_total", "village_income_growth"])
        #expect(abs(prev.quantity.value - 6.78 / 1.18) < 1e-9)
        #expect(c.provenance(of: "village_income_2020") == "由村级集体经营性收入、村级集体经营性收入同比增长推算")
        #expect(c.provenance(of: "village_income_total")?.hasPrefix("2021年,临平全区村级集体经营性收入达6.78亿元") == true)
        #expect(ChineseFormatter().figure(prev) == "5.75亿元（推算）")
        #expect(ChineseFormatter().figure(try #require(c.figure(id: "village_count_implied"))) == "119个（推算）")
        #expect(ChineseFormatter().figure(try #require(c.figure(id: "village_income_increase"))) == "1.03亿元（推算）")
    }

    @Test func eventsResolveRelativeDates() throws {
        let events = try #require(DatasetCatalog.load(directory: dataDir).catalog.dataset(named: "events"))
        func date(_ id: String) -> DateValue? { events.record(id: id)?["date"].date }
        #expect(date("museum_reopened") == .point(PartialDate(year: 2022, month: 5, day: 15)!))
        #expect(date("beautiful_linping_people") == .point(PartialDate(year: 2022, month: 3)!))
        #expect(date("canal_park_design") == .point(PartialDate(year: 2022, month: 6, approximate: true)!))
        #expect(date("qiaosi_land_consolidation") == .span(DateSpan(start: PartialDate(year: 2022, month: 1)!, end: nil)!))
        #expect(date("prepared_meals_full_line") == .point(PartialDate(year: 2022, month: 10)!))
        #expect(Set(events.records.compactMap(\.section)) == ["从制造到智造", "既强村也富农", "重品质促提升", "探寻文化临平"])
        let transport = try #require(DatasetCatalog.load(directory: dataDir).catalog.dataset(named: "transport"))
        #expect(transport.records.filter { $0["kind"].text == "高架路" }.count == 5)
        let claims = try #require(DatasetCatalog.load(directory: dataDir).catalog.dataset(named: "claims"))
        #expect(claims.record(id: "chain_leader_first")?["claim"].rank?.text == "数量居杭州市第一")
    }
}
