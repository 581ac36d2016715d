import ReportScene

/// The slide master, its one layout (title only), the notes master and their themes: the least
/// PowerPoint accepts, with the report's CJK font as the theme's East Asian face.
enum MasterParts {
    static let colorMap = "bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\""
        + " accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\""

    static func titleShape(id: Int, name: String, box: EMU.Box?) -> String {
        "<p:sp><p:nvSpPr><p:cNvPr id=\"\(id)\" name=\"\(name)\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
            + "<p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr>\(box?.xfrm ?? "")"
            + (box == nil ? "" : "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>") + "</p:spPr>"
            + "<p:txBody><a:bodyPr anchor=\"ctr\"/><a:lstStyle/><a:p><a:endParaRPr lang=\"zh-CN\"/></a:p></p:txBody></p:sp>"
    }

    static func level(_ tag: String, size: Int, bold: Bool, font: String) -> String {
        "<a:\(tag) algn=\"l\"><a:defRPr sz=\"\(size)\" b=\"\(bold ? 1 : 0)\" kern=\"1200\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill>"
            + "<a:latin typeface=\"+\(font)-lt\"/><a:ea typeface=\"+\(font)-ea\"/><a:cs typeface=\"+\(font)-cs\"/></a:defRPr></a:\(tag)>"
    }

    static let slideMaster = XMLText.declaration
        + "<p:sldMaster \(NS.pml)><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>"
        + SlideParts.groupProperties + titleShape(id: 2, name: "Title Placeholder 1", box: EMU.title)
        + "</p:spTree></p:cSld><p:clrMap \(colorMap)/>"
        + "<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst>"
        + "<p:txStyles><p:titleStyle>\(level("lvl1pPr", size: 3200, bold: true, font: "mj"))</p:titleStyle>"
        + "<p:bodyStyle>\(level("lvl1pPr", size: 2000, bold: false, font: "mn"))</p:bodyStyle>"
        + "<p:otherStyle>\(level("lvl1pPr", size: 1800, bold: false, font: "mn"))</p:otherStyle></p:txStyles>"
        + "</p:sldMaster>"

    static let slideMasterRels = Relationships.xml([
        ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"),
        ("rId2", "theme", "../theme/theme1.xml"),
    ])

    static let slideLayout = XMLText.declaration
        + "<p:sldLayout \(NS.pml) type=\"titleOnly\" preserve=\"1\"><p:cSld name=\"Title Only\"><p:spTree>"
        + SlideParts.groupProperties + titleShape(id: 2, name: "Title 1", box: nil)
        + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"

    static let slideLayoutRels = Relationships.xml([("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")])

    static let notesMaster = XMLText.declaration
        + "<p:notesMaster \(NS.pml)><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>"
        + SlideParts.groupProperties
        + "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/>"
        + "<p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr>"
        + "<p:spPr>\(EMU.Box(x: 381_000, y: 685_800, cx: 6_096_000, cy: 3_429_000).xfrm)"
        + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/><a:ln w=\"12700\"><a:solidFill><a:prstClr val=\"black\"/></a:solidFill></a:ln></p:spPr></p:sp>"
        + "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
        + "<p:nvPr><p:ph type=\"body\" sz=\"quarter\" idx=\"3\"/></p:nvPr></p:nvSpPr>"
        + "<p:spPr>\(EMU.Box(x: 685_800, y: 4_400_550, cx: 5_486_400, cy: 3_600_450).xfrm)<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>"
        + "<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"zh-CN\"/></a:p></p:txBody></p:sp>"
        + "</p:spTree></p:cSld><p:clrMap \(colorMap)/>"
        + "<p:notesStyle>\(level("lvl1pPr", size: 1200, bold: false, font: "mn"))</p:notesStyle></p:notesMaster>"

    static let notesMasterRels = Relationships.xml([("rId1", "theme", "../theme/theme2.xml")])

    /// An Office theme: 12 colours, fonts (Noto Sans CJK SC for East Asian text, as in the charts),
    /// and the three-entry format lists PowerPoint requires.
    static func theme(name: String) -> String {
        func colour(_ tag: String, _ hex: String) -> String { "<a:\(tag)><a:srgbClr val=\"\(hex)\"/></a:\(tag)>" }
        let colours = colour("dk1", "000000") + colour("lt1", "FFFFFF") + colour("dk2", "1F2A44") + colour("lt2", "E7E6E6")
            + colour("accent1", "2F6DB5") + colour("accent2", "E07B39") + colour("accent3", "6A9F3A")
            + colour("accent4", "8E6BB8") + colour("accent5", "3AA6B9") + colour("accent6", "C0504D")
            + colour("hlink", "0563C1") + colour("folHlink", "954F72")
        func fonts(_ tag: String) -> String {
            "<a:\(tag)><a:latin typeface=\"Noto Sans CJK SC\"/><a:ea typeface=\"Noto Sans CJK SC\"/><a:cs typeface=\"\"/></a:\(tag)>"
        }
        let solid = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
        let line = "<a:ln w=\"9525\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\">\(solid)<a:prstDash val=\"solid\"/></a:ln>"
        let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
        return XMLText.declaration
            + "<a:theme xmlns:a=\"\(NS.a)\" name=\"\(name)\"><a:themeElements>"
            + "<a:clrScheme name=\"ReportRenderer\">\(colours)</a:clrScheme>"
            + "<a:fontScheme name=\"ReportRenderer\">\(fonts("majorFont"))\(fonts("minorFont"))</a:fontScheme>"
            + "<a:fmtScheme name=\"ReportRenderer\">"
            + "<a:fillStyleLst>\(solid)\(solid)\(solid)</a:fillStyleLst>"
            + "<a:lnStyleLst>\(line)\(line)\(line)</a:lnStyleLst>"
            + "<a:effectStyleLst>\(effect)\(effect)\(effect)</a:effectStyleLst>"
            + "<a:bgFillStyleLst>\(solid)\(solid)\(solid)</a:bgFillStyleLst>"
            + "</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    }
}
