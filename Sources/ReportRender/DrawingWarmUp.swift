import ReportScene

extension PangoTextMeasurer {
    /// Shapes, for drawing, every text of `groups` that has no layout yet, and keeps the layouts.
    /// Laying out a chart often needs only a text's metrics (a timeline's key lines are measured
    /// from their one-line shaping: `BreakSpans`), so its wrapped layout is first made by the
    /// PDF's font pass, on the report's path (~220 layouts, 5 ms of a 20-page report). Called on
    /// a thread that would otherwise idle (the report's figures, while its pages are composed),
    /// the font pass and the drawing then find them. Texts that fail to lay out are skipped:
    /// drawing reports their error. The layouts are the ones drawing would make (same key, same
    /// environment rules), so the output does not depend on whether this ran.
    /// Shaped in the last environment, which the single-threaded flow's measuring reaches only
    /// when the first is busy (with one environment, nothing is done: there is no idle core).
    /// A text already measured is skipped: its layout is kept where it was shaped.
    public func shapeForDrawing(_ groups: [Group]) {
        guard let env = FontEnvironment.all.last, env.index > 0 else { return }
        for group in groups { shape(group, in: env) }
    }

    private func shape(_ group: Group, in env: FontEnvironment) {
        for child in group.children {
            switch child {
            case .group(let g): shape(g, in: env)
            case .text(let t): _ = try? measure(t.text, style: t.style, wrapWidth: t.wrapWidth, in: env)
            default: break
            }
        }
    }
}
