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
        let bytes = try InputFile.contents(of: path, limit: options.maxBytes)
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
        let (root, warnings) = try withValidatedRoot(bytes: bytes, fileName: fileName, options: options, validating: validating, schemaFor: resolver) { node, locator in
            DOM.element(node, locator: locator)
        }
        return XMLDocument(fileName: fileName, root: root, warnings: warnings)
    }

    /// Reads a document in one pass from libxml2's tree, without copying it: parses hardened, validates against the
    /// schema the resolver returns for the root element, then hands the root to `read` as an ``XMLCursor``. The
    /// cursor and everything reached through it are valid only during `read` (the tree is freed after it); what
    /// `read` returns must hold Swift values only. Problems are located exactly as ``load(contentsOf:options:schemaFor:)``
    /// locates them.
    ///
    /// ```swift
    /// let id = try XMLDocumentLoader.read(bytes: bytes, fileName: path, schemaFor: { schemas[$0] }) { root in
    ///     root.attribute("id")
    /// }
    /// ```
    public static func read<T>(
        bytes: [UInt8], fileName: String, options: XMLParseOptions = .init(),
        schemaFor resolver: (XMLQualifiedName) -> XMLSchema?, _ read: (XMLCursor) -> T
    ) throws(XMLLoadError) -> T {
        try withValidatedRoot(bytes: bytes, fileName: fileName, options: options, validating: true, schemaFor: resolver) { node, locator in
            read(XMLCursor(node: node, locator: locator))
        }.0
    }

    /// The one pipeline: size limit, hardened parse, numbering for locations (entity references refused), the
    /// schema of the root element, validation; then `body` over the root while the tree lives.
    private static func withValidatedRoot<T>(
        bytes: [UInt8], fileName: String, options: XMLParseOptions, validating: Bool,
        schemaFor resolver: (XMLQualifiedName) -> XMLSchema?, _ body: (xmlNodePtr, NodeLocator) -> T
    ) throws(XMLLoadError) -> (T, warnings: [XMLDiagnostic]) {
        guard bytes.count <= min(options.maxBytes, Int(Int32.max)) else {
            throw .tooLarge(path: fileName, bytes: bytes.count, limit: options.maxBytes)
        }
        let source = SourceText(fileName: fileName, bytes: bytes)
        let collector = DiagnosticCollector(source: source)
        let result = LibXML.collectingErrors(into: collector) { () -> T? in
            guard let doc = HardenedParser.parse(source, collector: collector) else { return nil }
            defer { xmlFreeDoc(doc) }
            guard let rootNode = xmlDocGetRootElement(doc) else {
                collector.add("Document has no root element", at: SourceLocation(file: fileName, line: 1, column: 1))
                return nil
            }
            let locator = DOM.locate(rootNode, source: source, collector: collector)
            guard !collector.hasErrors else { return nil }
            if validating {
                let rootName = DOM.name(rootNode.pointee.ns, rootNode.pointee.name)
                guard let schema = resolver(rootName) else {
                    let message = "unknown document type: root element <\(rootName.localName)> "
                        + "in namespace '\(rootName.namespaceURI ?? "")'"
                    collector.add(message, at: locator.location(ofElement: rootNode))
                    return nil
                }
                guard schema.validate(doc, collector: collector) else { return nil }
            }
            return body(rootNode, locator)
        }
        guard let result else { throw .invalid(collector.sorted()) }
        return (result, collector.sorted())
    }
}

/// Reading one input file, the same way everywhere (dossiers, rulesets, schemas, evaluations, the CLI's
/// text and CSV inputs): the path is checked with `lstat`/`stat` before it is opened, so a FIFO, a device,
/// a socket or a dangling link is refused with a reason instead of blocking on it (a FIFO) or reading it
/// without end (`/dev/zero`), and the file is read up to a size limit.
///
/// ```swift
/// let bytes = try InputFile.contents(of: "case1.dossier.xml", limit: 16 << 20)
/// InputFile.problem(at: "/dev/zero")   // .unreadable(path: "/dev/zero", reason: "not a regular file (a character device)")
/// ```
public enum InputFile {
    /// Why `path` cannot be read as a regular file, judged without opening it (a link to a regular file is
    /// followed); nil when it can.
    public static func problem(at path: String) -> XMLLoadError? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .fileNotFound(path: path) }
            return .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard stat(path, &info) == 0 else {
                let code = errno
                if code == ENOENT || code == ENOTDIR { return .unreadable(path: path, reason: "a symbolic link whose target does not exist") }
                return .unreadable(path: path, reason: "a symbolic link that cannot be followed: " + String(cString: strerror(code)))
            }
            if info.st_mode & S_IFMT == S_IFDIR { return .unreadable(path: path, reason: "not a regular file (a link to a directory)") }
        }
        return problem(mode: info.st_mode, path: path)
    }

    /// The refusal for a file of type `mode` (from `stat`), nil for a regular file.
    static func problem(mode: mode_t, path: String) -> XMLLoadError? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: .unreadable(path: path, reason: "is a directory")
        default: .unreadable(path: path, reason: "not a regular file (\(typeName(mode)))")
        }
    }

    /// "a FIFO", "a character device", … for the message.
    public static func typeName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a directory"
        case S_IFLNK: "a symbolic link"
        case S_IFREG: "a regular file"
        default: "of an unknown type"
        }
    }

    /// The whole file, refused before opening unless it is a regular file, and refused as too large
    /// beyond `limit` bytes (at most 2 GiB - 1, what libxml2 takes).
    public static func contents(of path: String, limit: Int) throws(XMLLoadError) -> [UInt8] {
        if let problem = problem(at: path) { throw problem }
        // O_NONBLOCK: should a FIFO have replaced the file since the check, opening it cannot block.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
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
        if let problem = problem(mode: info.st_mode, path: path) { throw problem }
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
