import ArgumentParser
import ReportPipeline

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a template and its data without writing anything.")

    @OptionGroup var template: TemplateOptions

    func run() throws {
        let diagnostics = ReportBuild.check(template: template.templateURL, data: template.dataURL)
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
