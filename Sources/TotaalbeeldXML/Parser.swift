import CLibXML2

/// Hardened libxml2 parsing into a DOM owned by the caller (free with `xmlFreeDoc`).
///
/// No network, no DTD loading, no entity substitution, and any DOCTYPE is refused from SAX
/// hooks that stop the parser before an internal subset is read, so external entities are
/// never resolved and entity bombs never expand.
enum HardenedParser {
    static let doctypeMessage = "DOCTYPE declarations are not allowed in Totaalbeeld documents"

    private static let options: Int32 = {
        // BIG_LINES: correct line numbers past 65535. Deliberately absent: NOENT, DTDLOAD,
        // DTDATTR, DTDVALID, XINCLUDE, RECOVER, HUGE.
        let flags = XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue
        return Int32(bitPattern: flags)
    }()

    /// Parses `source`; errors go to `collector`. Returns nil if anything error-level was
    /// reported. Must run inside `LibXML.collectingErrors(into: collector)`.
    static func parse(_ source: SourceText, collector: DiagnosticCollector) -> xmlDocPtr? {
        guard !source.bytes.isEmpty else {
            collector.add("Document is empty", at: SourceLocation(file: source.fileName, line: 1, column: 1))
            return nil
        }
        guard let ctxt = xmlNewParserCtxt() else {
            collector.add("out of memory", at: SourceLocation(file: source.fileName, line: 1, column: 1))
            return nil
        }
        defer { xmlFreeParserCtxt(ctxt) }
        ctxt.pointee._private = collector.context
        install(on: ctxt.pointee.sax)

        let doc = source.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(ctxt, $0.baseAddress, Int32($0.count), source.fileName, nil, options)
            }
        }
        guard let doc else {
            if !collector.hasErrors {
                collector.add("document could not be parsed", at: SourceLocation(file: source.fileName, line: 1, column: 1))
            }
            return nil
        }
        // Belt and braces: the hooks prevent both, but never hand out a DOM that has them.
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil, !collector.hasErrors {
            collector.add(doctypeMessage, at: doctypeLocation(source, ctxt: ctxt))
        }
        if collector.hasErrors {
            xmlFreeDoc(doc)
            return nil
        }
        return doc
    }

    /// Replaces the SAX callbacks through which DTDs and entities would enter.
    private static func install(on sax: UnsafeMutablePointer<xmlSAXHandler>) {
        sax.pointee.serror = { userData, error in
            // userData is the parser context; its _private is our collector.
            guard let ctxt = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
                  let context = ctxt.pointee._private, let error else { return }
            DiagnosticCollector.from(context).add(error.pointee)
        }
        sax.pointee.internalSubset = { userData, _, _, _ in HardenedParser.refuseDoctype(userData) }
        sax.pointee.externalSubset = { userData, _, _, _ in HardenedParser.refuseDoctype(userData) }
        sax.pointee.entityDecl = { userData, _, _, _, _, _ in HardenedParser.refuseDoctype(userData) }
        sax.pointee.getEntity = { _, _ in nil }
        sax.pointee.getParameterEntity = { _, _ in nil }
        sax.pointee.resolveEntity = { _, _, _ in nil }
    }

    /// Records the refusal once and stops the parser before anything in the DOCTYPE is used.
    fileprivate static func refuseDoctype(_ userData: UnsafeMutableRawPointer?) {
        guard let ctxt = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
              let context = ctxt.pointee._private else { return }
        let collector = DiagnosticCollector.from(context)
        if !collector.diagnostics.contains(where: { $0.message == doctypeMessage }) {
            collector.add(doctypeMessage, at: doctypeLocation(collector.source, ctxt: ctxt))
        }
        xmlStopParser(ctxt)
    }

    /// Where `<!DOCTYPE` is written; libxml2's position when the bytes are not ASCII-compatible.
    private static func doctypeLocation(_ source: SourceText, ctxt: xmlParserCtxtPtr) -> SourceLocation {
        if let offset = source.scanMarkup().doctype { return source.location(ofOffset: offset) }
        let line = ctxt.pointee.input.map { Int($0.pointee.line) } ?? 1
        return SourceLocation(file: source.fileName, line: max(1, line), column: 1)
    }
}
