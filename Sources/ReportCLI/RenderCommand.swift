import ArgumentParser
import Foundation
import ReportPipeline
import ReportRender

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the report and every chart; only what changed since the last run.")

    @OptionGroup var template: TemplateOptions

    @Option(name: .long, help: "Output root; files go to <out>/<template name>/.")
    var out: String = Self.defaultOut
    static let defaultOut = "Output"

    @Option(name: .long, help: "Comma-separated formats: pdf, svg, png, pptx (charts.pptx, one slide per chart).")
    var format: String = Self.defaultFormat
    static let defaultFormat = "pdf,svg,png"

    @Flag(name: .long, help: "Render everything, even what is up to date.")
    var force = false

    @Flag(name: .long, help: "Flush every written file and folder to disk before finishing (also REPORT_DURABLE=1).")
    var durable = false

    @Flag(name: .long, help: "Render again whenever a template or data file changes.")
    var watch = false

    @Flag(name: .shortAndLong, help: "Print only problems.")
    var quiet = false

    @Option(name: .long, help: "Batch: one report per row of DATASET (DATASET or DATASET:KEY; see docs/scale.md).")
    var each: String?

    @Option(name: .long, help: "Batch: render only share K of N of the units (1 ≤ K ≤ N).")
    var shard: String?

    @Option(name: .long, help: "Batch: number of shards, with the index from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID.")
    var shardCount: Int?

    func validate() throws {
        _ = try formats()
    }

    func formats() throws -> Set<OutputFormat> { try Self.formats(format) }

    static func formats(_ format: String) throws -> Set<OutputFormat> {
        var set = Set<OutputFormat>()
        for part in format.split(separator: ",") {
            var trimmed = part
            while let c = trimmed.first, Self.isBlank(c) { trimmed.removeFirst() }
            while let c = trimmed.last, Self.isBlank(c) { trimmed.removeLast() }
            let name = trimmed.lowercased()
            guard let f = OutputFormat(rawValue: name) else {
                throw ValidationError("unknown format '\(name)'; use pdf, svg, png, pptx")
            }
            set.insert(f)
        }
        guard !set.isEmpty else { throw ValidationError("no format given") }
        return set
    }

    /// `CharacterSet.whitespaces` (tab and the space separators), without building a CharacterSet.
    static func isBlank(_ c: Character) -> Bool {
        c == " " || c == "\t" || (c.unicodeScalars.count == 1 && c.unicodeScalars.first!.properties.generalCategory == .spaceSeparator)
    }

    func options() throws -> BuildOptions {
        try Self.options(template: template.template, data: template.data, out: out, format: format,
                         force: force, durable: durable)
    }

    /// The build a `render` of these arguments runs (shared with `FastRenderArguments`).
    static func options(template: String, data: String?, out: String, format: String, force: Bool,
                        durable: Bool) throws -> BuildOptions {
        // getenv, not ProcessInfo.environment: that copies the whole environment into a dictionary.
        let epoch = getenv("SOURCE_DATE_EPOCH").flatMap { Int64(String(cString: $0)) }
        return BuildOptions(template: TemplateOptions.url(template), data: data.map(TemplateOptions.url),
                            outputRoot: URL(fileURLWithPath: out).standardizedFileURL, formats: try formats(format),
                            force: force, sourceDateEpoch: epoch, durable: durable || durableByEnvironment())
    }

    /// `REPORT_DURABLE` set to anything but empty or "0" asks for `--durable` (for scripts).
    static func durableByEnvironment() -> Bool {
        guard let v = getenv("REPORT_DURABLE") else { return false }
        let s = String(cString: v)
        return !s.isEmpty && s != "0"
    }

    func run() throws {
        StageTrace.mark("arguments parsed")
        try Self.run(try options(), quiet: quiet, watch: watch, each: each, shard: shard, shardCount: shardCount)
    }

    /// What `run` does once the arguments are parsed (also `FastRenderArguments`' path).
    static func run(_ opts: BuildOptions, quiet: Bool, watch: Bool = false, each: String? = nil, shard: String? = nil,
                    shardCount: Int? = nil) throws {
        if let batch = try BatchRun.options(opts, each: each, shard: shard, shardCount: shardCount) {
            if watch { throw ValidationError("--watch renders one report; render a batch with plain `report render`") }
            if !BatchRun.once(batch, quiet: quiet) { throw ExitCode(1) }
        } else if watch {
            try Watcher(options: opts, quiet: quiet).run()
        } else {
            // One build, then the process ends: its memory goes back with the process.
            ExitRetention.enable()
            if !RenderRun.once(opts, quiet: quiet) { throw ExitCode(1) }
        }
    }
}

/// One build with its terminal output; false when it failed (the outputs are then untouched).
enum RenderRun {
    static func once(_ options: BuildOptions, quiet: Bool) -> Bool {
        do {
            let outcome = try ReportBuild.run(options)
            StageTrace.mark("\(ExitRetention.keptCount) values left for the exit to reclaim")
            for d in outcome.diagnostics { Stderr.print(d.description) }
            for w in outcome.previousWarnings { Stderr.print(w) }
            if !quiet {
                for line in outcome.changes.lines { print(line) }
                print(outcome.summaryLine)
            }
            return true
        } catch let failure as BuildFailure {
            for d in failure.diagnostics { Stderr.print(d.description) }
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            Stderr.print("\(errors) error(s); nothing was written")
            return false
        } catch let e as OutputError {
            // Already `path: error: message` (the locked folder, or the file that could not be written).
            Stderr.print(e.description)
            return false
        } catch {
            Stderr.print("\(options.template.path): error: \(error)")
            return false
        }
    }
}
