import ReportData

/// Numbers of report.yaml that size pages and charts, checked before anything is laid out: a
/// page 1e20 pt wide, a NaN margin or an infinite reference line would otherwise reach integer
/// conversions and C libraries (and crash the process) instead of failing with a position.
/// Every value must be finite and inside a range a PDF viewer and Cairo can take.
enum TemplateSizeLimits {
    /// PDF's largest page side (200 inches), in points.
    static let maxPageSide = 14_400.0

    static func problems(_ file: TemplateFile, source: TemplateSource) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func check(_ v: Double, _ range: ClosedRange<Double>, _ path: [String], _ what: String) {
            guard !v.isFinite || !range.contains(v) else { return }
            out.append(source.diagnostic(.error, path,
                "\(what) is \(v); it must be between \(short(range.lowerBound)) and \(short(range.upperBound))"))
        }
        if let l = file.layout {
            check(l.pageSize.width, 72...maxPageSide, ["layout", "pageSize", "width"], "page width (pt)")
            check(l.pageSize.height, 72...maxPageSide, ["layout", "pageSize", "height"], "page height (pt)")
            for (key, v) in [("top", l.margins.top), ("bottom", l.margins.bottom), ("left", l.margins.left), ("right", l.margins.right)] {
                check(v, 0...maxPageSide / 2, ["layout", "margins", key], "margin \(key) (pt)")
            }
            check(l.bodySize, 4...72, ["layout", "bodySize"], "body font size (pt)")
            check(l.lineSpacing, 0.5...5, ["layout", "lineSpacing"], "line spacing")
            check(l.paragraphSpacing, 0...200, ["layout", "paragraphSpacing"], "paragraph spacing (pt)")
            for (i, s) in l.headingSizes.enumerated() { check(s, 4...144, ["layout", "headingSizes", "\(i)"], "heading size (pt)") }
        }
        for (i, c) in file.charts.enumerated() {
            if let h = c.reportHeight { check(h, 50...maxPageSide, ["charts", "\(i)", "report_height"], "report_height (pt)") }
            for (j, r) in c.referenceLines.enumerated() {
                check(r.value, -InputLimits.maxMagnitude...InputLimits.maxMagnitude, ["charts", "\(i)", "reference_lines", "\(j)", "value"], "reference line value")
            }
        }
        return out
    }

    static func short(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e16 ? String(Int(v)) : String(v) }

    /// Combining marks one character may carry: Unicode's stream-safe limit (UAX #15). Past it a
    /// "character" is a pile of thousands of accents that renders as a smear and costs the shaper
    /// seconds, while counting as one character against every length limit.
    static let combiningRun = 30

    static func stackedMarksProblem(_ text: String) -> String? {
        var run = 0, longest = 0
        for u in text.unicodeScalars {
            run = u.properties.canonicalCombiningClass == .notReordered ? 0 : run + 1
            longest = max(longest, run)
        }
        guard longest > combiningRun else { return nil }
        return "text stacks \(longest) combining marks on one character; at most \(combiningRun) are allowed"
    }

    /// Longest report title, subtitle or heading (characters): a title is set large on the cover
    /// and in the contents, so a pasted paragraph is a mistake.
    static let titleCharacters = 200

    static func titleProblem(_ text: String, _ what: String) -> String? {
        text.count > titleCharacters ? "\(what) is \(text.count) characters long; at most \(titleCharacters) are allowed" : nil
    }

    /// Control characters (other than line ends and tabs) in a text that reaches PDF, SVG or PNG:
    /// invalid in XML, invisible elsewhere.
    static func controlProblem(_ text: String) -> String? {
        VisibleText.firstControl(in: text, allowingNewlines: true).map {
            "text contains the control character \(VisibleText.name($0)); remove it"
        }
    }
}
