import Foundation
import TotaalbeeldEngine
import TotaalbeeldImport
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest

/// Three intakes written to try the tool as a new user would (`FreshIntakes/README.md`): imported and screened, they
/// must read as a critical colleague would — no judgement risk on good practice, settled debts not counted, the
/// teller of each note line kept, and the real risks of a poor assessment flagged.
final class FreshIntakeTests: XCTestCase {
    let ruleset = Fixtures.defaultRuleset
    lazy var importer = IntakeImporter(ruleset: ruleset, schemas: Fixtures.schemas)
    lazy var evaluator = Evaluator(ruleset: ruleset)

    private func screening(_ name: String) throws -> ScreeningResult {
        let path = Fixtures.path("Tests/TotaalbeeldImportTests/FreshIntakes/\(name).md")
        let result = try importer.importIntake(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), fileName: name + ".md")
        return evaluator.screen(try DossierLoader.load(bytes: Array(result.xml.utf8), fileName: name, ruleset: ruleset, schemas: Fixtures.schemas))
    }

    private func risks(_ result: ScreeningResult) -> Set<String> {
        Set(result.flags.filter { $0.kind == .judgementRisk || $0.kind == .inconsistency }.map(\.rule))
    }

    /// Good practice: a contract that ended because the employer had to cut back, a worry weighed and rejected with a
    /// reason, a father's past drinking placed in her youth, support named in the direction.
    func testGoodPracticeDrawsNoJudgementRisk() throws {
        let result = try screening("zorgmedewerker-goed-beoordeeld")
        XCTAssertEqual(risks(result), [], "\(result.flags.map(\.rule))")
        XCTAssertFalse(result.facts.contains { $0.indicator == "faalervaring-werk" && $0.counts }, "the contract ended through cuts, not through her")
        XCTAssertFalse(result.facts.contains { $0.indicator == "verslaving" && $0.counts }, "her father's drinking is not her addiction")
        XCTAssertFalse(result.trialAndError.indicated)
        XCTAssertEqual(result.trialAndError.contraindications, [])
    }

    /// Debts paid off through an arrangement are settled, the arrangement with them; a direction that names no support
    /// for a physical need is still asked about (not recorded per activity, and not named either).
    func testSettledDebtsDoNotCountAsCurrentBurden() throws {
        let result = try screening("magazijnmedewerker-schulden-afgelost")
        let debts = result.facts.filter { $0.indicator == "schulden" }
        XCTAssertFalse(debts.isEmpty)
        XCTAssertTrue(debts.allSatisfy { $0.resolved && !$0.counts }, "\(debts.map { ($0.quote, $0.resolved) })")
        XCTAssertFalse(risks(result).contains("tunnelvisie"))
        XCTAssertTrue(risks(result).contains("ondersteuningsbehoefte-niet-geanalyseerd"), "the knee complaints ask for support the direction does not name")
    }

    /// Terse notes: the jobcoach's line is the jobcoach's, gaming in a list of hobbies is a hobby, and the assessment's
    /// real risks are flagged: a direction against the wish decided without him, and no support analysed.
    func testPoorAssessmentInLineByLineNotes() throws {
        let result = try screening("wajong-hovenier-dagbesteding")
        let effort = try XCTUnwrap(result.facts.first { $0.indicator == "werkhouding" }, "werkt hard")
        XCTAssertEqual(effort.sourceKind, "other-professional")
        XCTAssertFalse(result.facts.contains { $0.indicator == "ongezonde-leefstijl" && $0.counts }, "\(result.facts.filter { $0.indicator == "ongezonde-leefstijl" }.map(\.quote))")
        XCTAssertTrue(risks(result).isSuperset(of: ["ondersteuningsbehoefte-niet-geanalyseerd", "geen-gedeeld-doel"]), "\(risks(result))")
    }

    /// Formal prose: the physician quoted in mid-paragraph is the physician, and a claim the assessment weighs in its own
    /// words ("wijkt af van wat zijn vrouw beschrijft; dat heb ik met hem besproken") raises no inconsistency, whatever
    /// finding stands against it.
    func testAClaimTheAssessmentWeighsIsNoInconsistency() throws {
        let result = try screening("wia-chauffeur-bewering-besproken")
        let sitting = try XCTUnwrap(result.facts.first { $0.quote.hasPrefix("geen beperkingen voor zitten") })
        XCTAssertEqual(sitting.sourceKind, "physician")
        XCTAssertTrue(result.facts.contains { $0.indicator == "acht-zich-arbeidsongeschikt" && $0.assertion == .claim })
        XCTAssertEqual(risks(result), [], "\(result.flags.map(\.rule))")
        XCTAssertFalse(result.facts.contains { $0.indicator == "werkervaring" && $0.sourceKind == "network" }, "his own vegetable garden is no work experience")
    }
}
