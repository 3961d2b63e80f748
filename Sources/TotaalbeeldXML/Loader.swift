import CLibXML2
import Foundation

public struct XMLParseOptions: Sendable {
    /// Larger input is refused with `.tooLarge` before parsing. libxml2 takes at most 2 GiB - 1.
    public var maxBytes: Int

    public init(maxBytes: Int = 32 << 20) {
        self.maxBytes = maxBytes
    }
}

/// Loads Totaalbeeld XML documents: read, parse hardened, validate, copy into `XMLElement`s.
/// Safe to call from several threads at once.
public enum XMLDocumentLoader {
    /// Reads, parses hardened, validates against the schema the resolver returns for the root
    /// element, then builds the tree. A nil schema is reported as an unknown document type.
    public static func load(
        contentsOf path: String, options: XMLParseOptions = .init(),
        schemaFor resolver: (XMLQualifiedName) -> XMLSchema?
    ) throws(XMLLoadError) -> XMLDocument {
        let bytes = try FileInput.contents(of: path, limit: options.maxBytes)
        return try parse(bytes: bytes, fileName: path, options: options, schemaFor: resolver)
    }

    /// As `load(contentsOf:)`, for bytes already in memory; `fileName` is used in locations.
    public static func parse(
        bytes: [UInt8], fileName: String, options: XMLParseOptions = .init(),
        schemaFor resolver: (XMLQualifiedName) -> XMLSchema?
    ) throws(XMLLoadError) -> XMLDocument {
        try parse(bytes: bytes, fileName: fileName, options: options, validating: true, schemaFor: resolver)
    }

    /// Hardened parsing without a schema: only checks that a document (say, a generated XHTML report) is well-formed.
    public static func parseWellFormed(bytes: [UInt8], fileName: String, options: XMLParseOptions = .init()) throws(XMLLoadError) -> XMLDocument {
        try parse(bytes: bytes, fileName: fileName, options: options, validating: false) { _ in nil }
    }

    private static func parse(
        bytes: [UInt8], fileName: String, options: XMLParseOptions, validating: Bool,
        schemaFor resolver: (XMLQualifiedName) -> XMLSchema?
    ) throws(XMLLoadError) -> XMLDocument {
        guard bytes.count <= min(options.maxBytes, Int(Int32.max)) else {
            throw .tooLarge(path: fileName, bytes: bytes.count, limit: options.maxBytes)
        }
        let source = SourceText(fileName: fileName, bytes: bytes)
        let collector = DiagnosticCollector(source: source)
        let root = LibXML.collectingErrors(into: collector) { () -> XMLElement? in
            guard let doc = HardenedParser.parse(source, collector: collector) else { return nil }
            defer { xmlFreeDoc(doc) }
            guard let rootNode = xmlDocGetRootElement(doc) else {
                collector.add("Document has no root element", at: SourceLocation(file: fileName, line: 1, column: 1))
                return nil
            }
            DOM.locate(rootNode, source: source, collector: collector)
            guard !collector.hasErrors else { return nil }
            guard validating else { return DOM.element(rootNode, locations: collector.nodeLocations) }
            let rootName = DOM.name(rootNode.pointee.ns, rootNode.pointee.name)
            guard let schema = resolver(rootName) else {
                let message = "unknown document type: root element <\(rootName.localName)> "
                    + "in namespace '\(rootName.namespaceURI ?? "")'"
                collector.add(message, at: collector.nodeLocations[0])
                return nil
            }
            guard schema.validate(doc, collector: collector) else { return nil }
            return DOM.element(rootNode, locations: collector.nodeLocations)
        }
        guard let root else { throw .invalid(collector.sorted()) }
        return XMLDocument(fileName: fileName, root: root, warnings: collector.sorted())
    }
}

/// Bounded file reading with the failure kinds the CLI distinguishes.
enum FileInput {
    static func contents(of path: String, limit: Int) throws(XMLLoadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadable(path: path, reason: "not a regular file")
        }
        let limit = min(limit, Int(Int32.max))
        if Int(info.st_size) > limit {
            throw .tooLarge(path: path, bytes: Int(info.st_size), limit: limit)
        }
        // Read at most limit + 1 bytes: the file may have grown since fstat.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            bytes += chunk[..<n]
        }
        guard bytes.count <= limit else { throw .tooLarge(path: path, bytes: bytes.count, limit: limit) }
        return bytes
    }
}
