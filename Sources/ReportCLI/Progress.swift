import Foundation
import ReportSync
#if canImport(Glibc)
import Glibc
#endif

/// The batch's progress line on a terminal: "units 37/120 · 12 s elapsed · ETA 27 s", redrawn in
/// place at most five times a second and erased at the end. Nothing at all when standard error
/// is not a terminal (a log file, CI, a pod's log) or with --quiet.
final class ProgressLine: Sendable {
    private let start = Date()
    /// When the line was last drawn; drawing happens under this lock so lines never interleave.
    private let lastDraw = Locked(Date.distantPast)

    /// nil when there is nowhere to draw.
    init?(quiet: Bool) {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
    }

    func update(done: Int, total: Int) {
        lastDraw.withLock { lastDraw in
            let now = Date()
            guard done == total || now.timeIntervalSince(lastDraw) >= 0.2 else { return }
            lastDraw = now
            draw(Self.text(done: done, total: total, elapsed: now.timeIntervalSince(start)))
        }
    }

    func finish() { lastDraw.withLock { _ in draw("") } }

    private func draw(_ text: String) {
        Stderr.write("\r\u{1B}[K" + text)
    }

    /// The line itself; the ETA assumes the remaining units take as long as the finished ones.
    static func text(done: Int, total: Int, elapsed: TimeInterval) -> String {
        var line = "units \(done)/\(total) · \(duration(elapsed)) elapsed"
        if done > 0 && done < total {
            line += " · ETA \(duration(elapsed / Double(done) * Double(total - done)))"
        }
        return line
    }

    static func duration(_ s: TimeInterval) -> String {
        if s < 10 { return String(format: "%.1f s", s) }
        if s < 90 { return "\(Int(s.rounded())) s" }
        let m = Int(s.rounded()) / 60
        return m < 90 ? "\(m) min \(Int(s.rounded()) % 60) s" : "\(m / 60) h \(m % 60) min"
    }
}
