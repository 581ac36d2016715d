import Foundation

/// The small, typed set of formulas derived values may use.
///
/// `previous_from_growth(total: a, growth: g)`  a / (1 + g/100): last year's value from this year's and its growth in %.
/// `growth_rate(current: a, previous: b)`       (a/b − 1)·100, in %.
/// `ratio(numerator: a, denominator: b)`        a / b, b converted to a's unit when related (unit from metadata).
/// `difference(a: x, b: y)`                     x − y, same unit family.
/// `sum(x, y, ...)`                             total, same unit family.
public enum Formula: Sendable, Hashable {
    case previousFromGrowth(total: String, growth: String)
    case growthRate(current: String, previous: String)
    case ratio(numerator: String, denominator: String)
    case difference(String, String)
    case sum([String])

    public var inputs: [String] {
        switch self {
        case let .previousFromGrowth(a, b), let .growthRate(a, b), let .ratio(a, b), let .difference(a, b): return [a, b]
        case let .sum(xs): return xs
        }
    }

    /// Parses `name(key: id, key: id)`; the message says what is wrong.
    public static func parse(_ text: String) -> Result<Formula, FormulaError> {
        let t = text.trimmed
        guard let open = t.firstIndex(of: "("), t.hasSuffix(")") else { return .failure(.syntax(text)) }
        let name = t[..<open].trimmed
        let body = t[t.index(after: open)..<t.index(before: t.endIndex)]
        var named: [String: String] = [:], positional: [String] = []
        for arg in body.split(separator: ",") {
            let parts = arg.split(separator: ":", maxSplits: 1).map { $0.trimmed }
            guard parts.allSatisfy({ !$0.isEmpty }) else { return .failure(.syntax(text)) }
            if parts.count == 2 { named[parts[0]] = parts[1] } else { positional.append(parts[0]) }
        }
        func two(_ k1: String, _ k2: String) -> (String, String)? {
            guard positional.isEmpty, named.count == 2, let a = named[k1], let b = named[k2] else { return nil }
            return (a, b)
        }
        switch name {
        case "previous_from_growth": if let (a, b) = two("total", "growth") { return .success(.previousFromGrowth(total: a, growth: b)) }
        case "growth_rate": if let (a, b) = two("current", "previous") { return .success(.growthRate(current: a, previous: b)) }
        case "ratio": if let (a, b) = two("numerator", "denominator") { return .success(.ratio(numerator: a, denominator: b)) }
        case "difference": if let (a, b) = two("a", "b") { return .success(.difference(a, b)) }
        case "sum": if named.isEmpty, positional.count >= 2 { return .success(.sum(positional)) }
        default: return .failure(.unknown(name))
        }
        return .failure(.arguments(name))
    }

    /// Computes the value; `unit` overrides the natural unit (needed for ratio).
    public func evaluate(_ lookup: (String) -> Quantity?, unit: String?) -> Result<Quantity, FormulaError> {
        var qs: [Quantity] = []
        for id in inputs {
            guard let q = lookup(id) else { return .failure(.missingInput(id)) }
            // A range or ratio has no single value to compute with; using one end would be silent.
            guard q.shape == .single else { return .failure(.notSingleValue(id)) }
            qs.append(q)
        }
        let qualifier: Qualifier = qs.allSatisfy { $0.qualifier == .exact } ? .exact : .about
        func sameFamily(_ a: Quantity, _ b: Quantity) -> Quantity? { b.converted(to: a.unit) }
        let v: Double, u: String
        switch self {
        case .previousFromGrowth:
            guard qs[1].unit == "%" else { return .failure(.unitMismatch("growth must be in %")) }
            v = qs[0].value / (1 + qs[1].value / 100); u = qs[0].unit
        case .growthRate:
            guard let b = sameFamily(qs[0], qs[1]) else { return .failure(.unitMismatch("\(qs[0].unit) vs \(qs[1].unit)")) }
            v = (qs[0].value / b.value - 1) * 100; u = "%"
        case .ratio:
            // Same family (亿元 / 万元): convert first, so the ratio is a plain count.
            let b = sameFamily(qs[0], qs[1]) ?? qs[1]
            v = qs[0].value / b.value; u = unit ?? ""
        case .difference:
            guard let b = sameFamily(qs[0], qs[1]) else { return .failure(.unitMismatch("\(qs[0].unit) vs \(qs[1].unit)")) }
            v = qs[0].value - b.value; u = qs[0].unit
        case .sum:
            var total = 0.0
            for q in qs {
                guard let c = sameFamily(qs[0], q) else { return .failure(.unitMismatch("\(qs[0].unit) vs \(q.unit)")) }
                total += c.value
            }
            v = total; u = qs[0].unit
        }
        guard v.isFinite else { return .failure(.nonFinite) }
        var result = Quantity(v, unit: u, qualifier: qualifier)
        var isRatio = false
        if case .ratio = self { isRatio = true }
        if let target = unit, target != u, !isRatio {
            guard let c = result.converted(to: target) else { return .failure(.unitMismatch("\(u) vs \(target)")) }
            result = c
        }
        return .success(result)
    }
}

public enum FormulaError: Error, Sendable, Hashable, CustomStringConvertible {
    case syntax(String), unknown(String), arguments(String), missingInput(String), unitMismatch(String), nonFinite
    case notSingleValue(String)
    public var description: String {
        switch self {
        case .syntax(let t): return "formula '\(t)' is not of the form name(key: id, ...)"
        case .unknown(let n): return "unknown formula '\(n)' (known: previous_from_growth, growth_rate, ratio, difference, sum)"
        case .arguments(let n): return "wrong arguments for \(n) (see docs/data-format.md)"
        case .missingInput(let id): return "formula input '\(id)' is not a figure"
        case .unitMismatch(let m): return "incompatible units: \(m)"
        case .nonFinite: return "formula result is not finite (division by zero?)"
        case .notSingleValue(let id): return "formula input '\(id)' is a range or a ratio, not a single value"
        }
    }
}
