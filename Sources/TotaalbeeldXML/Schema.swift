import CLibXML2
import Foundation

/// A compiled XML Schema (XSD), shareable across threads.
///
/// libxml2 only reads a compiled schema during validation, and every validation gets its own
/// validation context, hence `@unchecked Sendable`.
///
/// The schema file itself is parsed like a document (no DOCTYPE, no network). Its
/// `xs:include`/`xs:import`/`xs:redefine` targets are read by libxml2 through the entity
/// loader, which during compilation, and only on the compiling thread, allows local files
/// inside the schema's directory (symlinks resolved) and nothing else.
public final class XMLSchema: @unchecked Sendable {
    /// The path or name the schema was loaded from, as given.
    public let fileName: String
    private let schema: xmlSchemaPtr
    /// The parsed main schema document; libxml2's compiled schema may point into it.
    private let document: xmlDocPtr
    /// Every name the schema defines or uses — element local names of the schema document, attribute values
    /// (element, attribute and type names, enumeration values, patterns, facet values, split at spaces too) and
    /// namespace URIs: what a validation message about a document may name without naming the document's values.
    /// Collected from the schema document when asked for (once per batch run), not at every compilation: a
    /// `screen` never needs it.
    public var vocabulary: Set<String> { Self.names(in: document) }

    public convenience init(contentsOf path: String) throws(XMLLoadError) {
        let bytes = try InputFile.contents(of: path, limit: XMLParseOptions().maxBytes)
        try self.init(data: bytes, fileName: path)
    }

    /// Compiles a schema from memory; relative includes resolve against `fileName`'s directory.
    public init(data: [UInt8], fileName: String) throws(XMLLoadError) {
        let source = SourceText(fileName: fileName, bytes: data)
        let collector = DiagnosticCollector(source: source, trustsErrorFile: true)
        let directory = realPath(URL(fileURLWithPath: fileName).deletingLastPathComponent().path)
        let compiled = LibXML.collectingErrors(into: collector) { () -> (xmlDocPtr, xmlSchemaPtr)? in
            guard let doc = HardenedParser.parse(source, collector: collector) else { return nil }
            // Gives errors in the main schema file columns, like document errors.
            if let root = xmlDocGetRootElement(doc) { DOM.locate(root, source: source, collector: collector) }
            let (schema, refused) = LibXML.allowingSchemaFiles(under: directory) { () -> xmlSchemaPtr? in
                guard let parser = xmlSchemaNewDocParserCtxt(doc) else { return nil }
                defer { xmlSchemaFreeParserCtxt(parser) }
                xmlSchemaSetParserStructuredErrors(parser, collectLibXMLError, collector.context)
                return xmlSchemaParse(parser)
            }
            // libxml2 only says it "failed to parse" a refused resource; say why, next to that.
            for resource in refused {
                let location = collector.diagnostics.first { $0.message.contains("'\(resource)'") }?.location
                collector.add("refused to read '\(resource)': a schema may only include or import local files "
                    + "inside its own directory", at: location ?? SourceLocation(file: fileName, line: 1, column: 1))
            }
            guard let schema, !collector.hasErrors else {
                if let schema { xmlSchemaFree(schema) }
                xmlFreeDoc(doc)
                if !collector.hasErrors {
                    collector.add("the schema could not be compiled", at: SourceLocation(file: fileName, line: 1, column: 1))
                }
                return nil
            }
            return (doc, schema)
        }
        guard let compiled else { throw .invalid(collector.sorted()) }
        self.fileName = fileName
        (document, schema) = compiled
    }

    private static func names(in document: xmlDocPtr) -> Set<String> {
        var names = Set<String>()
        func text(_ pointer: UnsafePointer<xmlChar>?) -> String? { pointer.map { String(cString: $0) } }
        func visit(_ first: xmlNodePtr?) {
            var node = first
            while let current = node {
                if current.pointee.type == XML_ELEMENT_NODE {
                    if let name = text(current.pointee.name) { names.insert(name) }
                    var ns = current.pointee.nsDef
                    while let definition = ns {
                        if let href = text(definition.pointee.href) { names.insert(href) }
                        ns = definition.pointee.next
                    }
                    var attribute = current.pointee.properties
                    while let a = attribute {
                        // An attribute's value is the text of its children (text nodes; schemas hold no entities).
                        var value = ""
                        var child = a.pointee.children
                        while let part = child {
                            if let content = text(part.pointee.content) { value += content }
                            child = part.pointee.next
                        }
                        if !value.isEmpty {
                            names.insert(value)
                            for part in value.split(whereSeparator: \.isWhitespace) { names.insert(String(part)) }
                        }
                        attribute = a.pointee.next
                    }
                    visit(current.pointee.children)
                }
                node = current.pointee.next
            }
        }
        visit(xmlDocGetRootElement(document))
        return names
    }

    deinit {
        xmlSchemaFree(schema)
        xmlFreeDoc(document)
    }

    /// Validates `doc`, reporting problems to `collector`; true if valid.
    func validate(_ doc: xmlDocPtr, collector: DiagnosticCollector) -> Bool {
        let location = collector.locator?.rootLocation ?? SourceLocation(file: collector.fileName, line: 1, column: 1)
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            collector.add("out of memory", at: location)
            return false
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        xmlSchemaSetValidStructuredErrors(context, collectLibXMLError, collector.context)
        let result = xmlSchemaValidateDoc(context, doc)
        if result != 0 && !collector.hasErrors {
            collector.add("the document is not valid against schema '\(fileName)'", at: location)
        }
        return result == 0 && !collector.hasErrors
    }
}
