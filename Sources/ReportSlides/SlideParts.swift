import ReportScene

/// The parts of one slide: the slide, its notes page and their relationships.
enum SlideParts {
    static let groupProperties = "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
        + "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>"

    /// Relationship ids of a slide's part: fixed, so the bytes depend only on the content.
    enum Rel {
        static let layout = "rId1", png = "rId2", svg = "rId3", notes = "rId4"
    }

    static func slide(_ s: DeckSlide, number: Int, language: String) -> String {
        let lang = XMLText.escape(language)
        let box = EMU.picture(width: s.width, height: s.height)
        return XMLText.declaration
            + "<p:sld \(NS.pml)><p:cSld><p:spTree>" + groupProperties
            + "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
            + "<p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr>\(EMU.title.xfrm)</p:spPr>"
            + "<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang=\"\(lang)\"/><a:t>\(XMLText.escape(s.title))</a:t></a:r></a:p></p:txBody></p:sp>"
            + "<p:pic><p:nvPicPr><p:cNvPr id=\"3\" name=\"Chart \(number)\" descr=\"\(XMLText.escape(s.altText))\"/>"
            + "<p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"
            // The PNG is the blip older readers show; PowerPoint 2016+ draws the SVG of the extension.
            + "<p:blipFill><a:blip r:embed=\"\(Rel.png)\"><a:extLst><a:ext uri=\"\(NS.svgExtension)\">"
            + "<asvg:svgBlip xmlns:asvg=\"\(NS.svg)\" r:embed=\"\(Rel.svg)\"/></a:ext></a:extLst></a:blip>"
            + "<a:stretch><a:fillRect/></a:stretch></p:blipFill>"
            + "<p:spPr>\(box.xfrm)<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>"
            + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
    }

    static func slideRels(number: Int) -> String {
        Relationships.xml([
            (Rel.layout, "slideLayout", "../slideLayouts/slideLayout1.xml"),
            (Rel.png, "image", "../media/chart\(number).png"),
            (Rel.svg, "image", "../media/chart\(number).svg"),
            (Rel.notes, "notesSlide", "../notesSlides/notesSlide\(number).xml"),
        ])
    }

    static func notes(_ s: DeckSlide, language: String) -> String {
        let lang = XMLText.escape(language)
        let paragraphs = s.notes.isEmpty ? "<a:p><a:endParaRPr lang=\"\(lang)\"/></a:p>" : s.notes.map {
            "<a:p><a:r><a:rPr lang=\"\(lang)\"/><a:t>\(XMLText.escape($0))</a:t></a:r></a:p>"
        }.joined()
        return XMLText.declaration
            + "<p:notes \(NS.pml)><p:cSld><p:spTree>" + groupProperties
            + "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/>"
            + "<p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>"
            + "<p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>"
            + "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
            + "<p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/>"
            + "<p:txBody><a:bodyPr/><a:lstStyle/>\(paragraphs)</p:txBody></p:sp>"
            + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
    }

    static func notesRels(number: Int) -> String {
        Relationships.xml([
            ("rId1", "notesMaster", "../notesMasters/notesMaster1.xml"),
            ("rId2", "slide", "../slides/slide\(number).xml"),
        ])
    }
}

/// A `.rels` part.
enum Relationships {
    static func xml(_ rels: [(id: String, type: String, target: String)], typeBase: String = NS.relType) -> String {
        XMLText.declaration + "<Relationships xmlns=\"\(NS.relationships)\">"
            + rels.map { "<Relationship Id=\"\($0.id)\" Type=\"\(typeBase)\($0.type)\" Target=\"\($0.target)\"/>" }.joined()
            + "</Relationships>"
    }
}
