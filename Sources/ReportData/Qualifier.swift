import Foundation

/// How a figure relates to the true value, as Chinese statistical and news writing marks it.
/// The meaning only; the word the source used (近 or 将近, 余 or 多) is kept in `QualifierMark`.
public enum Qualifier: String, Sendable, Hashable, CaseIterable, Codable {
    /// No mark: the figure is exact.
    case exact
    /// More than: 1200余家, 3万余条, 超过860万元, 逾百家.
    case moreThan = "more_than"
    /// Nearly (a little less than): 近5.8万元, 将近, 接近.
    case nearly
    /// About: 约5亿元, 大约, 5万元左右.
    case about
    /// Under: 不足10家, 不到.
    case under
    /// At least (the figure included): 80万元以上.
    case atLeast = "at_least"
    /// At most (the figure included): 80万元以下.
    case atMost = "at_most"
    /// A planned or expected figure: 预计12万份.
    case planned

    /// Accepts the English names and every Chinese word of `QualifierMark.words`; empty means exact.
    public init?(text: String) {
        guard let m = QualifierMark(text: text) else { return nil }
        self = m.meaning
    }

    /// True when the figure is not exact (charts mark such values).
    public var isApproximate: Bool { self != .exact && self != .planned }

    /// The word written when the data names only the meaning (more_than → 余).
    public var defaultWord: String {
        switch self {
        case .exact: return ""
        case .moreThan: return "余"
        case .nearly: return "近"
        case .about: return "约"
        case .under: return "不足"
        case .atLeast: return "以上"
        case .atMost: return "以下"
        case .planned: return "预计"
        }
    }
}

/// A qualifier as the source wrote it: its meaning, its word and where the word goes.
public struct QualifierMark: Sendable, Hashable {
    /// Where the word sits relative to the figure.
    public enum Position: String, Sendable, Hashable {
        /// 超过860万元, 近5.8万元, 约5亿元, 不足10家, 预计12万份.
        case beforeNumber
        /// Between number and unit (余, 多): 1200余家, 860余万元, 3万余条.
        case afterNumber
        /// After the unit: 5万元左右, 80万元以上.
        case afterUnit
    }

    public var meaning: Qualifier
    public var word: String

    public init(_ meaning: Qualifier, word: String? = nil) {
        self.meaning = meaning; self.word = word ?? meaning.defaultWord
    }

    /// Every accepted word with its meaning and position, in the order docs/data-format.md lists them.
    public static let words: [(word: String, meaning: Qualifier, position: Position)] = [
        ("余", .moreThan, .afterNumber), ("多", .moreThan, .afterNumber),
        ("超过", .moreThan, .beforeNumber), ("逾", .moreThan, .beforeNumber), ("超", .moreThan, .beforeNumber),
        ("近", .nearly, .beforeNumber), ("将近", .nearly, .beforeNumber), ("接近", .nearly, .beforeNumber),
        ("约", .about, .beforeNumber), ("大约", .about, .beforeNumber), ("左右", .about, .afterUnit),
        ("不足", .under, .beforeNumber), ("不到", .under, .beforeNumber),
        ("以上", .atLeast, .afterUnit), ("以下", .atMost, .afterUnit),
        ("预计", .planned, .beforeNumber), ("计划", .planned, .beforeNumber),
    ]

    /// English names (`more_than`, `less_than` for under) or a Chinese word; empty means exact.
    public init?(text: String) {
        let t = text.trimmed
        if t.isEmpty { self.init(.exact); return }
        if let entry = Self.words.first(where: { $0.word == t }) { self.init(entry.meaning, word: entry.word); return }
        let english = t.lowercased().replacingAll("-", with: "_")
        if english == "less_than" { self.init(.under); return }
        guard let q = Qualifier(rawValue: english) else { return nil }
        self.init(q)
    }

    public var position: Position {
        Self.words.first { $0.word == word }?.position ?? .beforeNumber
    }

    /// The accepted spellings, for error messages.
    public static var acceptedList: String {
        let names = Qualifier.allCases.map(\.rawValue).joined(separator: ", ")
        return names + " or " + words.map(\.word).joined(separator: "/")
    }
}

/// A ranking or claim exactly as the source states it (全省第一, 居杭州市第一).
/// Kept as text: claims are quoted, never recomputed. `position` is extracted when the text
/// contains 第N so charts can sort or highlight.
public struct Rank: Sendable, Hashable {
    public var text: String
    public init(_ text: String) { self.text = text }

    /// The ordinal in 第一/第2 forms, if any.
    public var position: Int? {
        guard let r = text.firstRange(of: "第") else { return nil }
        let rest = text[r.upperBound...]
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if let n = Int(digits) { return n }
        let map: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]
        return rest.first.flatMap { map[$0] }
    }
}
