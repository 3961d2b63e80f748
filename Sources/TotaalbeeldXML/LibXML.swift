import CLibXML2
import Foundation

/// Process-wide and per-thread libxml2 setup.
enum LibXML {
    /// Swift runs a static initialiser exactly once, thread-safely, before first use; libxml2
    /// wants `xmlInitParser` and the (process-global) entity loader set before any parsing.
    private static let initialised: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader(externalEntityLoader)
        xmlThrDefSetStructuredErrorFunc(nil, discardError)
    }()

    /// Runs `body` with every libxml2 error raised on this thread, including those without a
    /// parser context (I/O, encoding), sent to `collector`. libxml2 2.9 keeps error handlers
    /// per thread, so concurrent calls cannot see each other's diagnostics. Nests (a resolver
    /// may compile a schema); the outermost call leaves the thread silent, never stderr.
    static func collectingErrors<T>(into collector: DiagnosticCollector, _ body: () -> T) -> T {
        _ = initialised
        totaalbeeld_silence_generic_errors()
        let previousHandler = __xmlStructuredError().pointee ?? discardError
        let previousContext = __xmlStructuredErrorContext().pointee
        xmlSetStructuredErrorFunc(collector.context, collectLibXMLError)
        defer { xmlSetStructuredErrorFunc(previousContext, previousHandler) }
        return withExtendedLifetime(collector) { body() }
    }

    /// Runs `body` with the current thread allowed to load files inside `directory` (nil:
    /// none); returns what it returned and the resources that were refused. Thread-local
    /// because the entity loader is process-global.
    static func allowingSchemaFiles<T>(under directory: String?, _ body: () -> T) -> (T, refused: [String]) {
        let previous = pthread_getspecific(schemaDirectoryKey)
        let access = SchemaAccess(directory: directory)
        let box = Unmanaged.passRetained(access)
        pthread_setspecific(schemaDirectoryKey, box.toOpaque())
        defer {
            pthread_setspecific(schemaDirectoryKey, previous)
            box.release()
        }
        return (body(), access.refused)
    }

    fileprivate static func currentSchemaAccess() -> SchemaAccess? {
        pthread_getspecific(schemaDirectoryKey).map { Unmanaged<SchemaAccess>.fromOpaque($0).takeUnretainedValue() }
    }

    private static let schemaDirectoryKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}

private final class SchemaAccess {
    let directory: String?
    var refused: [String] = []
    init(directory: String?) { self.directory = directory }
}

/// Collects located diagnostics for one parse, validation or schema compilation.
/// Used by one thread at a time; libxml2 reaches it through a context pointer.
final class DiagnosticCollector {
    let source: SourceText
    var fileName: String { source.fileName }
    /// Report the file libxml2 names (schemas: included files) instead of `fileName`.
    let trustsErrorFile: Bool
    /// Locates the nodes of the document `DOM.locate` numbered, for errors that name a node.
    var locator: NodeLocator?
    private(set) var diagnostics: [XMLDiagnostic] = []
    private(set) var suppressed = 0
    /// Enough for any real document; bounds memory on pathological input.
    static let limit = 1000

    init(source: SourceText, trustsErrorFile: Bool = false) {
        self.source = source
        self.trustsErrorFile = trustsErrorFile
    }

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ context: UnsafeMutableRawPointer) -> DiagnosticCollector {
        Unmanaged<DiagnosticCollector>.fromOpaque(context).takeUnretainedValue()
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func add(_ diagnostic: XMLDiagnostic) {
        guard diagnostics.count < Self.limit else { suppressed += 1; return }
        diagnostics.append(diagnostic)
    }

    func add(_ message: String, at location: SourceLocation) {
        add(XMLDiagnostic(location: location, message: message))
    }

    func add(_ error: xmlError) {
        let severity: XMLDiagnostic.Severity
        switch error.level {
        case XML_ERR_NONE: return
        case XML_ERR_WARNING: severity = .warning
        default: severity = .error
        }
        let message = error.message.map { Self.forUsers(String(cString: $0)) } ?? "unknown libxml2 error \(error.code)"
        add(XMLDiagnostic(location: location(of: error), message: message, severity: severity))
    }

    /// libxml2's advice to set parser options a user of this tool cannot set is replaced by the limit itself.
    static func forUsers(_ message: String) -> String {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if let advice = text.range(of: " use XML_PARSE_HUGE option") {
            text.replaceSubrange(advice, with: " levels of nesting at most; the document nests deeper than any dossier needs")
        }
        return text
    }

    /// The node's recorded location when libxml2 names a node (validation), else its line/column.
    private func location(of error: xmlError) -> SourceLocation {
        if let locator, var node = error.node?.assumingMemoryBound(to: xmlNode.self), node.pointee.doc == locator.document {
            if node.pointee.type == XML_TEXT_NODE, let parent = node.pointee.parent { node = parent }
            // libxml2 reports attribute errors on the owner element; the message names the attribute.
            let attribute = error.message.flatMap { Self.attribute(named: String(cString: $0), of: node) }
            if let location = locator.location(of: attribute ?? UnsafeMutableRawPointer(node)) {
                return location
            }
        }
        let file = trustsErrorFile ? (error.file.map { String(cString: $0) } ?? fileName) : fileName
        // 0 means "unknown" to libxml2; keep locations 1-based.
        return SourceLocation(file: file, line: max(1, Int(error.line)), column: max(1, Int(error.int2)))
    }

    /// The attribute a schema message is about: "Element '…', attribute '{ns}local': …".
    private static func attribute(named message: String, of element: xmlNodePtr) -> UnsafeMutableRawPointer? {
        guard element.pointee.type == XML_ELEMENT_NODE,
              let start = message.range(of: "', attribute '")?.upperBound,
              let end = message[start...].range(of: "':")?.lowerBound
        else { return nil }
        let wanted = String(message[start..<end])
        var attr = element.pointee.properties
        while let a = attr {
            if DOM.name(a.pointee.ns, a.pointee.name).description == wanted {
                return UnsafeMutableRawPointer(a)
            }
            attr = a.pointee.next
        }
        return nil
    }

    /// All diagnostics in document order (stable for equal locations), plus a note if any
    /// were dropped over the limit.
    func sorted() -> [XMLDiagnostic] {
        var result = diagnostics.enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
        if suppressed > 0, let last = result.last {
            result.append(XMLDiagnostic(location: last.location, message: "\(suppressed) further problems not shown"))
        }
        return result
    }
}

/// Node numbering through `_private`, the application field that xmlNode, xmlAttr and xmlDoc
/// all start with (so raw access serves every kind). nil/0 means unnumbered.
func setNodeIndex(_ node: UnsafeMutableRawPointer, _ index: Int) {
    node.storeBytes(of: UnsafeMutableRawPointer(bitPattern: index + 1), as: UnsafeMutableRawPointer?.self)
}

func nodeIndex(_ node: UnsafeMutableRawPointer) -> Int? {
    node.load(as: UnsafeMutableRawPointer?.self).map { Int(bitPattern: $0) - 1 }
}

func collectLibXMLError(_ context: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let context, let error else { return }
    DiagnosticCollector.from(context).add(error.pointee)
}

private func discardError(_ context: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {}

/// The only way libxml2 opens external resources. Documents never get anything. While a schema
/// is being compiled on this thread, its xs:include/xs:import targets may be read if they are
/// local files inside the schema's directory; never network URLs.
private func externalEntityLoader(
    _ url: UnsafePointer<CChar>?, _ id: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
    guard let url, let access = LibXML.currentSchemaAccess() else { return nil }
    let resource = String(cString: url)
    let path = resource.hasPrefix("file://") ? URL(string: resource)?.path
        : resource.contains("://") ? nil : resource
    if let path, realPath(path) == nil { return nil }  // missing: libxml2 reports that itself
    guard let path, let resolved = realPath(path), let directory = access.directory,
          resolved.hasPrefix(directory + "/")
    else {
        access.refused.append(resource)
        return nil
    }
    return xmlNewInputFromFile(context, resolved)
}

/// Absolute path with symlinks and `..` resolved; nil if the file does not exist.
func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}
