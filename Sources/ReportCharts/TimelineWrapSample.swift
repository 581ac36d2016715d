import ReportScene

/// A text wrapped at one width, and what that tells of other widths without measuring again.
/// Line breaking (Pango's as `FixedTextMeasurer`'s) is greedy: each line ends at the last break
/// whose line still fits. Hence, for left-aligned text in one style:
/// - at any width from the widest line up to the width measured, every line ends where it did
///   (the break chosen still fits; the next one did not fit the wider width): the same lines;
/// - a wider width never needs more lines; a text of two lines at `width`, still too wide for
///   one line at a wider width, has two lines there, each no higher than the text on one line.
/// The real-metrics test `PangoWrapReuseTests` checks both against Pango.
struct TimelineWrapSample {
    var width: Double
    var metrics: TextMetrics

    /// Shaping can round a line's width a little differently from the width the break was chosen
    /// by: same lines are only assumed this far above the widest line.
    static let slack = 0.5

    /// The text's metrics wrapped at `other` when they are this sample's (the same lines).
    func metrics(at other: Double) -> TextMetrics? {
        other == width || other <= width && other >= metrics.width + Self.slack ? metrics : nil
    }

    /// The text's height at `other` (a width it does not fit on one line, `oneLine` its metrics
    /// unwrapped), when this sample tells it; nil when it must be measured. The second rule gives
    /// the height of two lines of the text's full height: no less than the height there.
    func height(at other: Double, oneLine: TextMetrics) -> Double? {
        if other == width { return metrics.height }
        if other <= width && other >= metrics.width + Self.slack { return metrics.height }
        if other > width && metrics.lines.count == 2 && oneLine.width > other + Self.slack {
            return oneLine.height * 2
        }
        return nil
    }
}
