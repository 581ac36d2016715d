import Foundation
import ReportScene

/// The parts that tie a deck together: content types, relationships, the presentation and the
/// document properties.
enum PackageParts {
    static let ct = "application/vnd.openxmlformats-officedocument.presentationml."

    static func contentTypes(slides: Int) -> String {
        var overrides: [(String, String)] = [
            ("/ppt/presentation.xml", ct + "presentation.main+xml"),
            ("/ppt/presProps.xml", ct + "presProps+xml"),
            ("/ppt/viewProps.xml", ct + "viewProps+xml"),
            ("/ppt/tableStyles.xml", ct + "tableStyles+xml"),
            ("/ppt/slideMasters/slideMaster1.xml", ct + "slideMaster+xml"),
            ("/ppt/slideLayouts/slideLayout1.xml", ct + "slideLayout+xml"),
            ("/ppt/notesMasters/notesMaster1.xml", ct + "notesMaster+xml"),
            ("/ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
            ("/ppt/theme/theme2.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        for n in stride(from: 1, through: slides, by: 1) {
            overrides.append(("/ppt/slides/slide\(n).xml", ct + "slide+xml"))
            overrides.append(("/ppt/notesSlides/notesSlide\(n).xml", ct + "notesSlide+xml"))
        }
        return XMLText.declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Default Extension=\"png\" ContentType=\"image/png\"/>"
            + "<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>"
            + overrides.map { "<Override PartName=\"\($0.0)\" ContentType=\"\($0.1)\"/>" }.joined()
            + "</Types>"
    }

    static let rootRels = Relationships.xml([
        ("rId1", "officeDocument", "ppt/presentation.xml"),
        ("rId2", "extended-properties", "docProps/app.xml"),
    ]).replacingOccurrences(of: "</Relationships>",
        with: "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>")

    /// Slides take relationship ids after the fixed ones.
    static let firstSlideRel = 10

    static func presentation(slides: Int) -> String {
        let ids = (0..<slides).map { "<p:sldId id=\"\(256 + $0)\" r:id=\"rId\(firstSlideRel + $0)\"/>" }.joined()
        return XMLText.declaration
            + "<p:presentation \(NS.pml) saveSubsetFonts=\"1\">"
            + "<p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>"
            + "<p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst>"
            + "<p:sldIdLst>\(ids)</p:sldIdLst>"
            + "<p:sldSz cx=\"\(EMU.slideWidth)\" cy=\"\(EMU.slideHeight)\"/>"
            + "<p:notesSz cx=\"\(EMU.notesWidth)\" cy=\"\(EMU.notesHeight)\"/>"
            + "</p:presentation>"
    }

    static func presentationRels(slides: Int) -> String {
        Relationships.xml([
            ("rId1", "slideMaster", "slideMasters/slideMaster1.xml"),
            ("rId2", "notesMaster", "notesMasters/notesMaster1.xml"),
            ("rId3", "theme", "theme/theme1.xml"),
            ("rId4", "presProps", "presProps.xml"),
            ("rId5", "viewProps", "viewProps.xml"),
            ("rId6", "tableStyles", "tableStyles.xml"),
        ] + (0..<slides).map { ("rId\(firstSlideRel + $0)", "slide", "slides/slide\($0 + 1).xml") })
    }

    static let presProps = XMLText.declaration + "<p:presentationPr \(NS.pml)/>"
    static let viewProps = XMLText.declaration
        + "<p:viewPr \(NS.pml)><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>"
    static let tableStyles = XMLText.declaration
        + "<a:tblStyleLst xmlns:a=\"\(NS.a)\" def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>"

    static func core(_ info: DeckInfo) -> String {
        XMLText.declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(XMLText.escape(info.title))</dc:title>"
            + "<dc:creator>\(XMLText.escape(info.author))</dc:creator>"
            + "<dc:language>\(XMLText.escape(info.language))</dc:language>"
            + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(w3cdtf(info.created))</dcterms:created>"
            + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(w3cdtf(info.created))</dcterms:modified>"
            + "</cp:coreProperties>"
    }

    static func app(slides: Int) -> String {
        XMLText.declaration
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>ReportRenderer</Application><PresentationFormat>Widescreen</PresentationFormat>"
            + "<Slides>\(slides)</Slides><Notes>\(slides)</Notes></Properties>"
    }

    /// e.g. 2022-12-31T00:00:00Z (UTC, whatever the machine's time zone).
    static func w3cdtf(_ seconds: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
