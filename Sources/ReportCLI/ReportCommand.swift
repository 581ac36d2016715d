import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render data-driven reports and charts to PDF, SVG and PNG.",
        subcommands: [RenderCommand.self, CheckCommand.self])
}
