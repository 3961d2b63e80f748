import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldTestSupport
import XCTest

/// A dossier whose narrative repeats one term thousands of times in one run-on sentence: the
/// screening says the sentence was read in pieces, and the evidence lists name the repeated term once
/// with its count, so report size follows what differs, not how often it repeats.
final class LongNarrativeTests: XCTestCase {
    private func screenRunOn(_ repeats: Int) throws -> ScreeningResult {
        let text = "Cliënt drinkt" + String(repeating: ", hij drinkt te veel", count: repeats) + "."
        let body = """
          <narratives>
            <narrative id="n-run-on" domain="ziekte" theme="reden-ao" source="s-ad">\(text)</narrative>
          </narratives>
        """
        let path = temporaryDirectory().write("run-on.dossier.xml", dossierXML(body: body))
        let dossier = try DossierLoader.load(contentsOf: path, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
        return Evaluator(ruleset: Fixtures.defaultRuleset).screen(dossier)
    }

    func testTheCutIsReportedInEveryFormat() throws {
        let result = try screenRunOn(2000)
        XCTAssertEqual(result.cutSentences.count, 1)
        XCTAssertEqual(result.cutSentences.first?.elementID, "n-run-on")
        let text = PlainTextRenderer().render(ScreeningReport(language: .nl).document(for: result))
        XCTAssertTrue(text.contains("Lange zin (8002 woorden"), "the text report says the sentence was cut")
        let json = ScreeningJSON(language: .en).value(for: result).serialized(pretty: false)
        XCTAssertTrue(json.contains(#""cutSentences":[{"start":0"#))
    }

    func testARepeatedTermIsOneEvidenceLineWithItsCount() throws {
        let small = try screenRunOn(10), large = try screenRunOn(2000)
        let evidence = { (result: ScreeningResult) in
            PlainTextRenderer().render(ScreeningReport(language: .nl).document(for: result))
                .split(separator: "\n").filter { $0.contains("r. ") && $0.contains("“drinkt") }
        }
        XCTAssertEqual(evidence(small).count, evidence(large).count, "as many evidence lines for 2,001 repeats as for 11")
        XCTAssertTrue(evidence(large).contains { $0.contains("“drinkt te veel” (×2000 op deze plaats)") }, evidence(large).joined(separator: "\n"))
        let flagged = large.flags.flatMap(\.evidence).filter { $0.elementID == "n-run-on" && $0.quote == "drinkt te veel" }
        XCTAssertFalse(flagged.isEmpty)
        XCTAssertTrue(flagged.allSatisfy { $0.occurrences == 2000 }, "flag evidence folds the repeats too")
        // The trial-and-error reasons and checkpoints name each distinct observation once.
        let checkpoints = large.trialAndError.tracks.flatMap(\.checkpoints).map(\.nl).filter { $0.contains("drinkt te veel") }
        XCTAssertEqual(checkpoints.count, Set(checkpoints).count)
    }
}
