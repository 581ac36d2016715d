import Foundation

/// What python-pptx reads from a deck, as JSON: used here and mirrored by the CLI tests.
enum DeckInspection {
    struct Picture: Decodable { var descr: String; var fallback: String; var svg: String?; var box: [Int] }
    struct Slide: Decodable { var title: String?; var pictures: [Picture]; var notes: String }
    struct Report: Decodable {
        var width: Int; var height: Int; var slides: [Slide]; var coreTitle: String
        init(json: String) throws { self = try JSONDecoder().decode(Report.self, from: Data(json.utf8)) }
        enum CodingKeys: String, CodingKey { case width, height, slides, coreTitle = "core_title" }
    }

    /// The inspection script, next to this file.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("inspect_deck.py").path
}
