import Foundation
import TotaalbeeldModel
import TotaalbeeldReport

/// Writes a ``ReportDocument`` as an OpenDocument text (`.odt`, ODF 1.2): headings with outline levels,
/// bullet lists, tables, quotes from the dossier marked as Dutch. `mimetype` is the first entry, stored
/// uncompressed, as ODF requires; the bytes are the same on every run.
///
/// ```swift
/// let odt = try OpenDocumentWriter(language: .nl, title: "Overwegingen").document(doc)
/// ```
public struct OpenDocumentWriter: Sendable {
    public let language: Language
    public let title: String

    public init(language: Language, title: String) {
        self.language = language
        self.title = title
    }

    static let mimeType = "application/vnd.oasis.opendocument.text"

    public func document(_ document: ReportDocument) throws -> Data {
        try DeterministicZip.archive([
            .init(path: "mimetype", data: Data(Self.mimeType.utf8), stored: true),
            .init(path: "META-INF/manifest.xml", data: Data(manifest.utf8)),
            .init(path: "meta.xml", data: Data(meta.utf8)),
            .init(path: "styles.xml", data: Data(styles.utf8)),
            .init(path: "content.xml", data: Data(content(document).utf8)),
        ])
    }

    private var languageAttributes: String { language == .nl ? #"fo:language="nl" fo:country="NL""# : #"fo:language="en" fo:country="GB""# }

    private static let namespaces = #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/""#

    // MARK: Content

    func content(_ document: ReportDocument) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<office:document-content \#(Self.namespaces) office:version="1.2">"#
        xml += "<office:automatic-styles>"
        xml += #"<style:style style:name="Tstrong" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>"#
        xml += #"<style:style style:name="Temphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>"#
        xml += #"<style:style style:name="Tstruck" style:family="text"><style:text-properties style:text-line-through-style="solid" fo:language="nl" fo:country="NL"/></style:style>"#
        xml += #"<style:style style:name="Tcode" style:family="text"><style:text-properties style:font-name="Courier New" fo:font-family="'Courier New'"/></style:style>"#
        xml += #"<style:style style:name="Tquoted" style:family="text"><style:text-properties fo:language="nl" fo:country="NL"/></style:style>"#
        xml += #"<style:style style:name="Pnumber" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:paragraph-properties fo:text-align="end"/></style:style>"#
        xml += #"<style:style style:name="Tcell" style:family="table-cell"><style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #808080"/></style:style>"#
        xml += #"<text:list-style style:name="Lbullet">"#
        for level in 1...3 {
            xml += #"<text:list-level-style-bullet text:level="\#(level)" text:bullet-char="\#(["•", "–", "·"][level - 1])"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.5cm" fo:margin-left="\#(["0.6", "1.2", "1.8"][level - 1])cm"/></style:list-level-properties></text:list-level-style-bullet>"#
        }
        xml += "</text:list-style></office:automatic-styles><office:body><office:text>"
        var tables = 0
        for block in document.blocks {
            switch block {
            case .heading(let level, let runs):
                let level = min(max(level, 1), 3)
                xml += #"<text:h text:style-name="Heading_20_\#(level)" text:outline-level="\#(level)">"# + runs.map(span).joined() + "</text:h>"
            case .paragraph(let runs):
                xml += #"<text:p text:style-name="Text_20_body">"# + runs.map(span).joined() + "</text:p>"
            case .list(let items):
                xml += list(items, top: true)
            case .table(let header, let rows, let numeric):
                tables += 1
                xml += #"<table:table table:name="Tabel\#(tables)"><table:table-column table:number-columns-repeated="\#(header.count)"/>"#
                xml += "<table:table-header-rows><table:table-row>" + header.map { cell([.strong($0)], numeric: false) }.joined() + "</table:table-row></table:table-header-rows>"
                for row in rows {
                    xml += "<table:table-row>" + row.enumerated().map { column, runs in cell(runs, numeric: numeric.contains(column)) }.joined() + "</table:table-row>"
                }
                xml += "</table:table>"
            }
        }
        return xml + "</office:text></office:body></office:document-content>"
    }

    private func cell(_ runs: [ReportDocument.Run], numeric: Bool) -> String {
        #"<table:table-cell table:style-name="Tcell" office:value-type="string"><text:p text:style-name="\#(numeric ? "Pnumber" : "Table_20_Contents")">"# + runs.map(span).joined() + "</text:p></table:table-cell>"
    }

    private func list(_ items: [ReportDocument.ListItem], top: Bool) -> String {
        (top ? #"<text:list text:style-name="Lbullet">"# : "<text:list>")
            + items.map { item in
                "<text:list-item>" + #"<text:p text:style-name="List_20_Paragraph">"# + item.runs.map(span).joined() + "</text:p>"
                    + (item.children.isEmpty ? "" : list(item.children, top: false)) + "</text:list-item>"
            }.joined()
            + "</text:list>"
    }

    private func span(_ run: ReportDocument.Run) -> String {
        let text = Self.preservingSpaces(run.text)
        guard !text.isEmpty else { return "" }
        let style: String? = switch run {
        case .plain: nil
        case .strong: "Tstrong"
        case .emphasis: "Temphasis"
        case .struck: "Tstruck"
        case .code: "Tcode"
        case .quoted: "Tquoted"
        }
        return style.map { #"<text:span text:style-name="\#($0)">\#(text)</text:span>"# } ?? text
    }

    /// ODF collapses runs of spaces: the second and later spaces of a run become `<text:s/>`, tabs `<text:tab/>`.
    static func preservingSpaces(_ text: String) -> String {
        var out = ""
        var spaces = 0
        func flush() {
            if spaces > 1 { out += #"<text:s text:c="\#(spaces - 1)"/>"# }
            spaces = 0
        }
        for character in xmlEscaped(text) {
            if character == " " {
                if spaces == 0 { out.append(" ") }
                spaces += 1
                continue
            }
            flush()
            switch character {
            case "\t": out += "<text:tab/>"
            case "\n": out += "<text:line-break/>"
            default: out.append(character)
            }
        }
        flush()
        return out
    }

    // MARK: Fixed parts

    private var manifest: String {
        #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>
        """#
    }

    /// Title, language and generator; no author, no dates.
    private var meta: String {
        #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
            + #"<office:document-meta \#(Self.namespaces) office:version="1.2"><office:meta><meta:generator>Totaalbeeld</meta:generator>"#
            + "<dc:title>\(xmlEscaped(title))</dc:title><dc:language>\(language == .nl ? "nl-NL" : "en-GB")</dc:language></office:meta></office:document-meta>"
    }

    private var styles: String {
        func heading(_ level: Int, size: String) -> String {
            #"<style:style style:name="Heading_20_\#(level)" style:display-name="Heading \#(level)" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="\#(level)"><style:text-properties fo:font-size="\#(size)" fo:font-weight="bold"/></style:style>"#
        }
        return #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
            + #"<office:document-styles \#(Self.namespaces) office:version="1.2"><office:styles>"#
            + #"<style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans', Arial" fo:font-size="11pt" \#(languageAttributes)/></style:default-style>"#
            + #"<style:style style:name="Standard" style:family="paragraph" style:class="text"/>"#
            + #"<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm"/></style:style>"#
            + #"<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/></style:style>"#
            + heading(1, size: "16pt") + heading(2, size: "13pt") + heading(3, size: "11.5pt")
            + #"<style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" style:family="paragraph" style:parent-style-name="Standard" style:class="list"><style:paragraph-properties fo:margin-bottom="0.1cm"/></style:style>"#
            + #"<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>"#
            + #"</office:styles><office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>"#
            + #"<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles></office:document-styles>"#
    }
}
