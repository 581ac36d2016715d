import Foundation
import TestSupport
import Testing

/// Issue 19: a second package, written from scratch in a temporary folder, depends on this one
/// by path, imports the `ReportRenderer` library product and renders a chart to SVG bytes in its
/// own test. Proves the product is usable from outside with only its public API.
@Suite struct LibraryConsumerTests {
    static let manifest = """
    // swift-tools-version: 6.1
    import PackageDescription
    let package = Package(
        name: "Consumer",
        platforms: [.macOS(.v15)],   // as the package it depends on
        dependencies: [.package(name: "ReportRenderer", path: "\(ReportBinary.packageRoot.path)")],
        targets: [
            .target(name: "Consumer", dependencies: [.product(name: "ReportRenderer", package: "ReportRenderer")]),
            .testTarget(name: "ConsumerTests", dependencies: ["Consumer"]),
        ]
    )
    """

    /// Library code of the consumer: a chart rendered to SVG bytes in memory.
    static let source = """
    import ReportRenderer

    public func incomeSVG() throws -> [UInt8] {
        let spec = BarChartSpec(notes: ChartNotes(title: "村级集体经营性收入", unitNote: "单位：亿元"),
                                categories: ["2021年", "2022年"],
                                series: [BarSeries(name: "收入", values: [6.12, 6.78])])
        let chart = try BarChart.layout(spec, preset: .slide, measurer: PangoTextMeasurer.shared)
        return try SVGWriter.render(Page(size: chart.frame, root: chart.group, background: .white), idPrefix: "income")
    }
    """

    static let test = """
    import Consumer
    import Testing

    @Test func rendersSVG() throws {
        let svg = String(decoding: try incomeSVG(), as: UTF8.self)
        #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
        #expect(svg.contains("</svg>"))
        #expect(svg.contains("村级集体经营性收入"))
        print("CONSUMER-SVG-BYTES \\(svg.utf8.count)")
    }
    """

    @Test(.timeLimit(.minutes(20)))
    func secondPackageRendersChartToSVG() throws {
        let fm = FileManager.default
        // A stable scratch folder under the temp dir: reruns build incrementally.
        let root = fm.temporaryDirectory.appendingPathComponent("rr-library-consumer")
        let pkg = root.appendingPathComponent("Consumer")
        try? fm.removeItem(at: pkg)
        for dir in ["Sources/Consumer", "Tests/ConsumerTests"] {
            try fm.createDirectory(at: pkg.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        try Self.manifest.write(to: pkg.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try Self.source.write(to: pkg.appendingPathComponent("Sources/Consumer/Consumer.swift"), atomically: true, encoding: .utf8)
        try Self.test.write(to: pkg.appendingPathComponent("Tests/ConsumerTests/ConsumerTests.swift"), atomically: true, encoding: .utf8)
        // Same dependency versions as this checkout, so no new resolution is needed.
        let resolved = ReportBinary.packageRoot.appendingPathComponent("Package.resolved")
        if fm.fileExists(atPath: resolved.path) {
            try fm.copyItem(at: resolved, to: pkg.appendingPathComponent("Package.resolved"))
        }
        let out = try ExternalTool.run("swift", [
            "test", "--package-path", pkg.path, "--scratch-path", root.appendingPathComponent("build").path,
        ])
        #expect(out.status == 0, "consumer package failed:\n\(out.all.suffix(4000))")
        #expect(out.all.contains("CONSUMER-SVG-BYTES"), "consumer test did not run:\n\(out.all.suffix(4000))")
    }
}
