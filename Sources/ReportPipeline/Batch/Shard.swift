import Foundation

/// One share of a batch's units, for running a batch as N independent processes (a Kubernetes
/// Indexed Job, a Slurm array, GNU parallel). Units are sorted by id and unit number `i` (0-based)
/// belongs to shard `i mod N`: every shard computes the same split from the data alone, the shares
/// are disjoint and together cover every unit, and their sizes differ by one at most.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 0-based.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1 else { throw ShardError("the shard count must be at least 1 (got \(count))") }
        guard (0..<count).contains(index) else {
            throw ShardError("shard index \(index) is outside 0..<\(count)")
        }
        self.index = index; self.count = count
    }

    /// `K/N` with 1 ≤ K ≤ N, as written on the command line (`--shard 2/4`).
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
            throw ShardError("--shard takes K/N with 1 ≤ K ≤ N, e.g. 2/4 (got '\(text)')")
        }
        try self.init(index: k - 1, count: n)
    }

    /// `K/N`, 1-based like `--shard`.
    public var description: String { "\(index + 1)/\(count)" }

    /// Whether the unit at `position` of the sorted unit list is this shard's.
    public func owns(position: Int) -> Bool { position % count == index }

    /// The shard a batch job's environment asks for, or nil when it names none.
    ///
    /// - `JOB_COMPLETION_INDEX` (Kubernetes Indexed Job, 0-based); the count comes from
    ///   `count` (`--shard-count`) or `REPORT_SHARD_COUNT`, since Kubernetes does not export
    ///   `completions` to the pod.
    /// - `SLURM_ARRAY_TASK_ID` minus `SLURM_ARRAY_TASK_MIN` (0 when unset); the count from `count`,
    ///   `REPORT_SHARD_COUNT` or `SLURM_ARRAY_TASK_COUNT`. Arrays must be contiguous (`--array=0-7`
    ///   or `1-8`), not stepped.
    public static func fromEnvironment(_ env: [String: String], count: Int? = nil) throws -> Shard? {
        func number(_ name: String) throws -> Int? {
            guard let text = env[name] else { return nil }
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ShardError("\(name)='\(text)' is not a whole number")
            }
            return n
        }
        let explicitCount = try count ?? number("REPORT_SHARD_COUNT")
        if let index = try number("JOB_COMPLETION_INDEX") {
            guard let n = explicitCount else {
                throw ShardError("JOB_COMPLETION_INDEX is set but not the number of shards: pass --shard-count N or set REPORT_SHARD_COUNT (the Job's completions)")
            }
            return try Shard(index: index, count: n)
        }
        if let id = try number("SLURM_ARRAY_TASK_ID") {
            let min = try number("SLURM_ARRAY_TASK_MIN") ?? 0
            guard let n = try explicitCount ?? number("SLURM_ARRAY_TASK_COUNT") else {
                throw ShardError("SLURM_ARRAY_TASK_ID is set but not SLURM_ARRAY_TASK_COUNT: pass --shard-count N")
            }
            return try Shard(index: id - min, count: n)
        }
        return nil
    }
}

/// A bad `--shard` value or a shard that cannot run; the description says why.
public struct ShardError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
}
