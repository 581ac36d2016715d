import Foundation
import ReportData

/// The no-change rerun without loading anything: a hash of the raw input files (template folder,
/// data folder, the tool binary, the creation date) and the sizes of the font files used last time.
/// The formats asked for are not part of the key (a `--format svg` run must not look like a
/// change); instead every chart must already have a file in each of them.
/// When both match the manifest and every output is intact, the build is up to date; otherwise
/// the full, fingerprint-by-output build runs.
enum QuickCheck {
    static func key(_ options: BuildOptions) -> String {
        var f = Fingerprint()
        f.add("executable", InputFingerprints.executableIdentity)
        f.add("epoch", options.sourceDateEpoch.map(String.init) ?? "")
        let roots = InputRoots([options.template, options.data].compactMap { $0 })
        // The folders' contents, not where they are: a moved or cloned project stays up to date.
        for (role, root) in [("template", options.template), ("data", options.data)] as [(String, URL?)] {
            guard let root else { continue }
            f.add("root", role)
            for file in regularFiles(below: root) {
                // Through the same checks as the loader: a refused file hashes as its refusal.
                switch InputFile.read(file.url, within: roots, limit: InputLimits.csvBytes) {
                case .success(let d): f.add(file.relative, d)
                case .failure(let why): f.add(file.relative + "\u{0}refused", why.explanation)
                }
            }
        }
        return f.hex()
    }

    /// True when nothing changed since the run that wrote `manifest`.
    static func isUpToDate(_ options: BuildOptions, manifest: BuildManifest, key: String, in dir: URL) -> Bool {
        guard !options.force, manifest.quickKey == key, let fonts = manifest.fontFiles else { return false }
        for (path, size) in fonts {
            // `stat`, as `FontInventory` measured them (no attribute dictionary and its casts).
            var st = stat()
            guard stat(path, &st) == 0, Int(st.st_size) == size else { return false }
        }
        let charts = Set(manifest.outputs.keys.filter { $0.hasPrefix("charts/") }
            .map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
        for id in charts {
            for format in options.formats where format.isPerChart && manifest.outputs["charts/\(id).\(format.rawValue)"] == nil {
                return false
            }
        }
        if options.formats.contains(.pptx), !charts.isEmpty, manifest.outputs[ChartDeck.fileName] == nil { return false }
        return manifest.outputs.keys.allSatisfy { rel in
            Fingerprint.of(file: dir.appendingPathComponent(rel)) == manifest.outputs[rel]?.output
        }
    }

    /// Sorted, so the key does not depend on directory order; hidden files and folders (a name
    /// starting with ".") are skipped, symbolic links below the root are neither listed nor
    /// followed (as `FileManager`'s enumerator with `.skipsHiddenFiles` and `isRegularFile`),
    /// and a root that is itself a link is followed (the enumerator listed nothing there, so a
    /// template reached through a link had a quick key without its files). Walked with
    /// `opendir`/`readdir`: the enumerator's URLs and resource values asked the runtime about
    /// their types for every file (~1.5 CPU-ms of a small template's run).
    static func regularFiles(below root: URL) -> [(relative: String, url: URL)] {
        let base = root.standardizedFileURL.path
        var found: [String] = []
        walk(base == "/" ? "" : base, relative: "", into: &found)
        found.sort()
        return found.map { ($0, URL(fileURLWithPath: base + $0)) }
    }

    /// Appends the regular files below `dir` (its path is `relative` under the root) as paths
    /// relative to the root, each starting with "/".
    private static func walk(_ dir: String, relative: String, into found: inout [String]) {
        guard let d = opendir(dir.isEmpty ? "/" : dir) else { return }
        defer { closedir(d) }
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.isEmpty || name.hasPrefix(".") { continue }
            let path = dir + "/" + name, rel = relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                type = (st.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (st.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
            }
            if type == Int32(DT_DIR) {
                walk(path, relative: rel, into: &found)
            } else if type == Int32(DT_REG) {
                found.append(rel)
            }
        }
    }
}
