import Foundation

/// Runs command-line tools (poppler, qpdf, rsvg-convert, ...) looked up in PATH. Output goes
/// through files, so a large output can never fill a pipe and block the tool.
public enum ExternalTool {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var all: String { stdout + stderr }
    }

    @discardableResult
    public static func run(_ tool: String, _ arguments: [String]) throws -> Output {
        let tmp = try TempDir(prefix: "tool")
        let outURL = tmp.file("out"), errURL = tmp.file("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + arguments
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        try p.run()
        p.waitUntilExit()
        return Output(status: p.terminationStatus,
                      stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
                      stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    }
}
