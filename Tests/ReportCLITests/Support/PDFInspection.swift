import Foundation
import TestSupport

/// What poppler and qpdf see in a PDF: per-page text, outline entries and link targets.
struct PDFInspection {
    let url: URL

    /// Text of each page (pdftotext separates pages with form feeds).
    func pageTexts() throws -> [String] {
        let out = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", url.path, "-"])
        var pages = out.stdout.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    /// Text compared without whitespace (line breaks fall anywhere in Chinese prose) and after
    /// NFKC, so full-width punctuation matches its ASCII form.
    static func normalised(_ s: String) -> String {
        String(s.precomposedStringWithCompatibilityMapping.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) })
    }

    struct OutlineEntry { var title: String; var page: Int }

    /// Outline entries, depth first, with their 1-based destination page.
    func outline() throws -> [OutlineEntry] {
        let json = try qpdfJSON(["--json-key=outlines"])
        var out: [OutlineEntry] = []
        func walk(_ items: [[String: Any]]) {
            for item in items {
                out.append(OutlineEntry(title: item["title"] as? String ?? "", page: item["destpageposfrom1"] as? Int ?? 0))
                walk(item["kids"] as? [[String: Any]] ?? [])
            }
        }
        walk(json["outlines"] as? [[String: Any]] ?? [])
        return out
    }

    struct Link {
        /// 1-based page holding the link, its rectangle in top-down points, and the target page.
        var page: Int
        var rect: (x0: Double, y0: Double, x1: Double, y1: Double)
        var targetPage: Int?
    }

    /// Every internal link, its destination resolved through the named-destination tree.
    func links() throws -> [Link] {
        let json = try qpdfJSON(["--json-key=pages", "--json-key=qpdf"])
        let pages = (json["pages"] as? [[String: Any]] ?? []).compactMap { $0["object"] as? String }
        let objects = ((json["qpdf"] as? [Any])?.last as? [String: Any]) ?? [:]
        func value(_ ref: Any?) -> Any? {
            guard let r = ref as? String, r.hasSuffix(" R") else { return ref }
            return (objects["obj:\(r)"] as? [String: Any])?["value"]
        }
        // Named destinations: catalog /Names /Dests, a name tree of /Names pairs and /Kids.
        var named: [String: Any] = [:]
        func collect(_ node: Any?) {
            guard let d = value(node) as? [String: Any] else { return }
            if let pairs = d["/Names"] as? [Any] {
                for i in stride(from: 0, to: pairs.count - 1, by: 2) {
                    if let k = pairs[i] as? String { named[k] = pairs[i + 1] }
                }
            }
            for kid in d["/Kids"] as? [Any] ?? [] { collect(kid) }
        }
        let catalog = objects.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }
            .first { ($0["/Type"] as? String) == "/Catalog" }
        collect((value(catalog?["/Names"]) as? [String: Any])?["/Dests"])

        func page(of dest: Any?) -> Int? {
            var d = value(dest)
            if let name = d as? String, let n = named[name] { d = value(n) }
            if let dict = d as? [String: Any] { d = value(dict["/D"]) }
            guard let arr = d as? [Any], let ref = arr.first as? String, let i = pages.firstIndex(of: ref) else { return nil }
            return i + 1
        }
        var links: [Link] = []
        for (i, ref) in pages.enumerated() {
            let pageDict = value(ref) as? [String: Any] ?? [:]
            let height = ((value(pageDict["/MediaBox"]) as? [Any])?.last as? NSNumber)?.doubleValue ?? 841.89
            for annot in value(pageDict["/Annots"]) as? [Any] ?? [] {
                guard let a = value(annot) as? [String: Any], (a["/Subtype"] as? String) == "/Link",
                      let r = (value(a["/Rect"]) as? [Any])?.compactMap({ ($0 as? NSNumber)?.doubleValue }), r.count == 4 else { continue }
                let action = value(a["/A"]) as? [String: Any]
                if let action, (action["/S"] as? String) != "/GoTo" { continue }  // URI links are not internal
                let target = page(of: a["/Dest"] ?? action?["/D"])
                links.append(Link(page: i + 1, rect: (min(r[0], r[2]), height - max(r[1], r[3]), max(r[0], r[2]), height - min(r[1], r[3])),
                                  targetPage: target))
            }
        }
        return links
    }

    /// The words poppler finds inside a rectangle (top-down points) of a page, concatenated.
    func text(page: Int, in rect: (x0: Double, y0: Double, x1: Double, y1: Double)) throws -> String {
        let out = try ExternalTool.run("pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)", url.path, "-"])
        let pattern = try NSRegularExpression(pattern: #"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>"#)
        let s = out.stdout as NSString
        var words = ""
        for m in pattern.matches(in: out.stdout, range: NSRange(location: 0, length: s.length)) {
            let n = (1...4).map { Double(s.substring(with: m.range(at: $0))) ?? 0 }
            let cx = (n[0] + n[2]) / 2, cy = (n[1] + n[3]) / 2
            if cx >= rect.x0, cx <= rect.x1, cy >= rect.y0, cy <= rect.y1 { words += s.substring(with: m.range(at: 5)) }
        }
        return words
    }

    private func qpdfJSON(_ keys: [String]) throws -> [String: Any] {
        let out = try ExternalTool.run("qpdf", ["--json"] + keys + [url.path])
        return try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any] ?? [:]
    }
}
