import ReportScene

/// Flattens the section tree into `FlowItem`s: numbers headings, figures and tables in document
/// order, moves figures next to the paragraph that refers to them, resolves `[[id]]` references,
/// and appends the data-source appendix.
struct FlowBuilder {
    let content: ReportContent

    func items() throws -> [FlowItem] {
        let sections = content.sections.map(Self.relocatingFigures)
        let labels = try referenceLabels(sections)
        var numberer = HeadingNumberer(style: content.layout.numbering)
        var figureCount = 0, tableCount = 0
        var out: [FlowItem] = []
        func walk(_ s: Section, level: Int) throws {
            let label = s.numbered ? numberer.next(level: level) : ""
            out.append(.heading(HeadingItem(level: level, label: label, title: s.title, anchor: Self.anchor(section: s.id))))
            for block in s.blocks {
                switch block {
                case .paragraph(let text):
                    for part in try Self.resolve(text, labels: labels).split(separator: "\n") where !part.isEmpty {
                        out.append(.paragraph(String(part), bodyFormat))
                    }
                case .figure(let f):
                    figureCount += 1
                    out.append(.figure(number: figureCount, f))
                case .table(let t):
                    tableCount += 1
                    out.append(.table(number: tableCount, t))
                case .pageBreak:
                    out.append(.pageBreak)
                }
            }
            for sub in s.subsections { try walk(sub, level: level + 1) }
        }
        for s in sections { try walk(s, level: 1) }
        out += appendix()
        return out
    }

    static func anchor(section id: String) -> String { "sec-" + id }
    static func anchor(figure id: String) -> String { "fig-" + id }
    static func anchor(table id: String) -> String { "tab-" + id }

    var bodyFormat: ParagraphFormat {
        let l = content.layout
        return ParagraphFormat(
            style: TextStyle(family: l.bodyFamily, size: l.bodySize, color: content.style.body,
                             lineSpacing: l.lineSpacing, alignment: .justify),
            indent: String(repeating: "\u{3000}", count: l.firstLineIndent), leftInset: 0,
            spaceBefore: l.paragraphSpacing, keepWithNext: false)
    }

    /// "附录：数据来源": one entry per source ("[1] 标题", "来源：出处") followed by its records, indented.
    func appendix() -> [FlowItem] {
        guard !content.sources.isEmpty else { return [] }
        let l = content.layout
        var items: [FlowItem] = [.heading(HeadingItem(level: 1, label: "", title: l.appendixTitle, anchor: "sec-appendix-sources"))]
        let base = bodyFormat
        for (i, s) in content.sources.enumerated() {
            var title = ParagraphFormat(style: base.style, indent: "", leftInset: 0,
                                        spaceBefore: l.bodySize * 0.6, keepWithNext: !s.records.isEmpty)
            title.style.alignment = .left
            title.style.weight = .bold
            // Bold text is set in the heading face, as everywhere else: one face fewer to embed.
            title.style.family = l.headingFamily
            items.append(.paragraph("[\(i + 1)] " + s.title, title))
            var record = ParagraphFormat(style: base.style, indent: "", leftInset: l.bodySize * 2,
                                         spaceBefore: 0, keepWithNext: false)
            record.style.size = content.style.captionSize
            record.style.color = content.style.secondary
            record.style.alignment = .left
            record.style.lineSpacing = min(base.style.lineSpacing, 1.35)
            if !s.citation.isEmpty {
                // The citation on its own line under the title, so the bold title stays short.
                var cite = record
                cite.keepWithNext = !s.records.isEmpty
                cite.leftInset = 0
                items.append(.paragraph("来源：" + s.citation, cite))
            }
            // One run-on paragraph per source keeps a long list compact and lets it break like text.
            if !s.records.isEmpty { items.append(.paragraph(s.records.joined(separator: "；") + "。", record)) }
        }
        return items
    }

    /// Maps every figure/table id to its printed number, checking ids are unique.
    func referenceLabels(_ sections: [Section]) throws -> [String: String] {
        var labels: [String: String] = [:]
        var seen: Set<String> = []
        var figures = 0, tables = 0
        func claim(_ id: String) throws {
            guard seen.insert(id).inserted else { throw ComposerError.duplicateID(id) }
        }
        func walk(_ s: Section) throws {
            try claim(s.id)
            for b in s.blocks {
                switch b {
                case .figure(let f): try claim(f.id); figures += 1; labels[f.id] = "图\(figures)"
                case .table(let t): try claim(t.id); tables += 1; labels[t.id] = "表\(tables)"
                case .paragraph, .pageBreak: break
                }
            }
            try s.subsections.forEach(walk)
        }
        try sections.forEach(walk)
        return labels
    }

    /// Replaces each `[[id]]` with its label.
    static func resolve(_ text: String, labels: [String: String]) throws -> String {
        var out = "", rest = Substring(text)
        while let open = rest.firstRange(of: "[["), let close = rest[open.upperBound...].firstRange(of: "]]") {
            let id = String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces
            guard let label = labels[id] else { throw ComposerError.unknownReference(id) }
            out += rest[..<open.lowerBound] + label
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// Moves each figure with a `referencedBy` phrase right after the first paragraph of its
    /// section containing that phrase; figures whose phrase is not found stay where they are.
    static func relocatingFigures(_ section: Section) -> Section {
        var s = section
        s.subsections = section.subsections.map(relocatingFigures)
        var blocks = section.blocks
        var moved: Set<String> = []
        for case .figure(let f) in section.blocks {
            guard let phrase = f.referencedBy, !phrase.isEmpty,
                  let from = blocks.firstIndex(of: .figure(f)) else { continue }
            blocks.remove(at: from)
            if let para = blocks.firstIndex(where: { if case .paragraph(let t) = $0 { t.contains(phrase) } else { false } }) {
                // After figures already moved behind the same paragraph, so their order is kept.
                var at = para + 1
                while at < blocks.count, case .figure(let g) = blocks[at], moved.contains(g.id) { at += 1 }
                blocks.insert(.figure(f), at: at)
                moved.insert(f.id)
            } else {
                blocks.insert(.figure(f), at: from)
            }
        }
        s.blocks = blocks
        return s
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
