/// One CSV row with typed values and its provenance.
public struct Record: Sendable, Hashable {
    /// Physical line where the row starts, for diagnostics and traceability.
    public var line: Int
    public var values: [String: CellValue]
    /// The cell text as written (after BOM/line-end handling), by column.
    public var raw: [String: String]
    public var id: String?
    /// Verbatim sentence of the source article the row was transcribed from.
    public var sourceSentence: String?
    /// Report section the row belongs to.
    public var section: String?

    public init(line: Int, values: [String: CellValue], raw: [String: String], id: String?,
                sourceSentence: String?, section: String?) {
        self.line = line; self.values = values; self.raw = raw; self.id = id
        self.sourceSentence = sourceSentence; self.section = section
    }

    public subscript(column: String) -> CellValue { values[column] ?? .empty }
}

extension Figure {
    /// A derived figure seen as a row of its figures table, so charts and tables can select it
    /// like any transcribed row.
    public var asRecord: Record {
        var values: [String: CellValue] = ["id": .text(id), "label": .text(label), "value": .number(quantity),
                                           "unit": .text(quantity.unit)]
        if let d = date { values["date"] = .date(d) }
        if let s = section { values["section"] = .text(s) }
        if let r = rank { values["rank"] = .rank(r) }
        return Record(line: line, values: values, raw: ["id": id, "label": label, "section": section ?? ""],
                      id: id, sourceSentence: sourceSentence, section: section)
    }
}
