import Testing
import TestSupport
import ReportComposer
import ReportScene

/// The structure tags the composer puts on the scene, which the PDF writer turns into the tagged
/// PDF's tree: every text is in exactly one content element or an artifact, sections nest by
/// heading level, and a block split over pages keeps one key.
@Suite struct StructureTagTests {
    /// A text node with the roles of its enclosing groups, outermost first.
    struct TaggedText {
        var page: Int
        var text: String
        var roles: [StructureTag]
    }

    static func taggedTexts(_ doc: Document) -> [TaggedText] {
        var out: [TaggedText] = []
        func walk(_ g: Group, _ roles: [StructureTag], page: Int) {
            let r = g.structure.map { roles + [$0] } ?? roles
            for child in g.children {
                switch child {
                case .group(let c): walk(c, r, page: page)
                case .text(let t): out.append(TaggedText(page: page, text: t.text, roles: r))
                default: break
                }
            }
        }
        for (i, p) in doc.pages.enumerated() { walk(p.root, [], page: i) }
        return out
    }

    static func isLeaf(_ role: StructureRole) -> Bool {
        switch role {
        case .heading, .paragraph, .figure, .caption, .tableHeaderCell, .tableCell, .link: true
        default: false
        }
    }

    /// Checks the rules on one composed document; returns a description of the first violation.
    static func violations(_ doc: Document) -> [String] {
        var problems: [String] = []
        var keyPages: [String: [Int]] = [:]
        let texts = taggedTexts(doc)
        for t in texts {
            let roles = t.roles.map(\.role)
            let leaves = roles.filter(isLeaf)
            let artifact = roles.contains(.artifact)
            if leaves.count + (artifact ? 1 : 0) != 1, !(roles.contains { if case .figure = $0 { true } else { false } }) {
                problems.append("“\(t.text.prefix(10))” on page \(t.page) is in \(roles)")
            }
            if case .heading(let level)? = roles.last {
                let depth = roles.filter { $0 == .section }.count
                if depth != level { problems.append("H\(level) “\(t.text)” inside \(depth) sections") }
            }
            for tag in t.roles { if let k = tag.continues, keyPages[k]?.last != t.page { keyPages[k, default: []].append(t.page) } }
        }
        // A continued element runs over consecutive pages, once each; the one exception is a page
        // of floated figures only, which splits the paragraph it interrupts into two (reading
        // order follows the pages).
        let figurePages = Set(texts.map(\.page)).filter { p in
            texts.filter { $0.page == p }.allSatisfy { t in
                t.roles.contains { tag in
                    switch tag.role { case .figure, .caption, .artifact: true; default: false }
                }
            }
        }
        for (k, pages) in keyPages {
            let gaps = Set((pages.first ?? 0)...(pages.last ?? 0)).subtracting(pages)
            if !gaps.isSubset(of: figurePages) || pages.count != Set(pages).count {
                problems.append("\(k) on pages \(pages)")
            }
        }
        return problems
    }

    @Test func sampleReportFollowsTheRules() throws {
        let doc = try PageComposer.compose(SampleReport.content(), measurer: FixedTextMeasurer())
        #expect(Self.violations(doc) == [])
    }

    @Test func headingsAreTaggedInDocumentOrderWithTheirLevels() throws {
        let doc = try PageComposer.compose(SampleReport.content(), measurer: FixedTextMeasurer())
        let headings = Self.taggedTexts(doc).compactMap { t -> String? in
            guard case .heading(let level)? = t.roles.last?.role else { return nil }
            return "\(level) \(t.text)"
        }
        #expect(headings == doc.outline.map { "\($0.level) \($0.title)" })
    }

    @Test func runningHeadersFootersAndRulesAreArtifacts() throws {
        let doc = try PageComposer.compose(SampleReport.content(), measurer: FixedTextMeasurer())
        for page in doc.pages {
            for case .group(let g) in page.root.children where g.name == "header" || g.name == "footer" {
                #expect(g.structure?.role == .artifact)
            }
        }
        let rules = doc.pages.flatMap { $0.root.leaves() }.filter { if case .path = $0.node { true } else { false } }
        #expect(!rules.isEmpty)
    }

    @Test func aSplitParagraphKeepsOneKey() throws {
        let doc = try PageComposer.compose(SampleReport.content(), measurer: FixedTextMeasurer())
        var pagesOfKey: [String: Set<Int>] = [:]
        for t in Self.taggedTexts(doc) {
            if let tag = t.roles.last, tag.role == .paragraph, let k = tag.continues { pagesOfKey[k, default: []].insert(t.page) }
        }
        // The sample has a paragraph longer than a page.
        #expect(pagesOfKey.values.contains { $0.count >= 2 })
    }

    @Test func figuresCarryAltAndAreFollowedByTheirCaption() throws {
        var content = SampleReport.content()
        content.sections[0].subsections[0].blocks = content.sections[0].subsections[0].blocks.map {
            guard case .figure(var f) = $0 else { return $0 }
            f.alt = "柱状图：\(f.caption)"
            return .figure(f)
        }
        let doc = try PageComposer.compose(content, measurer: FixedTextMeasurer())
        var alts: [String] = [], afterFigure: [String] = []
        func walk(_ g: Group) {
            var lastWasFigure = false
            for case .group(let c) in g.children {
                if lastWasFigure, c.structure?.role == .caption { afterFigure += c.leaves().compactMap { if case .text(let t) = $0.node { t.text } else { nil } }.prefix(1) }
                lastWasFigure = false
                if case .figure(let alt)? = c.structure?.role { alts.append(alt); lastWasFigure = true } else { walk(c) }
            }
        }
        doc.pages.forEach { walk($0.root) }
        #expect(alts.count == 3)
        #expect(alts.allSatisfy { !$0.isEmpty })
        #expect(alts.prefix(2) == ["柱状图：临平区地区生产总值", "柱状图：未来工厂数量"])
        #expect(alts.last == "图3 四好农村路里程", "no alt given: the caption")
        #expect(afterFigure.map { String($0.prefix(2)) } == ["图1", "图2", "图3"])
    }

    /// Random reports (sections 1–3 levels deep, paragraphs of every length, figures of every
    /// height, tables of 0–60 rows) follow the same rules.
    @Test func randomReportsFollowTheRules() throws {
        var rng = StructureRNG(seed: 15)
        for round in 0..<120 {
            let content = Self.randomContent(&rng)
            let doc = try PageComposer.compose(content, measurer: FixedTextMeasurer())
            let problems = Self.violations(doc)
            #expect(problems.isEmpty, "round \(round): \(problems.prefix(3))")
            if !problems.isEmpty { return }
        }
    }

    static func randomContent(_ rng: inout StructureRNG) -> ReportContent {
        var counter = 0
        func block(_ rng: inout StructureRNG) -> Block {
            counter += 1
            switch Int.random(in: 0..<10, using: &rng) {
            case 0, 1:
                let h = Double.random(in: 40...760, using: &rng)
                return .figure(Figure(id: "f\(counter)", content: SampleReport.chart(400, h), size: Size(400, h), caption: "图表\(counter)"))
            case 2:
                let rows = Int.random(in: 0...60, using: &rng)
                return .table(Table(id: "t\(counter)", header: ["项目", "数值"], rows: (0..<rows).map { ["项目\($0)", "\($0)"] },
                                    caption: "表格\(counter)"))
            default:
                let n = Int.random(in: 1...14, using: &rng)
                return .paragraph(SeedText.paragraphs.shuffled(using: &rng).prefix(n).joined())
            }
        }
        func section(_ depth: Int, _ rng: inout StructureRNG) -> Section {
            counter += 1
            let id = counter
            let blocks = (0..<Int.random(in: 0...5, using: &rng)).map { _ in block(&rng) }
            let subs = depth < 3 ? (0..<Int.random(in: 0...2, using: &rng)).map { _ in section(depth + 1, &rng) } : []
            return Section(id: "s\(id)", title: "第\(id)节", blocks: blocks, subsections: subs)
        }
        var c = SampleReport.content()
        c.sections = (0..<Int.random(in: 1...4, using: &rng)).map { _ in section(1, &rng) }
        return c
    }
}

/// SplitMix64 (TestSupport): the same random reports on every run.
typealias StructureRNG = SplitMix
