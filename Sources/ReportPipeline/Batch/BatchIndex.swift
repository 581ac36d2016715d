import Foundation

/// `Output/<template>/index.csv`: one row per file of every unit (`unit,status,file,sha256`), in
/// unit order then file order, the file path relative to the index. Written last, atomically,
/// from the units' manifests, so the same outputs always give the same bytes whoever writes it
/// (a whole run, or the last shard to finish).
enum BatchIndex {
    static let fileName = "index.csv"

    enum Status: String { case ok, failed }

    /// `manifests[unit]` is nil for a unit that never rendered; a failed unit lists the files
    /// kept from its last good run, marked `failed`, or one row without a file.
    static func csv(units: [String], status: (String) -> Status, manifest: (String) -> BuildManifest?) -> [UInt8] {
        var out = "unit,status,file,sha256\n"
        for unit in units {
            let s = status(unit).rawValue
            let outputs = manifest(unit)?.outputs ?? [:]
            if outputs.isEmpty { out += "\(unit),\(s),,\n"; continue }
            for rel in outputs.keys.sorted(by: BatchPlan.byteOrder) {
                out += "\(unit),\(s),\(field(unit + "/" + rel)),\(outputs[rel]!.output)\n"
            }
        }
        return Array(out.utf8)
    }

    /// RFC 4180 quoting for paths holding a comma, quote or line break (chart ids are free text).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
