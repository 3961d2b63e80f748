import CLibXML2

/// One element of a parsed, validated document, read in place from libxml2's tree — the safe face of that tree
/// for readers that build their own values from a document in one pass (``XMLDocumentLoader/read(bytes:fileName:options:schemaFor:_:)``).
///
/// It answers what ``XMLElement`` answers — name, attributes, own text, element children, locations — with the
/// same values, without copying the document first. A cursor is valid only inside the `read` closure that
/// handed it out: keep the Strings it returns, never the cursor (it is not `Sendable` for that reason).
///
/// ```swift
/// try XMLDocumentLoader.read(bytes: bytes, fileName: path, schemaFor: resolver) { root in
///     root.children(named: "source").map { ($0.attribute("id") ?? "", $0.location.line) }
/// }
/// ```
public struct XMLCursor {
    let node: xmlNodePtr
    let locator: NodeLocator

    init(node: xmlNodePtr, locator: NodeLocator) {
        self.node = node
        self.locator = locator
    }

    /// The element's local name.
    public var localName: String { node.pointee.name.map { String(cString: $0) } ?? "" }

    /// The element's name with its namespace.
    public var name: XMLQualifiedName { DOM.name(node.pointee.ns, node.pointee.name) }

    /// Whether the element's local name is `localName` (any namespace), without building a String.
    public func isNamed(_ localName: String) -> Bool {
        guard let own = node.pointee.name else { return localName.isEmpty }
        var wanted = localName
        return wanted.withUTF8 { Self.equal(own, $0) }
    }

    /// The value of the attribute with this local name and namespace (nil = no namespace), as ``XMLElement/attribute(_:namespace:)``.
    public func attribute(_ localName: String, namespace: String? = nil) -> String? {
        var wanted = localName
        return wanted.withUTF8 { name -> String? in
            var attr = node.pointee.properties
            while let a = attr {
                if let own = a.pointee.name, Self.equal(own, name), Self.namespace(a.pointee.ns, is: namespace) {
                    return DOM.text(of: a.pointee.children)
                }
                attr = a.pointee.next
            }
            return nil
        }
    }

    /// Where the first attribute with this local name (any namespace) is written; the element's location when it
    /// has none, as ``XMLElement/attributeLocation(_:)``.
    public func attributeLocation(_ localName: String) -> SourceLocation {
        var wanted = localName
        let found = wanted.withUTF8 { name -> xmlAttrPtr? in
            var attr = node.pointee.properties
            while let a = attr {
                if let own = a.pointee.name, Self.equal(own, name) { return a }
                attr = a.pointee.next
            }
            return nil
        }
        guard let found else { return location }
        return locator.location(ofAttribute: found, owner: node)
    }

    /// This element's own text and CDATA children concatenated (not descendants'), untrimmed.
    public var text: String {
        var result = ""
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE, let content = c.pointee.content {
                result += String(cString: content)
            }
            child = c.pointee.next
        }
        return result
    }

    /// Line of the start tag and column of its `<`, computed when asked for.
    public var location: SourceLocation { locator.location(ofElement: node) }

    /// Element children, in document order.
    public var children: [XMLCursor] { collect { _ in true } }

    /// Element children with this local name, in any namespace.
    public func children(named localName: String) -> [XMLCursor] { collect { $0.isNamed(localName) } }

    /// The first element child with this local name, in any namespace.
    public func child(named localName: String) -> XMLCursor? {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                let cursor = XMLCursor(node: c, locator: locator)
                if cursor.isNamed(localName) { return cursor }
            }
            child = c.pointee.next
        }
        return nil
    }

    /// Whether two cursors stand on the same element.
    public func isSame(as other: XMLCursor) -> Bool { node == other.node }

    private func collect(_ include: (XMLCursor) -> Bool) -> [XMLCursor] {
        var result: [XMLCursor] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                let cursor = XMLCursor(node: c, locator: locator)
                if include(cursor) { result.append(cursor) }
            }
            child = c.pointee.next
        }
        return result
    }

    private static func equal(_ own: UnsafePointer<xmlChar>, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<wanted.count where own[index] != wanted[index] || own[index] == 0 { return false }
        return own[wanted.count] == 0
    }

    private static func namespace(_ ns: xmlNsPtr?, is wanted: String?) -> Bool {
        guard let wanted else { return ns?.pointee.href == nil }
        guard let href = ns?.pointee.href else { return false }
        return String(cString: href) == wanted
    }
}
