import ArgumentParser
import Foundation

/// The arguments `render` and `check` share.
struct TemplateOptions: ParsableArguments {
    @Argument(help: "The template folder (holds report.yaml and data/).")
    var template: String = Self.defaultTemplate
    static let defaultTemplate = "Templates/linping-annual"

    @Option(name: .long, help: "Read the datasets from this folder instead of the template's data/.")
    var data: String?

    var templateURL: URL { Self.url(template) }
    var dataURL: URL? { data.map(Self.url) }
    static func url(_ path: String) -> URL { URL(fileURLWithPath: path).standardizedFileURL }
}
