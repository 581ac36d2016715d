import Foundation
import ReportCharts
import ReportComposer
import ReportData
import ReportRender
import ReportScene

/// One `report render`: bind, then render only what changed, writing every file atomically
/// under a lock, then the manifest and the change summary.
public enum ReportBuild {
    public static var toolVersion: String { InputFingerprints.toolVersion }

    /// Builds the outputs `options` ask for, as `report render` does: skips what is up to date,
    /// replaces files atomically, and throws `BuildFailure` (positioned diagnostics) before writing
    /// anything when the inputs have errors.
    public static func run(_ options: BuildOptions, measurer: PangoTextMeasurer = .shared) throws -> BuildOutcome {
        // Nothing changed since the last run: answer without loading data, fonts or templates.
        let quickKey = options.unit?.inputKey ?? QuickCheck.key(options)
        StageTrace.mark("quick check")
        let firstBytes = BuildManifest.bytes(in: options.outputDirectory)
        let first = firstBytes.flatMap(ManifestReader.decode)
        if let m = first, QuickCheck.isUpToDate(options, manifest: m, key: quickKey, in: options.outputDirectory) {
            return BuildOutcome.upToDate(manifest: m, formats: options.formats)
        }
        // Something will be drawn: fontconfig starts beside the binding (a no-op when `main` started it).
        if options.unit == nil, FontWarmUp.start(trace: StageTrace.on ? { @Sendable what in StageTrace.mark(what) } : nil) {
            StageTrace.mark("font warm-up started (after the quick check)")
        }
        let bound = TemplateLoader.load(template: options.template, data: options.data,
                                        sourceDateEpoch: options.sourceDateEpoch, scope: options.unit?.scope)
        StageTrace.mark("template loaded and bound")
        if bound.hasErrors { throw BuildFailure(diagnostics: bound.diagnostics) }
        // Defense in depth: every id that becomes a file name was checked by the loader.
        for job in bound.charts where !OutputName.isValid(job.id) {
            throw OutputError.io(options.template.path, "chart id \(OutputName.problem(with: job.id) ?? "") (nothing was written)")
        }
        let fingerprints = InputFingerprints(bound: bound, rawInputs: quickKey)
        let fonts = fontProblems(bound, measurer)
        if !fonts.isEmpty { throw BuildFailure(diagnostics: bound.diagnostics + fonts) }
        // The report's side of the preflight starts first: the input keys and the standalone
        // layouts run beside it.
        let reportStale = options.formats.contains(.pdf) && !bound.sections.isEmpty
            && !(first.map { !options.force && $0.isUpToDate("report.pdf", inputs: fingerprints.whole, in: options.outputDirectory) } ?? false)
        // A batch unit's folder keeps no figures (as it keeps no font subsets).
        let figureCache = options.unit == nil
            ? ReportFigureCache(root: options.outputDirectory, base: fingerprints.base, reads: !options.force) : nil
        let keys = ChartKeyOnce()
        let reportSide = bound.sections.isEmpty ? nil
            : ReportAhead(bound, measurer: measurer, compose: reportStale, figureCache: figureCache, keys: keys)
        StageTrace.mark("fonts checked, report side started")
        measurer.prefetchFonts(bound.charts.flatMap { $0.exportPreset.theme.firstLayoutStyles })
        // Charts whose files are up to date by their input keys are not laid out (checked again
        // under the lock: one found stale there is laid out then). With nothing to compare
        // against, the keys (for the manifest) wait until the layouts are done: the report's side
        // is the longer one, so they cost no time there.
        let canSkip = !options.force && first != nil
        var inputKeys = canSkip ? chartInputKeys(bound, formats: options.formats, keys: keys) : [:]
        let current = canSkip ? upToDateCharts(bound, options: options, keys: inputKeys, fingerprints: fingerprints,
                                               manifest: first) : []
        let laidOut = try preflight(bound, measurer: measurer, skipping: current, reportSide: reportSide) {
            if !canSkip { inputKeys = chartInputKeys(bound, formats: options.formats, keys: keys) }
            StageTrace.mark("chart input keys")
        }
        StageTrace.mark("preflight")
        // Lay out and render everything in memory first: a font or layout error must not leave
        // a half-updated folder.
        let outDir = options.outputDirectory
        let created = OutputFolder.missingFolders(outDir)
        // A batch unit's build runs under the batch's lock.
        let lock = options.unit == nil ? try OutputLock(directory: outDir) : nil
        defer { lock?.release() }
        if lock == nil { try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true) }
        do {
            let outcome = try build(options, bound: bound, laidOut: laidOut, quickKey: quickKey, fingerprints: fingerprints,
                                    inputKeys: inputKeys, reportSide: reportSide,
                                    previous: BuildManifest.load(from: outDir, earlierBytes: firstBytes, earlier: first),
                                    measurer: measurer)
            ExitRetention.keep(bound, laidOut, fingerprints, inputKeys, reportSide as Any, first as Any)
            return outcome
        } catch {
            // A failed run leaves no trace: the lock file it created, and a folder it created, go again.
            lock?.release(discarding: true)
            OutputFolder.removeIfOnlyLock(created)
            throw error
        }
    }

    static func build(_ options: BuildOptions, bound: BoundTemplate, laidOut: Preflight, quickKey: String,
                      fingerprints: InputFingerprints, inputKeys: [String: String], reportSide: ReportAhead? = nil,
                      previous: BuildManifest?,
                      measurer: PangoTextMeasurer) throws -> BuildOutcome {
        let outDir = options.outputDirectory
        AtomicFile.sweepTemporaries(in: outDir)

        let manifest = options.force ? nil : previous
        var next = BuildManifest(tool: toolVersion)
        var pending: [(String, [UInt8])] = []
        var rendered: [String] = [], upToDate: [String] = []

        // Decide what is stale first (cheap, in order), then render the stale outputs on all cores:
        // charts and the report are independent, and most of a PDF's time (font subsetting,
        // compression) and a PNG's (encoding) runs outside the Pango lock.
        var tasks: [RenderTask] = []
        var pages: [(ChartJob, Page)] = []
        var scenes: [String: String] = [:]
        for job in bound.charts where job.exportsFiles {
            // A chart with an input key is checked before it is laid out; one without (a large
            // chart), or one in the deck, by the scene it lays out to.
            if let inputKey = inputKeys[job.id] {
                let outputs = chartOutputs(job, scene: inputKey, formats: options.formats, fingerprints: fingerprints, info: bound.info)
                if let m = manifest, outputs.allSatisfy({ m.isUpToDate($0.rel, inputs: $0.key, in: outDir) }) {
                    for o in outputs { next.outputs[o.rel] = m.outputs[o.rel] }
                    upToDate.append(job.id)
                    continue
                }
            }
            let chart = try laidOut.roots[job.id] ?? layOutStandalone(job, bound: bound, measurer: measurer)
            let page = Page(size: chart.size, root: chart.group, background: .white)
            let scene = try inputKeys[job.id] ?? InputFingerprints.scene(page)
            var stale: [(OutputFormat, String, String)] = []
            pages.append((job, page))
            scenes[job.id] = scene
            for o in chartOutputs(job, scene: scene, formats: options.formats, fingerprints: fingerprints, info: bound.info) {
                if let m = manifest, m.isUpToDate(o.rel, inputs: o.key, in: outDir) {
                    next.outputs[o.rel] = m.outputs[o.rel]
                } else {
                    stale.append((o.format, o.rel, o.key))
                }
            }
            if stale.isEmpty { upToDate.append(job.id) } else { rendered.append(job.id); tasks.append(.chart(job, page, stale)) }
        }

        var reportRendered = false, reportUpToDate = false
        if options.formats.contains(.pdf) && !bound.sections.isEmpty {
            let rel = "report.pdf"
            if let m = manifest, m.isUpToDate(rel, inputs: fingerprints.whole, in: outDir) {
                next.outputs[rel] = m.outputs[rel]
                reportUpToDate = true
            } else {
                // First in the list: the longest task starts first.
                tasks.insert(.report(rel, fingerprints.whole, laidOut.figures, laidOut.document), at: 0)
                reportRendered = true
            }
        }

        var deckRendered = false
        if options.formats.contains(.pptx) && !pages.isEmpty {
            if let task = ChartDeck.plan(pages, scenes: scenes, bound: bound, fingerprints: fingerprints, manifest: manifest,
                                         next: &next, in: outDir) {
                tasks.append(task)
                deckRendered = true
            }
        }

        // A batch unit's folder keeps none: its units share the process's subsets.
        let fonts = options.unit == nil ? FontSubsetFiles(root: outDir) : nil
        StageTrace.mark("\(tasks.count) render tasks")
        let results: [RenderTask.Output]
        do { results = try RenderTask.runAll(tasks, bound: bound, measurer: measurer, fonts: fonts) } catch {
            throw BuildFailure(diagnostics: [positioned(error, bound)])
        }
        StageTrace.mark("rendered in memory")
        for result in results {
            for (rel, key, bytes) in result {
                pending.append((rel, bytes))
                next.outputs[rel] = .init(inputs: key, output: Fingerprint.sha256(bytes))
            }
        }
        // Files are written in a fixed order whatever order the tasks finished in.
        pending.sort { $0.0 < $1.0 }

        // Everything is rendered: the files are replaced together, or not at all (OutputCommit).
        var commit = OutputCommit(root: outDir, durable: options.durable)
        for (rel, bytes) in pending { commit.write(bytes, to: rel) }
        fonts?.addWrites(to: &commit)
        reportSide?.addFigureWrites(to: &commit)
        var removed: [String] = []
        let chartIDs = Set(bound.charts.filter(\.exportsFiles).map(\.id))
        // Only names this tool writes: a manifest edited to list `../x` deletes nothing.
        for rel in (previous?.outputs.keys.sorted() ?? []) where next.outputs[rel] == nil && OutputFolder.isOwnOutput(rel) {
            if !isStale(rel, chartIDs: chartIDs, hasReport: !bound.sections.isEmpty, formats: options.formats) {
                next.outputs[rel] = previous?.outputs[rel]
                continue
            }
            commit.remove(rel)
            removed.append(rel)
        }

        let snapshot = ValueSnapshot(bound.values.mapValues { ValueSnapshot.Entry(label: $0.label, display: $0.display) })
        let changes = ChangeSummary(old: previous?.values, new: snapshot)
        next.values = snapshot.entries
        next.quickKey = quickKey
        next.fontFiles = fingerprints.fontFiles
        next.warnings = portableWarnings(bound.diagnostics, template: options.template)
        if !changes.isEmpty || !FileManager.default.fileExists(atPath: outDir.appendingPathComponent("CHANGES.md").path) {
            commit.write(Array(changes.markdown(title: bound.info.title).utf8), to: "CHANGES.md")
        }
        // A run that changed nothing leaves the folder untouched, manifest included (mtimes stay,
        // so tools watching the folder see no spurious update).
        let manifestBytes = try next.encoded(), manifestURL = outDir.appendingPathComponent(BuildManifest.fileName)
        if Fingerprint.of(file: manifestURL) != Fingerprint.sha256(manifestBytes) {
            commit.write(manifestBytes, to: BuildManifest.fileName)
        }
        let flushed = try commit.commit()
        StageTrace.mark(options.durable ? "files committed, \(flushed.files) files and \(flushed.folders) folders flushed" : "files committed")
        ExitRetention.keep(tasks, pages, scenes, results, pending, next, previous as Any, snapshot, commit)
        return BuildOutcome(diagnostics: bound.diagnostics, chartsRendered: rendered, chartsUpToDate: upToDate,
                            reportRendered: reportRendered, reportUpToDate: reportUpToDate, removed: removed,
                            deckRendered: deckRendered, changes: changes)
    }
}

extension ReportBuild {
    /// Each exporting chart's input key (`ChartInputKey`), when the build writes no deck (the
    /// deck is keyed by every chart's scene, so every chart is laid out for it).
    /// `keys`: shared with the report's side (`ChartKeyOnce`), so each key is computed once.
    static func chartInputKeys(_ bound: BoundTemplate, formats: Set<OutputFormat>, keys once: ChartKeyOnce? = nil) -> [String: String] {
        guard !formats.contains(.pptx) else { return [:] }
        var keys: [String: String] = [:]
        for job in bound.charts where job.exportsFiles && keys[job.id] == nil {
            keys[job.id] = "input " + (once?.key(job) ?? ChartInputKey.of(job))
        }
        return keys
    }

    /// A chart's files in the formats asked for, each with its key.
    static func chartOutputs(_ job: ChartJob, scene: String, formats: Set<OutputFormat>, fingerprints: InputFingerprints,
                             info: ReportInfo) -> [(format: OutputFormat, rel: String, key: String)] {
        formats.sorted().filter(\.isPerChart).map { format in
            (format, "charts/\(job.id).\(format.rawValue)", fingerprints.chart(job, scene: scene, info: info, format: format))
        }
    }

    /// The charts whose every file `manifest` records as made from the same inputs, intact on disk.
    static func upToDateCharts(_ bound: BoundTemplate, options: BuildOptions, keys: [String: String],
                               fingerprints: InputFingerprints, manifest: BuildManifest?) -> Set<String> {
        guard let m = manifest else { return [] }
        var found = Set<String>()
        for job in bound.charts where job.exportsFiles {
            guard let k = keys[job.id] else { continue }
            let outputs = chartOutputs(job, scene: k, formats: options.formats, fingerprints: fingerprints, info: bound.info)
            if outputs.allSatisfy({ m.isUpToDate($0.rel, inputs: $0.key, in: options.outputDirectory) }) { found.insert(job.id) }
        }
        return found
    }

    /// An output this run did not produce is stale when its chart (or the whole report) is gone
    /// from the template. One of a format not asked for this time (`--format svg`) is still the
    /// user's: it stays, with its manifest record, and is brought up to date when next asked for.
    static func isStale(_ rel: String, chartIDs: Set<String>, hasReport: Bool, formats: Set<OutputFormat>) -> Bool {
        let url = URL(fileURLWithPath: rel)
        guard let format = OutputFormat(rawValue: url.pathExtension), !formats.contains(format) else { return true }
        if rel == "report.pdf" { return !hasReport }
        if rel == ChartDeck.fileName { return chartIDs.isEmpty }
        if rel.hasPrefix("charts/") { return !chartIDs.contains(url.deletingPathExtension().lastPathComponent) }
        return true
    }
}

/// A standalone chart in each format.
enum ChartFiles {
    static func render(_ page: Page, format: OutputFormat, job: ChartJob, template: String, info: ReportInfo,
                       measurer: PangoTextMeasurer) throws -> [UInt8] {
        let title = job.caption, alt = job.alt
        switch format {
        case .svg:
            return titled(try SVGWriter.render(page, idPrefix: idPrefix(template: template, chart: job.id),
                                               text: job.svgText, measurer: measurer), title, desc: alt)
        case .png: return try PNGWriter.render(page, scale: 2, measurer: measurer)
        // One deck holds every chart (`ChartDeck`): never asked of a single chart.
        case .pptx: throw OutputError.io(ChartDeck.fileName, "charts.pptx is rendered for all charts at once")
        case .pdf: return try PDFWriter.render(pdfDocument(page, job: job, info: info), measurer: measurer)
        }
    }

    /// The chart's PDF: the whole chart is one Figure element with its alt text, as in the report.
    static func pdfDocument(_ page: Page, job: ChartJob, info: ReportInfo) -> Document {
        let title = job.caption, alt = job.alt
        var figure = page
        figure.root = Group([.group(.tagged(.figure(alt: alt.isEmpty ? title : alt), [.group(page.root)]))])
        return Document(info: DocumentInfo(title: title, author: info.author, subject: info.title,
                                           keywords: info.keywords, creationDate: info.creationDate,
                                           language: info.language), pages: [figure])
    }

    /// Glyphs are outlines (identical in every viewer, no font needed), so the chart's title goes
    /// into a `<title>` element and its alt text into `<desc>`, with `role="img"` on the root:
    /// slide tools, screen readers and search see what the chart is and shows.
    static func titled(_ svg: [UInt8], _ title: String, desc: String = "") -> [UInt8] {
        guard !title.isEmpty || !desc.isEmpty, let open = firstSVGTag(svg),
              let end = svg[open...].firstIndex(of: UInt8(ascii: ">")),
              svg[end - 1] != UInt8(ascii: "/") else { return svg }
        // Escaped byte by byte: a 10,000-event timeline's alt text is hundreds of KB, and three
        // Foundation `replacingOccurrences` passes over it were 8% of that chart's run.
        var innerBytes: [UInt8] = []
        func append(_ element: String, _ text: String) {
            innerBytes.append(contentsOf: "\n<\(element)>".utf8)
            for b in text.utf8 {
                switch b {
                case UInt8(ascii: "&"): innerBytes.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): innerBytes.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): innerBytes.append(contentsOf: "&gt;".utf8)
                default: innerBytes.append(b)
                }
            }
            innerBytes.append(contentsOf: "</\(element)>".utf8)
        }
        if !title.isEmpty { append("title", title) }
        if !desc.isEmpty { append("desc", desc) }
        // Appended slice by slice into one buffer (concatenating arrays of a large SVG with `+`
        // and searching it with the generic `firstRange(of:)` was 7% of a 10,000-bar SVG run).
        let role = Array(" role=\"img\">".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + role.count + innerBytes.count)
        out.append(contentsOf: svg[..<end])
        out.append(contentsOf: role)
        out.append(contentsOf: innerBytes)
        out.append(contentsOf: svg[(end + 1)...])
        return out
    }

    /// The index just after the first `<svg` (the root element's name), if any.
    static func firstSVGTag(_ svg: [UInt8]) -> Int? {
        let tag: [UInt8] = Array("<svg".utf8)
        return svg.withUnsafeBufferPointer { b -> Int? in
            var i = 0
            while i + tag.count <= b.count {
                if b[i] == tag[0], b[i + 1] == tag[1], b[i + 2] == tag[2], b[i + 3] == tag[3] { return i + tag.count }
                i += 1
            }
            return nil
        }
    }

    /// SVG ids must be XML names: letters, digits, '-', '_' and not starting with a digit. The
    /// readable part is the chart id; a short hash of template and chart id keeps two charts named
    /// alike (in two templates, or ids that clean to the same name) apart when inlined in one page.
    static func idPrefix(template: String, chart id: String) -> String {
        let cleaned = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
        let readable = cleaned.first?.isLetter == true ? cleaned : "c-" + cleaned
        let hash = Fingerprint.sha256(Array("\(template)\u{0}\(id)".utf8)).prefix(8)
        return "\(readable)-\(hash)"
    }
}
