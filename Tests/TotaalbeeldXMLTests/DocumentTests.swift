import Foundation
import TotaalbeeldXML
import XCTest

/// Tree building, locations, well-formedness and XSD diagnostics.
final class DocumentTests: XCTestCase {
    private var schema: XMLSchema!

    override func setUpWithError() throws {
        schema = try Fixtures.compileSchema(in: Fixtures.temporaryDirectory(for: self))
    }

    func testValidDocumentBuildsTree() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <t:catalog xmlns:t="urn:totaalbeeld:test:1" xml:lang="nl" version="1">
              <t:item id="één" kind="a">Hallo <![CDATA[<wereld>]]> &amp; meer</t:item>
              <t:item id="x2"
                      kind="b"/>
              <t:group label="Zoë—ü"><t:item id="x3" kind="a"/> <t:item id="x4" kind="b"/></t:group>
            </t:catalog>
            """
        let document = try Fixtures.parse(text, schema: schema)
        let root = document.root
        XCTAssertEqual(document.fileName, "doc.xml")
        XCTAssertEqual(document.warnings, [])
        XCTAssertEqual(root.name, XMLQualifiedName(namespaceURI: Fixtures.namespace, localName: "catalog"))
        XCTAssertEqual(root.location, SourceLocation(file: "doc.xml", line: 2, column: 1))
        // Namespace declarations are not attributes; xml:lang keeps the XML namespace.
        XCTAssertEqual(root.attributes, [
            XMLAttribute(name: XMLQualifiedName(namespaceURI: Fixtures.xmlNamespace, localName: "lang"), value: "nl"),
            XMLAttribute(name: XMLQualifiedName(namespaceURI: nil, localName: "version"), value: "1"),
        ])
        XCTAssertEqual(root.attribute("lang", namespace: Fixtures.xmlNamespace), "nl")
        XCTAssertNil(root.attribute("lang"))
        XCTAssertEqual(root.attribute("version"), "1")
        XCTAssertEqual(root.text, "\n  \n  \n  \n", "direct text only, untrimmed")
        XCTAssertEqual(root.children.map(\.name.localName), ["item", "item", "group"])
        XCTAssertEqual(root.children(named: "item").compactMap { $0.attribute("id") }, ["één", "x2"])

        let first = root.children[0]
        XCTAssertEqual(first.text, "Hallo <wereld> & meer", "text and CDATA concatenated")
        XCTAssertEqual(first.location, SourceLocation(file: "doc.xml", line: 3, column: 3))
        XCTAssertEqual(first.attributeLocation("kind"), SourceLocation(file: "doc.xml", line: 3, column: 20))

        // A start tag spread over two lines is located at its '<'; the attribute on its own line.
        let second = root.children[1]
        XCTAssertEqual(second.location, SourceLocation(file: "doc.xml", line: 4, column: 3))
        XCTAssertEqual(second.attributeLocation("kind"), SourceLocation(file: "doc.xml", line: 5, column: 11))
        XCTAssertEqual(second.attributeLocation("missing"), second.location)

        // Columns count characters, not bytes, and same-named elements on one line are told apart.
        let group = try XCTUnwrap(root.child(named: "group"))
        XCTAssertEqual(group.location, SourceLocation(file: "doc.xml", line: 6, column: 3))
        XCTAssertEqual(group.attribute("label"), "Zoë—ü")
        let nested = group.children(named: "item")
        XCTAssertEqual(nested.map(\.location), [
            SourceLocation(file: "doc.xml", line: 6, column: 26),
            SourceLocation(file: "doc.xml", line: 6, column: 53),
        ])
        XCTAssertEqual(nested[1].attribute("id"), "x4")
        XCTAssertEqual(nested[1].attributeLocation("kind"), SourceLocation(file: "doc.xml", line: 6, column: 69))
        XCTAssertNil(group.child(named: "nothing"))
    }

    func testLoadFromFileUsesPathAsGiven() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let path = try Fixtures.write(
            "<t:catalog xmlns:t='urn:totaalbeeld:test:1' version='2'>\n  <t:item id='a' kind='z'/>\n</t:catalog>\n",
            to: directory, as: "dossier.xml")
        let diagnostics = Fixtures.diagnostics { () throws(XMLLoadError) in
            try XMLDocumentLoader.load(contentsOf: path) { _ in self.schema }
        }
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: path, line: 2, column: 18))
    }

    func testUTF16DocumentFallsBackToLineAndColumnOne() throws {
        let text = "<?xml version='1.0' encoding='UTF-16'?>\n<t:catalog xmlns:t='urn:totaalbeeld:test:1' version='1'>\n"
            + "  <t:item id='ü' kind='b'>tekst</t:item>\n</t:catalog>\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let document = try XMLDocumentLoader.parse(bytes: bytes, fileName: "utf16.xml") { _ in self.schema }
        let item = try XCTUnwrap(document.root.child(named: "item"))
        XCTAssertEqual([item.attribute("id"), item.text], ["ü", "tekst"])
        XCTAssertEqual(item.location, SourceLocation(file: "utf16.xml", line: 3, column: 1))
    }

    func testLineNumbersBeyond65535() throws {
        let padding = String(repeating: "\n", count: 70_000)
        let text = "<t:catalog xmlns:t='urn:totaalbeeld:test:1' version='1'>\(padding)  <t:item kind='a'/></t:catalog>"
        let diagnostics = Fixtures.diagnostics { () throws(XMLLoadError) in try Fixtures.parse(text, schema: schema) }
        XCTAssertEqual(diagnostics.map(\.location), [SourceLocation(file: "doc.xml", line: 70_001, column: 3)])
    }

    func testUnclosedTagReportsLineAndColumn() {
        let text = """
            <t:catalog xmlns:t="urn:totaalbeeld:test:1" version="1">
              <t:item id="a" kind="a">
            </t:catalog>
            """
        let diagnostics = Fixtures.diagnostics { () throws(XMLLoadError) in try Fixtures.parse(text, schema: schema) }
        XCTAssertEqual(diagnostics.first?.description,
                       "doc.xml:3:13: Opening and ending tag mismatch: item line 2 and catalog")
        XCTAssertTrue(diagnostics.allSatisfy { $0.severity == .error })
        XCTAssertTrue(diagnostics.allSatisfy { !$0.description.contains("\n") }, "one line each")
    }

    func testAllParseErrorsAreReported() {
        let text = """
            <t:catalog xmlns:t="urn:totaalbeeld:test:1" version="1">
              <x:item/>
              <y:item/>
              <t:item a="1" a="2"/>
            </t:catalog>
            """
        let diagnostics = Fixtures.diagnostics { () throws(XMLLoadError) in try Fixtures.parse(text, schema: schema) }
        XCTAssertEqual(diagnostics.map(\.description), [
            "doc.xml:2:10: Namespace prefix x on item is not defined",
            "doc.xml:3:10: Namespace prefix y on item is not defined",
            "doc.xml:4:22: Attribute a redefined",
        ])
    }

    func testSchemaViolationsAreLocated() {
        let text = """
            <t:catalog xmlns:t="urn:totaalbeeld:test:1" version="1">
              <t:item kind="a">x</t:item>
              <t:item id="y"  kind="c">y</t:item>
            </t:catalog>
            """
        let diagnostics = Fixtures.diagnostics { () throws(XMLLoadError) in try Fixtures.parse(text, schema: schema) }
        XCTAssertEqual(diagnostics.map(\.description), [
            "doc.xml:2:3: Element '{urn:totaalbeeld:test:1}item': The attribute 'id' is required but missing.",
            "doc.xml:3:19: Element '{urn:totaalbeeld:test:1}item', attribute 'kind': [facet 'enumeration'] "
                + "The value 'c' is not an element of the set {'a', 'b'}.",
        ])
    }

    func testInvalidUTF8IsLocated() {
        var bytes = Array("<t:catalog xmlns:t='urn:totaalbeeld:test:1' version='1'>\n  <t:item id='".utf8)
        bytes += [0xC3, 0x28, 0xFF]
        bytes += Array("' kind='a'/>\n</t:catalog>\n".utf8)
        let diagnostics = Fixtures.diagnostics { () throws(XMLLoadError) in
            try XMLDocumentLoader.parse(bytes: bytes, fileName: "bad.xml") { _ in self.schema }
        }
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "bad.xml", line: 2, column: 15))
        XCTAssertTrue(diagnostics.first?.message.contains("not proper UTF-8") ?? false, "\(diagnostics)")
        XCTAssertFalse(diagnostics.first?.message.contains("\n") ?? true)
    }

    func testUndefinedEntityReferenceIsAnError() {
        let text = "<t:catalog xmlns:t='urn:totaalbeeld:test:1' version='1'>&nbsp;</t:catalog>"
        let diagnostics = Fixtures.diagnostics { () throws(XMLLoadError) in try Fixtures.parse(text, schema: schema) }
        XCTAssertEqual(diagnostics.map(\.description), ["doc.xml:1:63: Entity 'nbsp' not defined"])
    }

    func testUnknownRootElement() {
        let diagnostics = Fixtures.diagnostics { () throws(XMLLoadError) in
            try Fixtures.parse("<?xml version='1.0'?>\n\n  <r:other xmlns:r='urn:other'/>", schema: schema)
        }
        XCTAssertEqual(diagnostics.map(\.description),
                       ["doc.xml:3:3: unknown document type: root element <other> in namespace 'urn:other'"])
    }

    func testEmptyDocument() {
        let diagnostics = Fixtures.diagnostics { () throws(XMLLoadError) in try Fixtures.parse("", schema: schema) }
        XCTAssertEqual(diagnostics.map(\.description), ["doc.xml:1:1: Document is empty"])
    }

    func testWarningsAreKeptOnSuccess() throws {
        let relaxed = try XMLSchema(data: Array("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="relative">
              <xs:element name="root"/>
            </xs:schema>
            """.utf8), fileName: "relaxed.xsd")
        let document = try XMLDocumentLoader.parse(bytes: Array("<root xmlns='relative'/>".utf8), fileName: "w.xml") { _ in relaxed }
        XCTAssertEqual(document.warnings.map(\.description), ["w.xml:1:23: warning: xmlns: URI relative is not absolute"])
    }

    func testMissingAndUnreadableFiles() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let missing = directory.appendingPathComponent("nope.xml").path
        XCTAssertThrowsError(try XMLDocumentLoader.load(contentsOf: missing) { _ in nil }) { error in
            guard case .fileNotFound(let path) = error as? XMLLoadError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, missing)
            XCTAssertEqual("\(error)", "\(missing): file not found")
        }
        XCTAssertThrowsError(try XMLDocumentLoader.load(contentsOf: directory.path) { _ in nil }) { error in
            guard case .unreadable(let path, _) = error as? XMLLoadError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, directory.path)
        }
        XCTAssertThrowsError(try XMLSchema(contentsOf: missing)) { error in
            guard case .fileNotFound = error as? XMLLoadError else { return XCTFail("\(error)") }
        }
    }

    func testSizeLimitIsCheckedBeforeParsing() throws {
        let text = "<t:catalog xmlns:t='urn:totaalbeeld:test:1' version='1'>" + String(repeating: " ", count: 200) + "</t:catalog>"
        let options = XMLParseOptions(maxBytes: 100)
        XCTAssertThrowsError(try Fixtures.parse(text, schema: schema, options: options)) { error in
            guard case .tooLarge(let path, let bytes, let limit) = error as? XMLLoadError else { return XCTFail("\(error)") }
            XCTAssertEqual([path, "\(bytes)", "\(limit)"], ["doc.xml", "\(text.utf8.count)", "100"])
        }
        let path = try Fixtures.write(text, to: Fixtures.temporaryDirectory(for: self), as: "big.xml")
        XCTAssertThrowsError(try XMLDocumentLoader.load(contentsOf: path, options: options) { _ in self.schema }) { error in
            guard case .tooLarge(_, let bytes, 100) = error as? XMLLoadError else { return XCTFail("\(error)") }
            XCTAssertEqual(bytes, text.utf8.count)
        }
        XCTAssertNoThrow(try Fixtures.parse(text, schema: schema, options: XMLParseOptions(maxBytes: text.utf8.count)))
    }

    func testDescriptions() {
        let location = SourceLocation(file: "a.xml", line: 3, column: 7)
        let diagnostic = XMLDiagnostic(location: location, message: "Input is not proper UTF-8 !\nBytes: 0xFF  \n")
        XCTAssertEqual(diagnostic.description, "a.xml:3:7: Input is not proper UTF-8 ! Bytes: 0xFF")
        let warning = XMLDiagnostic(location: location, message: "careful", severity: .warning)
        XCTAssertEqual(XMLLoadError.invalid([diagnostic, warning]).description,
                       "a.xml:3:7: Input is not proper UTF-8 ! Bytes: 0xFF\na.xml:3:7: warning: careful")
        XCTAssertEqual(XMLLoadError.tooLarge(path: "b.xml", bytes: 10, limit: 5).description,
                       "b.xml: file is too large (10 bytes; the limit is 5 bytes)")
        XCTAssertLessThan(SourceLocation(file: "a", line: 2, column: 9), SourceLocation(file: "a", line: 10, column: 1))
        XCTAssertEqual(XMLQualifiedName(namespaceURI: "urn:x", localName: "y").description, "{urn:x}y")
    }
}
