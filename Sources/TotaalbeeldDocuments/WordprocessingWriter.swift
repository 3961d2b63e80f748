import Foundation
import TotaalbeeldModel
import TotaalbeeldReport

/// Writes a ``ReportDocument`` as a Word document (WordprocessingML, `.docx`): headings as Heading 1–3,
/// lists as real bullet lists, tables with borders, quotes from the dossier marked as Dutch. The bytes are
/// the same on every run. No converter, no template file: the parts are written here.
///
/// ```swift
/// let docx = try WordprocessingWriter(language: .nl, title: "Overwegingen").document(doc)
/// try docx.write(to: URL(fileURLWithPath: "overwegingen.docx"))
/// ```
public struct WordprocessingWriter: Sendable {
    public let language: Language
    public let title: String

    public init(language: Language, title: String) {
        self.language = language
        self.title = title
    }

    private static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    public func document(_ document: ReportDocument) throws -> Data {
        try DeterministicZip.archive([
            .init(path: "[Content_Types].xml", data: Data(contentTypes.utf8)),
            .init(path: "_rels/.rels", data: Data(packageRelationships.utf8)),
            .init(path: "docProps/core.xml", data: Data(coreProperties.utf8)),
            .init(path: "word/_rels/document.xml.rels", data: Data(documentRelationships.utf8)),
            .init(path: "word/document.xml", data: Data(body(document).utf8)),
            .init(path: "word/styles.xml", data: Data(styles.utf8)),
            .init(path: "word/numbering.xml", data: Data(numbering.utf8)),
        ])
    }

    private var languageTag: String { language == .nl ? "nl-NL" : "en-GB" }

    // MARK: Body

    func body(_ document: ReportDocument) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<w:document xmlns:w="\#(Self.main)" xmlns:r="\#(Self.relationships)"><w:body>"#
        for block in document.blocks {
            switch block {
            case .heading(let level, let runs):
                xml += paragraph(runs, style: "Heading\(min(max(level, 1), 3))")
            case .paragraph(let runs):
                xml += paragraph(runs, style: nil)
            case .list(let items):
                xml += list(items, depth: 0)
            case .table(let header, let rows, let numeric):
                xml += table(header: header, rows: rows, numeric: numeric)
            }
        }
        xml += #"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>"#
        xml += "</w:body></w:document>"
        return xml
    }

    private func paragraph(_ runs: [ReportDocument.Run], style: String?, list: Int? = nil, alignRight: Bool = false) -> String {
        var properties = ""
        if let style { properties += #"<w:pStyle w:val="\#(style)"/>"# }
        if let list { properties += #"<w:numPr><w:ilvl w:val="\#(min(list, 2))"/><w:numId w:val="1"/></w:numPr>"# }
        if alignRight { properties += #"<w:jc w:val="right"/>"# }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs.map(run).joined() + "</w:p>"
    }

    private func run(_ run: ReportDocument.Run) -> String {
        var properties = ""
        switch run {
        case .plain: break
        case .strong: properties = "<w:b/>"
        case .emphasis: properties = "<w:i/>"
        case .struck: properties = #"<w:strike/><w:lang w:val="nl-NL"/>"#
        case .code: properties = #"<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>"#
        case .quoted: properties = #"<w:lang w:val="nl-NL"/>"#
        }
        guard !run.text.isEmpty else { return "" }
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + #"<w:t xml:space="preserve">"# + xmlEscaped(run.text) + "</w:t></w:r>"
    }

    private func list(_ items: [ReportDocument.ListItem], depth: Int) -> String {
        items.map { item in paragraph(item.runs, style: "ListParagraph", list: depth) + list(item.children, depth: depth + 1) }.joined()
    }

    private func table(header: [String], rows: [[[ReportDocument.Run]]], numeric: Set<Int>) -> String {
        let border = #"<w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>"#
        var xml = #"<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>\#(border)</w:tblBorders></w:tblPr><w:tblGrid>"#
        xml += String(repeating: "<w:gridCol/>", count: header.count) + "</w:tblGrid>"
        xml += #"<w:tr><w:trPr><w:tblHeader/></w:trPr>"# + header.map { "<w:tc>" + paragraph([.strong($0)], style: nil) + "</w:tc>" }.joined() + "</w:tr>"
        for row in rows {
            xml += "<w:tr>" + row.enumerated().map { column, cell in "<w:tc>" + paragraph(cell, style: nil, alignRight: numeric.contains(column)) + "</w:tc>" }.joined() + "</w:tr>"
        }
        return xml + "</w:tbl>" + paragraph([], style: nil)
    }

    // MARK: Fixed parts

    private var contentTypes: String {
        #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
        """#
    }

    private var packageRelationships: String {
        #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
        """#
    }

    private var documentRelationships: String {
        #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>
        """#
    }

    /// Title, language and generator; no author, no dates (the document says nothing about who or when).
    private var coreProperties: String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">"#
            + "<dc:title>\(xmlEscaped(title))</dc:title><dc:language>\(languageTag)</dc:language><dc:creator>Totaalbeeld</dc:creator></cp:coreProperties>"
    }

    private var styles: String {
        func heading(_ level: Int, size: Int) -> String {
            #"<w:style w:type="paragraph" w:styleId="Heading\#(level)"><w:name w:val="heading \#(level)"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="\#(level == 1 ? 240 : 200)" w:after="80"/><w:outlineLvl w:val="\#(level - 1)"/></w:pPr><w:rPr><w:b/><w:sz w:val="\#(size)"/></w:rPr></w:style>"#
        }
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<w:styles xmlns:w="\#(Self.main)"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="\#(languageTag)"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
            + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
            + heading(1, size: 32) + heading(2, size: 26) + heading(3, size: 23)
            + #"<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="40"/><w:ind w:left="720"/></w:pPr></w:style>"#
            + "</w:styles>"
    }

    private var numbering: String {
        let levels = (0..<3).map { level in
            #"<w:lvl w:ilvl="\#(level)"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\#(["•", "–", "·"][level])"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="\#(360 + 360 * level)" w:hanging="360"/></w:pPr></w:lvl>"#
        }.joined()
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<w:numbering xmlns:w="\#(Self.main)"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>\#(levels)</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    }
}
