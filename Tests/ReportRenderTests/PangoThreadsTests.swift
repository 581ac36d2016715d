import CFontSortMemo
@testable import ReportRender
import ReportScene
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Pango's match (always) and its sort for a font description whose answer the memo already
/// holds run on the calling thread (pango_threads.c) instead of on two new threads, and give the
/// same layouts.
@Suite(.serialized) struct PangoThreadsTests {
    static let texts = ["临平区 2025", "村级集体经营性收入6.78亿元", "共富发展项目", "Ag 0123456789"]

    /// Fresh font maps (each sees every description for the first time), each text at sizes new
    /// to them, with and without running the known answers on the caller: equal metrics, and the
    /// second way starts no thread for most descriptions.
    @Test func knownAnswersRunOnTheCallerWithTheSameMetrics() throws {
        let sizes = (0..<8).map { 17.0 + Double($0) / 16 }
        let styles = sizes.flatMap { s in [TextStyle(size: s), TextStyle(size: s, weight: .bold)] }
        // The memo learns every family and weight once (at one size) before the comparison.
        _ = try PangoTextMeasurer.shared.measure(Self.texts[0], style: TextStyle(size: 16), wrapWidth: nil)
        _ = try PangoTextMeasurer.shared.measure(Self.texts[0], style: TextStyle(size: 16, weight: .bold), wrapWidth: nil)
        func measureAll(onCaller: Bool) throws -> ([TextMetrics], (Int, Int)) {
            report_pango_threads_on_caller(onCaller ? 1 : 0)
            defer { report_pango_threads_on_caller(1) }
            var before = (0, 0), after = (0, 0)
            report_pango_thread_counts(&before.0, &before.1)
            let env = FontEnvironment.unshared(slot: 0)
            let m = PangoTextMeasurer()
            var out: [TextMetrics] = []
            for style in styles { for t in Self.texts { out.append(try m.measure(t, style: style, wrapWidth: nil, in: env)) } }
            report_pango_thread_counts(&after.0, &after.1)
            return (out, (after.0 - before.0, after.1 - before.1))
        }
        let (threaded, t) = try measureAll(onCaller: false)
        let (inline, i) = try measureAll(onCaller: true)
        #expect(threaded == inline)
        #expect(t.0 == 0 && t.1 >= 2 * styles.count, "threads: \(t)")
        #expect(i.0 >= 2 * styles.count - 4, "on the caller: \(i)")
    }

    /// The definition Pango's calls reach is this one (the executable's, exported), not GLib's.
    @Test func pangosCallsReachThisDefinition() throws {
        let global = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "g_thread_new"))
        let library = try #require(dlopen("libglib-2.0.so.0", RTLD_NOW | RTLD_NOLOAD))
        defer { dlclose(library) }
        #expect(global != (try #require(dlsym(library, "g_thread_new"))))
    }
}
