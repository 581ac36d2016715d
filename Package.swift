// swift-tools-version: 6.1
import PackageDescription

// Layers, lowest first. Each target imports only targets above it in this list:
//   ReportSync, ReportCalendar (utilities any layer may use) · ReportData (Foundation only)
//   · ReportScene · ReportCharts · ReportComposer
//   ReportRender (the only importer of CCairo) · ReportSlides (ZIPFoundation only)
//   ReportPipeline (builds outputs) · ReportCLI (thin).
let package = Package(
    name: "ReportRenderer",
    // macOS 15: `Mutex` (Synchronization) guards the caches and slots; docs/library.md#platforms.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "report", targets: ["ReportCLI"]),
        // For Swift programs that render charts and reports in memory (docs/library.md).
        .library(name: "ReportRenderer", targets: ["ReportRenderer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // Proleptic Gregorian day numbers without Foundation: shared by data, charts and render.
        .target(name: "ReportCalendar"),
        // The one lock type of the shared caches (pthread-based, so ThreadSanitizer sees it).
        .target(name: "ReportSync"),
        .target(name: "ReportData", dependencies: ["ReportCalendar", "ReportSync", .product(name: "Yams", package: "Yams")]),
        .target(name: "ReportScene", dependencies: ["ReportSync"]),
        .target(name: "ReportCharts", dependencies: ["ReportScene", "ReportCalendar", "ReportSync"]),
        .target(name: "ReportComposer", dependencies: [
            "ReportData", "ReportScene", "ReportCharts", "ReportSync",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "libharfbuzz-dev", "libfreetype-dev"])]
        ),
        // Pango's font sorts answered once per description whatever its size: see font_sort_memo.c.
        .target(name: "CFontSortMemo", linkerSettings: [.linkedLibrary("fontconfig"), .linkedLibrary("dl")]),
        // cairo's PDF numbers ("%f" through snprintf) printed exactly without glibc's slow path: see fixed_printf.c.
        .target(name: "CFixedPrintf"),
        // Cairo's own PDF font streams compressed at zlib level 1: see cairo_deflate.c.
        .target(name: "CCairoDeflate", linkerSettings: [.linkedLibrary("z"), .linkedLibrary("dl")]),
        .target(name: "ReportRender", dependencies: ["ReportScene", "ReportCalendar", "CCairo", "CFontSortMemo", "CFixedPrintf", "CCairoDeflate"]),
        // PowerPoint decks (OOXML parts zipped with fixed dates): knows nothing of charts.
        .target(name: "ReportSlides", dependencies: ["ReportScene", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Build orchestration: incremental plan, manifest, atomic output, change summary.
        .target(name: "ReportPipeline", dependencies: [
            "ReportSync", "ReportData", "ReportScene", "ReportCharts", "ReportComposer", "ReportRender", "ReportSlides",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "ReportCLI", dependencies: [
            "ReportData", "ReportPipeline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [
            // A release `report` is not position-independent: the loader then has no relocations
            // to apply to the static Swift runtime's metadata (100,000 of them, ~270 pages copied
            // on write at every start), ~1 ms of a small chart's process (docs/performance.md).
            .unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release)),
        ]),
        // The library product: re-exports data, scene, charts, composer, render and pipeline.
        .target(name: "ReportRenderer", dependencies: [
            "ReportCalendar", "ReportData", "ReportScene", "ReportCharts", "ReportComposer",
            "ReportRender", "ReportSlides", "ReportPipeline",
        ]),
        // Uses only the public API of the library product: renders a chart and a report to bytes.
        .executableTarget(name: "RenderExample", dependencies: ["ReportRenderer"], path: "Examples/RenderExample"),
        // libFuzzer targets (`make fuzz`, docs/fuzzing.md), each one file exporting
        // LLVMFuzzerTestOneInput: `swift build -c release --product FuzzCSV --sanitize=fuzzer`.
        .executableTarget(name: "FuzzCSV", dependencies: ["ReportData"], path: "Fuzz/FuzzCSV"),
        .executableTarget(name: "FuzzTemplate", dependencies: ["ReportData", "ReportComposer"], path: "Fuzz/FuzzTemplate"),
        .executableTarget(name: "FuzzValues", dependencies: ["ReportData"], path: "Fuzz/FuzzValues"),
        .executableTarget(name: "FuzzFormula", dependencies: ["ReportData"], path: "Fuzz/FuzzFormula"),
        // `make bench`: in-process timings of the reference workloads (see docs/performance.md).
        .executableTarget(name: "ReportBench", dependencies: [
            "ReportData", "ReportScene", "ReportCharts", "ReportComposer", "ReportRender",
        ], path: "Benchmarks/ReportBench"),
        .testTarget(name: "ReportDataTests", dependencies: ["ReportData", "TestSupport", "Yams"]),
        .testTarget(name: "ReportSceneTests", dependencies: ["ReportScene"]),
        .testTarget(name: "ReportChartsTests", dependencies: ["ReportCharts", "ReportScene", "TestSupport"]),
        .testTarget(name: "ReportComposerTests", dependencies: ["ReportComposer", "ReportData", "ReportScene", "ReportCharts",
                                                         "TestSupport"],
                    // Golden scenes (canonical JSON), read by GoldenSceneTests; `make snapshots` records them.
                    exclude: ["Snapshots"]),
        // Shared by the test targets: the seeded generator (SplitMix), running external tools,
        // temporary folders, canonical JSON and golden files.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ReportRenderTests", dependencies: ["ReportRender", "CFontSortMemo", "CFixedPrintf", "CCairoDeflate", "ReportScene", "ReportCharts", "TestSupport"]),
        .testTarget(name: "ReportPipelineTests", dependencies: ["ReportPipeline", "ReportComposer", "ReportData", "ReportCharts"]),
        .testTarget(name: "ReportSlidesTests", dependencies: ["ReportSlides", "TestSupport"]),
        // Runs the built `report` binary end to end; reads the data to know what the PDF must show.
        .testTarget(name: "ReportCLITests", dependencies: ["TestSupport", "ReportCLI", "ReportPipeline", "ReportComposer", "ReportData"]),
    ]
)
