import Foundation
import ReportData

extension RowDemand {
    /// The rows a template reads, worked out from report.yaml before any data is loaded: ids
    /// listed by charts (records, highlight) and tables, and `{{dataset.id...}}` placeholders
    /// anywhere in the file's text. A dataset some chart or table reads without an id list, or
    /// that a placeholder names without an id, keeps every row; so does every dataset when the
    /// report prints the sources appendix (it lists every record).
    static func of(_ file: TemplateFile, source: TemplateSource) -> RowDemand {
        let caps = chartCaps(file, source: source)
        if file.appendix && !file.sections.isEmpty { return RowDemand(caps: caps) }
        let text = source.text
        var ids: [String: Set<String>] = [:]
        var everything = Set<String>()
        func use(_ dataset: String, _ filter: RecordFilter, extra: [String] = []) {
            guard let list = filter.ids else { everything.insert(dataset); return }
            ids[dataset, default: []].formUnion(list + extra)
        }
        for c in file.charts { use(c.dataset, c.records, extra: c.highlight) }
        func walk(_ s: SectionTemplate) {
            for case .table(let t) in s.blocks { use(t.dataset, t.records) }
            s.sections.forEach(walk)
        }
        file.sections.forEach(walk)
        for (dataset, id) in placeholderNames(in: text) {
            if let id { ids[dataset, default: []].insert(id) } else { everything.insert(dataset) }
        }
        for d in everything { ids[d] = nil }
        return RowDemand(ids: ids, caps: caps)
    }

    /// A chart without `records:` draws every record of its dataset (that passes `where:`), so
    /// the dataset fails as soon as it has more than a chart shows; the error is the binder's,
    /// at the chart's `dataset` key.
    static func chartCaps(_ file: TemplateFile, source: TemplateSource) -> [String: [RowCap]] {
        var caps: [String: [RowCap]] = [:]
        for (i, c) in file.charts.enumerated() where c.records.ids == nil {
            let limit = TemplateLimits.chartRecords
            let d = source.diagnostic(.error, ["charts", "\(i)", "dataset"],
                "chart '\(c.id)': more than \(limit) records selected; a chart shows at most \(limit) (choose some with records: or where:)")
            caps[c.dataset, default: []].append(RowCap(limit: limit, match: c.records.where, diagnostic: d))
        }
        return caps
    }

    /// (first, second) name of every Mustache tag (`{{a.b.c}}`, `{{#a}}`): second is nil when
    /// the tag names only a dataset.
    static func placeholderNames(in text: String) -> [(String, String?)] {
        var out: [(String, String?)] = []
        let bytes = text.utf8
        // The braces found byte by byte: Foundation's `range(of:)` (a CFString search per tag) was
        // most of this function, on the template's critical path.
        func pair(_ brace: UInt8, from start: String.Index) -> String.Index? {
            var i = start
            while i < bytes.endIndex {
                let next = bytes.index(after: i)
                if bytes[i] == brace, next < bytes.endIndex, bytes[next] == brace { return i }
                i = next
            }
            return nil
        }
        var rest = bytes.startIndex
        while let open = pair(UInt8(ascii: "{"), from: rest) {
            let inside = bytes.index(open, offsetBy: 2)
            guard let close = pair(UInt8(ascii: "}"), from: inside) else { break }
            let tag = text[inside..<close].drop { " #^/&{>!".contains($0) }
            let name = tag.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
            let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if let first = parts.first, !first.isEmpty { out.append((first, parts.count > 1 ? parts[1] : nil)) }
            rest = bytes.index(close, offsetBy: 2)
        }
        return out
    }
}
