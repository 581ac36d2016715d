import Foundation

/// Parses a number cell. Policy (see docs/data-format.md):
/// - plain decimals and exponents, optional sign: accepted;
/// - thousands separators (1,200 / 12,000.5): accepted when grouped by three;
/// - a trailing % : accepted when the unit is % (or empty, which makes it %);
/// - full-width digits (６．７８): normalised, with a warning;
/// - hexadecimal (0x1F), inf, nan, values overflowing a Double (1e309), Chinese numerals: rejected.
public enum NumberParser {
    /// A number as read from a cell, with how it was written.
    public struct Parsed: Sendable, Hashable {
        public var value: Double
        /// True when the cell ended in %.
        public var percent: Bool
        /// True when full-width characters were normalised.
        public var normalisedFullWidth: Bool
    }

    /// Parses a number cell by the policy above, or says why it is not a number.
    public static func parse(_ raw: String) -> Result<Parsed, NumberError> {
        let (norm, changed) = FullWidth.normalise(raw)
        var s = norm.trimmed
        guard !s.isEmpty else { return .failure(.empty) }
        var percent = false
        if s.hasSuffix("%") { percent = true; s.removeLast(); s = s.trimmed }
        let lower = s.lowercased()
        let unsigned = lower.hasPrefix("-") || lower.hasPrefix("+") ? String(lower.dropFirst()) : lower
        if unsigned.hasPrefix("0x") { return .failure(.hexadecimal) }
        if ["inf", "infinity", "nan"].contains(unsigned) { return .failure(.nonFinite) }
        if s.contains("," as Character) {
            guard let stripped = stripGrouping(s) else { return .failure(.badGrouping) }
            s = stripped
        }
        guard isPlainDecimal(s), let v = Double(s) else { return .failure(.notANumber) }
        guard v.isFinite else { return .failure(.nonFinite) }
        return .success(Parsed(value: v == 0 ? 0 : v, percent: percent, normalisedFullWidth: changed))
    }

    /// Removes separators from 1,234,567.89; nil when the groups are not of three digits.
    private static func stripGrouping(_ s: String) -> String? {
        var body = Substring(s)
        var sign = ""
        if let f = body.first, f == "-" || f == "+" { sign = String(f); body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard let head = groups.first, (1...3).contains(head.count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if parts.count == 2, parts[1].contains("," as Character) { return nil }
        return sign + groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
    }

    /// [+-] digits [. digits] [e [+-] digits], ASCII only (Double() alone would also take hex and nan).
    private static func isPlainDecimal(_ s: String) -> Bool {
        var it = Array(s.utf8)[...]
        func digits() -> Int { var n = 0; while let c = it.first, c >= 48, c <= 57 { it = it.dropFirst(); n += 1 }; return n }
        if let c = it.first, c == 43 || c == 45 { it = it.dropFirst() }
        var n = digits()
        if it.first == 46 { it = it.dropFirst(); n += digits() }
        guard n > 0 else { return false }
        if let c = it.first, c == 101 || c == 69 {
            it = it.dropFirst()
            if let c = it.first, c == 43 || c == 45 { it = it.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return it.isEmpty
    }
}

/// Why a cell is not a number; `explanation` says it in the user's words.
public enum NumberError: Error, Sendable, Hashable {
    case empty, notANumber, hexadecimal, nonFinite, badGrouping

    /// Explanation appended after the quoted cell text.
    public var explanation: String {
        switch self {
        case .empty: return "is empty"
        case .notANumber: return "is not a number"
        case .hexadecimal: return "is hexadecimal; write the decimal value"
        case .nonFinite: return "is not a finite number"
        case .badGrouping: return "has misplaced thousands separators (use 1,200 or 1200)"
        }
    }
}
