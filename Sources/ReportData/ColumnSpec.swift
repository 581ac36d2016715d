/// The kind of value a column holds.
public enum ColumnType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Free text.
    case text
    /// A stable identifier (letters, digits, underscore), unique within the dataset.
    case id
    /// A number; its unit comes from `unit` or, per row, from `unit_column`.
    case number
    /// A point or span date (see `DateParser`).
    case date
    /// A date that must be a span.
    case span
    /// 余/约/预计 or more_than/about/planned; empty = exact.
    case qualifier
    /// A ranking or claim, kept verbatim (全省第一).
    case rank
    /// A unit name for per-row units (亿元, 家).
    case unit
}

/// One column declared in a dataset's YAML metadata.
public struct ColumnSpec: Sendable, Hashable, Decodable {
    public var name: String
    public var type: ColumnType
    /// Fixed unit for every value of a number column.
    public var unit: String?
    /// Column holding each row's unit (mixed-unit tables such as figures).
    public var unitColumn: String?
    /// Column holding each row's qualifier.
    public var qualifierColumn: String?
    public var required: Bool
    /// Allowed values for a text column (e.g. a timeline lane or status).
    public var values: [String]?
    public var description: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, type, unit, unitColumn = "unit_column", qualifierColumn = "qualifier_column", required, values, description
    }

    public init(name: String, type: ColumnType, unit: String? = nil, unitColumn: String? = nil,
                qualifierColumn: String? = nil, required: Bool = false, values: [String]? = nil, description: String? = nil) {
        self.name = name; self.type = type; self.unit = unit; self.unitColumn = unitColumn
        self.qualifierColumn = qualifierColumn; self.required = required; self.values = values; self.description = description
    }

    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decode(ColumnType.self, forKey: .type)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        unitColumn = try c.decodeIfPresent(String.self, forKey: .unitColumn)
        qualifierColumn = try c.decodeIfPresent(String.self, forKey: .qualifierColumn)
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        values = try c.decodeIfPresent([String].self, forKey: .values)
        description = try c.decodeIfPresent(String.self, forKey: .description)
    }
}

/// Rejects keys a struct does not know, so a typo (`requried: true`) is an error, not silently ignored.
public enum StrictKeys {
    struct AnyKey: CodingKey {
        var stringValue: String; var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
    /// Throws a `DecodingError` at the first key of the decoder's object not in `allowed`.
    public static func check(_ decoder: Decoder, allowed: [String]) throws {
        if let keys = writtenKeys(decoder) {
            for key in keys where !allowed.contains(key) { throw unknown(AnyKey(stringValue: key), decoder.codingPath, allowed) }
            return
        }
        let c = try decoder.container(keyedBy: AnyKey.self)
        for key in c.allKeys where !allowed.contains(key.stringValue) { throw unknown(key, c.codingPath, allowed) }
    }

    /// The keys of our own decoder's mapping, in order, read from its node; nil for another
    /// decoder or a node that is not a mapping (its `container` then throws as it should).
    /// Why: `KeyedDecodingContainer.allKeys` converts the keys to `CodingKey` existentials and
    /// back, a conformance look-up that scans the binary's conformance records once for every
    /// key type (about a millisecond over a template's types).
    public static func writtenKeys(_ decoder: Decoder) -> [String]? {
        guard let d = decoder as? NodeDecoder, case .mapping(let mapping) = d.node else { return nil }
        var keys: [String] = []
        keys.reserveCapacity(mapping.count)
        for (key, _) in mapping { if case .scalar(let s) = key { keys.append(s.string) } }
        return keys
    }

    private static func unknown(_ key: AnyKey, _ path: [CodingKey], _ allowed: [String]) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: path + [key],
            debugDescription: "unknown key '\(key.stringValue)' (expected one of: \(allowed.joined(separator: ", ")))"
                + (DidYouMean.suggestion(for: key.stringValue, in: allowed).map { "; did you mean '\($0)'?" } ?? "")))
    }
}
