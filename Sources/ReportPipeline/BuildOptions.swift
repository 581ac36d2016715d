import Foundation
import ReportComposer

/// The file formats a run writes.
public enum OutputFormat: String, CaseIterable, Sendable, Comparable {
    case pdf, svg, png
    /// `charts.pptx`: every chart on a slide of one deck (not a file per chart).
    case pptx
    public static func < (a: OutputFormat, b: OutputFormat) -> Bool { a.rawValue < b.rawValue }
    /// What `report render` writes unless told otherwise.
    public static let defaults: Set<OutputFormat> = [.pdf, .svg, .png]
    /// Formats written once per chart, as `charts/<id>.<format>`.
    public var isPerChart: Bool { self != .pptx }
}

/// What `report render` was asked to do.
public struct BuildOptions: Sendable {
    public var template: URL
    public var data: URL?
    /// Outputs go to `<outputRoot>/<template name>/`.
    public var outputRoot: URL
    public var formats: Set<OutputFormat>
    /// Render everything, ignoring the manifest.
    public var force: Bool
    /// Overrides the PDF creation date (from SOURCE_DATE_EPOCH).
    public var sourceDateEpoch: Int64?
    /// One unit of a batch (`BatchBuild`): its rows, its folder, its input key; the batch holds the lock.
    public var unit: UnitBuild?
    /// `--durable` / `REPORT_DURABLE=1`: the commit also flushes every file and changed folder to
    /// disk before it returns. Off by default: the commit is atomic either way (see `OutputCommit`).
    public var durable: Bool

    public init(template: URL, data: URL? = nil, outputRoot: URL, formats: Set<OutputFormat> = OutputFormat.defaults,
                force: Bool = false, sourceDateEpoch: Int64? = nil, durable: Bool = false) {
        self.template = template; self.data = data; self.outputRoot = outputRoot; self.formats = formats
        self.force = force; self.sourceDateEpoch = sourceDateEpoch; self.durable = durable
    }

    public var outputDirectory: URL {
        let dir = outputRoot.appendingPathComponent(template.standardizedFileURL.lastPathComponent)
        return unit.map { dir.appendingPathComponent($0.scope.id) } ?? dir
    }
}
