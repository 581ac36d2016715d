import ArgumentParser
import ReportPipeline

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a template and its data without writing anything.")

    @OptionGroup var template: TemplateOptions

    @Option(name: .long, help: "Check a batch: one report per row of DATASET (DATASET or DATASET:KEY).")
    var each: String?

    func run() throws {
        let spec = try BatchRun.spec(each: each)
        let diagnostics = spec != nil || BatchBuild.spec(template: template.templateURL) != nil
            ? BatchBuild.check(template: template.templateURL, data: template.dataURL, each: spec)
            : ReportBuild.check(template: template.templateURL, data: template.dataURL)
        for d in diagnostics { Stderr.print(d.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if errors > 0 {
            Stderr.print("\(errors) error(s), \(warnings) warning(s)")
            throw ExitCode(1)
        }
        print(warnings == 0 ? "ok: \(template.template)" : "ok: \(template.template) (\(warnings) warning(s))")
    }
}
