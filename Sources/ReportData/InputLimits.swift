/// The documented input limits (docs/data-format.md, "Limits"). Each is enforced as early as
/// possible, with the position where it is crossed, so a huge or hostile file fails in bounded
/// time and memory instead of exhausting the machine.
public enum InputLimits {
    /// A CSV file, in bytes (256 MiB).
    public static let csvBytes = 256 << 20
    /// A YAML file (report.yaml, catalog.yaml, a dataset's metadata), in bytes (1 MiB).
    public static let yamlBytes = 1 << 20
    /// The source text that source sentences are checked against, in bytes (16 MiB).
    public static let sourceTextBytes = 16 << 20
    /// One CSV cell, in bytes of UTF-8 (64 KiB).
    public static let cellBytes = 64 << 10
    /// Data rows of one CSV file.
    public static let rows = 2_000_000
    /// Fields of one CSV row.
    public static let columns = 1_000
    /// A YAML mapping key, in characters (the YAML spec's limit for implicit keys).
    public static let yamlKeyCharacters = 1_024
    /// A YAML line, in bytes (a prose paragraph is a few hundred).
    public static let yamlLineBytes = 64 << 10
    /// Datasets in one data folder.
    public static let datasets = 5_000
    /// Charts in one template.
    public static let charts = 5_000
    /// Largest magnitude of a number: beyond 10^15 a Double no longer holds every digit as written
    /// (and scaled or summed values overflow to infinity, which must never reach a file).
    public static let maxMagnitude = 1e15
    /// Smallest non-zero magnitude: smaller values would print as 0.
    public static let minMagnitude = 1e-9

    /// Why `v` cannot be shown as written, or nil.
    public static func magnitudeProblem(_ v: Double) -> String? {
        if !v.isFinite { return "is not a finite number" }
        if abs(v) >= maxMagnitude { return "is too large: numbers must be below 10^15 to be shown exactly; use a larger unit" }
        if v != 0 && abs(v) < minMagnitude { return "is too small: non-zero numbers must be at least 10^-9; use a smaller unit" }
        return nil
    }
}
