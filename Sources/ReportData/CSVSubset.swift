import Foundation

/// Some rows of a CSV file, kept as the text the user wrote (header included), with the original
/// line number of every physical line. A batch unit's rows are typed by the ordinary loader from
/// this text, and every record and diagnostic is then moved back to its line in the real file,
/// so an error in one unit's row reads `figures.csv:57:4` as if the file had been loaded whole.
public struct CSVSubset: Sendable, Hashable {
    /// The header line(s) followed by the chosen rows.
    public var text: String
    /// `originalLine[i]` is the file line of the subset's line `i + 1`.
    public var originalLine: [Int]
    /// Whether any data row is present (a unit may have none in a dataset).
    public var hasRows: Bool

    /// The subset's bytes, what a unit's fingerprint is made from.
    public var bytes: [UInt8] { Array(text.utf8) }

    func line(_ local: Int) -> Int { local >= 1 && local <= originalLine.count ? originalLine[local - 1] : local }

    /// Moves records and this file's diagnostics back to their lines in the original file. A
    /// unit without rows in a dataset is not an error of the file: binding reports what is missing.
    func remap(_ dataset: inout Dataset?, _ diagnostics: inout [Diagnostic], csvPath: String) {
        if dataset != nil {
            for i in dataset!.records.indices { dataset!.records[i].line = line(dataset!.records[i].line) }
        }
        diagnostics = diagnostics.compactMap { d in
            guard d.file == csvPath else { return d }
            if !hasRows && d.message.hasPrefix(CSVSubset.noRowsMessage) { return nil }
            var d = d
            d.line = line(d.line)
            d.message = Self.remapLineMention(d.message, line)
            return d
        }
    }

    /// "duplicate id 'x' (first used on line 3)" names a line of the subset too.
    static func remapLineMention(_ message: String, _ line: (Int) -> Int) -> String {
        let marker = "(first used on line "
        guard let r = message.range(of: marker),
              let end = message[r.upperBound...].firstIndex(of: ")"),
              let n = Int(message[r.upperBound..<end]) else { return message }
        return message.replacingCharacters(in: r.upperBound..<end, with: String(line(n)))
    }

    /// The loader's message for a header without rows (see `DatasetLoader.load`).
    static let noRowsMessage = "file has a header but no data rows"
}
