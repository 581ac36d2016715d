import ReportData

/// What the composer would refuse, found at bind time with its position: ids shared by
/// sections, figures and tables, `[[id]]` references, and figures taller than the text column.
extension TemplateBinding {
    mutating func checkReferences() {
        var owners: [String: [String]] = [:]
        var order: [(id: String, keyPath: [String])] = []
        var texts: [(text: String, keyPath: [String])] = []
        func walk(_ s: SectionTemplate, path: [String]) {
            order.append((s.id ?? path.joined(separator: "-"), path + ["id"]))
            for (i, b) in s.blocks.enumerated() {
                let keyPath = path + ["blocks", "\(i)"]
                switch b {
                case .figure(let id): order.append((id, keyPath + ["figure"]))
                case .table(let t): order.append((t.id, keyPath + ["table", "id"]))
                case .text(let t): texts.append((t, keyPath + ["text"]))
                case .pageBreak: break
                }
            }
            for (i, sub) in s.sections.enumerated() { walk(sub, path: path + ["sections", "\(i)"]) }
        }
        for (i, s) in file.sections.enumerated() { walk(s, path: ["sections", "\(i)"]) }
        for entry in order {
            if let first = owners[entry.id] {
                let at = source.mark(first)
                diagnostics.append(source.diagnostic(.error, entry.keyPath,
                    "duplicate id '\(entry.id)' (also at line \(at.line)); sections, figures and tables share one namespace"))
            } else {
                owners[entry.id] = entry.keyPath
            }
        }
        // Only placed figures and tables have a number that [[id]] can print.
        let labelled = order.filter { $0.keyPath.last != "id" || $0.keyPath.dropLast().last == "table" }.map(\.id)
        for (text, keyPath) in texts { checkReferences(in: text, keyPath: keyPath, labelled: labelled) }
        checkFigureHeights()
    }

    private mutating func checkReferences(in text: String, keyPath: [String], labelled: [String]) {
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.firstRange(of: "[["), let close = rest[open.upperBound...].firstRange(of: "]]") {
                let id = rest[open.upperBound..<close.lowerBound].trimmingWhitespaces
                if !labelled.contains(id) {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound)
                    let known = file.charts.contains { $0.id == id }
                    let message = known ? "[[\(id)]]: chart '\(id)' is not placed in any section (add `- figure: \(id)`), so it has no number"
                        : "[[\(id)]]: " + DidYouMean.unknown("figure or table", id, among: labelled)
                    diagnostics.append(source.diagnostic(.error, keyPath, lineIndex: lineIndex, column: column, valueText: text, message))
                }
                rest = rest[close.upperBound...]
            }
        }
    }

    /// A figure is never split: with its caption it must fit the text column.
    private mutating func checkFigureHeights() {
        let column = (file.layout ?? LayoutSettings()).textFrame
        let room = column.height - 48  // caption and source lines below the chart
        for (i, def) in file.charts.enumerated() {
            let height = def.reportHeight ?? 280
            if height > room {
                let key = def.reportHeight == nil ? ["charts", "\(i)"] : ["charts", "\(i)", "report_height"]
                diagnostics.append(source.diagnostic(.error, key,
                    "chart '\(def.id)': report_height \(ChartJob.points(height)) pt does not fit the text column (\(ChartJob.points(column.height)) pt tall, at most \(ChartJob.points(room.rounded(.down))) pt with the caption)"))
            }
        }
    }
}
