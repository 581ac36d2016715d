import Foundation

/// `REPORT_TRACE=1 report render …` prints, on stderr, when each stage of a build ends and when
/// each render piece starts and ends (ms since the first mark, thread by thread): the critical
/// path of a build, which a profile of CPU time does not show. Off, a mark is one branch. The
/// first mark is `main`'s (before the command line is parsed).
public enum StageTrace {
    /// True when `REPORT_TRACE` is set (to anything).
    public static let on = getenv("REPORT_TRACE") != nil
    private static let start = DispatchTime.now().uptimeNanoseconds

    /// Prints `what` with the time since the first mark, when tracing is on.
    public static func mark(_ what: @autoclosure () -> String) {
        guard on else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let ms = (Double(now) - Double(start)) / 1e6
        FileHandle.standardError.write(Data("trace \(String(format: "%8.1f", ms)) ms  \(what())\n".utf8))
    }
}
