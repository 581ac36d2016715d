/// Writes a PowerPoint deck (.pptx, Office Open XML): one 16:9 slide per chart, each chart a
/// picture the way PowerPoint 2016+ stores SVG (an SVG part referenced from the `svgBlip`
/// extension of a PNG blip, which older readers show instead), with its alt text, a title and
/// speaker notes. Same slides in, same bytes out.
public enum PPTXWriter {
    /// The deck as .pptx bytes, one slide each; throws when there are no slides.
    public static func render(_ slides: [DeckSlide], info: DeckInfo) throws -> [UInt8] {
        guard !slides.isEmpty else { throw DeckError.noSlides }
        return try DeterministicZip.archive(entries(slides, info: info))
    }

    /// Every part in a fixed order: content types first (as Office writes it), then the package
    /// relationships, the presentation and its masters, the slides, and the media last.
    static func entries(_ slides: [DeckSlide], info: DeckInfo) -> [DeterministicZip.Entry] {
        func xml(_ path: String, _ text: String) -> DeterministicZip.Entry {
            DeterministicZip.Entry(path: path, bytes: Array(text.utf8), compressed: true)
        }
        let n = slides.count
        var out = [
            xml("[Content_Types].xml", PackageParts.contentTypes(slides: n)),
            xml("_rels/.rels", PackageParts.rootRels),
            xml("docProps/app.xml", PackageParts.app(slides: n)),
            xml("docProps/core.xml", PackageParts.core(info)),
            xml("ppt/presentation.xml", PackageParts.presentation(slides: n)),
            xml("ppt/_rels/presentation.xml.rels", PackageParts.presentationRels(slides: n)),
            xml("ppt/presProps.xml", PackageParts.presProps),
            xml("ppt/viewProps.xml", PackageParts.viewProps),
            xml("ppt/tableStyles.xml", PackageParts.tableStyles),
            xml("ppt/theme/theme1.xml", MasterParts.theme(name: "ReportRenderer")),
            xml("ppt/theme/theme2.xml", MasterParts.theme(name: "ReportRenderer Notes")),
            xml("ppt/slideMasters/slideMaster1.xml", MasterParts.slideMaster),
            xml("ppt/slideMasters/_rels/slideMaster1.xml.rels", MasterParts.slideMasterRels),
            xml("ppt/slideLayouts/slideLayout1.xml", MasterParts.slideLayout),
            xml("ppt/slideLayouts/_rels/slideLayout1.xml.rels", MasterParts.slideLayoutRels),
            xml("ppt/notesMasters/notesMaster1.xml", MasterParts.notesMaster),
            xml("ppt/notesMasters/_rels/notesMaster1.xml.rels", MasterParts.notesMasterRels),
        ]
        for (i, s) in slides.enumerated() {
            let k = i + 1
            out.append(xml("ppt/slides/slide\(k).xml", SlideParts.slide(s, number: k, language: info.language)))
            out.append(xml("ppt/slides/_rels/slide\(k).xml.rels", SlideParts.slideRels(number: k)))
            out.append(xml("ppt/notesSlides/notesSlide\(k).xml", SlideParts.notes(s, language: info.language)))
            out.append(xml("ppt/notesSlides/_rels/notesSlide\(k).xml.rels", SlideParts.notesRels(number: k)))
        }
        for (i, s) in slides.enumerated() {
            out.append(DeterministicZip.Entry(path: "ppt/media/chart\(i + 1).svg", bytes: s.svg, compressed: true))
            out.append(DeterministicZip.Entry(path: "ppt/media/chart\(i + 1).png", bytes: s.png, compressed: false))
        }
        return out
    }
}
