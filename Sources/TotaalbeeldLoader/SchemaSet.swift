import TotaalbeeldXML

/// The compiled XSDs of every Totaalbeeld document type, keyed by root element.
///
/// Compiled once and shared: libxml2 schemas are read-only after compilation.
/// ```swift
/// let schemas = try SchemaSet(directory: "Rulesets/schema")
/// ```
public struct SchemaSet: Sendable {
    public static let rulesetNamespace = "urn:totaalbeeld:ruleset:1"
    public static let dossierNamespace = "urn:totaalbeeld:dossier:1"
    public static let tracksNamespace = "urn:totaalbeeld:tracks:1"
    public static let evaluationNamespace = "urn:totaalbeeld:evaluation:1"
    public static let identifiersNamespace = "urn:totaalbeeld:identifiers:1"
    public static let plainNamespace = "urn:totaalbeeld:plain:1"

    /// Root element → schema file name in the schema directory.
    static let documentTypes: [(namespace: String, root: String, file: String)] = [
        (rulesetNamespace, "ruleset", "ruleset-1.xsd"),
        (dossierNamespace, "dossier", "dossier-1.xsd"),
        (tracksNamespace, "catalogue", "tracks-1.xsd"),
        (evaluationNamespace, "evaluation", "evaluation-1.xsd"),
        (identifiersNamespace, "identifiers", "identifiers-1.xsd"),
        (plainNamespace, "plainLanguage", "plain-1.xsd"),
    ]

    private let schemas: [XMLQualifiedName: XMLSchema]

    public init(directory: String) throws(LoadError) {
        var schemas: [XMLQualifiedName: XMLSchema] = [:]
        for type in Self.documentTypes {
            let path = directory.hasSuffix("/") ? directory + type.file : directory + "/" + type.file
            do {
                schemas[XMLQualifiedName(namespaceURI: type.namespace, localName: type.root)] = try XMLSchema(contentsOf: path)
            } catch {
                throw LoadError(error)
            }
        }
        self.schemas = schemas
    }

    func schema(for root: XMLQualifiedName) -> XMLSchema? { schemas[root] }

    /// Every name the schemas define or use, for messages that must not carry a document's values (``MessageRedactor``).
    public var vocabulary: Set<String> { schemas.values.reduce(into: Set<String>()) { $0.formUnion($1.vocabulary) } }

    /// Reads, parses hardened and validates one document against the schema of its root element.
    func load(_ path: String, maxBytes: Int) throws(LoadError) -> (XMLDocument, [UInt8]) {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.contents(of: path, limit: maxBytes)
        } catch {
            throw LoadError(error)
        }
        do {
            let document = try XMLDocumentLoader.parse(bytes: bytes, fileName: path, options: XMLParseOptions(maxBytes: maxBytes)) { schema(for: $0) }
            return (document, bytes)
        } catch {
            throw LoadError(error)
        }
    }

    /// A document file's bytes, refused unless it is a regular file within the limit.
    static func contents(of path: String, maxBytes: Int) throws(LoadError) -> [UInt8] {
        do {
            return try InputFile.contents(of: path, limit: maxBytes)
        } catch {
            throw LoadError(error)
        }
    }

    /// Parses hardened and validates bytes in memory, then reads them in place with `read` (see
    /// ``XMLDocumentLoader/read(bytes:fileName:options:schemaFor:_:)``).
    func read<T>(_ bytes: [UInt8], fileName: String, maxBytes: Int, _ read: (XMLCursor) -> T) throws(LoadError) -> T {
        do {
            return try XMLDocumentLoader.read(bytes: bytes, fileName: fileName, options: XMLParseOptions(maxBytes: maxBytes), schemaFor: { schema(for: $0) }, read)
        } catch {
            throw LoadError(error)
        }
    }

    /// Parses hardened and validates bytes already in memory; `fileName` is used in locations.
    func parse(_ bytes: [UInt8], fileName: String, maxBytes: Int) throws(LoadError) -> XMLDocument {
        do {
            return try XMLDocumentLoader.parse(bytes: bytes, fileName: fileName, options: XMLParseOptions(maxBytes: maxBytes)) { schema(for: $0) }
        } catch {
            throw LoadError(error)
        }
    }

    /// The kind of document at `path`, judged by its root element, without validating.
    public static func expectedRoots() -> String {
        documentTypes.map { "<\($0.root) xmlns=\"\($0.namespace)\">" }.joined(separator: " or ")
    }
}
