import Foundation
import Testing

/// The one-cell edit the rerun tests (and `make bench`) make to a copy of the default template:
/// 共富发展项目 in data/counts_by_category.csv goes from 29 to 31 (`back`: from 31 to 29 again).
enum DefaultTemplateEdit {
    static let cell = "common_prosperity_projects,既强村也富农,共富发展项目,29,"

    static func changeOneCell(in template: URL, back: Bool = false) throws {
        let csv = template.appendingPathComponent("data/counts_by_category.csv")
        let text = try String(contentsOf: csv, encoding: .utf8)
        let edited = cell.replacingOccurrences(of: ",29,", with: ",31,")
        let (from, to) = back ? (edited, cell) : (cell, edited)
        try #require(text.contains(from))
        try Data(text.replacingOccurrences(of: from, with: to).utf8).write(to: csv)
    }
}
