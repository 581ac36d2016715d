/// Figure columns beyond the value: `display` (the unit to show the figure in, overriding the
/// catalog's display policy) and `base` (the figure a growth rate or share is computed on).
extension DatasetCatalog {
    static let displayColumn = "display", baseColumn = "base"

    /// Sets every figure's display unit and base, checking both against the figure's unit.
    mutating func resolveDisplay(sink: inout DiagnosticSink, shown: (String) -> String) {
        let policy = metadata?.display
        for id in figureIDs {
            guard var f = figures[id], let ds = datasets[f.dataset], let r = ds.records.first(where: { $0.id == id }) else { continue }
            func column(_ name: String) -> Int { (ds.metadata.columns.firstIndex { $0.name == name } ?? 0) + 1 }
            func fail(_ col: String, _ message: String) { sink.error(shown(f.dataset + ".csv"), r.line, column(col), message) }
            f.displayUnit = policy?.unit(for: f.quantity)
            if let own = r.raw[Self.displayColumn]?.trimmed, !own.isEmpty {
                if f.quantity.converted(to: own) == nil {
                    fail(Self.displayColumn, "display unit \(own) does not convert from the figure's unit \(f.quantity.unit.isEmpty ? "(none)" : f.quantity.unit)")
                } else { f.displayUnit = own }
            }
            if f.displayUnit == f.quantity.unit { f.displayUnit = nil }
            if let base = r.raw[Self.baseColumn]?.trimmed, !base.isEmpty {
                if figures[base] == nil || base == id {
                    fail(Self.baseColumn, "base '\(base)' is not another figure of the data")
                } else if f.quantity.unit != "%" && !UnitScale.isPercentagePoints(f.quantity.unit) {
                    fail(Self.baseColumn, "only a rate (unit % or 个百分点) has a base figure; this one is in \(f.quantity.unit.isEmpty ? "no unit" : f.quantity.unit)")
                } else { f.base = base }
            }
            figures[id] = f
        }
    }
}
