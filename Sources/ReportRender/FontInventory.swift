import CCairo

/// The font files fontconfig would use for some families, with their sizes: part of every
/// output's fingerprint, so installing or updating a font re-renders what it affects.
public enum FontInventory {
    public static func describe(families: [String]) -> String {
        var lines: [String] = []
        for family in families.sorted() {
            guard let pattern = FcPatternCreate() else { continue }
            defer { FcPatternDestroy(pattern) }
            _ = family.withCString { FcPatternAddString(pattern, FC_FAMILY, UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
            guard let os = FcObjectSetCreate() else { continue }
            defer { FcObjectSetDestroy(os) }
            FcObjectSetAdd(os, FC_FILE)
            guard let set = FcFontList(nil, pattern, os) else { continue }
            defer { FcFontSetDestroy(set) }
            var files: [String] = []
            for i in 0..<Int(set.pointee.nfont) {
                var file: UnsafeMutablePointer<FcChar8>?
                if FcPatternGetString(set.pointee.fonts[i], FC_FILE, 0, &file) == FcResultMatch, let file {
                    let path = String(cString: file)
                    var st = stat()
                    let size = stat(path, &st) == 0 ? Int(st.st_size) : -1
                    files.append("\(path) \(size)")
                }
            }
            lines.append("\(family): " + files.sorted().joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }
}

#if canImport(Glibc)
import Glibc
#endif
