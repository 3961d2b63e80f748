import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest

/// Recommendation 2 of seed 004: screen selectively, and move the client only with safeguards.
final class TrialAndErrorTests: XCTestCase {
    private static let catalogue: TrackCatalogue? = try? TrackCatalogueLoader.load(
        contentsOf: Fixtures.path("Rulesets/tracks-2026.xml"), ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas
    )

    private func screen(_ file: String) throws -> TrialAndErrorResult {
        let catalogue = try XCTUnwrap(Self.catalogue, "the shipped track catalogue loads")
        return Evaluator(ruleset: Fixtures.defaultRuleset, catalogue: catalogue).screen(try Fixtures.dossier(file)).trialAndError
    }

    func testShippedCatalogueIsRealisticAndCoversEveryTrackType() throws {
        let catalogue = try XCTUnwrap(Self.catalogue)
        XCTAssertGreaterThanOrEqual(catalogue.tracks.count, 20)
        XCTAssertEqual(Set(catalogue.tracks.map(\.fenger)), [.lifeFirst, .humanCapitalFirst, .workFirst])
        XCTAssertTrue(catalogue.tracks.contains { $0.referralOnly })
        XCTAssertTrue(catalogue.tracks.contains { $0.parked }, "the parked state is exercised")
        XCTAssertGreaterThanOrEqual(catalogue.tracks.filter { $0.trial && !$0.parked }.count, 5)
    }

    func testCase1IsIndicatedWithSmallStepsFrequentReviewsAndCheckpointsOnTheWishAndSocialSkills() throws {
        let result = try screen("Cases/akc-focusgroep/case1-ict-wens.dossier.xml")
        XCTAssertTrue(result.indicated, result.reasons.map(\.nl).joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(result.tracks.count, 3, "always several alternatives")
        for track in result.tracks {
            let safeguards = track.safeguards.map(\.nl).joined(separator: "\n")
            XCTAssertTrue(safeguards.contains("Kleine stappen"), safeguards)
            XCTAssertTrue(safeguards.contains("elke week") || safeguards.contains("elke 2 weken"), "frequent reviews: \(safeguards)")
            XCTAssertTrue(safeguards.contains("Stop of stel bij"), "stop-or-adjust criteria")
            let checkpoints = track.checkpoints.map(\.nl).joined(separator: "\n")
            XCTAssertTrue(checkpoints.contains("ICT"), "checkpoint on the realism of the ICT wish:\n\(checkpoints)")
            XCTAssertTrue(checkpoints.lowercased().contains("sociale vaardigheden") || checkpoints.contains("Samenwerken") || checkpoints.contains("Communiceren"), "checkpoint on social skills:\n\(checkpoints)")
            XCTAssertFalse(track.why.isEmpty, "\(track.id) says why it fits")
        }
        XCTAssertEqual(result.tracks.map(\.fit).max(), 1)
    }

    func testCase3IsReferredForRelapseRiskBeforeAnyTrack() throws {
        let result = try screen("Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml")
        XCTAssertFalse(result.indicated)
        XCTAssertTrue(result.reasons.contains { $0.nl.contains("Contra-indicatie") && $0.nl.contains("verslaving") })
        let catalogue = try XCTUnwrap(Self.catalogue)
        XCTAssertFalse(result.tracks.isEmpty)
        XCTAssertTrue(result.tracks.allSatisfy { catalogue.track(id: $0.id)?.referralOnly == true }, result.tracks.map(\.id).joined(separator: " "))
    }

    func testStraightforwardCasesAreNotIndicatedAndSayWhyNot() throws {
        for file in Fixtures.caseFiles where file.hasPrefix("Cases/eenvoudig/") {
            let result = try screen(file)
            XCTAssertFalse(result.indicated, file)
            XCTAssertTrue(result.tracks.isEmpty, file)
            XCTAssertTrue(result.reasons.last?.nl.hasPrefix("Niet geïndiceerd") == true, "\(file): \(result.reasons.map(\.nl))")
            XCTAssertGreaterThanOrEqual(result.reasons.count, 3, "why not: uncertainty, multiple problems, contraindications")
        }
    }

    func testCatalogueReferencesAreCheckedAgainstTheRuleset() throws {
        let scratch = TemporaryDirectory()
        let text = try String(contentsOfFile: Fixtures.path("Rulesets/tracks-2026.xml"), encoding: .utf8)
        let broken = text.replacingOccurrences(of: "indicators=\"", with: "indicators=\"niet-bestaand ", options: [], range: text.range(of: "indicators=\""))
        let path = scratch.write("tracks.xml", broken)
        XCTAssertThrowsError(try TrackCatalogueLoader.load(contentsOf: path, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)) { error in
            XCTAssertTrue((error as? LoadError)?.problems.first?.message.contains("unknown indicator 'niet-bestaand'") == true, "\(error)")
        }
    }
}
