import Foundation

/// How a figure relates to the true value, as Chinese reports mark it.
public enum Qualifier: String, Sendable, Hashable, CaseIterable, Codable {
    /// No mark: the figure is exact.
    case exact
    /// 余: "more than" (1200余家).
    case moreThan = "more_than"
    /// 约: "about" (约5亿元).
    case about
    /// 预计: a planned or expected figure.
    case planned

    /// Accepts the English names used in CSV files and the Chinese marks themselves; empty means exact.
    public init?(text: String) {
        switch text.trimmed {
        case "", "exact": self = .exact
        case "more_than", "余", "多": self = .moreThan
        case "about", "约", "左右": self = .about
        case "planned", "预计", "计划": self = .planned
        default: return nil
        }
    }
}
