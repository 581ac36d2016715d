/// One problem found while loading data, pointing at the file, line and cell that caused it.
///
/// `column` is 1-based. For CSV it is the field index (the spreadsheet column), because that is
/// what a spreadsheet user can find; for YAML it is the character column reported by the parser.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Errors stop a build (and make `report check` exit non-zero); warnings are only printed.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }
    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ severity: Severity, file: String, line: Int, column: Int, _ message: String) {
        self.severity = severity; self.file = file; self.line = line; self.column = column; self.message = message
    }

    /// `path:line:column: error: message`, the format compilers use, so editors can jump to it.
    /// Invisible and control characters are escaped (`\u{FEFF}`), so the line shows what is there.
    public var description: String {
        "\(VisibleText.escaped(file)):\(line):\(column): \(severity.rawValue): \(VisibleText.escaped(message))"
    }
}

/// Collects diagnostics for one load, capping their number so a badly broken file stays readable.
struct DiagnosticSink {
    static let defaultCap = 50
    private(set) var items: [Diagnostic] = []
    private(set) var suppressed = 0
    let cap: Int

    init(cap: Int = DiagnosticSink.defaultCap) { self.cap = cap }

    var errorCount: Int { items.count { $0.severity == .error } + suppressed }
    var hasErrors: Bool { errorCount > 0 }

    mutating func add(_ d: Diagnostic) {
        if items.count < cap { items.append(d) } else { suppressed += 1 }
    }
    mutating func error(_ file: String, _ line: Int, _ column: Int, _ message: String) {
        add(Diagnostic(.error, file: file, line: line, column: column, message))
    }
    mutating func warning(_ file: String, _ line: Int, _ column: Int, _ message: String) {
        add(Diagnostic(.warning, file: file, line: line, column: column, message))
    }
    mutating func append(contentsOf other: [Diagnostic]) { other.forEach { add($0) } }
    /// Takes over another sink's items and its count of suppressed ones.
    mutating func absorb(_ other: DiagnosticSink) {
        append(contentsOf: other.items)
        suppressed += other.suppressed
    }

    /// The collected list, with a closing note when some were left out.
    func finish(file: String) -> [Diagnostic] {
        guard suppressed > 0 else { return items }
        return items + [Diagnostic(.error, file: file, line: 1, column: 1,
                                   "\(suppressed) more problems not shown (limit \(cap))")]
    }
}
