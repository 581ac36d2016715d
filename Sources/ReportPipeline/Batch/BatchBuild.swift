import ReportSync
import Foundation
import ReportComposer
import ReportData
import ReportRender

/// `report render` of a batch template: the single-report build once per unit, each bound to its
/// own rows and written to `Output/<template>/<unit id>/` with its own manifest (so a unit is
/// incremental and atomic exactly as one report is), on every core, under one lock for the run,
/// then `index.csv`.
public enum BatchBuild {
    /// The template's `batch:` spec, or nil when it declares none (or report.yaml does not decode:
    /// the single-report path then reports why).
    public static func spec(template: URL) -> BatchSpec? {
        guard let data = FileManager.default.contents(atPath: template.appendingPathComponent(TemplateLoader.fileName).path),
              mayDeclareBatch(data),
              case .success(let file) = YAMLLoader.decode(TemplateFile.self, data: data, file: "") else { return nil }
        return file.batch
    }

    /// A `batch` key, however spelled, holds the bytes "batch" or an escape: without either the
    /// template is a single report, known without decoding it (~7 ms of a no-change rerun).
    /// A plain byte scan: `Data.firstRange(of:)` is generic and took ~0.5 ms of a no-change rerun.
    static func mayDeclareBatch(_ data: Data) -> Bool {
        data.withUnsafeBytes { mayDeclareBatch($0) }
    }

    /// The same test on raw bytes (also `report render`'s look before parsing, `WarmUpScan`).
    public static func mayDeclareBatch(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let word: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0x62, 0x61, 0x74, 0x63, 0x68)  // "batch"
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\\") { return true }
            if b == word.0, i + 5 <= bytes.count, bytes[i + 1] == word.1, bytes[i + 2] == word.2,
               bytes[i + 3] == word.3, bytes[i + 4] == word.4 { return true }
            i += 1
        }
        return false
    }

    /// Builds every unit in memory (`ReportBuild.check`) and returns each distinct problem once;
    /// writes nothing.
    public static func check(template: URL, data: URL?, each: BatchSpec? = nil) -> [Diagnostic] {
        let plan: BatchPlan
        switch BatchPlan.make(template: template, data: data, override: each, sourceDateEpoch: nil) {
        case .success(let p): plan = p
        case .failure(let f): return f.diagnostics
        }
        let slots = Slots<[Diagnostic]>(count: plan.units.count)
        parallel(plan.units.count) { i in
            switch Result(catching: { () throws(CSVSplit.ReadError) in try plan.scope(plan.units[i]) }) {
            case .success(let scope): slots.set(i, ReportBuild.check(template: template, data: data, scope: scope))
            case .failure(let e): slots.set(i, [e.diagnostic])
            }
        }
        var seen = Set<Diagnostic>()
        return slots.values.flatMap { $0 ?? [] }.filter { seen.insert($0).inserted }
    }

    /// Builds this run's units (all, or the shard's). Bad input of one unit fails that unit alone;
    /// a problem of the batch itself (see `BatchPlan.make`) throws `BuildFailure` before anything
    /// is written. `progress(done, total)` is called after each unit, serially.
    public static func run(_ options: BatchOptions, measurer: PangoTextMeasurer = .shared,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> BatchOutcome {
        let plan: BatchPlan
        switch BatchPlan.make(template: options.build.template, data: options.build.data, override: options.each,
                              sourceDateEpoch: options.build.sourceDateEpoch) {
        case .success(let p): plan = p
        case .failure(let f): throw f
        }
        let dir = options.outputDirectory
        let lock = try BatchLock(directory: dir, shared: options.shard != nil)
        defer { lock.release() }
        let mine = plan.units.enumerated().filter { options.shard?.owns(position: $0.offset) ?? true }.map(\.element)
        let results = buildUnits(mine, plan: plan, options: options, measurer: measurer, progress: progress)

        var outcome = BatchOutcome(total: plan.units.count, shard: options.shard, results: results, index: .unchanged, removed: [])
        if options.shard == nil {
            outcome.removed = try removeStaleUnits(in: dir, keeping: Set(plan.units))
            let failed = Set(results.filter(\.failed).map(\.unit))
            outcome.index = try writeIndex(plan: plan, in: dir, durable: options.build.durable, status: { failed.contains($0) ? .failed : .ok })
        } else {
            // The last shard to finish sees every unit up to date and writes the index a whole
            // run would have written; the others leave it.
            let missing = lock.tryExclusive() ? staleUnits(plan: plan, in: dir) : plan.units.count - mine.count
            outcome.index = missing == 0 ? try writeIndex(plan: plan, in: dir, durable: options.build.durable, status: { _ in .ok }) : .waiting(missing: missing)
        }
        return outcome
    }

    /// Units are handed out in order to one worker per core; each unit's own charts and report
    /// also render in parallel inside `ReportBuild.run`. A worker holds one unit at a time, so
    /// memory stays that of a few reports whatever the count.
    static func buildUnits(_ units: [String], plan: BatchPlan, options: BatchOptions, measurer: PangoTextMeasurer,
                           progress: (@Sendable (Int, Int) -> Void)?) -> [UnitResult] {
        let slots = Slots<UnitResult>(count: units.count)
        let counter = Counter()
        parallel(units.count) { i in
            let unit = units[i]
            var build = options.build
            let state: UnitResult.State
            do {
                let scope = try plan.scope(unit)
                build.unit = UnitBuild(scope: scope, inputKey: plan.inputKey(unit, scope: scope))
                state = .built(try ReportBuild.run(build, measurer: measurer))
            }
            catch let e as CSVSplit.ReadError { state = .failed([e.diagnostic], message: nil) }
            catch let f as BuildFailure { state = .failed(f.diagnostics, message: nil) }
            catch let e as OutputError { state = .failed([], message: e.description) }
            catch { state = .failed([], message: "\(build.outputDirectory.path): error: \(error)") }
            slots.set(i, UnitResult(unit: unit, state: state))
            counter.increment { progress?($0, units.count) }
        }
        return slots.values.map { $0! }
    }

    /// How many units have no manifest built from their current inputs.
    static func staleUnits(plan: BatchPlan, in dir: URL) -> Int {
        plan.units.filter { unit in
            guard let scope = try? plan.scope(unit) else { return true }
            return BuildManifest.load(from: dir.appendingPathComponent(unit))?.quickKey != plan.inputKey(unit, scope: scope)
        }.count
    }

    static func writeIndex(plan: BatchPlan, in dir: URL, durable: Bool, status: (String) -> BatchIndex.Status) throws -> BatchOutcome.Index {
        let bytes = BatchIndex.csv(units: plan.units, status: status,
                                   manifest: { BuildManifest.load(from: dir.appendingPathComponent($0)) })
        let url = dir.appendingPathComponent(BatchIndex.fileName)
        if Fingerprint.of(file: url) == Fingerprint.sha256(bytes) { return .unchanged }
        try AtomicFile.write(bytes, to: url, durable: durable)
        return .written
    }

    /// A folder named like a unit, holding a manifest, whose unit left the data: its files
    /// describe nothing any more. Anything else in the folder is the user's and stays.
    static func removeStaleUnits(in dir: URL, keeping units: Set<String>) throws -> [String] {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
        var removed: [String] = []
        for name in names where !units.contains(name) && BatchPlan.isValidUnitID(name) {
            let folder = dir.appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: folder.appendingPathComponent(BuildManifest.fileName).path),
                  fm.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue,
                  (try? fm.destinationOfSymbolicLink(atPath: folder.path)) == nil else { continue }
            try fm.removeItem(at: folder)
            removed.append(name)
        }
        return removed
    }

    /// One worker per core pulling iterations in order (`concurrentPerform` alone would hand a
    /// thread a contiguous block, and memory would hold a block's worth of units).
    static func parallel(_ count: Int, _ body: @Sendable (Int) -> Void) {
        let next = Counter()
        let workers = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.take()
                if i >= count { return }
                body(i)
            }
        }
    }
}

/// One unit's inputs for `ReportBuild.run`: its rows and its key (see `BatchPlan.inputKey`).
public struct UnitBuild: Sendable {
    public var scope: UnitScope
    public var inputKey: String
}

/// Results written by concurrent iterations, each slot by exactly one; read after all finished.
final class Slots<T: Sendable>: Sendable {
    private let slots: Locked<[T?]>
    init(count: Int) { slots = Locked(Array(repeating: nil, count: count)) }
    func set(_ i: Int, _ v: T) { slots.withLock { $0[i] = v } }
    var values: [T?] { slots.withLock { $0 } }
}

/// A shared counter: the next iteration to take, or units done (reported under the lock so
/// progress lines come out in order).
final class Counter: Sendable {
    private let n = Locked(0)
    func take() -> Int { n.withLock { n in defer { n += 1 }; return n } }
    func increment(_ report: (Int) -> Void) { n.withLock { n in n += 1; report(n) } }
}
