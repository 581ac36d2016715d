import ReportScene

/// A text's layout when it stays on one line: its metrics and the key that shaped it. Pango
/// breaks a line only where it is wider than the layout's width, so a text whose natural line
/// is narrower than a wrap width is laid out as if unwrapped: the same glyphs, the same metrics
/// (line offsets from the left edge are not part of them). Left-aligned texts only: centred or
/// right-aligned lines sit elsewhere in a wrap width, and a justified last line may stretch.
struct NaturalLine: Sendable {
    var metrics: TextMetrics
    /// The key whose layout is drawn for every key this line answers.
    var source: LayoutKey

    /// The natural line of a measured key's text, when the measurement proves it: unwrapped
    /// and on one line, or wrapped and on one line narrower than its width (a line that could
    /// not be broken overflows its width and is not one).
    init?(_ metrics: TextMetrics, of key: LayoutKey) {
        guard Self.applies(to: key), metrics.lines.count == 1 else { return nil }
        if let w = key.wrapWidth, !Self.fits(metrics.width, w) { return nil }
        self.metrics = metrics; source = key
    }

    /// Keys whose layout does not depend on the wrap width while the text fits on one line.
    static func applies(to key: LayoutKey) -> Bool {
        key.alignment == .left || (key.alignment == .justify && !key.justifyLastLine)
    }

    func fits(_ wrapWidth: Double?) -> Bool {
        guard let wrapWidth else { return true }
        return Self.fits(metrics.width, wrapWidth)
    }

    /// Compared in Pango units as Pango compares them, with one unit to spare so that a line
    /// exactly as wide as the width (which Pango keeps) is never the deciding case.
    static func fits(_ width: Double, _ wrapWidth: Double) -> Bool {
        let limit = Int((max(wrapWidth, 0) * pangoScale).rounded())
        return Int((width * pangoScale).rounded()) + 1 < limit
    }
}

extension LayoutKey {
    /// The same text and style without a wrap width.
    var unwrapped: LayoutKey {
        var key = self
        key.wrapWidth = nil
        return key
    }
}
