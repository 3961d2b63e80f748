import Foundation
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldReport
import TotaalbeeldTestSupport
import XCTest

/// Every shipped case's report, byte for byte. A change in scoring, rules or wording shows up here as a diff
/// to review; regenerate deliberately with `TOTAALBEELD_UPDATE_GOLDEN=1 swift test --filter GoldenReportTests`.
final class GoldenReportTests: XCTestCase {
    private static let goldenDirectory = Fixtures.path("Tests/TotaalbeeldEngineTests/Golden")

    private func renderings(of file: String) throws -> [(suffix: String, text: String)] {
        // As `totaalbeeld screen` does: the shipped ruleset and track catalogue.
        let catalogue = try TrackCatalogueLoader.load(contentsOf: Fixtures.path("Rulesets/tracks-2026.xml"), ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
        let result = Evaluator(ruleset: Fixtures.defaultRuleset, catalogue: catalogue).screen(try Fixtures.dossier(file))
        return [
            ("txt", PlainTextRenderer().render(ScreeningReport(language: .nl).document(for: result))),
            ("en.md", MarkdownRenderer().render(ScreeningReport(language: .en).document(for: result))),
            ("json", String(decoding: ScreeningJSON().serialized(result, pretty: true), as: UTF8.self) + "\n"),
        ]
    }

    func testReportsOfEveryShippedCaseMatchTheirGoldenFiles() throws {
        let files = Fixtures.caseFiles
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let name = URL(fileURLWithPath: file).lastPathComponent.replacingOccurrences(of: ".dossier.xml", with: "")
            for (suffix, text) in try renderings(of: file) {
                // Reports name the file they came from; goldens must not depend on where the repository lives.
                let portable = text.replacingOccurrences(of: Fixtures.root + "/", with: "")
                try Golden.assertMatches(portable, file: Self.goldenDirectory + "/\(name).\(suffix)")
            }
        }
    }

    func testScreeningTheSameCaseTwiceIsByteIdentical() throws {
        for file in Fixtures.caseFiles {
            let first = try renderings(of: file)
            let second = try renderings(of: file)
            XCTAssertEqual(first.map(\.text), second.map(\.text), file)
        }
    }
}
