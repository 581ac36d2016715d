/// The report-level rule for the unit a figure is shown in, declared in catalog.yaml:
///
/// ```yaml
/// display:
///   scale: [元]      # 元 amounts are shown in 万元 from 1万 and in 亿元 from 1亿
///   up_to: 万        # optional: the largest magnitude used (万 or 亿, default 亿)
/// ```
/// A figure's own `display` cell overrides it. Without a policy figures read as the source wrote them.
public struct DisplayPolicy: Sendable, Hashable, Decodable {
    /// Base units whose amounts take a 万/亿 magnitude.
    public var scale: [String]
    /// The largest magnitude: "万" or "亿".
    public var upTo: String

    public init(scale: [String] = [], upTo: String = "亿") { self.scale = scale; self.upTo = upTo }

    enum CodingKeys: String, CodingKey, CaseIterable { case scale, upTo = "up_to" }
    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scale = try c.decodeIfPresent([String].self, forKey: .scale) ?? []
        upTo = try c.decodeIfPresent(String.self, forKey: .upTo) ?? "亿"
        guard upTo == "万" || upTo == "亿" else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.upTo],
                                                    debugDescription: "up_to must be 万 or 亿, not '\(upTo)'"))
        }
    }

    /// The display unit for `q`, or nil when the policy does not cover its unit (shown as written).
    public func unit(for q: Quantity) -> String? {
        let base = UnitScale.base(of: q.unit)
        guard scale.contains(base), let factor = UnitScale.factor(of: q.unit) else { return nil }
        let top = max(abs(q.value), abs(q.upperValue)) * factor
        if top >= 1e8 && upTo == "亿" { return "亿" + base }
        if top >= 1e4 { return "万" + base }
        return base
    }
}
