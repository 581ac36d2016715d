import Foundation
import ReportPipeline
import ReportRender

@main
enum Entry {
    static func main() {
        StageTrace.mark("main")
        // Before any thread: an environment variable Cairo reads when it creates a PDF surface.
        PDFWriter.uncompressedByCairo()
        // A render that will draw starts the font set-up before the command line is parsed
        // (`FontWarmUp`). Threads keep glibc's arena each: with one arena for the build (tried
        // earlier for its peak RSS), its threads queued on the arena's lock and two cores laid
        // a 30-figure report out no faster than one.
        if WarmUpScan.drawsForSure(CommandLine.arguments) {
            FontWarmUp.start(trace: StageTrace.on ? { @Sendable what in StageTrace.mark(what) } : nil)
            StageTrace.mark("font warm-up started (before parsing)")
        }
        // A plain `render` command line skips ArgumentParser's parse; anything else is its.
        if let render = FastRenderArguments(CommandLine.arguments) { return render.run() }
        ReportCommand.main()
    }
}

/// A look at the raw arguments before ArgumentParser's: is this `report render` of one report
/// (no `--each`, no report.yaml that may declare `batch:`) that will draw (`--force`, or no
/// manifest in its output folder)? It only decides when the font warm-up starts: a "no" leaves
/// it to `ReportBuild.run`, after the quick check. What the command does is ArgumentParser's
/// parse alone. Plain strings and POSIX calls: this runs before everything else, and a `Set`,
/// `URL` or `Data` here was the first use of each type (~1 CPU-ms of runtime look-ups).
enum WarmUpScan {
    static func drawsForSure(_ args: [String]) -> Bool {
        guard args.count > 1, args[1] == "render" else { return false }
        var template = TemplateOptions.defaultTemplate, out = RenderCommand.defaultOut
        var force = false, positional = 0
        var i = 2
        while i < args.count {
            let a = args[i]
            i += 1
            switch a {
            case "--each", "--help", "-h", "--": return false
            case "--force": force = true
            case "--out": if i < args.count { out = args[i] }; i += 1
            // RenderCommand's other options that take a value (`--name=value` is one argument).
            case "--format", "--data", "--shard", "--shard-count": i += 1
            default:
                if a.hasPrefix("--each=") { return false }
                if a.hasPrefix("--out=") { out = String(a.dropFirst(6)) }
                if !a.hasPrefix("-") { template = a; positional += 1 }
            }
        }
        guard positional <= 1, let yaml = contents(template + "/report.yaml"), !mayDeclareBatch(yaml) else { return false }
        if force { return true }
        // The output folder is <out>/<the template folder's name>; a name this scan cannot be
        // sure of ("." or "..") leaves the decision to the quick check.
        guard let name = template.split(separator: "/").last, name != ".", name != ".." else { return false }
        return access(out + "/" + name + "/manifest.json", F_OK) != 0
    }

    /// BatchBuild.mayDeclareBatch's test: without the bytes "batch" or an escape, no `batch:` key.
    static func mayDeclareBatch(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { BatchBuild.mayDeclareBatch($0) }
    }

    /// The file's bytes when it is a regular file (not a link, a FIFO or a device: opening a FIFO
    /// would wait for a writer) of at most 1 MiB; nil otherwise, and the decision is left to later.
    static func contents(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size <= 1 << 20 else { return nil }
        var out = [UInt8](repeating: 0, count: Int(st.st_size))
        var done = 0
        while done < out.count {
            let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, $0.count - done) }
            guard n > 0 else { return nil }
            done += n
        }
        return out
    }
}
