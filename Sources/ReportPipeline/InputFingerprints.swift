import Foundation
import ReportComposer
import ReportData
import ReportRender
import ReportScene

/// Fingerprints of what each output is made from: the tool, fonts, template text, data files.
struct InputFingerprints {
    static let toolVersion = "ReportRenderer 0.1.0"
    let base: String
    let datasets: [String: String]
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

    /// A standalone chart's key: the scene it draws plus what each format adds (PDF metadata).
    /// Keying on the laid-out scene rather than on the dataset files means that editing one cell
    /// re-renders only the charts that show it, and any change that alters a chart (data, template,
    /// binding code, text measurement) is caught. Scene types are plain value types (no sets or
    /// dictionaries), so their reflection is stable across runs.
    func chart(_ job: ChartJob, scene: String, info: ReportInfo, format: OutputFormat) -> String {
        var f = Fingerprint()
        f.add("base", base)
        f.add("format", format.rawValue)
        f.add("id", job.id)
        f.add("scene", scene)
        if format == .pdf {
            f.add("caption", job.caption)
            f.add("info", String(reflecting: info))
        }
        return f.hex()
    }

    /// Digest of a laid-out page, shared by the chart's formats.
    static func scene(_ page: Page) -> String {
        Fingerprint.of(Array(String(reflecting: page).utf8))
    }
}
