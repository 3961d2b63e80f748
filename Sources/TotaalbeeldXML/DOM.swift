import CLibXML2

/// Walks libxml2's DOM: numbers its elements for locating (``NodeLocator``), copies it into `XMLElement`s.
enum DOM {
    /// Numbers every element through `_private` and pairs it with its start tag in the source, so that a
    /// location — of a node a validation error names, or one a reader asks for — costs nothing until it is asked
    /// for. Reports entity reference nodes, which Totaalbeeld documents must not contain.
    @discardableResult
    static func locate(_ root: xmlNodePtr, source: SourceText, collector: DiagnosticCollector) -> NodeLocator {
        let locator = NodeLocator(root: root, source: source, collector: collector)
        collector.locator = locator
        return locator
    }

    /// Copies the element tree. Requires `locate` to have numbered the nodes.
    static func element(_ node: xmlNodePtr, locator: NodeLocator) -> XMLElement {
        let location = locator.location(ofElement: node)
        var attributes: [XMLAttribute] = []
        var attr = node.pointee.properties
        while let a = attr {
            attributes.append(XMLAttribute(name: name(a.pointee.ns, a.pointee.name), value: text(of: a.pointee.children)))
            attr = a.pointee.next
        }
        let attributeLocations = locator.attributeLocations(of: node, elementLocation: location)
        var children: [XMLElement] = []
        var text = ""
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE: children.append(element(c, locator: locator))
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

    static func text(of list: xmlNodePtr?) -> String {
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

/// Where each element and attribute of a parsed document is written, found when asked.
///
/// Built in one pass over the elements in document order (``DOM/locate(_:source:collector:)``): the n-th element
/// is paired with the n-th start tag of the source when that tag carries its name and does not lie after the line
/// libxml2 records for it (libxml2 records the line where the start tag ends); from the first mismatch on (e.g.
/// UTF-16 input) every element gets libxml2's line and column 1. Columns — counted in Unicode scalars — and
/// attribute positions are computed only for the nodes whose location is asked for.
final class NodeLocator {
    let source: SourceText
    let document: xmlDocPtr?
    /// Per numbered element: the offset of its verified start tag, or -1; and libxml2's line.
    private var tagOffsets: [Int] = []
    private var lines: [Int] = []

    init(root: xmlNodePtr, source: SourceText, collector: DiagnosticCollector) {
        self.source = source
        document = root.pointee.doc
        let startTags = source.scanMarkup().startTags
        tagOffsets.reserveCapacity(startTags.count)
        lines.reserveCapacity(startTags.count)
        var tagsMatch = true
        // Preorder, without recursion: a deeply nested document cannot exhaust the stack here.
        var node: xmlNodePtr? = root
        while let current = node {
            let index = tagOffsets.count
            let line = Int(xmlGetLineNo(current))
            var tagOffset = -1
            if tagsMatch, index < startTags.count, source.startTag(at: startTags[index], prefix: current.pointee.ns?.pointee.prefix, localName: current.pointee.name) {
                // libxml2 records the line where the start tag ends, so ours can only be earlier.
                if line <= 0 || source.line(ofOffset: startTags[index]) <= line { tagOffset = startTags[index] }
            }
            if tagOffset < 0 { tagsMatch = false }
            setNodeIndex(current, index)
            tagOffsets.append(tagOffset)
            lines.append(line)
            var child = current.pointee.children
            while let c = child {
                switch c.pointee.type {
                case XML_ENTITY_REF_NODE, XML_ENTITY_NODE, XML_ENTITY_DECL, XML_DTD_NODE:
                    collector.add("entity references are not allowed in Totaalbeeld documents", at: location(ofElement: current))
                default:
                    break
                }
                child = c.pointee.next
            }
            node = Self.nextElement(after: current, below: root)
        }
    }

    /// The next element in document order below `root`: the first child element, else the next sibling element
    /// of this node or of the nearest ancestor that has one.
    private static func nextElement(after node: xmlNodePtr, below root: xmlNodePtr) -> xmlNodePtr? {
        if let child = firstElement(from: node.pointee.children) { return child }
        var current = node
        while current != root {
            if let sibling = firstElement(from: current.pointee.next) { return sibling }
            guard let parent = current.pointee.parent else { return nil }
            current = parent
        }
        return nil
    }

    private static func firstElement(from start: xmlNodePtr?) -> xmlNodePtr? {
        var node = start
        while let n = node, n.pointee.type != XML_ELEMENT_NODE { node = n.pointee.next }
        return node
    }

    /// The root element's location: where document-level problems are reported.
    var rootLocation: SourceLocation? { tagOffsets.isEmpty ? nil : location(index: 0) }

    /// Line of the start tag and column of its `<`.
    func location(ofElement node: xmlNodePtr) -> SourceLocation {
        guard let index = nodeIndex(node), index < tagOffsets.count else {
            return SourceLocation(file: source.fileName, line: max(1, Int(xmlGetLineNo(node))), column: 1)
        }
        return location(index: index)
    }

    private func location(index: Int) -> SourceLocation {
        let offset = tagOffsets[index]
        if offset >= 0 { return source.location(ofOffset: offset) }
        return SourceLocation(file: source.fileName, line: max(1, lines[index]), column: 1)
    }

    /// Where the attribute's name is written in its element's start tag; the element's location when that cannot be told.
    func location(ofAttribute attribute: xmlAttrPtr, owner: xmlNodePtr) -> SourceLocation {
        let ownerLocation = location(ofElement: owner)
        guard let index = nodeIndex(owner), index < tagOffsets.count, tagOffsets[index] >= 0 else { return ownerLocation }
        let written = source.attributeNames(inStartTagAt: tagOffsets[index], qualifiedName: DOM.rawName(owner.pointee.ns, owner.pointee.name))
        let raw = DOM.rawName(attribute.pointee.ns, attribute.pointee.name)
        return written.first { source.bytes(in: $0, equal: raw) }.map { source.location(ofOffset: $0.lowerBound) } ?? ownerLocation
    }

    /// The locations of all the element's attributes, in order, from one scan of its start tag.
    func attributeLocations(of element: xmlNodePtr, elementLocation: SourceLocation) -> [SourceLocation] {
        var locations: [SourceLocation] = []
        guard element.pointee.properties != nil else { return locations }
        var written: [Range<Int>] = []
        if let index = nodeIndex(element), index < tagOffsets.count, tagOffsets[index] >= 0 {
            written = source.attributeNames(inStartTagAt: tagOffsets[index], qualifiedName: DOM.rawName(element.pointee.ns, element.pointee.name))
        }
        var attr = element.pointee.properties
        while let a = attr {
            let raw = DOM.rawName(a.pointee.ns, a.pointee.name)
            locations.append(written.first { source.bytes(in: $0, equal: raw) }.map { source.location(ofOffset: $0.lowerBound) } ?? elementLocation)
            attr = a.pointee.next
        }
        return locations
    }

    /// The location of a node libxml2 names in an error: a numbered element of this document or an attribute of
    /// one; nil for anything else.
    func location(of node: UnsafeMutableRawPointer) -> SourceLocation? {
        let type = node.load(fromByteOffset: MemoryLayout<xmlNode>.offset(of: \xmlNode.type)!, as: xmlElementType.self)
        switch type {
        case XML_ELEMENT_NODE:
            let element = node.assumingMemoryBound(to: xmlNode.self)
            guard element.pointee.doc == document, nodeIndex(node) != nil else { return nil }
            return location(ofElement: element)
        case XML_ATTRIBUTE_NODE:
            let attribute = node.assumingMemoryBound(to: xmlAttr.self)
            guard let owner = attribute.pointee.parent, owner.pointee.doc == document, nodeIndex(UnsafeMutableRawPointer(owner)) != nil else { return nil }
            return location(ofAttribute: attribute, owner: owner)
        default:
            return nil
        }
    }
}
