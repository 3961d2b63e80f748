import Foundation
import TotaalbeeldDocuments
import TotaalbeeldEngine
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldTestSupport
import XCTest

/// DOCX and ODT: valid containers of well-formed parts, byte-identical run to run, holding the Kernpunten.
/// (`scripts/check-html.sh` opens them in real readers: python-docx, odfpy, LibreOffice when installed.)
final class DocumentTests: XCTestCase {
    private func considerations(_ file: String, _ language: Language = .nl) throws -> (ScreeningResult, ReportDocument) {
        let result = try ReportFixtures.screen(file)
        return (result, ConsiderationsReport(language: language).document(for: result))
    }

    func testDocxHasThePartsWordNeedsEachWellFormed() throws {
        let (_, document) = try considerations("Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml")
        let parts = try ReportFixtures.unzip(try WordprocessingWriter(language: .nl, title: "Overwegingen").document(document))
        XCTAssertEqual(Set(parts.map(\.path)), ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml"])
        for part in parts { _ = try ReportFixtures.parse(part.data, file: part.path) }
    }

    func testOdtStartsWithItsMimetypeStoredAndHasWellFormedParts() throws {
        let (_, document) = try considerations("Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml")
        let data = try OpenDocumentWriter(language: .nl, title: "Overwegingen").document(document)
        // ODF: the first local file header is "mimetype", stored, so the type reads at byte 38.
        XCTAssertEqual(String(decoding: data[30..<38], as: UTF8.self), "mimetype")
        XCTAssertEqual(String(decoding: data[38..<77], as: UTF8.self), "application/vnd.oasis.opendocument.text")
        let parts = try ReportFixtures.unzip(data)
        XCTAssertEqual(parts.first?.path, "mimetype")
        for part in parts where part.path.hasSuffix(".xml") { _ = try ReportFixtures.parse(part.data, file: part.path) }
    }

    func testTheSameDossierGivesTheSameBytesAndFixedTimestamps() throws {
        let (_, document) = try considerations("Cases/akc-focusgroep/case1-ict-wens.dossier.xml")
        let first = try WordprocessingWriter(language: .nl, title: "t").document(document)
        XCTAssertEqual(first, try WordprocessingWriter(language: .nl, title: "t").document(document))
        XCTAssertEqual(try OpenDocumentWriter(language: .en, title: "t").document(document), try OpenDocumentWriter(language: .en, title: "t").document(document))
        // DOS date of 2011-01-01 in every local header: ((2011 − 1980) << 9) | (1 << 5) | 1.
        XCTAssertEqual(UInt16(first[12]) | UInt16(first[13]) << 8, UInt16((2011 - 1980) << 9 | 1 << 5 | 1))
    }

    func testTheDocumentsHoldTheKernpuntenOverwegingenAndOpenQuestions() throws {
        for file in Fixtures.caseFiles {
            let (result, document) = try considerations(file)
            let summary = ScreeningSummary(result: result, language: .nl)
            let docx = try ReportFixtures.unzip(try WordprocessingWriter(language: .nl, title: "t").document(document))
            let body = try XCTUnwrap(docx.first { $0.path == "word/document.xml" })
            let words = ReportFixtures.elements(try ReportFixtures.parse(body.data, file: file).root).filter { $0.name.localName == "t" }.map(\.text).joined()
            for expected in ["Kernpunten", "Overwegingen", "Open vragen", summary.adviceLabel(), summary.trialAndError] {
                XCTAssertTrue(words.contains(expected), "\(file): DOCX holds \(expected)")
            }
            let odt = try ReportFixtures.unzip(try OpenDocumentWriter(language: .nl, title: "t").document(document))
            let content = try XCTUnwrap(odt.first { $0.path == "content.xml" })
            let text = ReportFixtures.elements(try ReportFixtures.parse(content.data, file: file).root).map(\.text).joined()
            for expected in ["Kernpunten", "Overwegingen", "Open vragen", summary.trialAndError] {
                XCTAssertTrue(text.contains(expected), "\(file): ODT holds \(expected)")
            }
        }
    }

    func testDossierTextCannotBreakTheXML() throws {
        let document = ReportDocument(blocks: [.paragraph([.quoted("a < b & \"c\" \u{1} ]]> </w:t>  twee  spaties")])])
        let docx = try ReportFixtures.unzip(try WordprocessingWriter(language: .nl, title: "<t>").document(document))
        for part in docx { _ = try ReportFixtures.parse(part.data, file: part.path) }
        let odt = try ReportFixtures.unzip(try OpenDocumentWriter(language: .nl, title: "<t>").document(document))
        let content = String(decoding: try XCTUnwrap(odt.first { $0.path == "content.xml" }).data, as: UTF8.self)
        XCTAssertTrue(content.contains(#"&lt;/w:t&gt; <text:s text:c="1"/>twee"#), content)
        for part in odt where part.path.hasSuffix(".xml") { _ = try ReportFixtures.parse(part.data, file: part.path) }
    }
}
