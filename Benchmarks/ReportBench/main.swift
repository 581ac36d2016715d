import Foundation
import ReportRender

// The Swift side of `make bench`, with the C baseline's command line and output line
// (`BENCH {json}`), so scripts/bench.py runs both the same way:
//   ReportBench bar      DATA.tsv     REPS OUT...   (OUT = *.svg | *.pdf | *.png)
//   ReportBench timeline DATA.tsv     REPS OUT...
//   ReportBench report   TEMPLATE_DIR REPS OUT.pdf  (a template's report PDF, e.g. W3)
//   ReportBench startup                             (font set-up only)
// Each OUT is rendered once (first, cold) then REPS more times (warm).

func json(_ d: [String: Double]) -> String {
    "{" + d.keys.sorted().map { "\"\($0)\":\(String(format: "%.3f", d[$0]!))" }.joined(separator: ",") + "}"
}

func run(_ args: [String]) throws {
    let t0 = nowMs()
    guard args.count >= 2 else { throw BenchError.usage("usage: ReportBench bar|timeline|report DATA REPS OUT... | startup") }
    if args[1] == "startup" {
        // Builds the font map and lists the families, as every render does first.
        _ = PangoTextMeasurer.shared.isInstalled(family: "Noto Sans CJK SC")
        print("BENCH {\"tool\":\"swift\",\"setup_ms\":\(String(format: "%.3f", nowMs() - t0))}")
        return
    }
    guard args.count >= 5, let reps = Int(args[3]), reps >= 0 else {
        throw BenchError.usage("usage: ReportBench bar|timeline|report DATA REPS OUT...")
    }
    let input = URL(fileURLWithPath: args[2])
    let outs = args[4...].map { URL(fileURLWithPath: $0) }
    let render: (URL) throws -> (Double, Double)
    switch args[1] {
    case "bar": let r = ChartRun(spec: .bar(try TSVWorkload.bars(input))); render = r.render
    case "timeline": let r = ChartRun(spec: .timeline(try TSVWorkload.timeline(input))); render = r.render
    case "report": let r = try ReportRun(template: input); render = r.render
    default: throw BenchError.usage("unknown mode \(args[1])")
    }
    let setup = nowMs() - t0

    var first: [String: Double] = [:], firstLayout: [String: Double] = [:]
    var warm: [String: [Double]] = [:], warmLayout: [String: [Double]] = [:]
    for rep in 0...reps {
        for out in outs {
            let key = out.pathExtension.lowercased()
            let (total, layout) = try render(out)
            if rep == 0 { first[key] = total; firstLayout[key] = layout } else {
                warm[key, default: []].append(total); warmLayout[key, default: []].append(layout)
            }
        }
    }
    func lists(_ d: [String: [Double]]) -> String {
        "{" + d.keys.sorted().map { k in
            "\"\(k)\":[" + d[k]!.map { String(format: "%.3f", $0) }.joined(separator: ",") + "]"
        }.joined(separator: ",") + "}"
    }
    print("BENCH {\"tool\":\"swift\",\"setup_ms\":\(String(format: "%.3f", setup)),\"first\":\(json(first)),"
        + "\"warm\":\(lists(warm)),\"first_layout\":\(json(firstLayout)),\"warm_layout\":\(lists(warmLayout)),"
        + "\"total_ms\":\(String(format: "%.3f", nowMs() - t0))}")
}

do {
    try run(CommandLine.arguments)
} catch {
    FileHandle.standardError.write(Data("ReportBench: \(error)\n".utf8))
    exit(1)
}
