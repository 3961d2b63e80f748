import Foundation
import TotaalbeeldXML
import XCTest

/// Small schemas and helpers shared by the tests.
enum Fixtures {
    static let namespace = "urn:totaalbeeld:test:1"
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// main.xsd includes types.xsd (the Kind enumeration) and imports xml.xsd (xml:lang).
    static let mainSchema = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:totaalbeeld:test:1"
                   targetNamespace="urn:totaalbeeld:test:1" elementFormDefault="qualified">
          <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>
          <xs:include schemaLocation="types.xsd"/>
          <xs:element name="catalog">
            <xs:complexType>
              <xs:choice minOccurs="0" maxOccurs="unbounded">
                <xs:element ref="t:item"/>
                <xs:element name="group">
                  <xs:complexType>
                    <xs:sequence><xs:element ref="t:item" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
                    <xs:attribute name="label" type="xs:string"/>
                  </xs:complexType>
                </xs:element>
              </xs:choice>
              <xs:attribute ref="xml:lang"/>
              <xs:attribute name="version" type="xs:integer" use="required"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="item">
            <xs:complexType>
              <xs:simpleContent>
                <xs:extension base="xs:string">
                  <xs:attribute name="id" type="xs:string" use="required"/>
                  <xs:attribute name="kind" type="t:Kind" use="required"/>
                </xs:extension>
              </xs:simpleContent>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    static let typesSchema = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                   targetNamespace="urn:totaalbeeld:test:1" elementFormDefault="qualified">
          <xs:simpleType name="Kind">
            <xs:restriction base="xs:string">
              <xs:enumeration value="a"/>
              <xs:enumeration value="b"/>
            </xs:restriction>
          </xs:simpleType>
        </xs:schema>
        """

    static let xmlSchema = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                   targetNamespace="http://www.w3.org/XML/1998/namespace">
          <xs:attribute name="lang" type="xs:language"/>
        </xs:schema>
        """

    /// A fresh directory, removed when the test ends.
    static func temporaryDirectory(for test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("TotaalbeeldXMLTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    @discardableResult
    static func write(_ text: String, to directory: URL, as name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Writes main.xsd and its siblings into `directory` and compiles main.xsd from disk.
    static func compileSchema(in directory: URL) throws -> XMLSchema {
        try write(typesSchema, to: directory, as: "types.xsd")
        try write(xmlSchema, to: directory, as: "xml.xsd")
        let path = try write(mainSchema, to: directory, as: "main.xsd")
        return try XMLSchema(contentsOf: path)
    }

    /// Parses `text` with `schema` for the test namespace and nothing for other roots.
    static func parse(_ text: String, fileName: String = "doc.xml", schema: XMLSchema?,
                      options: XMLParseOptions = .init()) throws(XMLLoadError) -> TotaalbeeldXML.XMLDocument {
        try XMLDocumentLoader.parse(bytes: Array(text.utf8), fileName: fileName, options: options) {
            $0.namespaceURI == namespace ? schema : nil
        }
    }

    /// The diagnostics of an `.invalid` error; fails the test for anything else.
    static func diagnostics(
        file: StaticString = #filePath, line: UInt = #line, _ body: () throws(XMLLoadError) -> TotaalbeeldXML.XMLDocument
    ) -> [XMLDiagnostic] {
        do {
            let document = try body()
            XCTFail("expected .invalid, got a document with root \(document.root.name)", file: file, line: line)
        } catch .invalid(let diagnostics) {
            XCTAssertFalse(diagnostics.isEmpty, "an .invalid error must carry diagnostics", file: file, line: line)
            return diagnostics
        } catch {
            XCTFail("expected .invalid, got \(error)", file: file, line: line)
        }
        return []
    }
}
