import Foundation
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldSynthetic
import TotaalbeeldTestSupport
import XCTest

/// The dossier is read in one pass from libxml2's tree (an `XMLCursor`); the other documents and the citable
/// elements of `compare` still go through the copied element tree. Both views feed the same reader, so they must
/// give the same model and the same located problems — checked here on every shipped case, on generated dossiers,
/// and on generated broken ones (not well-formed, schema-invalid, unknown references).
final class DossierReaderTests: XCTestCase {
    private let ruleset = Fixtures.defaultRuleset

    /// The model from the cursor (`load`) and from the copied tree (`loadWithCitableElements`), field by field.
    private func assertSameModel(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let inPlace = try DossierLoader.load(contentsOf: path, ruleset: ruleset, schemas: Fixtures.schemas)
        let copied = try DossierLoader.loadWithCitableElements(contentsOf: path, ruleset: ruleset, schemas: Fixtures.schemas).dossier
        XCTAssertEqual(String(reflecting: inPlace), String(reflecting: copied), path, file: file, line: line)
    }

    /// The problems each view reports, as `file:line:column: message` lines (or the error's description).
    private func problems(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no problem"
        } catch {
            return String(describing: error)
        }
    }

    func testShippedCasesReadTheSameInPlaceAsCopied() throws {
        XCTAssertFalse(Fixtures.caseFiles.isEmpty)
        for file in Fixtures.caseFiles { try assertSameModel(Fixtures.path(file)) }
    }

    func testGeneratedDossiersAndTheirProblemsReadTheSameInPlaceAsCopied() throws {
        let generator = DossierGenerator(options: GeneratorOptions(seed: 18, brokenShare: 0.4, assessmentShare: 0.6), indicatorCatalogue: IndicatorCatalogue(ruleset: ruleset))
        let scratch = TemporaryDirectory()
        var broken = 0
        for index in 0..<120 {
            let generated = generator.dossier(at: index)
            let path = scratch.write(generated.fileName, String(decoding: generated.bytes, as: UTF8.self))
            if generated.isBroken {
                let inPlace = problems { _ = try DossierLoader.load(contentsOf: path, ruleset: ruleset, schemas: Fixtures.schemas) }
                let copied = problems { _ = try DossierLoader.loadWithCitableElements(contentsOf: path, ruleset: ruleset, schemas: Fixtures.schemas) }
                // A few kinds of breakage (an identifier left in, say) are for other checks than loading.
                if inPlace != "no problem" { broken += 1 }
                XCTAssertEqual(inPlace, copied, generated.fileName)
            } else {
                try assertSameModel(path)
            }
        }
        XCTAssertGreaterThan(broken, 20)
    }

    /// Reference and attribute problems found by the reader itself point at the attribute, as they did on the tree.
    func testReferenceProblemsAreLocatedAtTheAttribute() throws {
        let scratch = TemporaryDirectory()
        let body = """
        <findings>
            <finding id="f-1" indicator="schulden" source="s-client"/>
            <finding id="f-2" indicator="schuldn"
                     source="s-nobody"/>
        </findings>
        <assessment id="a" source="s-ad"><conclusion id="c-1"   cites="f-1 f-9">Tekst.</conclusion></assessment>
        """
        let path = scratch.write("refs.dossier.xml", dossierXML(body: body))
        let inPlace = problems { _ = try DossierLoader.load(contentsOf: path, ruleset: ruleset, schemas: Fixtures.schemas) }
        let copied = problems { _ = try DossierLoader.loadWithCitableElements(contentsOf: path, ruleset: ruleset, schemas: Fixtures.schemas) }
        XCTAssertEqual(inPlace, copied)
        for expected in ["unknown indicator 'schuldn'", "names source 's-nobody'", "cites 'f-9'"] {
            XCTAssertTrue(inPlace.contains(expected), "\(expected) in \(inPlace)")
        }
        // The source attribute on its own line, at its column; cites at its column after the extra spaces.
        let lines = dossierXML(body: body).split(separator: "\n", omittingEmptySubsequences: false)
        let sourceLine = lines.firstIndex { $0.contains("s-nobody") }! + 1
        let sourceColumn = lines[sourceLine - 1].range(of: "source=")!.lowerBound.utf16Offset(in: lines[sourceLine - 1]) + 1
        XCTAssertTrue(inPlace.contains("refs.dossier.xml:\(sourceLine):\(sourceColumn): <finding> names source 's-nobody'"), inPlace)
        let citesLine = lines.firstIndex { $0.contains("f-9") }! + 1
        let citesColumn = lines[citesLine - 1].range(of: "cites=")!.lowerBound.utf16Offset(in: lines[citesLine - 1]) + 1
        XCTAssertTrue(inPlace.contains("refs.dossier.xml:\(citesLine):\(citesColumn): <conclusion> cites 'f-9'"), inPlace)
    }

    /// Every element the dossier schema declares is read in one place, `DossierReader` in DossierLoader.swift: an
    /// element added to `dossier-1.xsd` without a line there fails here.
    func testEveryElementOfTheDossierSchemaIsReadInTheOnePlace() throws {
        let schema = try String(contentsOfFile: Fixtures.path("Rulesets/schema/dossier-1.xsd"), encoding: .utf8)
        let reader = try String(contentsOfFile: Fixtures.path("Sources/TotaalbeeldLoader/DossierLoader.swift"), encoding: .utf8)
        let names = Set(schema.split(separator: "<").compactMap { tag -> String? in
            guard tag.hasPrefix("xs:element "), let start = tag.range(of: #"name=""#)?.upperBound,
                  let end = tag[start...].firstIndex(of: "\"") else { return nil }
            return String(tag[start..<end])
        })
        XCTAssertGreaterThan(names.count, 20)
        for name in names.sorted() {
            XCTAssertTrue(reader.contains("\"\(name)\""), "<\(name)> is declared in dossier-1.xsd but not read in DossierLoader.swift")
        }
    }
}
