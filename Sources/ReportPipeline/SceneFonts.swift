import ReportScene

/// The default families, re-exported for fingerprinting without importing the scene everywhere.
enum ReportSceneFonts {
    static let sans = Fonts.sans
    static let serif = Fonts.serif
}
