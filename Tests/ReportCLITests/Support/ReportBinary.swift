import Foundation
import TestSupport

/// The built `report` executable, run as users run it: a separate process with its own
/// working directory and environment.
enum ReportBinary {
    /// The package root, from this file's path (Tests/ReportCLITests/Support/ReportBinary.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let defaultTemplate: URL = packageRoot.appendingPathComponent("Templates/linping-annual")

    /// Next to the test bundle in the build products folder (what `swift test` just built), else
    /// `.build/debug/report` under the package root.
    static let url: URL = {
        let fm = FileManager.default
        var candidates: [URL] = []
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        // The test runner is `<products>/<Package>PackageTests.xctest` (Linux) or inside it (macOS).
        var dir = bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("report"))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/report"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        /// False when the process was killed by a signal (a crash), not ended by exit().
        var exited = true
        var all: String { stdout + stderr }
    }

    /// Runs `report <arguments>` to completion.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let tmp = try TempDir(prefix: "cli-io")
        let outURL = tmp.url.appendingPathComponent("stdout"), errURL = tmp.url.appendingPathComponent("stderr")
        let p = try start(arguments, in: directory, environment: environment, stdout: outURL, stderr: errURL)
        p.waitUntilExit()
        return Result(status: p.terminationStatus,
                      stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
                      exited: p.terminationReason == .exit)
    }

    /// Starts `report <arguments>` with its output going to files (never a pipe nobody reads).
    static func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                      stdout: URL, stderr: URL) throws -> Process {
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: stdout)
        p.standardError = try FileHandle(forWritingTo: stderr)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return p
    }
}
