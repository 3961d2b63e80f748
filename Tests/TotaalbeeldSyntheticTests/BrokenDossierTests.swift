import Foundation
import TotaalbeeldLoader
import TotaalbeeldSynthetic
import TotaalbeeldTestSupport
import XCTest

/// Deliberately broken dossiers fail to load, every one of them, for the reason the generator reports.
final class BrokenDossierTests: XCTestCase {
    func testBrokenDossiersFailAndOthersLoad() {
        let generator = DossierGenerator(options: GeneratorOptions(seed: 3, brokenShare: 0.2), indicatorCatalogue: SyntheticPopulation.catalogue)
        let directory = TemporaryDirectory()
        var kinds: [Breakage.Kind] = []
        var brokenCount = 0
        for index in 0..<200 {
            let dossier = generator.dossier(at: index)
            let path = directory.path + "/" + dossier.fileName
            _ = FileManager.default.createFile(atPath: path, contents: Data(dossier.bytes))
            let outcome = Result { () throws(LoadError) in try DossierLoader.load(contentsOf: path, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas) }
            switch (dossier.isBroken, outcome) {
            case (true, .success):
                XCTFail("\(dossier.fileName) is broken (\(dossier.breakage?.detail ?? "?")) but loaded")
            case (true, .failure(let error)):
                brokenCount += 1
                guard let breakage = dossier.breakage else { XCTFail("broken without a breakage"); continue }
                kinds.append(breakage.kind)
                // A reference or schema defect is reported on the line the generator broke.
                if breakage.kind == .schema || breakage.kind == .unknownReference {
                    XCTAssertTrue(error.problems.contains { $0.location.line == breakage.line }, "\(dossier.fileName): \(breakage.detail) at \(breakage.line); got \(error)")
                }
                if breakage.kind == .doctype { XCTAssertTrue(error.description.contains("DOCTYPE"), error.description) }
            case (false, .failure(let error)):
                XCTFail("\(dossier.fileName) should load: \(error)")
            case (false, .success):
                XCTAssertNil(dossier.breakage)
            }
        }
        XCTAssertGreaterThan(brokenCount, 20)
        XCTAssertLessThan(brokenCount, 60)
        XCTAssertEqual(Set(kinds), Set(Breakage.Kind.allCases), "every way of breaking occurs")
    }

    func testInvalidUTF8IsOnlyInTheBytes() {
        let generator = DossierGenerator(options: GeneratorOptions(seed: 3, brokenShare: 1), indicatorCatalogue: SyntheticPopulation.catalogue)
        let dossier = (0..<100).lazy.map(generator.dossier(at:)).first { $0.breakage?.kind == .invalidUTF8 }
        guard let dossier else { return XCTFail("no invalid UTF-8 dossier among 100") }
        XCTAssertNil(String(validating: dossier.bytes, as: UTF8.self), "the bytes are not UTF-8")
        XCTAssertTrue(dossier.xml.contains("\u{FFFD}"), "the text view shows the replacement character")
    }
}
