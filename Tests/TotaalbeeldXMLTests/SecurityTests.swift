import Foundation
import TotaalbeeldXML
import XCTest

/// DOCTYPE/entity refusal, no network, no stderr output, schema file access policy.
final class SecurityTests: XCTestCase {
    private static let marker = "TOTAALBEELD-SECRET-MARKER-4711"
    private static let doctypeRefusal = "DOCTYPE declarations are not allowed in Totaalbeeld documents"
    private var directory: URL!
    private var schema: XMLSchema!

    override func setUpWithError() throws {
        directory = try Fixtures.temporaryDirectory(for: self)
        schema = try Fixtures.compileSchema(in: directory)
    }

    func testExternalEntityIsRefusedAndNeverRead() throws {
        let secret = try Fixtures.write(Self.marker, to: directory, as: "secret.txt")
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE t:catalog [
              <!ENTITY xxe SYSTEM "file://\(secret)">
              <!ENTITY rel SYSTEM "secret.txt">
            ]>
            <t:catalog xmlns:t="urn:totaalbeeld:test:1" version="1"><t:item id="&xxe;" kind="a">&xxe;&rel;</t:item></t:catalog>
            """
        // From a file next to the secret, so even relative resolution would find it.
        let path = try Fixtures.write(text, to: directory, as: "xxe.xml")
        do {
            let document = try XMLDocumentLoader.load(contentsOf: path) { _ in self.schema }
            XCTFail("XXE document was accepted: \(document.root.text)")
        } catch {
            XCTAssertEqual("\(error)", "\(path):2:1: \(Self.doctypeRefusal)")
            XCTAssertFalse("\(error)".contains(Self.marker))
            XCTAssertFalse(String(reflecting: error).contains(Self.marker))
        }
    }

    func testEntityBombIsRefusedQuickly() {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            text += " <!ENTITY lol\(level) \"\(String(repeating: "&\(previous);", count: 10))\">\n"
        }
        text += "]>\n<lolz>&lol9;</lolz>\n"
        let start = Date()
        let diagnostics = Fixtures.diagnostics { () throws(XMLLoadError) in try Fixtures.parse(text, schema: schema) }
        XCTAssertLessThan(Date().timeIntervalSince(start), 1.0)
        XCTAssertEqual(diagnostics.map(\.description), ["doc.xml:2:1: \(Self.doctypeRefusal)"])
    }

    func testExcessiveNestingIsRefusedNotACrash() {
        let text = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        let diagnostics = Fixtures.diagnostics { () throws(XMLLoadError) in try Fixtures.parse(text, schema: schema) }
        XCTAssertTrue(diagnostics.first?.message.hasPrefix("Excessive depth in document") ?? false, "\(diagnostics)")
        // libxml2's advice names a parser option no user of this tool can set; the message states the limit.
        XCTAssertFalse(diagnostics.contains { $0.message.contains("XML_PARSE_HUGE") }, "\(diagnostics)")
        XCTAssertTrue(diagnostics.first?.message.contains("levels of nesting at most") ?? false, "\(diagnostics)")
    }

    func testPlainDoctypeIsRefused() {
        let diagnostics = Fixtures.diagnostics { () throws(XMLLoadError) in
            try Fixtures.parse("<!DOCTYPE t:catalog>\n<t:catalog xmlns:t='urn:totaalbeeld:test:1' version='1'/>", schema: schema)
        }
        XCTAssertEqual(diagnostics.map(\.description), ["doc.xml:1:1: \(Self.doctypeRefusal)"])
    }

    func testExternalDTDIsRefusedWithoutNetworkOrFileAccess() throws {
        let listener = try LocalListener()
        let dtd = try Fixtures.write("<!ENTITY m \"\(Self.marker)\">", to: directory, as: "evil.dtd")
        for system in ["http://127.0.0.1:\(listener.port)/evil.dtd", "file://\(dtd)", "evil.dtd"] {
            let text = "<?xml version='1.0'?>\n<!-- <!DOCTYPE decoy> -->\n<!DOCTYPE t:catalog SYSTEM \"\(system)\">\n"
                + "<t:catalog xmlns:t='urn:totaalbeeld:test:1' version='1'><t:item id='a' kind='a'>&m;</t:item></t:catalog>"
            let path = try Fixtures.write(text, to: directory, as: "dtd.xml")
            XCTAssertThrowsError(try XMLDocumentLoader.load(contentsOf: path) { _ in self.schema }) { error in
                XCTAssertEqual("\(error)", "\(path):3:1: \(Self.doctypeRefusal)", system)
                XCTAssertFalse("\(error)".contains(Self.marker))
            }
        }
        XCTAssertFalse(listener.wasContacted(), "the parser opened a network connection")
    }

    func testSchemaIncludeOfSiblingCompilesFromDiskAndMemory() throws {
        // The enumeration lives in the included types.xsd; it must be enforced.
        let bad = "<t:catalog xmlns:t='urn:totaalbeeld:test:1' version='1'><t:item id='a' kind='q'/></t:catalog>"
        let diagnostics = Fixtures.diagnostics { () throws(XMLLoadError) in try Fixtures.parse(bad, schema: schema) }
        XCTAssertTrue(diagnostics.first?.message.contains("[facet 'enumeration']") ?? false, "\(diagnostics)")

        // From memory, includes resolve against the directory of the name given.
        let fromMemory = try XMLSchema(data: Array(Fixtures.mainSchema.utf8),
                                       fileName: directory.appendingPathComponent("other.xsd").path)
        XCTAssertNoThrow(try Fixtures.parse(bad.replacingOccurrences(of: "'q'", with: "'b'"), schema: fromMemory))
    }

    func testSchemaMayNotReachOutsideItsDirectoryOrTheNetwork() throws {
        let listener = try LocalListener()
        let inner = directory.appendingPathComponent("inner", isDirectory: true)
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        try Fixtures.write(Fixtures.typesSchema, to: directory, as: "outside.xsd")
        let locations = ["../outside.xsd", "http://127.0.0.1:\(listener.port)/types.xsd", "file://\(directory.path)/outside.xsd"]
        for location in locations {
            let schemaText = """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:totaalbeeld:test:1">
                  <xs:include schemaLocation="\(location)"/>
                  <xs:element name="x" type="xs:string"/>
                </xs:schema>
                """
            let path = try Fixtures.write(schemaText, to: inner, as: "main.xsd")
            XCTAssertThrowsError(try XMLSchema(contentsOf: path), location) { error in
                guard case .invalid(let diagnostics) = error as? XMLLoadError else { return XCTFail("\(error)") }
                XCTAssertEqual(diagnostics.first?.location.file, path)
                XCTAssertEqual(diagnostics.first?.location.line, 2)
                XCTAssertTrue(diagnostics.contains { $0.message.hasPrefix("refused to read '") }, "\(diagnostics)")
            }
        }
        XCTAssertFalse(listener.wasContacted(), "schema compilation opened a network connection")
    }

    func testBrokenSchemaIsReportedWithLocation() {
        let text = "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'>\n  <xs:element name='x' type='xs:nope'/>\n</xs:schema>"
        XCTAssertThrowsError(try XMLSchema(data: Array(text.utf8), fileName: "broken.xsd")) { error in
            guard case .invalid(let diagnostics) = error as? XMLLoadError else { return XCTFail("\(error)") }
            XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "broken.xsd", line: 2, column: 24))
            XCTAssertTrue(diagnostics.first?.message.contains("}nope' does not resolve") ?? false, "\(diagnostics)")
        }
    }

    func testLibxml2NeverWritesToStandardError() throws {
        let captured = try StandardErrorCapture()
        let inputs = [
            "<a>\n<b></a>",
            "<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><a>&x;</a>",
            "<t:catalog xmlns:t='urn:totaalbeeld:test:1' version='x'><t:item kind='z'/></t:catalog>",
            "<a xmlns='relative'>&undefined;</a>",
        ]
        for input in inputs {
            _ = try? Fixtures.parse(input, schema: schema)
        }
        _ = try? XMLDocumentLoader.parse(bytes: [0x3C, 0x61, 0x3E, 0xFF, 0xFE, 0x3C, 0x2F, 0x61, 0x3E], fileName: "u.xml") { _ in nil }
        _ = try? XMLSchema(data: Array("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:bogus/></xs:schema>".utf8),
                           fileName: "s.xsd")
        XCTAssertEqual(try captured.finish(), "")
    }
}

/// A TCP listener on 127.0.0.1 that records whether anything connected.
private final class LocalListener {
    let port: UInt16
    private let socketFD: Int32

    init() throws {
        #if os(Linux)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { close(fd); throw POSIXError(.EADDRNOTAVAIL) }
        _ = fcntl(fd, F_SETFL, O_NONBLOCK)
        socketFD = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(socketFD) }

    func wasContacted() -> Bool {
        let connection = accept(socketFD, nil, nil)
        if connection >= 0 { close(connection) }
        return connection >= 0
    }
}

/// Redirects file descriptor 2 to a temporary file until `finish()`.
private final class StandardErrorCapture {
    private let saved: Int32
    private let path = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)").path
    private var finished = false

    init() throws {
        fflush(nil)  // all streams; stderr itself is not concurrency-safe to name
        saved = dup(2)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard saved >= 0, fd >= 0 else { throw POSIXError(.EIO) }
        dup2(fd, 2)
        close(fd)
    }

    func finish() throws -> String {
        fflush(nil)  // all streams; stderr itself is not concurrency-safe to name
        dup2(saved, 2)
        close(saved)
        finished = true
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    deinit {
        if !finished { dup2(saved, 2); close(saved) }
    }
}
