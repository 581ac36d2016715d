@testable import ReportRender
import ReportScene
import Testing

/// Cairo numbers SVG ids per process; the writer renames them so they depend only on the page
/// and the prefix, and charts inlined side by side never collide.
private func ids(_ svg: String) -> [String] {
    svg.matches(of: /\sid="([^"]+)"/).map { String($0.output.1) }
}
private func references(_ svg: String) -> [String] {
    svg.matches(of: /href="#([^"]+)"/).map { String($0.output.1) } + svg.matches(of: /url\(#([^)]+)\)/).map { String($0.output.1) }
}

@Test func everyIdAndReferenceCarriesThePrefix() throws {
    let svg = String(decoding: try SVGWriter.render(Fixtures.chartPage(), idPrefix: "fig-3"), as: UTF8.self)
    let defined = ids(svg), used = references(svg)
    #expect(!defined.isEmpty && !used.isEmpty)
    #expect(defined.allSatisfy { $0.wholeMatch(of: /fig-3-\d+/) != nil }, "\(defined)")
    #expect(Set(defined).count == defined.count, "ids are unique")
    #expect(Set(used).isSubset(of: Set(defined)), "every reference resolves")
}

@Test func chartsWithDifferentPrefixesShareNoId() throws {
    let a = String(decoding: try SVGWriter.render(Fixtures.chartPage(), idPrefix: "a"), as: UTF8.self)
    let b = String(decoding: try SVGWriter.render(Fixtures.chartPage(label: "其他"), idPrefix: "b"), as: UTF8.self)
    #expect(Set(ids(a)).isDisjoint(with: Set(ids(b))))
}

@Test func rewriterNumbersByFirstAppearance() {
    let input = ##"<svg><use xlink:href="#glyph9-2"/><symbol id="glyph9-2"/><g clip-path="url(#clip17)"><clipPath id="clip17"/><g id="surface40"/></svg>"##
    let output = String(decoding: SVGIdRewriter.rewrite(Array(input.utf8), prefix: "p"), as: UTF8.self)
    #expect(output == ##"<svg><use xlink:href="#p-1"/><symbol id="p-1"/><g clip-path="url(#p-2)"><clipPath id="p-2"/><g id="p-3"/></svg>"##)
}

@Test func viewBoxIsAddedWhenMissing() {
    let input = #"<?xml version="1.0"?><svg width="10pt" height="5pt"><g/></svg>"#
    let output = String(decoding: SVGIdRewriter.ensureViewBox(Array(input.utf8), width: 10, height: 5.5), as: UTF8.self)
    #expect(output.contains(#"<svg viewBox="0 0 10 5.5" width="10pt""#))
}
