@testable import TotaalbeeldBatch
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldSynthetic
import TotaalbeeldTestSupport
import XCTest

/// A `results.jsonl` line is written straight into bytes; it must be exactly the line the value tree gave:
/// `file` first, then the `screen --format json` members, compact.
final class ResultLineTests: XCTestCase {
    func testLinesOfGeneratedDossiersEqualTheValueTreeSerialised() throws {
        let ruleset = Fixtures.defaultRuleset
        let screener = DossierScreener(ruleset: ruleset, catalogue: nil, schemas: Fixtures.schemas, identifierGuard: nil, language: .nl)
        let generator = DossierGenerator(options: GeneratorOptions(seed: 2026, brokenShare: 0, assessmentShare: 0.5), indicatorCatalogue: IndicatorCatalogue(ruleset: ruleset))
        let scratch = TemporaryDirectory()
        for index in 0..<60 {
            let generated = generator.dossier(at: index)
            let path = scratch.write(generated.fileName, String(decoding: generated.bytes, as: UTF8.self))
            guard case .screened(let screened) = screener.screen(InputItem(path: path, root: 0, relative: "")) else {
                XCTFail("\(generated.fileName) not screened")
                continue
            }
            let result = screener.evaluator.screen(try DossierLoader.load(contentsOf: path, ruleset: ruleset, schemas: Fixtures.schemas))
            var members: [(String, JSONValue)] = [("file", .string(path))]
            if case .object(let rest) = ScreeningJSON(language: .nl).value(for: result) { members += rest }
            XCTAssertEqual(screened.jsonLine, JSONValue.object(members).serializedUTF8(), generated.fileName)
        }
    }
}
