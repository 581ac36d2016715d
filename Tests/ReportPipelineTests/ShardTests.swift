import Foundation
import Testing
@testable import ReportPipeline

@Suite struct ShardTests {
    @Test func parsesKOfN() throws {
        #expect(try Shard(parsing: "1/4") == Shard(index: 0, count: 4))
        #expect(try Shard(parsing: "4/4").description == "4/4")
        for bad in ["0/4", "5/4", "1/0", "a/b", "1", "1/2/3", "-1/2", ""] {
            #expect(throws: ShardError.self, "\(bad)") { try Shard(parsing: bad) }
        }
    }

    @Test func readsJobArrays() throws {
        // Kubernetes Indexed Job: 0-based index, the count given separately.
        #expect(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "2"], count: 4) == Shard(index: 2, count: 4))
        #expect(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "0", "REPORT_SHARD_COUNT": "3"]) == Shard(index: 0, count: 3))
        #expect(throws: ShardError.self) { try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "0"]) }
        #expect(throws: ShardError.self) { try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "4"], count: 4) }
        // Slurm: `--array=1-8` gives MIN 1 and COUNT 8.
        #expect(try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "8"])
                == Shard(index: 0, count: 8))
        #expect(try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "7", "SLURM_ARRAY_TASK_COUNT": "8"]) == Shard(index: 7, count: 8))
        #expect(throws: ShardError.self) { try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "8"]) }
        #expect(try Shard.fromEnvironment([:]) == nil)
    }

    /// Every unit is in exactly one share, and shares differ in size by one at most.
    @Test func sharesAreDisjointCoveringAndBalanced() throws {
        for units in 0..<60 {
            for n in 1...9 {
                let shards = try (0..<n).map { try Shard(index: $0, count: n) }
                var owners = Array(repeating: 0, count: units)
                var sizes: [Int] = []
                for s in shards {
                    let mine = (0..<units).filter { s.owns(position: $0) }
                    for i in mine { owners[i] += 1 }
                    sizes.append(mine.count)
                }
                #expect(owners.allSatisfy { $0 == 1 })
                #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
            }
        }
    }

    @Test func unitIDsAreSafeFolderNames() {
        for good in ["a", "Z9", "town_1", "x-y", String(repeating: "a", count: 64)] { #expect(BatchPlan.isValidUnitID(good), "\(good)") }
        for bad in ["", ".", "..", "../x", "a/b", "-a", "_a", ".hidden", "镇", "a b", String(repeating: "a", count: 65), "a\u{0}"] {
            #expect(!BatchPlan.isValidUnitID(bad), "\(bad)")
        }
    }
}
