import Foundation
import ReportData

/// What the last successful run produced and from what: `Output/<template>/manifest.json`.
public struct BuildManifest: Codable, Equatable, Sendable {
    /// One output file: its fingerprint and what it was built from.
    public struct Record: Codable, Equatable, Sendable {
        /// Fingerprint of everything the output was made from.
        public var inputs: String
        /// SHA-256 of the file as written, to notice files changed or damaged by hand.
        public var output: String
        public init(inputs: String, output: String) { self.inputs = inputs; self.output = output }
    }
    public static let fileName = "manifest.json"

    public var tool: String
    /// Keyed by the output's path relative to the template's output folder.
    public var outputs: [String: Record]
    /// The displayed data values of the run, for the change summary of the next one.
    public var values: [String: ValueSnapshot.Entry]
    /// Hash of the raw input files and options, for the quick no-change check.
    public var quickKey: String?
    /// Font files (path → size) the outputs were drawn with.
    public var fontFiles: [String: Int]?
    /// Warnings of the run, printed again when a rerun finds nothing to do.
    public var warnings: [String]?

    public init(tool: String, outputs: [String: Record] = [:], values: [String: ValueSnapshot.Entry] = [:]) {
        self.tool = tool; self.outputs = outputs; self.values = values
    }

    /// The manifest in a folder, or nil when absent or unreadable (then everything is rebuilt).
    public static func load(from dir: URL) -> BuildManifest? {
        bytes(in: dir).flatMap(ManifestReader.decode)
    }

    /// The manifest file's bytes, or nil when absent or not a regular file (a FIFO planted here
    /// would block the run forever).
    static func bytes(in dir: URL) -> [UInt8]? {
        (try? InputFile.readRegular(dir.appendingPathComponent(fileName).path, limit: 256 << 20).get()).map { [UInt8]($0) }
    }

    /// The manifest in `dir`, reusing `earlier` (decoded from `earlierBytes`) when the file still
    /// holds exactly those bytes: a run reads it before taking the folder's lock (the quick check)
    /// and again under it, and decoding a 10,000-value manifest twice cost 7% of such a run.
    static func load(from dir: URL, earlierBytes: [UInt8]?, earlier: BuildManifest?) -> BuildManifest? {
        guard let now = bytes(in: dir) else { return nil }
        if let earlierBytes, let earlier, now == earlierBytes { return earlier }
        return ManifestReader.decode(now)
    }

    /// The manifest as JSON bytes (sorted keys, one trailing newline), the same for the same content.
    public func encoded() throws -> [UInt8] { ManifestJSON.encode(self) }

    /// True when `relativePath` exists and is exactly what this manifest says was built from `inputs`.
    public func isUpToDate(_ relativePath: String, inputs: String, in dir: URL) -> Bool {
        guard let r = outputs[relativePath], r.inputs == inputs else { return false }
        return Fingerprint.of(file: dir.appendingPathComponent(relativePath)) == r.output
    }
}
