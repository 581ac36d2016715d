/// Text forms for data files (YAML/JSON through any Codable coder):
/// dates as "2022", "2022-03", "2022-05-15", approximate ones prefixed "~";
/// an event's `end` as a date, "open" (runs to the report date) or absent;
/// `status` as "done" (default), "ongoing" or "planned".
extension TimelineDate: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let d = TimelineDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a date: \(text)")
        }
        self = d
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension TimelineEvent.Status: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let s = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown status: \(text) (use done, ongoing or planned)")
        }
        self = s
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

extension TimelineEvent: Codable {
    private enum Keys: String, CodingKey { case id, date, end, lane, status, label, detail }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let end: End
        if let text = try c.decodeIfPresent(String.self, forKey: .end) {
            if text == "open" { end = .open }
            else if let d = TimelineDate(iso: text) { end = .date(d) }
            else { throw DecodingError.dataCorruptedError(forKey: .end, in: c, debugDescription: "not a date or open: \(text)") }
        } else { end = .none }
        self.init(id: try c.decode(String.self, forKey: .id), date: try c.decode(TimelineDate.self, forKey: .date),
                  end: end, lane: try c.decode(String.self, forKey: .lane),
                  status: try c.decodeIfPresent(Status.self, forKey: .status) ?? .done,
                  label: try c.decode(String.self, forKey: .label),
                  detail: try c.decodeIfPresent(String.self, forKey: .detail))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(id, forKey: .id)
        try c.encode(date, forKey: .date)
        switch end {
        case .none: break
        case .open: try c.encode("open", forKey: .end)
        case .date(let d): try c.encode(d, forKey: .end)
        }
        try c.encode(lane, forKey: .lane)
        try c.encode(status, forKey: .status)
        try c.encode(label, forKey: .label)
        try c.encodeIfPresent(detail, forKey: .detail)
    }
}
