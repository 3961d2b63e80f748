import Foundation
import TotaalbeeldXML
import ZIPFoundation

/// Limits on an Office file, checked before and while it is unpacked: a zip bomb or a flood of entries is refused,
/// never expanded into memory.
public struct ArchiveLimits: Sendable {
    /// The packed file.
    public var maxArchiveBytes: Int = 32 << 20
    public var maxEntries: Int = 4_000
    /// One unpacked part (document.xml, content.xml), counted while it is inflated, not taken from its header.
    public var maxPartBytes: Int = 32 << 20
    /// Unpacked size over packed size above which a part larger than 1 MiB is refused as a bomb.
    public var maxRatio: Int = 200
    public init() {}
}

/// Reads the text of DOCX (WordprocessingML) and ODT (OpenDocument text) intakes with ZIPFoundation and the hardened
/// libxml2 layer: no converter, no network, no entities. Headings come from paragraph styles (and outline levels) or,
/// in Word, from a short line set wholly in bold; lists from numbering, tables row by row. Tracked changes: insertions are kept, deletions dropped. Comments,
/// footnotes, headers and footers never become text; the notes say how many were left out.
///
/// ```swift
/// let intake = try OfficeReader.read(Data(contentsOf: url), fileName: "intake.docx", format: .docx)
/// ```
public enum OfficeReader {
    public enum Format: Sendable { case docx, odt }

    public static func read(_ data: Data, fileName: String, format: Format, limits: ArchiveLimits = .init()) throws(ImportError) -> IntakeDocument {
        guard data.count <= limits.maxArchiveBytes else {
            throw .invalid(path: fileName, reason: "file is \(data.count) bytes, more than the limit of \(limits.maxArchiveBytes)")
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .invalid(path: fileName, reason: "not a \(format == .docx ? "Word (.docx)" : "OpenDocument (.odt)") file: it is not a readable zip archive")
        }
        var names: [String] = []
        for entry in archive {
            names.append(entry.path)
            if names.count > limits.maxEntries {
                throw .invalid(path: fileName, reason: "the archive holds more than \(limits.maxEntries) entries")
            }
        }
        let unpacker = Unpacker(archive: archive, fileName: fileName, limits: limits)
        switch format {
        case .docx: return try DocxReader(unpacker: unpacker, names: names).read()
        case .odt: return try OdtReader(unpacker: unpacker, names: names).read()
        }
    }
}

/// Unpacks one part at a time within the limits.
struct Unpacker {
    let archive: Archive
    let fileName: String
    let limits: ArchiveLimits

    private struct TooLarge: Error {}

    func part(_ path: String) throws(ImportError) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        guard entry.type == .file else { throw .invalid(path: fileName, reason: "\(path) in the archive is not a file") }
        let declared = entry.uncompressedSize
        if declared > UInt64(limits.maxPartBytes) {
            throw .invalid(path: fileName, reason: "\(path) unpacks to \(declared) bytes, more than the limit of \(limits.maxPartBytes)")
        }
        if declared > 1 << 20, entry.compressedSize > 0, declared / entry.compressedSize > UInt64(limits.maxRatio) {
            throw .invalid(path: fileName, reason: "\(path) is compressed more than \(limits.maxRatio) to 1; refused as a possible zip bomb")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(declared, UInt64(limits.maxPartBytes))))
        let limit = limits.maxPartBytes
        do {
            let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                guard bytes.count + chunk.count <= limit else { throw TooLarge() }
                bytes.append(contentsOf: chunk)
            }
            if checksum != entry.checksum {
                throw ImportError.invalid(path: fileName, reason: "\(path) in the archive is damaged (checksum mismatch)")
            }
        } catch is TooLarge {
            throw .invalid(path: fileName, reason: "\(path) unpacks to more than the limit of \(limits.maxPartBytes) bytes")
        } catch let error as ImportError {
            throw error
        } catch {
            throw .invalid(path: fileName, reason: "\(path) in the archive cannot be unpacked")
        }
        return bytes
    }

    func tree(_ path: String) throws(ImportError) -> XMLTree? {
        guard let bytes = try part(path) else { return nil }
        do {
            return try XMLTree.parse(bytes: bytes, fileName: fileName + "!" + path, options: XMLParseOptions(maxBytes: limits.maxPartBytes))
        } catch {
            throw .invalid(path: fileName, reason: error.description)
        }
    }
}

// MARK: - DOCX

private let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

private struct DocxReader {
    let unpacker: Unpacker
    let names: [String]

    struct Counts {
        var paragraph = 0
        var deletions = 0
        var insertions = 0
        var comments = 0
        var footnotes = 0
        var hidden = 0
        var textBoxes = 0
    }

    func read() throws(ImportError) -> IntakeDocument {
        guard let tree = try unpacker.tree("word/document.xml") else {
            throw .invalid(path: unpacker.fileName, reason: "not a Word (.docx) file: it has no word/document.xml")
        }
        guard tree.root.localName == "document", tree.root.namespaceURI == w, let body = tree.root.element(named: "body") else {
            throw .invalid(path: unpacker.fileName, reason: "word/document.xml is not a WordprocessingML document")
        }
        let styles = try headingStyles()
        var document = IntakeDocument(fileName: unpacker.fileName)
        var counts = Counts()
        walk(body.content, styles: styles, into: &document, counts: &counts)
        if let commentsTree = try unpacker.tree("word/comments.xml") {
            counts.comments = commentsTree.root.elements(named: "comment").count
        }
        let headers = names.filter { $0.hasPrefix("word/header") && $0.hasSuffix(".xml") }.count
        let footers = names.filter { $0.hasPrefix("word/footer") && $0.hasSuffix(".xml") }.count
        if counts.insertions > 0 { document.notes.append("\(counts.insertions) tracked insertion\(counts.insertions == 1 ? "" : "s") taken as text") }
        if counts.deletions > 0 { document.notes.append("\(counts.deletions) tracked deletion\(counts.deletions == 1 ? "" : "s") left out") }
        if counts.comments > 0 { document.notes.append("\(counts.comments) comment\(counts.comments == 1 ? "" : "s") left out") }
        if counts.footnotes > 0 { document.notes.append("\(counts.footnotes) footnote or endnote reference\(counts.footnotes == 1 ? "" : "s") left out") }
        if counts.hidden > 0 { document.notes.append("\(counts.hidden) hidden run\(counts.hidden == 1 ? "" : "s") left out") }
        if counts.textBoxes > 0 { document.notes.append("\(counts.textBoxes) text box\(counts.textBoxes == 1 ? "" : "es") or drawing\(counts.textBoxes == 1 ? "" : "s") left out") }
        if headers + footers > 0 { document.notes.append("\(headers) header\(headers == 1 ? "" : "s") and \(footers) footer\(footers == 1 ? "" : "s") left out (page furniture, not intake text)") }
        return document
    }

    /// Style id → heading level, from styles.xml: "heading N", "Title", or an outline level.
    private func headingStyles() throws(ImportError) -> [String: Int] {
        var levels: [String: Int] = [:]
        guard let tree = try unpacker.tree("word/styles.xml") else { return levels }
        for style in tree.root.elements(named: "style") where style.attribute("type", namespace: w) == "paragraph" {
            guard let id = style.attribute("styleId", namespace: w) else { continue }
            let name = style.element(named: "name")?.attribute("val", namespace: w) ?? ""
            if let level = Self.level(ofStyleName: name) ?? Self.level(ofStyleName: id) {
                levels[id] = level
            } else if let outline = style.element(named: "pPr")?.element(named: "outlineLvl")?.attribute("val", namespace: w), let value = Int(outline), value < 9 {
                levels[id] = value + 1
            }
        }
        return levels
    }

    /// "heading 2", "Heading2", "Kop 2", "Kop2" → 2; "Title", "Titel" → 1.
    static func level(ofStyleName name: String) -> Int? {
        let lower = name.lowercased().replacingOccurrences(of: " ", with: "")
        if lower == "title" || lower == "titel" { return 1 }
        for prefix in ["heading", "kop"] where lower.hasPrefix(prefix) {
            if let n = Int(lower.dropFirst(prefix.count)), (1...9).contains(n) { return n }
        }
        return nil
    }

    private func walk(_ nodes: [XMLNode], styles: [String: Int], into document: inout IntakeDocument, counts: inout Counts) {
        for node in nodes {
            guard case .element(let element) = node, element.namespaceURI == w else { continue }
            switch element.localName {
            case "p":
                counts.paragraph += 1
                let position = IntakeDocument.Position(.paragraph, counts.paragraph)
                let text = paragraphText(element, counts: &counts).collapsedSpaces
                let properties = element.element(named: "pPr")
                // A paragraph whose mark was deleted and that has no text left was removed by the reviser.
                guard !text.isEmpty else { continue }
                let styleID = properties?.element(named: "pStyle")?.attribute("val", namespace: w)
                let outline = properties?.element(named: "outlineLvl")?.attribute("val", namespace: w).flatMap(Int.init)
                if let level = styleID.flatMap({ styles[$0] ?? Self.level(ofStyleName: $0) }) ?? outline.map({ $0 + 1 }) {
                    document.blocks.append(.init(kind: .heading(level: level), text: text, position: position))
                } else if properties?.element(named: "numPr") == nil, Self.readsAsHeading(text), Self.isBold(element) {
                    // Many intakes mark their headings by bold type only, with the paragraph in the normal style.
                    document.blocks.append(.init(kind: .heading(level: 2), text: text, position: position))
                } else if properties?.element(named: "numPr") != nil || styleID.map({ $0.lowercased().contains("list") || $0.lowercased().contains("lijst") }) == true {
                    document.blocks.append(.init(kind: .listItem, text: text, position: position))
                } else {
                    document.blocks.append(.init(kind: .paragraph, text: text, position: position))
                }
            case "tbl":
                let position = IntakeDocument.Position(.paragraph, counts.paragraph + 1)
                var rows: [[String]] = []
                for row in element.elements(named: "tr") {
                    if row.element(named: "trPr")?.element(named: "del") != nil { counts.deletions += 1; continue }
                    var cells: [String] = []
                    for cell in row.elements where cell.localName == "tc" || cell.localName == "sdt" {
                        let paragraphs = cellParagraphs(cell, counts: &counts)
                        cells.append(paragraphs.joined(separator: " ").collapsedSpaces)
                    }
                    if cells.contains(where: { !$0.isEmpty }) { rows.append(cells) }
                }
                if !rows.isEmpty {
                    document.blocks.append(.init(kind: .table(rows: rows), text: rows.map { $0.joined(separator: " | ") }.joined(separator: "\n"), position: position))
                }
            case "sdt":
                if let content = element.element(named: "sdtContent") { walk(content.content, styles: styles, into: &document, counts: &counts) }
            case "customXml", "ins", "moveTo":
                walk(element.content, styles: styles, into: &document, counts: &counts)
            case "del", "moveFrom":
                counts.deletions += 1
            default:
                break
            }
        }
    }

    private func cellParagraphs(_ cell: XMLNodeElement, counts: inout Counts) -> [String] {
        var result: [String] = []
        for child in cell.elements where child.namespaceURI == w {
            switch child.localName {
            case "p":
                counts.paragraph += 1
                result.append(paragraphText(child, counts: &counts))
            case "tbl":
                for row in child.elements(named: "tr") {
                    for inner in row.elements(named: "tc") { result += cellParagraphs(inner, counts: &counts) }
                }
            case "sdt":
                if let content = child.element(named: "sdtContent") { result += cellParagraphs(content, counts: &counts) }
            default:
                break
            }
        }
        return result
    }

    /// A short line without closing punctuation that opens with a capital or a number: what a heading looks like.
    static func readsAsHeading(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase || first.isNumber, let last = text.last, !".,;?!".contains(last) else { return false }
        return text.count <= 70 && text.split(separator: " ").count <= 8
    }

    /// Whether every run of a paragraph that holds text is bold (`w:b`, or a character style named strong or zwaar).
    static func isBold(_ paragraph: XMLNodeElement) -> Bool {
        var runs = 0
        func bold(_ nodes: [XMLNode]) -> Bool {
            for node in nodes {
                guard case .element(let element) = node, element.namespaceURI == w else { continue }
                switch element.localName {
                case "r":
                    let text = element.elements(named: "t").map(\.text).joined()
                    guard !text.allSatisfy(\.isWhitespace) else { continue }
                    runs += 1
                    let properties = element.element(named: "rPr")
                    let weight = properties?.element(named: "b").map { !["0", "false", "off"].contains($0.attribute("val", namespace: w) ?? "1") } ?? false
                    let style = properties?.element(named: "rStyle")?.attribute("val", namespace: w)?.lowercased() ?? ""
                    if !weight && !style.contains("strong") && !style.contains("zwaar") { return false }
                case "ins", "moveTo", "hyperlink", "smartTag", "fldSimple", "customXml", "dir", "bdo":
                    if !bold(element.content) { return false }
                case "sdt":
                    if let content = element.element(named: "sdtContent"), !bold(content.content) { return false }
                default:
                    break
                }
            }
            return true
        }
        return bold(paragraph.content) && runs > 0
    }

    /// The visible text of a paragraph after its tracked changes are accepted.
    private func paragraphText(_ paragraph: XMLNodeElement, counts: inout Counts) -> String {
        var text = ""
        inline(paragraph.content, into: &text, counts: &counts)
        return text
    }

    private func inline(_ nodes: [XMLNode], into text: inout String, counts: inout Counts) {
        for node in nodes {
            guard case .element(let element) = node, element.namespaceURI == w else { continue }
            switch element.localName {
            case "r":
                if element.element(named: "rPr")?.element(named: "vanish") != nil, element.element(named: "rPr")?.element(named: "vanish")?.attribute("val", namespace: w) != "0" {
                    counts.hidden += 1
                    continue
                }
                for part in element.elements where part.namespaceURI == w {
                    switch part.localName {
                    case "t": text += part.text
                    case "tab", "ptab": text += " "
                    case "br", "cr": text += " "
                    case "noBreakHyphen": text += "-"
                    case "footnoteReference", "endnoteReference": counts.footnotes += 1
                    case "drawing", "pict", "object": counts.textBoxes += 1
                    default: break  // delText, instrText (field codes), commentReference, rPr, …
                    }
                }
            case "ins", "moveTo":
                counts.insertions += 1
                inline(element.content, into: &text, counts: &counts)
            case "del", "moveFrom":
                counts.deletions += 1
            case "hyperlink", "smartTag", "fldSimple", "customXml", "dir", "bdo":
                inline(element.content, into: &text, counts: &counts)
            case "sdt":
                if let content = element.element(named: "sdtContent") { inline(content.content, into: &text, counts: &counts) }
            default:
                break  // pPr, bookmarks, comment ranges, proofErr, permStart …
            }
        }
    }
}

// MARK: - ODT

private let textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
private let officeNS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
private let tableNS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
private let styleNS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"

private struct OdtReader {
    let unpacker: Unpacker
    let names: [String]

    struct Counts {
        var paragraph = 0
        var deletions = 0
        var insertions = 0
        var comments = 0
        var notes = 0
        var frames = 0
    }

    func read() throws(ImportError) -> IntakeDocument {
        if let mimetype = try unpacker.part("mimetype"), let type = String(bytes: mimetype, encoding: .utf8),
           !type.hasPrefix("application/vnd.oasis.opendocument.text") {
            throw .invalid(path: unpacker.fileName, reason: "not an OpenDocument text (.odt): its type is \(type.prefix(80))")
        }
        guard let tree = try unpacker.tree("content.xml") else {
            throw .invalid(path: unpacker.fileName, reason: "not an OpenDocument (.odt) file: it has no content.xml")
        }
        guard tree.root.namespaceURI == officeNS, let body = tree.root.element(named: "body"), let text = body.element(named: "text") else {
            throw .invalid(path: unpacker.fileName, reason: "content.xml holds no OpenDocument text body")
        }
        let headingStyles = Self.headingStyles(tree.root)
        var document = IntakeDocument(fileName: unpacker.fileName)
        var counts = Counts()
        walk(text.content, headingStyles: headingStyles, listDepth: 0, into: &document, counts: &counts)
        if counts.insertions > 0 { document.notes.append("\(counts.insertions) tracked insertion\(counts.insertions == 1 ? "" : "s") taken as text") }
        if counts.deletions > 0 { document.notes.append("\(counts.deletions) tracked deletion\(counts.deletions == 1 ? "" : "s") left out") }
        if counts.comments > 0 { document.notes.append("\(counts.comments) comment\(counts.comments == 1 ? "" : "s") left out") }
        if counts.notes > 0 { document.notes.append("\(counts.notes) footnote\(counts.notes == 1 ? "" : "s") or endnote\(counts.notes == 1 ? "" : "s") left out") }
        if counts.frames > 0 { document.notes.append("\(counts.frames) frame\(counts.frames == 1 ? "" : "s") (text boxes, images) left out") }
        if let styles = try unpacker.part("styles.xml") {
            let hasHeader = styles.firstRange(of: Array("<style:header".utf8)) != nil
            let hasFooter = styles.firstRange(of: Array("<style:footer".utf8)) != nil
            if hasHeader || hasFooter { document.notes.append("headers and footers left out (page furniture, not intake text)") }
        }
        return document
    }

    /// Automatic paragraph styles whose parent is a heading style ("Heading_20_1", "Title").
    static func headingStyles(_ root: XMLNodeElement) -> [String: Int] {
        var levels: [String: Int] = [:]
        for style in root.element(named: "automatic-styles")?.elements(named: "style") ?? [] {
            guard let name = style.attribute("name", namespace: styleNS), let parent = style.attribute("parent-style-name", namespace: styleNS) else { continue }
            if let level = level(ofStyleName: parent) { levels[name] = level }
        }
        return levels
    }

    static func level(ofStyleName name: String) -> Int? {
        let lower = name.lowercased()
        if lower == "title" || lower == "titel" { return 1 }
        for prefix in ["heading_20_", "heading ", "heading", "kop_20_", "kop "] where lower.hasPrefix(prefix) {
            if let n = Int(lower.dropFirst(prefix.count)), (1...9).contains(n) { return n }
        }
        return nil
    }

    private func walk(_ nodes: [XMLNode], headingStyles: [String: Int], listDepth: Int, into document: inout IntakeDocument, counts: inout Counts) {
        for node in nodes {
            guard case .element(let element) = node else { continue }
            switch (element.namespaceURI, element.localName) {
            case (textNS, "h"):
                counts.paragraph += 1
                let text = paragraphText(element, counts: &counts).collapsedSpaces
                guard !text.isEmpty else { continue }
                let level = element.attribute("outline-level", namespace: textNS).flatMap(Int.init) ?? 1
                document.blocks.append(.init(kind: .heading(level: level), text: text, position: .init(.paragraph, counts.paragraph)))
            case (textNS, "p"):
                counts.paragraph += 1
                let text = paragraphText(element, counts: &counts).collapsedSpaces
                guard !text.isEmpty else { continue }
                let style = element.attribute("style-name", namespace: textNS) ?? ""
                let position = IntakeDocument.Position(.paragraph, counts.paragraph)
                if listDepth > 0 {
                    document.blocks.append(.init(kind: .listItem, text: text, position: position))
                } else if let level = headingStyles[style] ?? Self.level(ofStyleName: style) {
                    document.blocks.append(.init(kind: .heading(level: level), text: text, position: position))
                } else {
                    document.blocks.append(.init(kind: .paragraph, text: text, position: position))
                }
            case (textNS, "list"):
                for item in element.elements where item.localName == "list-item" || item.localName == "list-header" {
                    walk(item.content, headingStyles: headingStyles, listDepth: listDepth + 1, into: &document, counts: &counts)
                }
            case (textNS, "section"), (textNS, "soft-page-break"):
                walk(element.content, headingStyles: headingStyles, listDepth: listDepth, into: &document, counts: &counts)
            case (textNS, "tracked-changes"):
                // Deleted text lives only here; inserted text stands in the body between change marks.
                for region in element.elements(named: "changed-region") {
                    if region.element(named: "deletion") != nil { counts.deletions += 1 }
                    if region.element(named: "insertion") != nil { counts.insertions += 1 }
                }
            case (tableNS, "table"):
                counts.paragraph += 1
                let position = IntakeDocument.Position(.paragraph, counts.paragraph)
                var rows: [[String]] = []
                func collectRows(_ container: XMLNodeElement) {
                    for child in container.elements {
                        switch child.localName {
                        case "table-row":
                            var cells: [String] = []
                            for cell in child.elements where cell.localName == "table-cell" {
                                var parts: [String] = []
                                for paragraph in cell.elements where paragraph.localName == "p" || paragraph.localName == "h" {
                                    parts.append(paragraphText(paragraph, counts: &counts))
                                }
                                cells.append(parts.joined(separator: " ").collapsedSpaces)
                            }
                            if cells.contains(where: { !$0.isEmpty }) { rows.append(cells) }
                        case "table-header-rows", "table-rows", "table-row-group":
                            collectRows(child)
                        default:
                            break
                        }
                    }
                }
                collectRows(element)
                if !rows.isEmpty {
                    document.blocks.append(.init(kind: .table(rows: rows), text: rows.map { $0.joined(separator: " | ") }.joined(separator: "\n"), position: position))
                }
            default:
                break  // sequence declarations, forms, tables of contents, …
            }
        }
    }

    private func paragraphText(_ paragraph: XMLNodeElement, counts: inout Counts) -> String {
        var text = ""
        inline(paragraph.content, into: &text, counts: &counts)
        return text
    }

    private func inline(_ nodes: [XMLNode], into text: inout String, counts: inout Counts) {
        for node in nodes {
            switch node {
            case .text(let t):
                text += t
            case .comment:
                break
            case .element(let element):
                switch (element.namespaceURI, element.localName) {
                case (textNS, "span"), (textNS, "a"), (textNS, "meta"), (textNS, "ruby-base"):
                    inline(element.content, into: &text, counts: &counts)
                case (textNS, "s"):
                    text += String(repeating: " ", count: max(1, min(64, element.attribute("c", namespace: textNS).flatMap(Int.init) ?? 1)))
                case (textNS, "tab"), (textNS, "line-break"):
                    text += " "
                case (officeNS, "annotation"):
                    counts.comments += 1
                case (textNS, "note"):
                    counts.notes += 1
                case (_, "frame"):
                    counts.frames += 1
                default:
                    break  // annotation-end, change marks, bookmarks, reference marks …
                }
            }
        }
    }
}
