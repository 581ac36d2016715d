import Foundation
import ReportPipeline

/// `render --watch`: polls the template and data folders (modification times and sizes) and
/// renders again on a change. Bad data prints its errors and keeps the last good output.
struct Watcher {
    var options: BuildOptions
    var quiet: Bool
    var interval: TimeInterval = 0.3

    func run() throws {
        var last = snapshot()
        _ = RenderRun.once(options, quiet: quiet)
        print("watching \(options.template.path) (Ctrl-C to stop)")
        while true {
            Thread.sleep(forTimeInterval: interval)
            let now = snapshot()
            if now != last {
                last = now
                // Let an editor finish writing (several events for one save).
                Thread.sleep(forTimeInterval: interval)
                last = snapshot()
                _ = RenderRun.once(options, quiet: quiet)
            }
        }
    }

    /// Path → (mtime, size) of every file below the template and data folders.
    func snapshot() -> [String: [Double]] {
        var out: [String: [Double]] = [:]
        let fm = FileManager.default
        for root in [options.template, options.data].compactMap({ $0 }) {
            guard let e = fm.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey]) else { continue }
            for case let url as URL in e {
                let v = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                out[url.path] = [v?.contentModificationDate?.timeIntervalSince1970 ?? 0, Double(v?.fileSize ?? 0)]
            }
        }
        return out
    }
}
