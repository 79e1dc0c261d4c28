/// The namespaces of PresentationML parts.
enum OfficeNamespaces {
    /// DrawingML, relationships and PresentationML, as attributes of a part's root element.
    static let presentation = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
        + "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\""
}

/// The fixed parts of a presentation, as templates: content types, relationships, the
/// presentation with its slide list and size, a theme in the chart's font, one slide master with
/// one blank layout, and the document properties (title and application, no dates).
enum OfficeParts {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let presentationML = "application/vnd.openxmlformats-officedocument.presentationml"

    static func contentTypes(slides: Int) -> String {
        var text = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/ppt/presentation.xml\" ContentType=\"\(presentationML).presentation.main+xml\"/>"
            + "<Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"\(presentationML).slideMaster+xml\"/>"
            + "<Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"\(presentationML).slideLayout+xml\"/>"
            + "<Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
            + "<Override PartName=\"/ppt/presProps.xml\" ContentType=\"\(presentationML).presProps+xml\"/>"
            + "<Override PartName=\"/ppt/viewProps.xml\" ContentType=\"\(presentationML).viewProps+xml\"/>"
            + "<Override PartName=\"/ppt/tableStyles.xml\" ContentType=\"\(presentationML).tableStyles+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        for number in 0..<slides {
            text += "<Override PartName=\"/ppt/slides/slide\(number + 1).xml\" ContentType=\"\(presentationML).slide+xml\"/>"
        }
        return text + "</Types>\n"
    }

    static let packageRelationships = declaration + "<Relationships xmlns=\"\(relationshipsNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeRelationship)/officeDocument\" Target=\"ppt/presentation.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(officeRelationship)/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>\n"

    static func core(title: String) -> String {
        declaration + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(XMLText.escape(title))</dc:title><dc:creator>orgchart</dc:creator></cp:coreProperties>\n"
    }

    static func app(slides: Int) -> String {
        declaration + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>orgchart</Application><Slides>\(slides)</Slides><PresentationFormat>Custom</PresentationFormat></Properties>\n"
    }

    /// The slides get ids from 256 and relationships from `rId2` (`rId1` is the master); the
    /// theme comes after them.
    static func presentation(slides: Int, width: Int, height: Int) -> String {
        var text = declaration + "<p:presentation \(OfficeNamespaces.presentation) saveSubsetFonts=\"1\">"
            + "<p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst><p:sldIdLst>"
        for number in 0..<slides { text += "<p:sldId id=\"\(256 + number)\" r:id=\"rId\(number + 2)\"/>" }
        text += "</p:sldIdLst><p:sldSz cx=\"\(width)\" cy=\"\(height)\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/>"
        text += "<p:defaultTextStyle><a:defPPr><a:defRPr lang=\"en-GB\"/></a:defPPr></p:defaultTextStyle></p:presentation>\n"
        return text
    }

    static func presentationRelationships(slides: Int) -> String {
        var text = declaration + "<Relationships xmlns=\"\(relationshipsNamespace)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(officeRelationship)/slideMaster\" Target=\"slideMasters/slideMaster1.xml\"/>"
        for number in 0..<slides {
            text += "<Relationship Id=\"rId\(number + 2)\" Type=\"\(officeRelationship)/slide\" Target=\"slides/slide\(number + 1).xml\"/>"
        }
        text += "<Relationship Id=\"rId\(slides + 2)\" Type=\"\(officeRelationship)/theme\" Target=\"theme/theme1.xml\"/>"
        text += "<Relationship Id=\"rId\(slides + 3)\" Type=\"\(officeRelationship)/presProps\" Target=\"presProps.xml\"/>"
        text += "<Relationship Id=\"rId\(slides + 4)\" Type=\"\(officeRelationship)/viewProps\" Target=\"viewProps.xml\"/>"
        text += "<Relationship Id=\"rId\(slides + 5)\" Type=\"\(officeRelationship)/tableStyles\" Target=\"tableStyles.xml\"/>"
        return text + "</Relationships>\n"
    }

    static let presentationProperties = declaration + "<p:presentationPr \(OfficeNamespaces.presentation)/>\n"
    static let viewProperties = declaration + "<p:viewPr \(OfficeNamespaces.presentation)><p:normalViewPr><p:restoredLeft sz=\"15620\"/>"
        + "<p:restoredTop sz=\"94660\"/></p:normalViewPr><p:gridSpacing cx=\"72008\" cy=\"72008\"/></p:viewPr>\n"
    static let tableStyles = declaration + "<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        + "def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>\n"

    /// The theme: black on white, the chart's font for headings and body text.
    static func theme(font: String) -> String {
        let face = XMLText.escape(font)
        let colours = [("dk1", "000000"), ("lt1", "FFFFFF"), ("dk2", "1F3864"), ("lt2", "E7E6E6"), ("accent1", "5B9BD5"), ("accent2", "ED7D31"),
                       ("accent3", "A5A5A5"), ("accent4", "FFC000"), ("accent5", "4472C4"), ("accent6", "70AD47"), ("hlink", "0563C1"), ("folHlink", "954F72")]
        var text = declaration + "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"orgchart\"><a:themeElements>"
        text += "<a:clrScheme name=\"orgchart\">"
        for (name, value) in colours { text += "<a:\(name)><a:srgbClr val=\"\(value)\"/></a:\(name)>" }
        text += "</a:clrScheme><a:fontScheme name=\"orgchart\">"
        for kind in ["major", "minor"] {
            text += "<a:\(kind)Font><a:latin typeface=\"\(face)\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:\(kind)Font>"
        }
        text += "</a:fontScheme><a:fmtScheme name=\"orgchart\"><a:fillStyleLst>"
        text += String(repeating: "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>", count: 3)
        text += "</a:fillStyleLst><a:lnStyleLst>"
        for width in [6350, 12700, 19050] {
            text += "<a:ln w=\"\(width)\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln>"
        }
        text += "</a:lnStyleLst><a:effectStyleLst>"
        text += String(repeating: "<a:effectStyle><a:effectLst/></a:effectStyle>", count: 3)
        text += "</a:effectStyleLst><a:bgFillStyleLst>"
        text += String(repeating: "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>", count: 3)
        text += "</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>\n"
        return text
    }

    /// The opening of a shape tree: the group of every shape of a slide, master or layout (id 1).
    static let treeStart = "<p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
        + "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>"
    /// A shape tree without shapes.
    static let emptyTree = treeStart + "</p:spTree>"

    static let slideMaster = declaration + "<p:sldMaster \(OfficeNamespaces.presentation)><p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill>"
        + "<a:effectLst/></p:bgPr></p:bg>\(emptyTree)</p:cSld>"
        + "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" "
        + "accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"
        + "<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst>"
        + "<p:txStyles><p:titleStyle><a:lvl1pPr><a:defRPr sz=\"2400\"/></a:lvl1pPr></p:titleStyle><p:bodyStyle><a:lvl1pPr><a:defRPr sz=\"1200\"/></a:lvl1pPr></p:bodyStyle>"
        + "<p:otherStyle><a:lvl1pPr><a:defRPr sz=\"1200\"/></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>\n"

    static let slideMasterRelationships = declaration + "<Relationships xmlns=\"\(relationshipsNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeRelationship)/slideLayout\" Target=\"../slideLayouts/slideLayout1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(officeRelationship)/theme\" Target=\"../theme/theme1.xml\"/>"
        + "</Relationships>\n"

    static let slideLayout = declaration + "<p:sldLayout \(OfficeNamespaces.presentation) type=\"blank\" preserve=\"1\"><p:cSld name=\"Blank\">\(emptyTree)</p:cSld>"
        + "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>\n"

    static let slideLayoutRelationships = declaration + "<Relationships xmlns=\"\(relationshipsNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeRelationship)/slideMaster\" Target=\"../slideMasters/slideMaster1.xml\"/>"
        + "</Relationships>\n"

    /// A slide's relationships: its layout, then its links (`rId2` …), external.
    static func slideRelationships(links: [String]) -> String {
        var text = declaration + "<Relationships xmlns=\"\(relationshipsNamespace)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(officeRelationship)/slideLayout\" Target=\"../slideLayouts/slideLayout1.xml\"/>"
        for (number, link) in links.enumerated() {
            text += "<Relationship Id=\"rId\(number + 2)\" Type=\"\(officeRelationship)/hyperlink\" Target=\"\(XMLText.escape(link))\" TargetMode=\"External\"/>"
        }
        return text + "</Relationships>\n"
    }
}
