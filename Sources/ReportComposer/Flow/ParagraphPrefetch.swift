import Dispatch
import Foundation
import ReportScene
import ReportSync

/// The body's paragraphs measured on every core before the flow places them one after another:
/// shaping whole paragraphs was most of the composition, and the flow needs each one's lines in
/// order. Each paragraph is measured exactly as `ParagraphLayout` measures it (same text, style
/// and width), so the flow finds every one in the measurer's cache; results do not depend on the
/// order. A text that fails is left for the flow, which reports it where it is placed.
enum ParagraphPrefetch {
    static func run(_ items: [FlowItem], columnWidth: Double, measurer: any TextMeasurer,
                    threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        var seen = Set<String>()
        var jobs: [(text: String, style: TextStyle, width: Double)] = []
        for case .paragraph(let text, let format) in items {
            let full = format.indent + text
            if seen.insert(full).inserted { jobs.append((full, format.style, columnWidth - format.leftInset)) }
        }
        let workers = min(threads, jobs.count)
        guard workers > 1 else { return }
        // Longest first, handed out one at a time: the long paragraphs do not end up together
        // at the end of one thread's share.
        let order = jobs.sorted { $0.text.utf8.count > $1.text.utf8.count }
        let next = Locked(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while case let i = next.withLock({ n -> Int in defer { n += 1 }; return n }), i < order.count {
                _ = try? measurer.measure(order[i].text, style: order[i].style, wrapWidth: order[i].width)
            }
        }
    }
}
