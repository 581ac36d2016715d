import ReportScene

/// The XMP metadata packet of a PDF, from the same values as its Info dictionary
/// (Dublin Core title, creator, description, language; PDF keywords and producer; XMP dates).
enum XMPPacket {
    static func text(_ info: DocumentInfo, producer: String) -> String {
        let date = PDFDate.iso8601(info.creationDate) + "+00:00"
        var props: [String] = []
        if !info.title.isEmpty {
            props.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(XMLText.escape(info.title))</rdf:li></rdf:Alt></dc:title>")
        }
        if !info.author.isEmpty { props.append("<dc:creator><rdf:Seq><rdf:li>\(XMLText.escape(info.author))</rdf:li></rdf:Seq></dc:creator>") }
        if !info.subject.isEmpty {
            props.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(XMLText.escape(info.subject))</rdf:li></rdf:Alt></dc:description>")
        }
        if !info.language.isEmpty { props.append("<dc:language><rdf:Bag><rdf:li>\(XMLText.escape(info.language))</rdf:li></rdf:Bag></dc:language>") }
        props.append("<dc:format>application/pdf</dc:format>")
        if !info.keywords.isEmpty { props.append("<pdf:Keywords>\(XMLText.escape(info.keywords.joined(separator: ", ")))</pdf:Keywords>") }
        props.append("<pdf:Producer>\(XMLText.escape(producer))</pdf:Producer>")
        if !info.creator.isEmpty { props.append("<xmp:CreatorTool>\(XMLText.escape(info.creator))</xmp:CreatorTool>") }
        props += ["<xmp:CreateDate>\(date)</xmp:CreateDate>", "<xmp:ModifyDate>\(date)</xmp:ModifyDate>",
                  "<xmp:MetadataDate>\(date)</xmp:MetadataDate>"]
        return """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
        \(props.joined(separator: "\n"))
        </rdf:Description>
        </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>
        """
    }
}
