import Foundation
import ReportPipeline
import ReportRender

@main
enum Entry {
    static func main() {
        StageTrace.mark("main")
        // A render that will draw starts the font set-up before the command line is parsed
        // (`FontWarmUp`); its heap policy (one arena) must be set before that thread allocates.
        if WarmUpScan.drawsForSure(CommandLine.arguments) {
            RenderCommand.oneHeap()
            FontWarmUp.start(trace: StageTrace.on ? { @Sendable what in StageTrace.mark(what) } : nil)
        }
        ReportCommand.main()
    }
}

/// A look at the raw arguments before ArgumentParser's: is this `report render` of one report
/// (no `--each`, no report.yaml that may declare `batch:`) that will draw (`--force`, or no
/// manifest in its output folder)? It only decides when the font warm-up starts: a "no" leaves
/// it to `ReportBuild.run`, after the quick check. What the command does is ArgumentParser's
/// parse alone.
enum WarmUpScan {
    /// RenderCommand's options that take a value (`--name value`; `--name=value` is one argument).
    static let valued: Set<String> = ["--out", "--format", "--data", "--each", "--shard", "--shard-count"]

    static func drawsForSure(_ args: [String]) -> Bool {
        guard args.count > 1, args[1] == "render" else { return false }
        var template = TemplateOptions.defaultTemplate, out = RenderCommand.defaultOut
        var force = false, positional = 0
        var i = 2
        while i < args.count {
            let a = args[i]
            switch a {
            case "--each", "--help", "-h", "--": return false
            case "--force": force = true
            case "--out" where i + 1 < args.count: out = args[i + 1]
            default:
                if a.hasPrefix("--each=") { return false }
                if a.hasPrefix("--out=") { out = String(a.dropFirst(6)) }
                if !a.hasPrefix("-") { template = a; positional += 1 }
            }
            i += valued.contains(a) ? 2 : 1
        }
        guard positional <= 1 else { return false }
        let root = URL(fileURLWithPath: template)
        guard let yaml = FileManager.default.contents(atPath: root.appendingPathComponent("report.yaml").path),
              // BatchBuild.mayDeclareBatch's test: without the bytes "batch" or an escape, no `batch:` key.
              yaml.firstRange(of: Data("batch".utf8)) == nil, !yaml.contains(UInt8(ascii: "\\")) else { return false }
        if force { return true }
        let manifest = URL(fileURLWithPath: out).appendingPathComponent(root.standardizedFileURL.lastPathComponent)
            .appendingPathComponent("manifest.json")
        return !FileManager.default.fileExists(atPath: manifest.path)
    }
}
