/// Lane name → lane position. Hashing Chinese strings means normalising them, which dominated
/// layouts of 10,000 events; events mostly repeat a handful of lanes, so compare against the
/// last hit and a short list before falling back to a dictionary.
struct TimelineLaneIndex {
    private(set) var names: [String] = []
    private var lookup: [String: Int] = [:]
    private var last = -1

    init(_ names: [String] = []) { for n in names { _ = insert(n) } }

    func index(of name: String) -> Int? {
        if last >= 0 && names[last] == name { return last }
        if names.count <= 16 { return names.firstIndex(of: name) }
        return lookup[name]
    }

    /// Position of `name`, appending it when new.
    mutating func insert(_ name: String) -> Int {
        if let i = index(of: name) { last = i; return i }
        names.append(name)
        lookup[name] = names.count - 1
        last = names.count - 1
        return last
    }
}
