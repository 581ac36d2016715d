import Foundation
import ReportPipeline

/// `render --watch`: polls the template and data folders (modification times and sizes) and
/// renders again on a change. Bad data prints its errors and keeps the last good output.
struct Watcher {
    var options: BuildOptions
    var quiet: Bool
    var interval: TimeInterval = 0.3

    func run() throws {
        // A watcher runs until stopped, so Ctrl-C and `kill` must reach it even when the launching
        // process spawned it with those signals blocked (threads of Dispatch-based runners block
        // them, and posix_spawn passes the mask on): the signal would stay pending forever.
        var stop = sigset_t()
        sigemptyset(&stop)
        for s in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stop, s) }
        pthread_sigmask(SIG_UNBLOCK, &stop, nil)
        var last = snapshot()
        _ = RenderRun.once(options, quiet: quiet)
        print("watching \(options.template.path) (Ctrl-C to stop)")
        // Standard output is block-buffered when piped (`| tee`, an editor's task runner): flush
        // after each run so the summary shows up when it happens, not when the buffer fills.
        fflush(nil)
        while true {
            Thread.sleep(forTimeInterval: interval)
            let now = snapshot()
            if now != last {
                last = now
                // Let an editor finish writing (several events for one save).
                Thread.sleep(forTimeInterval: interval)
                last = snapshot()
                _ = RenderRun.once(options, quiet: quiet)
                fflush(nil)
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
