/// Number cells that state more than one amount: ratios (1.58:1) and ranges (3-5, 30%-40%).
/// Each term goes through `NumberParser.parse`, so the number policy applies to both.
public enum ValueForms {
    /// An accepted cell: its value (the first term of a ratio or range) and its shape.
    public struct Parsed: Sendable, Hashable {
        public var value: Double
        public var shape: ValueShape
        /// True when the cell (every term of a range) ended in %.
        public var percent: Bool
        public var normalisedFullWidth: Bool
        /// The source wrote a plus sign (+5, ＋5): kept in the display (see `Quantity.explicitPlus`).
        public var explicitPlus = false

        func signed(_ plus: Bool) -> Parsed { var p = self; p.explicitPlus = plus; return p }
    }

    /// Why a ratio or range cell was rejected.
    public enum Problem: Error, Sendable, Hashable {
        case number(NumberError)
        /// 5-3: a range whose end is below its start.
        case reversedRange
        /// 30%-40 : one end has % and the other not.
        case mixedPercent
        /// 1.58:0 or -1:2: a ratio's terms must be positive.
        case badRatio

        public var explanation: String {
            switch self {
            case .number(let e): return e.explanation
            case .reversedRange: return "is a range that ends below its start"
            case .mixedPercent: return "is a range with % on one end only (write 30%-40%)"
            case .badRatio: return "is a ratio whose terms are not both positive"
            }
        }
    }

    /// Separators of a range as sources write them: hyphen, en/em dash, tildes, 至, 到.
    static let rangeSeparators: [String] = ["至", "到", "–", "—", "~", "～", "-"]

    /// Parses a value cell: a number, a range or a ratio, or says what is wrong with it.
    public static func parse(_ raw: String) -> Result<Parsed, Problem> {
        let (norm, changed) = FullWidth.normalise(raw)
        let text = norm.trimmed.replacingAll("：", with: ":")
        let plus = text.hasPrefix("+")
        if let colon = text.firstIndex(of: ":") {
            return ratio(String(text[..<colon]), String(text[text.index(after: colon)...]), changed).map { $0.signed(plus) }
        }
        if let (a, b) = splitRange(text) { return range(a, b, changed).map { $0.signed(plus) } }
        return NumberParser.parse(raw).map { Parsed(value: $0.value, shape: .single, percent: $0.percent,
                                                      normalisedFullWidth: $0.normalisedFullWidth,
                                                      explicitPlus: plus) }
            .mapError { .number($0) }
    }

    private static func ratio(_ a: String, _ b: String, _ changed: Bool) -> Result<Parsed, Problem> {
        switch (NumberParser.parse(a), NumberParser.parse(b)) {
        case (.failure(let e), _), (_, .failure(let e)): return .failure(.number(e))
        case (.success(let x), .success(let y)):
            guard !x.percent, !y.percent, x.value > 0, y.value > 0 else { return .failure(.badRatio) }
            return .success(Parsed(value: x.value, shape: .ratio(second: y.value), percent: false, normalisedFullWidth: changed))
        }
    }

    private static func range(_ a: String, _ b: String, _ changed: Bool) -> Result<Parsed, Problem> {
        switch (NumberParser.parse(a), NumberParser.parse(b)) {
        case (.failure(let e), _), (_, .failure(let e)): return .failure(.number(e))
        case (.success(let x), .success(let y)):
            // 30-40% reads as 30%-40% (the sign written once, at the end); 30%-40 does not.
            if x.percent && !y.percent { return .failure(.mixedPercent) }
            guard x.value <= y.value else { return .failure(.reversedRange) }
            return .success(Parsed(value: x.value, shape: .range(upper: y.value), percent: y.percent,
                                   normalisedFullWidth: changed))
        }
    }

    /// The two ends, split at a separator that follows a digit or % (so -3.5 and 1e-3 stay numbers).
    static func splitRange(_ s: String) -> (String, String)? {
        let chars = Array(s)
        for i in chars.indices.dropFirst() {
            let prev = chars[i - 1]
            guard prev.isASCII && prev.isNumber || prev == "%" else { continue }
            for sep in rangeSeparators where String(chars[i...]).hasPrefix(sep) {
                let a = String(chars[..<i]), b = String(chars[(i + sep.count)...])
                guard !b.trimmed.isEmpty else { return nil }
                return (a, b)
            }
        }
        return nil
    }
}
