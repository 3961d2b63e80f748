import CLibXML2

/// Walks libxml2's DOM: records node locations, then copies it into `XMLElement`s.
enum DOM {
    /// Numbers every element and attribute through `_private` and records its location in
    /// `collector.nodeLocations`, so validation errors naming a node get its line and column.
    /// Reports entity reference nodes, which Totaalbeeld documents must not contain.
    static func locate(_ root: xmlNodePtr, source: SourceText, collector: DiagnosticCollector) {
        collector.numberedDocument = root.pointee.doc
        var locator = Locator(source: source, collector: collector, startTags: source.scanMarkup().startTags)
        locator.visit(root)
    }

    /// Copies the element tree. Requires `locate` to have numbered the nodes.
    static func element(_ node: xmlNodePtr, locations: [SourceLocation]) -> XMLElement {
        let location = nodeIndex(node).map { locations[$0] } ?? locations[0]
        var attributes: [XMLAttribute] = []
        var attributeLocations: [SourceLocation] = []
        var attr = node.pointee.properties
        while let a = attr {
            attributes.append(XMLAttribute(name: name(a.pointee.ns, a.pointee.name), value: text(of: a.pointee.children)))
            attributeLocations.append(nodeIndex(a).map { locations[$0] } ?? location)
            attr = a.pointee.next
        }
        var children: [XMLElement] = []
        var text = ""
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE: children.append(element(c, locations: locations))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: text += c.pointee.content.map { String(cString: $0) } ?? ""
            default: break
            }
            child = c.pointee.next
        }
        return XMLElement(
            name: name(node.pointee.ns, node.pointee.name), attributes: attributes,
            attributeLocations: attributeLocations, children: children, text: text, location: location)
    }

    static func name(_ ns: xmlNsPtr?, _ localName: UnsafePointer<xmlChar>?) -> XMLQualifiedName {
        XMLQualifiedName(
            namespaceURI: ns?.pointee.href.map { String(cString: $0) },
            localName: localName.map { String(cString: $0) } ?? "")
    }

    /// The name as written in the document: `prefix:local` or `local`.
    static func rawName(_ ns: xmlNsPtr?, _ localName: UnsafePointer<xmlChar>?) -> [UInt8] {
        var bytes: [UInt8] = []
        if let prefix = ns?.pointee.prefix {
            bytes += UnsafeBufferPointer(start: prefix, count: byteCount(prefix))
            bytes.append(UInt8(ascii: ":"))
        }
        if let localName { bytes += UnsafeBufferPointer(start: localName, count: byteCount(localName)) }
        return bytes
    }

    private static func text(of list: xmlNodePtr?) -> String {
        var result = ""
        var node = list
        while let n = node {
            if let content = n.pointee.content { result += String(cString: content) }
            node = n.pointee.next
        }
        return result
    }
}

private func byteCount(_ string: UnsafePointer<xmlChar>) -> Int {
    Int(xmlStrlen(string))
}

/// Pairs elements, in document order, with the start tags found in the raw bytes.
private struct Locator {
    let source: SourceText
    let collector: DiagnosticCollector
    let startTags: [Int]
    var nextTag = 0
    /// Cleared at the first mismatch (e.g. UTF-16 input); then libxml2's line and column 1.
    var tagsMatch = true

    init(source: SourceText, collector: DiagnosticCollector, startTags: [Int]) {
        self.source = source
        self.collector = collector
        self.startTags = startTags
    }

    mutating func visit(_ node: xmlNodePtr) {
        let rawName = DOM.rawName(node.pointee.ns, node.pointee.name)
        let line = xmlGetLineNo(node)
        var tagOffset: Int?
        if tagsMatch, nextTag < startTags.count, source.startTag(at: startTags[nextTag], isNamed: rawName) {
            tagOffset = startTags[nextTag]
        }
        nextTag += 1
        var location = SourceLocation(file: source.fileName, line: max(1, line), column: 1)
        if let offset = tagOffset {
            let found = source.location(ofOffset: offset)
            // libxml2 records the line where the start tag ends, so ours can only be earlier.
            if line <= 0 || found.line <= line { location = found } else { tagOffset = nil }
        }
        if tagOffset == nil { tagsMatch = false }
        record(node, location)

        let writtenAttributes = tagOffset.map { source.attributeNames(inStartTagAt: $0, qualifiedName: rawName) } ?? []
        var attr = node.pointee.properties
        while let a = attr {
            let raw = DOM.rawName(a.pointee.ns, a.pointee.name)
            let attrLocation = writtenAttributes.first { source.bytes(in: $0, equal: raw) }
                .map { source.location(ofOffset: $0.lowerBound) } ?? location
            record(a, attrLocation)
            attr = a.pointee.next
        }

        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                visit(c)
            case XML_ENTITY_REF_NODE, XML_ENTITY_NODE, XML_ENTITY_DECL, XML_DTD_NODE:
                collector.add("entity references are not allowed in Totaalbeeld documents", at: location)
            default:
                break
            }
            child = c.pointee.next
        }
    }

    private func record(_ node: UnsafeMutableRawPointer, _ location: SourceLocation) {
        setNodeIndex(node, collector.nodeLocations.count)
        collector.nodeLocations.append(location)
    }
}
