import Foundation
import ReportComposer
import ReportData
import ReportRender
import ReportScene

/// Fingerprints of what each output is made from: the tool, fonts, template text, data files.
struct InputFingerprints {
    static let toolVersion = "ReportRenderer 0.1.0"
    /// What every output depends on: the tool, the installed font files, the theme.
    let base: String
    /// The report's key: the base plus every template and data file (`QuickCheck.key`).
    let whole: String
    /// Path → size of the font files, recorded in the manifest for the quick check.
    let fontFiles: [String: Int]

    init(bound: BoundTemplate, rawInputs: String) {
        let fonts = FontInventory.files(families: [ReportSceneFonts.sans, ReportSceneFonts.serif])
        fontFiles = fonts
        var b = Fingerprint()
        b.add("tool", Self.toolVersion)
        b.add("executable", Self.executableIdentity)
        b.add("fonts", fonts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "\n"))
        b.add("theme", bound.file.theme?.rawValue ?? "standard")
        base = b.hex()
        var w = Fingerprint()
        w.add("base", base)
        w.add("inputs", rawInputs)
        whole = w.hex()
    }

    /// Size and modification time of the running binary: a rebuilt tool re-renders everything,
    /// without hashing tens of megabytes on every run. Not its path: a project built and
    /// rendered in one place and copied elsewhere (tool included) is still up to date.
    /// Read with `stat` (the attribute dictionary's casts were the runtime's slow type look-ups).
    static let executableIdentity: String = {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 || stat(CommandLine.arguments[0], &st) == 0 else { return "unknown" }
        return "\(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }()

    /// A standalone chart's key: the scene it draws plus what each format adds (PDF metadata).
    /// Keying on the laid-out scene rather than on the dataset files means that editing one cell
    /// re-renders only the charts that show it, and any change that alters a chart (data, template,
    /// binding code, text measurement) is caught. Scene types are plain value types (no sets or
    /// dictionaries), so their canonical encoding is stable across runs.
    func chart(_ job: ChartJob, scene: String, info: ReportInfo, format: OutputFormat) -> String {
        var f = Fingerprint()
        f.add("base", base)
        f.add("format", format.rawValue)
        f.add("id", job.id)
        f.add("scene", scene)
        if format == .svg { f.add("svg_text", job.svgText.rawValue) }
        if format == .pdf {
            f.add("caption", job.caption)
            // Every field in a fixed binary form (`String(reflecting:)` asked the runtime about each type).
            var k = KeyEncoder(capacity: 256)
            info.encodeKey(into: &k)
            f.add("info", k.bytes)
        }
        return f.hex()
    }

    /// The deck's key: every slide's scene and texts, in slide order, and the document properties.
    func deck(_ charts: [(job: ChartJob, scene: String)], info: ReportInfo) -> String {
        var f = Fingerprint()
        f.add("base", base)
        f.add("format", "pptx")
        f.add("info", String(reflecting: info))
        for (job, scene) in charts {
            f.add("id", job.id)
            f.add("scene", scene)
            f.add("svg_text", job.svgText.rawValue)
            f.add("texts", ([ChartDeck.title(job), ChartDeck.altText(job), job.caption] + ChartDeck.notes(job))
                .joined(separator: "\u{0}"))
        }
        return f.hex()
    }

    /// Digest of a laid-out page, shared by the chart's formats and the deck: a canonical binary
    /// hash of every field of the scene (`SceneHash`).
    static func scene(_ page: Page) throws -> String {
        SceneHash.hex(of: page)
    }
}
