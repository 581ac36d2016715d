import ArgumentParser
import Foundation
import ReportPipeline

/// The common `report render` command lines read without ArgumentParser, whose parse (its
/// reflection over every command's properties, the completion-script check, the help names) was
/// ~3 ms of every run: a third of a no-change rerun's own work.
///
/// Only the plainest forms are taken: `render`, at most one template folder, `--out`, `--data`,
/// `--format` (each at most once, with its value as the next argument or after `=`, a value not
/// starting with "-"), and `--force`, `--durable`, `-q`/`--quiet` (each at most once). Anything
/// else (another command, `--help`, `--watch`, a batch option, a repeated or unknown option, an
/// empty argument, a format list ArgumentParser's validation would refuse) returns nil and is
/// ArgumentParser's, with its messages. What is taken runs exactly as `RenderCommand.run` after
/// ArgumentParser's parse (`FastRenderArgumentsTests` compares both parses).
struct FastRenderArguments: Equatable {
    var template = TemplateOptions.defaultTemplate
    var data: String?
    var out = RenderCommand.defaultOut
    var format = RenderCommand.defaultFormat
    var force = false, durable = false, quiet = false

    init?(_ args: [String]) {
        guard args.count >= 2, args[1] == "render" else { return nil }
        var seen: [String] = [], positional = false
        var i = 2
        while i < args.count {
            let a = args[i]
            i += 1
            guard !a.isEmpty else { return nil }
            guard a.hasPrefix("-") else {
                if positional { return nil }
                positional = true
                template = a
                continue
            }
            var name = a, value: String?
            if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
                name = String(a[..<eq])
                value = String(a[a.index(after: eq)...])
            }
            let key = name == "-q" ? "--quiet" : name
            guard !seen.contains(key) else { return nil }
            seen.append(key)
            switch key {
            case "--force", "--durable", "--quiet":
                guard value == nil else { return nil }
                if key == "--force" { force = true } else if key == "--durable" { durable = true } else { quiet = true }
            case "--out", "--data", "--format":
                if value == nil, i < args.count {
                    value = args[i]
                    i += 1
                }
                guard let v = value, !v.isEmpty, !v.hasPrefix("-") else { return nil }
                if key == "--out" { out = v } else if key == "--data" { data = v } else { format = v }
            default:
                return nil
            }
        }
        // A list `validate()` refuses is left to ArgumentParser, which prints its message.
        guard (try? RenderCommand.formats(format)) != nil else { return nil }
    }

    func options() throws -> BuildOptions {
        try RenderCommand.options(template: template, data: data, out: out, format: format, force: force, durable: durable)
    }

    /// Runs the render; errors end the process as ArgumentParser's `main` ends it.
    func run() {
        StageTrace.mark("arguments parsed (fast path)")
        do {
            try RenderCommand.run(try options(), quiet: quiet)
        } catch {
            ReportCommand.exit(withError: error)
        }
    }
}
