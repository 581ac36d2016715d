import ReportData

// Typed reading of report.yaml values. A wrong value is recorded with its position and the
// decoder goes on with the default, so one `report check` lists every wrong value at once.

/// A word chosen from a fixed list (chart type, orientation, ...).
protocol TemplateChoice: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
    /// "a chart type", used in "\"pie3d\" is not a chart type (allowed: bar, timeline)".
    static var what: String { get }
}

/// Sane bounds of the numbers a template sets (points unless noted); documented in
/// docs/template-reference.md.
enum TemplateLimits {
    static let pageSide: ClosedRange<Double> = 144...5000
    static let margin: ClosedRange<Double> = 0...1000
    static let fontSize: ClosedRange<Double> = 4...72
    static let lineSpacing: ClosedRange<Double> = 0.8...4
    static let paragraphSpacing: ClosedRange<Double> = 0...100
    static let firstLineIndent: ClosedRange<Int> = 0...8
    static let reportHeight: ClosedRange<Double> = 40...2000
    /// Width and height of a chart's standalone files.
    static let chartSide: ClosedRange<Double> = 100...5000
    static let referenceValue: ClosedRange<Double> = -1e15...1e15
    /// Longest title, caption or label a chart shows (characters).
    static let chartText = 200
    /// Records one chart may show: dense overview charts (the W4 benchmark's 10,000 bars) need
    /// that many; past it a chart is no longer readable and layout time only grows.
    static let chartRecords = 10_000
    /// Rows of one table, and characters of one of its cells.
    static let tableRows = 2000
    static let tableCell = 1000
    static let idPattern = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}"
}

enum TemplateID {
    /// Ids name output files and anchors: ASCII letters, digits, '_' and '-', at most 64.
    static func isValid(_ id: String) -> Bool {
        let u = Array(id.utf8)
        func ok(_ c: UInt8, first: Bool) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (!first && (c == 0x5F || c == 0x2D))
        }
        return !u.isEmpty && u.count <= 64 && ok(u[0], first: true) && u.dropFirst().allSatisfy { ok($0, first: false) }
    }
    static func problem(_ id: String, what: String) -> String {
        "\(what) id \(QuotedValue.quote(id)) is not valid: ids match \(TemplateLimits.idPattern) (ASCII letters, digits, '_' and '-', starting with a letter or digit, at most 64)"
    }
}

extension KeyedDecodingContainer {
    private func record(_ decoder: Decoder, _ key: Key, _ message: String) throws {
        try decoder.problem(message, key: key)
    }

    /// Text without control or invisible characters (line breaks and tabs allowed in prose).
    func text(_ key: Key, _ decoder: Decoder, multiline: Bool = false) throws -> String? {
        guard let s = try decodeIfPresent(String.self, forKey: key) else { return nil }
        if let bad = s.unicodeScalars.first(where: { QuotedValue.isInvisible($0) && !(multiline && ($0 == "\n" || $0 == "\t")) }) {
            let code = "U+" + String(bad.value, radix: 16, uppercase: true)
            try record(decoder, key, "\(key.stringValue) \(QuotedValue.quote(s)) contains the invisible character \(code); remove it")
        }
        return s
    }

    func requiredText(_ key: Key, _ decoder: Decoder, multiline: Bool = false) throws -> String {
        guard let s = try text(key, decoder, multiline: multiline) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: ""))
        }
        return s
    }

    func texts(_ key: Key, _ decoder: Decoder) throws -> [String]? {
        guard let list = try decodeIfPresent([String].self, forKey: key) else { return nil }
        for s in list {
            if let bad = s.unicodeScalars.first(where: QuotedValue.isInvisible) {
                let code = "U+" + String(bad.value, radix: 16, uppercase: true)
                try record(decoder, key, "\(key.stringValue) entry \(QuotedValue.quote(s)) contains the invisible character \(code); remove it")
                break
            }
        }
        return list
    }

    func choice<E: TemplateChoice>(_ type: E.Type, _ key: Key, _ decoder: Decoder) throws -> E? {
        guard let s = try decodeIfPresent(String.self, forKey: key) else { return nil }
        if let v = E(rawValue: s) { return v }
        try record(decoder, key, "\(key.stringValue): " + DidYouMean.message(s, isNot: E.what, allowed: E.allCases.map(\.rawValue)))
        return nil
    }

    /// A finite number within `range`; out of range → recorded, nil (the default applies).
    func number(_ key: Key, _ decoder: Decoder, in range: ClosedRange<Double>, unit: String = "pt") throws -> Double? {
        guard let v = try decodeIfPresent(Double.self, forKey: key) else { return nil }
        guard v.isFinite else {
            try record(decoder, key, "\(key.stringValue) is \(Self.shown(v)); it must be a finite number between \(Self.shown(range.lowerBound)) and \(Self.shown(range.upperBound))\(unit.isEmpty ? "" : " " + unit)")
            return nil
        }
        guard range.contains(v) else {
            try record(decoder, key, "\(key.stringValue) \(Self.shown(v))\(unit.isEmpty ? "" : " " + unit) is out of range: it must be between \(Self.shown(range.lowerBound)) and \(Self.shown(range.upperBound))\(unit.isEmpty ? "" : " " + unit)")
            return nil
        }
        return v
    }

    func integer(_ key: Key, _ decoder: Decoder, in range: ClosedRange<Int>) throws -> Int? {
        guard let d = try decodeIfPresent(Double.self, forKey: key) else { return nil }
        guard d.isFinite, d == d.rounded(), d >= Double(range.lowerBound), d <= Double(range.upperBound) else {
            try record(decoder, key, "\(key.stringValue) \(Self.shown(d)) must be a whole number between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return Int(d)
    }

    func id(_ key: Key, _ decoder: Decoder, what: String) throws -> String? {
        guard let s = try decodeIfPresent(String.self, forKey: key) else { return nil }
        if !TemplateID.isValid(s) { try record(decoder, key, TemplateID.problem(s, what: what)) }
        return s
    }

    static func shown(_ v: Double) -> String {
        if !v.isFinite { return v.isNaN ? "NaN" : (v > 0 ? "infinity" : "-infinity") }
        if v == v.rounded(), abs(v) < 1e16 { return String(Int64(v)) }
        return String(v)
    }
}
