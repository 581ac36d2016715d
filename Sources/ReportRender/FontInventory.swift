import CCairo

/// The font files fontconfig has for some families, with their sizes: part of every output's
/// fingerprint, so installing or updating a font re-renders what it affects.
public enum FontInventory {
    /// Path → size of every file fontconfig has for these families.
    public static func files(families: [String]) -> [String: Int] {
        // fontconfig's default configuration is built once per process, by the font environment
        // (often on the warm-up thread, `FontWarmUp`). Listing while that is under way built a
        // second configuration beside it (its XML and caches read twice, ~4 ms of W1's critical
        // path); waiting for the one environment costs nothing the build would not wait for next.
        _ = FontEnvironment.shared
        var out: [String: Int] = [:]
        for family in families { for (path, size) in files(family: family) { out[path] = size } }
        return out
    }

    static func files(family: String) -> [(path: String, size: Int)] {
        guard let pattern = FcPatternCreate() else { return [] }
        defer { FcPatternDestroy(pattern) }
        _ = family.withCString { FcPatternAddString(pattern, FC_FAMILY, UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
        guard let os = FcObjectSetCreate() else { return [] }
        defer { FcObjectSetDestroy(os) }
        FcObjectSetAdd(os, FC_FILE)
        guard let set = FcFontList(nil, pattern, os) else { return [] }
        defer { FcFontSetDestroy(set) }
        var files: [(String, Int)] = []
        for i in 0..<Int(set.pointee.nfont) {
            var file: UnsafeMutablePointer<FcChar8>?
            if FcPatternGetString(set.pointee.fonts[i], FC_FILE, 0, &file) == FcResultMatch, let file {
                let path = String(cString: file)
                var st = stat()
                files.append((path, stat(path, &st) == 0 ? Int(st.st_size) : -1))
            }
        }
        return files
    }
}

#if canImport(Glibc)
import Glibc
#endif
