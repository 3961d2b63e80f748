import CLibXML2

/// A mutable XML tree that keeps everything a document says in order — text between elements, comments,
/// namespace prefixes — for documents whose mixed content matters (an ODT paragraph with spans, a DOCX run) and
/// for editing a dossier without losing what the editor does not know about (its comments, elements a later
/// format version adds).
///
/// Parsed by the same hardened parser as every Totaalbeeld document (no network, no DTD, no entities, a size
/// limit) and checked only for well-formedness; validate the serialized result where a schema applies.
/// ```swift
/// var tree = try XMLTree.parse(bytes: Array(xml.utf8), fileName: "content.xml")
/// tree.root.allText                         // every text node, in document order
/// tree.root.appendElement("note", text: "…") // then tree.serialized()
/// ```
public struct XMLTree: Sendable {
    /// Comments (and only comments) before the root element, kept so a rewrite keeps a file's opening note.
    public var prologue: [String]
    public var root: XMLNodeElement

    public init(prologue: [String] = [], root: XMLNodeElement) {
        self.prologue = prologue
        self.root = root
    }

    /// Parses hardened, without a schema. Processing instructions are dropped; entity references are refused.
    public static func parse(bytes: [UInt8], fileName: String, options: XMLParseOptions = .init()) throws(XMLLoadError) -> XMLTree {
        guard bytes.count <= min(options.maxBytes, Int(Int32.max)) else {
            throw .tooLarge(path: fileName, bytes: bytes.count, limit: options.maxBytes)
        }
        let source = SourceText(fileName: fileName, bytes: bytes)
        let collector = DiagnosticCollector(source: source)
        let tree = LibXML.collectingErrors(into: collector) { () -> XMLTree? in
            guard let doc = HardenedParser.parse(source, collector: collector) else { return nil }
            defer { xmlFreeDoc(doc) }
            guard let rootNode = xmlDocGetRootElement(doc) else {
                collector.add("Document has no root element", at: SourceLocation(file: fileName, line: 1, column: 1))
                return nil
            }
            var prologue: [String] = []
            var node = doc.pointee.children
            while let n = node, n != rootNode {
                if n.pointee.type == XML_COMMENT_NODE, let content = n.pointee.content { prologue.append(String(cString: content)) }
                node = n.pointee.next
            }
            var entityFound = false
            let root = MixedDOM.element(rootNode, fileName: fileName, depth: 0, problem: &entityFound)
            if entityFound {
                collector.add("entity references are not allowed in Totaalbeeld documents", at: SourceLocation(file: fileName, line: Int(xmlGetLineNo(rootNode)), column: 1))
                return nil
            }
            return XMLTree(prologue: prologue, root: root)
        }
        guard let tree else { throw .invalid(collector.sorted()) }
        return tree
    }

    /// The document as UTF-8 XML with a declaration, prologue comments on their own lines, and a final newline.
    public func serialized() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        for comment in prologue { out += "<!--" + XMLTree.commentSafe(comment) + "-->\n" }
        root.write(to: &out)
        out += "\n"
        return out
    }

    /// Text escaped for element content.
    public static func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            default: if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Text escaped for a double-quoted attribute value (newlines and tabs kept as character references).
    public static func escapeAttribute(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            case "\r": out += "&#13;"
            default: if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// XML 1.0 forbids most control characters even as references; they are dropped rather than written.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x9 || v == 0xA || v == 0xD { return true }
        if v < 0x20 { return false }
        if v == 0xFFFE || v == 0xFFFF { return false }
        return true
    }

    static func commentSafe(_ text: String) -> String {
        var result = text
        while result.contains("--") { result = result.replacingOccurrences(of: "--", with: "- -") }
        if result.hasSuffix("-") { result += " " }
        return result
    }
}

/// A node of an ``XMLTree``.
public enum XMLNode: Sendable {
    case element(XMLNodeElement)
    case text(String)
    case comment(String)
}

/// An element of an ``XMLTree``: its qualified name as written, its attributes and namespace declarations in
/// document order, and its content.
public struct XMLNodeElement: Sendable {
    /// The namespace URI of the element (nil when in no namespace).
    public var namespaceURI: String?
    /// The prefix as written (nil for the default namespace or none).
    public var prefix: String?
    public var localName: String
    /// Namespace declarations on this element: prefix (nil = default namespace) and URI.
    public var namespaceDeclarations: [(prefix: String?, uri: String)]
    public var attributes: [Attribute]
    public var content: [XMLNode]
    /// The line libxml2 recorded for the element (0 for elements made in code).
    public var line: Int

    public struct Attribute: Sendable, Hashable {
        public var namespaceURI: String?
        public var prefix: String?
        public var localName: String
        public var value: String
        public init(namespaceURI: String? = nil, prefix: String? = nil, localName: String, value: String) {
            self.namespaceURI = namespaceURI
            self.prefix = prefix
            self.localName = localName
            self.value = value
        }
    }

    public init(
        localName: String, namespaceURI: String? = nil, prefix: String? = nil,
        namespaceDeclarations: [(prefix: String?, uri: String)] = [], attributes: [Attribute] = [], content: [XMLNode] = [], line: Int = 0
    ) {
        self.localName = localName
        self.namespaceURI = namespaceURI
        self.prefix = prefix
        self.namespaceDeclarations = namespaceDeclarations
        self.attributes = attributes
        self.content = content
        self.line = line
    }

    /// The value of the attribute with this local name and namespace (nil = no namespace).
    public func attribute(_ localName: String, namespace: String? = nil) -> String? {
        attributes.first { $0.localName == localName && $0.namespaceURI == namespace }?.value
    }

    /// Sets (or, with nil, removes) an attribute in no namespace, keeping the order of the others.
    public mutating func setAttribute(_ localName: String, _ value: String?) {
        if let index = attributes.firstIndex(where: { $0.localName == localName && $0.namespaceURI == nil }) {
            if let value { attributes[index].value = value } else { attributes.remove(at: index) }
        } else if let value {
            attributes.append(Attribute(localName: localName, value: value))
        }
    }

    /// Element children, in document order.
    public var elements: [XMLNodeElement] {
        content.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// Element children with this local name (any namespace).
    public func elements(named localName: String) -> [XMLNodeElement] {
        elements.filter { $0.localName == localName }
    }

    public func element(named localName: String) -> XMLNodeElement? {
        elements.first { $0.localName == localName }
    }

    /// This element's own text children, concatenated (not its descendants').
    public var text: String {
        content.reduce(into: "") { if case .text(let t) = $1 { $0 += t } }
    }

    /// Every text node below this element, in document order.
    public var allText: String {
        content.reduce(into: "") { result, node in
            switch node {
            case .text(let t): result += t
            case .element(let e): result += e.allText
            case .comment: break
            }
        }
    }

    /// Replaces the content with one text node.
    public mutating func setText(_ text: String) {
        content = text.isEmpty ? [] : [.text(text)]
    }

    /// Makes a child in this element's namespace (and with its prefix).
    public func makeChild(_ localName: String, attributes: [(String, String?)] = [], text: String? = nil) -> XMLNodeElement {
        XMLNodeElement(
            localName: localName, namespaceURI: namespaceURI, prefix: prefix,
            attributes: attributes.compactMap { name, value in value.map { Attribute(localName: name, value: $0) } },
            content: text.map { [.text($0)] } ?? [])
    }

    /// Writes the element; content is written exactly as held (no indentation is added).
    func write(to out: inout String) {
        let name = prefix.map { $0 + ":" + localName } ?? localName
        out += "<" + name
        for declaration in namespaceDeclarations {
            out += declaration.prefix.map { " xmlns:" + $0 } ?? " xmlns"
            out += "=\"" + XMLTree.escapeAttribute(declaration.uri) + "\""
        }
        for attribute in attributes {
            out += " " + (attribute.prefix.map { $0 + ":" + attribute.localName } ?? attribute.localName)
            out += "=\"" + XMLTree.escapeAttribute(attribute.value) + "\""
        }
        if content.isEmpty {
            out += "/>"
            return
        }
        out += ">"
        for node in content {
            switch node {
            case .text(let t): out += XMLTree.escapeText(t)
            case .comment(let c): out += "<!--" + XMLTree.commentSafe(c) + "-->"
            case .element(let e): e.write(to: &out)
            }
        }
        out += "</" + name + ">"
    }
}

/// Copies libxml2's DOM into ``XMLNodeElement``s.
private enum MixedDOM {
    static func element(_ node: xmlNodePtr, fileName: String, depth: Int, problem: inout Bool) -> XMLNodeElement {
        let ns = node.pointee.ns
        var declarations: [(prefix: String?, uri: String)] = []
        var def = node.pointee.nsDef
        while let d = def {
            declarations.append((d.pointee.prefix.map { String(cString: $0) }, d.pointee.href.map { String(cString: $0) } ?? ""))
            def = d.pointee.next
        }
        var attributes: [XMLNodeElement.Attribute] = []
        var attr = node.pointee.properties
        while let a = attr {
            var value = ""
            var valueNode = a.pointee.children
            while let v = valueNode {
                if let content = v.pointee.content { value += String(cString: content) }
                valueNode = v.pointee.next
            }
            attributes.append(XMLNodeElement.Attribute(
                namespaceURI: a.pointee.ns?.pointee.href.map { String(cString: $0) },
                prefix: a.pointee.ns?.pointee.prefix.map { String(cString: $0) },
                localName: a.pointee.name.map { String(cString: $0) } ?? "", value: value))
            attr = a.pointee.next
        }
        var content: [XMLNode] = []
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                content.append(.element(element(c, fileName: fileName, depth: depth + 1, problem: &problem)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = c.pointee.content.map { String(cString: $0) } ?? ""
                if case .text(let previous)? = content.last {
                    content[content.count - 1] = .text(previous + text)
                } else {
                    content.append(.text(text))
                }
            case XML_COMMENT_NODE:
                content.append(.comment(c.pointee.content.map { String(cString: $0) } ?? ""))
            case XML_ENTITY_REF_NODE, XML_ENTITY_NODE, XML_ENTITY_DECL, XML_DTD_NODE:
                problem = true
            default:
                break
            }
            child = c.pointee.next
        }
        return XMLNodeElement(
            localName: node.pointee.name.map { String(cString: $0) } ?? "",
            namespaceURI: ns?.pointee.href.map { String(cString: $0) },
            prefix: ns?.pointee.prefix.map { String(cString: $0) },
            namespaceDeclarations: declarations, attributes: attributes, content: content,
            line: Int(xmlGetLineNo(node)))
    }
}
