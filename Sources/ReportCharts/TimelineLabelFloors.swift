import ReportScene

/// A cheap lower bound of each label's width, so a crowded timeline does not shape thousands of
/// labels that find no room anyway (`TimelinePlacement`'s `labelFloor`): each distinct
/// character is measured once, and a label's floor is 0.9 of the sum of its characters'
/// advances (kerning and shaping never take a tenth off). Only ideographs, full-width forms and
/// ASCII letters and digits count; every other character counts 0.
/// Floors cost a shaping per distinct character and save one per label they rule out, so they
/// are used only when the labels have no more distinct characters than there are labels
/// (`worthwhile`): a 20-event chart of varied Chinese labels took ~4 ms more with them (160
/// characters shaped, every label placed anyway), a 10,000-event one 200 ms less. The characters
/// are measured together, one shaping per style (`TextMeasurer.widths`).
final class TimelineLabelFloors {
    private let cache: TimelineMeasureCache
    private let label: TextStyle
    private let date: TextStyle
    private let dateGap: Double
    private var advances: [UInt64: Double] = [:]
    /// Advances of ASCII letters and digits by code, regular then bold (NaN until measured).
    private var ascii = [Double](repeating: .nan, count: 256)
    private var floors: [Double]
    private var useful: Bool?
    /// The counted characters of the labels' texts and dates, in the order first seen, when the
    /// floors are used: measured together at the first floor asked for (one shaping per style
    /// instead of one per character), then emptied.
    private var unmeasured: (text: [UInt32], date: [UInt32]) = ([], [])
    var count: Int { floors.count }

    private init(copying o: TimelineLabelFloors) {
        cache = o.cache; label = o.label; date = o.date; dateGap = o.dateGap
        advances = o.advances; ascii = o.ascii; floors = o.floors; useful = o.useful
        unmeasured = o.unmeasured
    }

    /// A copy to go on with on another thread (this one is not thread-safe).
    func copy() -> TimelineLabelFloors { TimelineLabelFloors(copying: self) }

    init(count: Int, styles: TimelineStyles, cache: TimelineMeasureCache) {
        self.cache = cache
        label = styles.label; date = styles.date; dateGap = styles.dateGap
        floors = Array(repeating: .nan, count: count)
    }

    /// Floor of mark i's label (`date`, then `text`; asked for only the first time: the placement
    /// asks again in every pass).
    func floor(_ i: Int, label: () -> (date: String, text: String)) -> Double {
        if !floors[i].isNaN { return floors[i] }
        if !unmeasured.text.isEmpty || !unmeasured.date.isEmpty { measureCharacters() }
        let (date, text) = label()
        let f = (date.isEmpty ? 0 : sum(date, date: true) * 0.9 + dateGap) + sum(text, date: false) * 0.9
        floors[i] = f
        return f
    }

    /// Whether floors of these labels (one per mark) are worth their shapings: no more distinct
    /// counted characters (per style) than labels. Decided once.
    func worthwhile(_ labels: [(date: String, text: String)]) -> Bool {
        if let useful { return useful }
        var seen = Set<UInt32>()
        var order: (text: [UInt32], date: [UInt32]) = ([], [])
        let limit = labels.count
        scan: for l in labels {
            for u in l.date.unicodeScalars where Self.counted(u.value) {
                if seen.insert(u.value | 0x8000_0000).inserted { order.date.append(u.value) }
                if seen.count > limit { break scan }
            }
            for u in l.text.unicodeScalars where Self.counted(u.value) {
                if seen.insert(u.value).inserted { order.text.append(u.value) }
                if seen.count > limit { break scan }
            }
        }
        useful = seen.count <= limit
        if useful! { unmeasured = order }
        return useful!
    }

    /// Every counted character of the labels measured at once per style (`TextMeasurer.widths`:
    /// the same widths one measurement each gives), into the tables `sum` reads.
    private func measureCharacters() {
        for (chars, bold) in [(unmeasured.text, false), (unmeasured.date, true)] where !chars.isEmpty {
            let todo = chars.filter { v in v < 128 ? ascii[Int(v) + (bold ? 128 : 0)].isNaN : advances[UInt64(v) << 1 | (bold ? 1 : 0)] == nil }
            guard !todo.isEmpty else { continue }
            let found = cache.widths(todo.map { String(Unicode.Scalar($0)!) }, bold ? date : label)
            for (k, v) in todo.enumerated() {
                // A character no font has adds nothing here; measuring the label itself reports it.
                let a = found[k] ?? 0
                if v < 128 { ascii[Int(v) + (bold ? 128 : 0)] = a } else { advances[UInt64(v) << 1 | (bold ? 1 : 0)] = a }
            }
        }
        unmeasured = ([], [])
    }

    /// The characters a floor counts: ideographs, full-width forms, ASCII letters and digits.
    private static func counted(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xFF01...0xFF5E).contains(v)
            || (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
    }

    private func sum(_ s: String, date bold: Bool) -> Double {
        var total = 0.0
        for u in s.unicodeScalars {
            let v = u.value
            guard Self.counted(v) else { continue }
            if v < 128 {
                let k = Int(v) + (bold ? 128 : 0)
                if ascii[k].isNaN { ascii[k] = (try? cache.measure(String(u), bold ? date : label).width) ?? 0 }
                total += ascii[k]
                continue
            }
            let key = UInt64(v) << 1 | (bold ? 1 : 0)
            if let a = advances[key] { total += a; continue }
            // A character no font has adds nothing here; measuring the label itself reports it.
            let a = (try? cache.measure(String(u), bold ? date : label).width) ?? 0
            advances[key] = a
            total += a
        }
        return total
    }
}
