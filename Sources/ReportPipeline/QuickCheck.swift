import Foundation

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
        // The folders' contents, not where they are: a moved or cloned project stays up to date.
        for (role, root) in [("template", options.template), ("data", options.data)] as [(String, URL?)] {
            guard let root else { continue }
            f.add("root", role)
            for file in regularFiles(below: root) {
                f.add(file.relative, (try? Data(contentsOf: file.url)) ?? Data())
            }
        }
        return f.hex()
    }

    /// True when nothing changed since the run that wrote `manifest`.
    static func isUpToDate(_ options: BuildOptions, manifest: BuildManifest, key: String, in dir: URL) -> Bool {
        guard !options.force, manifest.quickKey == key, let fonts = manifest.fontFiles else { return false }
        for (path, size) in fonts {
            let attrs = try? FileManager.default.attributesOfItem(atPath: path)
            guard (attrs?[.size] as? NSNumber)?.intValue == size else { return false }
        }
        let charts = Set(manifest.outputs.keys.filter { $0.hasPrefix("charts/") }
            .map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
        for id in charts {
            for format in options.formats where manifest.outputs["charts/\(id).\(format.rawValue)"] == nil { return false }
        }
        return manifest.outputs.keys.allSatisfy { rel in
            Fingerprint.of(file: dir.appendingPathComponent(rel)) == manifest.outputs[rel]?.output
        }
    }

    /// Sorted, so the key does not depend on directory order; hidden files are skipped.
    static func regularFiles(below root: URL) -> [(relative: String, url: URL)] {
        let base = root.standardizedFileURL.path
        guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                     options: [.skipsHiddenFiles]) else { return [] }
        var out: [(String, URL)] = []
        for case let url as URL in e where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let p = url.standardizedFileURL.path
            out.append((p.hasPrefix(base) ? String(p.dropFirst(base.count)) : p, url))
        }
        return out.sorted { $0.0 < $1.0 }
    }
}
