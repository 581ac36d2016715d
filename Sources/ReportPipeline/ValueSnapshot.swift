/// The data values as displayed, keyed by a stable id, to tell the user what changed between runs.
public struct ValueSnapshot: Sendable, Equatable {
    /// One displayed value as it was printed, keyed by its data id.
    public struct Entry: Codable, Equatable, Sendable {
        /// What the value is, e.g. "村级集体经营性收入 2021".
        public var label: String
        /// How it is displayed, e.g. "6.78亿元".
        public var display: String
        public init(label: String, display: String) { self.label = label; self.display = display }
    }
    public var entries: [String: Entry]
    public init(_ entries: [String: Entry] = [:]) { self.entries = entries }
}

/// The difference between the values of the last successful run and this one.
public struct ChangeSummary: Sendable, Equatable {
    public var changed: [(id: String, label: String, old: String, new: String)] = []
    public var added: [(id: String, entry: ValueSnapshot.Entry)] = []
    public var removed: [(id: String, entry: ValueSnapshot.Entry)] = []

    public init(old: [String: ValueSnapshot.Entry]?, new: ValueSnapshot) {
        guard let old else { return }  // First run: nothing to compare with.
        // Only the ids that differ are sorted (sorting every id of a 10,000-event timeline by
        // Unicode order was 4% of its run); each list comes out in id order as before.
        var changedIDs: [String] = [], addedIDs: [String] = []
        for (id, n) in new.entries {
            if let o = old[id] {
                if o.display != n.display { changedIDs.append(id) }
            } else {
                addedIDs.append(id)
            }
        }
        for id in changedIDs.sorted() {
            let n = new.entries[id]!
            changed.append((id, n.label, old[id]!.display, n.display))
        }
        for id in addedIDs.sorted() { added.append((id, new.entries[id]!)) }
        for id in old.keys.filter({ new.entries[$0] == nil }).sorted() { removed.append((id, old[id]!)) }
    }

    public var isEmpty: Bool { changed.isEmpty && added.isEmpty && removed.isEmpty }

    /// One line per change, for the terminal.
    public var lines: [String] {
        changed.map { "\($0.label): \($0.old) → \($0.new)" }
            + added.map { "+ \($0.entry.label): \($0.entry.display)" }
            + removed.map { "- \($0.entry.label): \($0.entry.display)" }
    }

    /// CHANGES.md: the same, as Markdown.
    public func markdown(title: String) -> String {
        var s = "# \(title): 数据变更\n\n"
        if isEmpty { return s + "与上次成功运行相比，数据没有变化。\n" }
        if !changed.isEmpty {
            s += "## 修改\n\n| 项目 | 原值 | 新值 |\n|---|---|---|\n"
            for c in changed { s += "| \(c.label) | \(c.old) | \(c.new) |\n" }
            s += "\n"
        }
        if !added.isEmpty {
            s += "## 新增\n\n" + added.map { "- \($0.entry.label)：\($0.entry.display)\n" }.joined() + "\n"
        }
        if !removed.isEmpty {
            s += "## 删除\n\n" + removed.map { "- \($0.entry.label)：\($0.entry.display)\n" }.joined() + "\n"
        }
        return s
    }

    public static func == (a: ChangeSummary, b: ChangeSummary) -> Bool { a.lines == b.lines }
}
