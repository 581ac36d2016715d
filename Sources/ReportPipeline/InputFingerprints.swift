import Foundation
import ReportComposer
import ReportData
import ReportRender
import Yams

/// Fingerprints of what each output is made from: the tool, fonts, template text, data files.
struct InputFingerprints {
    static let toolVersion = "ReportRenderer 0.1.0"
    let base: String
    let datasets: [String: String]
    let chartDefinitions: [String: String]
    let whole: String

    init(bound: BoundTemplate) {
        var b = Fingerprint()
        b.add("tool", Self.toolVersion)
        b.add("executable", Self.executableIdentity)
        b.add("fonts", FontInventory.describe(families: [ReportSceneFonts.sans, ReportSceneFonts.serif]))
        b.add("theme", bound.file.theme ?? "standard")
        base = b.hex()

        let fm = FileManager.default
        let catalogBytes = (try? Data(contentsOf: bound.dataDirectory.appendingPathComponent("catalog.yaml"))) ?? Data()
        var ds: [String: String] = [:]
        for name in bound.catalog.datasets.keys {
            var f = Fingerprint()
            f.add("catalog", catalogBytes)
            for ext in ["csv", "yaml"] {
                f.add(ext, (try? Data(contentsOf: bound.dataDirectory.appendingPathComponent("\(name).\(ext)"))) ?? Data())
            }
            ds[name] = f.hex()
        }
        datasets = ds

        let yamlText = (try? String(contentsOf: bound.templateDirectory.appendingPathComponent(TemplateLoader.fileName), encoding: .utf8)) ?? ""
        var defs: [String: String] = [:]
        if let root = try? Yams.compose(yaml: yamlText), let charts = root["charts"]?.sequence {
            for node in charts {
                guard let id = node["id"]?.string else { continue }
                defs[id] = (try? Yams.serialize(node: node)) ?? ""
            }
        }
        chartDefinitions = defs

        var w = Fingerprint()
        w.add("base", base)
        w.add("template", yamlText)
        for name in ds.keys.sorted() { w.add(name, ds[name]!) }
        let files = (try? fm.contentsOfDirectory(atPath: bound.templateDirectory.path))?.sorted() ?? []
        w.add("template-files", files.joined(separator: "\n"))
        whole = w.hex()
    }

    /// Size and modification time of the running binary: a rebuilt tool re-renders everything,
    /// without hashing tens of megabytes on every run.
    static let executableIdentity: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard let a = try? FileManager.default.attributesOfItem(atPath: path) else { return path }
        let size = (a[.size] as? NSNumber)?.intValue ?? 0
        let mtime = (a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(mtime)"
    }()

    func chart(_ job: ChartJob, format: OutputFormat) -> String {
        var f = Fingerprint()
        f.add("base", base)
        f.add("format", format.rawValue)
        f.add("definition", chartDefinitions[job.id] ?? job.id)
        for d in job.datasets.sorted() { f.add(d, datasets[d] ?? "") }
        return f.hex()
    }
}
