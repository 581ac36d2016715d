import ArgumentParser
import Foundation
import ReportComposer
import ReportPipeline

/// `report render` / `check` of a batch template (report.yaml's `batch:` or `--each`).
enum BatchRun {
    /// `--each DATASET` or `--each DATASET:KEY`.
    static func spec(each: String?) throws -> BatchSpec? {
        guard let each else { return nil }
        let parts = each.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.count == 1 || !parts[1].isEmpty else {
            throw ValidationError("--each takes DATASET or DATASET:KEY (got '\(each)')")
        }
        return BatchSpec(dataset: parts[0], key: parts.count == 2 ? parts[1] : nil)
    }

    /// The batch to run, or nil for a single report. The shard comes from `--shard`, else from a
    /// job array's environment (see `Shard.fromEnvironment`), which only a batch reads.
    static func options(_ build: BuildOptions, each: String?, shard: String?, shardCount: Int?) throws -> BatchOptions? {
        let spec = try spec(each: each)
        guard spec != nil || BatchBuild.spec(template: build.template) != nil else {
            if shard != nil || shardCount != nil {
                throw ValidationError("--shard splits a batch, but \(build.template.path)/report.yaml declares no batch: and no --each was given")
            }
            return nil
        }
        do {
            let s = try shard.map { try Shard(parsing: $0) }
                ?? Shard.fromEnvironment(ProcessInfo.processInfo.environment, count: shardCount)
            if s == nil && shardCount != nil {
                throw ValidationError("--shard-count needs the shard index from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID (or use --shard K/N)")
            }
            return BatchOptions(build: build, each: spec, shard: s)
        } catch let e as ShardError {
            throw ValidationError(e.description)
        }
    }

    /// One batch with its terminal output; false when some unit (or the batch) failed.
    static func once(_ options: BatchOptions, quiet: Bool) -> Bool {
        let progress = ProgressLine(quiet: quiet)
        do {
            var report: (@Sendable (Int, Int) -> Void)?
            if let progress { report = { done, total in progress.update(done: done, total: total) } }
            let outcome = try BatchBuild.run(options, progress: report)
            progress?.finish()
            for line in outcome.diagnosticLines { Stderr.print(line) }
            if let failure = outcome.failureLine {
                Stderr.print(failure)
                Stderr.print(outcome.summaryLine)
                return false
            }
            if !quiet { print(outcome.summaryLine) }
            return true
        } catch let failure as BuildFailure {
            progress?.finish()
            for d in failure.diagnostics { Stderr.print(d.description) }
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            Stderr.print("\(errors) error(s) in the batch; nothing was written")
            return false
        } catch let e as OutputError {
            progress?.finish()
            Stderr.print(e.description)
            return false
        } catch {
            progress?.finish()
            Stderr.print("\(options.build.template.path): error: \(error)")
            return false
        }
    }
}
