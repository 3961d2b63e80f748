/// An element or attribute name: namespace URI (nil when in no namespace) plus local name.
public struct XMLQualifiedName: Sendable, Hashable, CustomStringConvertible {
    public var namespaceURI: String?
    public var localName: String

    public init(namespaceURI: String?, localName: String) {
        self.namespaceURI = namespaceURI
        self.localName = localName
    }

    /// Clark notation, `{namespace}local`, or just `local` when in no namespace.
    public var description: String {
        namespaceURI.map { "{\($0)}\(localName)" } ?? localName
    }
}

public struct XMLAttribute: Sendable, Hashable {
    public let name: XMLQualifiedName
    public let value: String

    public init(name: XMLQualifiedName, value: String) {
        self.name = name
        self.value = value
    }
}

/// An immutable element, copied out of libxml2's DOM (which is freed afterwards).
public final class XMLElement: Sendable {
    public let name: XMLQualifiedName
    /// In document order, without namespace declarations. Namespaced attributes keep their
    /// namespace, e.g. `xml:lang` is in "http://www.w3.org/XML/1998/namespace".
    public let attributes: [XMLAttribute]
    /// Element children only, in document order.
    public let children: [XMLElement]
    /// This element's own text and CDATA children concatenated (not descendants'), untrimmed.
    public let text: String
    /// Line of the start tag and column of its `<`.
    public let location: SourceLocation
    /// Parallel to `attributes`.
    private let attributeLocations: [SourceLocation]

    init(
        name: XMLQualifiedName, attributes: [XMLAttribute], attributeLocations: [SourceLocation],
        children: [XMLElement], text: String, location: SourceLocation
    ) {
        precondition(attributes.count == attributeLocations.count)
        self.name = name
        self.attributes = attributes
        self.attributeLocations = attributeLocations
        self.children = children
        self.text = text
        self.location = location
    }

    /// The value of the attribute with this local name and namespace (nil = no namespace).
    public func attribute(_ localName: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name.localName == localName && $0.name.namespaceURI == namespace }?.value
    }

    /// Where the first attribute with this local name (any namespace) is written; best effort,
    /// falls back to the element's location.
    public func attributeLocation(_ localName: String) -> SourceLocation {
        attributes.firstIndex { $0.name.localName == localName }.map { attributeLocations[$0] } ?? location
    }

    /// Element children with this local name, in any namespace.
    public func children(named localName: String) -> [XMLElement] {
        children.filter { $0.name.localName == localName }
    }

    /// The first element child with this local name, in any namespace.
    public func child(named localName: String) -> XMLElement? {
        children.first { $0.name.localName == localName }
    }
}

/// A parsed, schema-valid document.
public final class XMLDocument: Sendable {
    /// The path or name as the caller gave it; used in all locations.
    public let fileName: String
    public let root: XMLElement
    /// Non-fatal libxml2 warnings (e.g. a relative namespace URI), in document order.
    public let warnings: [XMLDiagnostic]

    init(fileName: String, root: XMLElement, warnings: [XMLDiagnostic]) {
        self.fileName = fileName
        self.root = root
        self.warnings = warnings
    }
}
