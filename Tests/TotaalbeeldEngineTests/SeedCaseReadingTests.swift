import Foundation
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldTestSupport
import XCTest

/// The readings of issue 13, items 1–7, on the seed cases (Cases/akc-focusgroep): what a labour expert
/// reading the case would accept, asserted on the screening the engine makes of it.
final class SeedCaseReadingTests: XCTestCase {
    private let evaluator = Evaluator(ruleset: Fixtures.defaultRuleset)
    private static let case1 = "Cases/akc-focusgroep/case1-ict-wens.dossier.xml"
    private static let case3 = "Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml"

    /// A copy of a case with `sentence` appended to the text of narrative `narrative`, on the same line.
    private func copy(of file: String, appending sentence: String, to narrative: String, in directory: TemporaryDirectory) throws -> (path: String, text: String) {
        let xml = try String(contentsOfFile: Fixtures.path(file), encoding: .utf8)
        let open = try XCTUnwrap(xml.range(of: #"<narrative id="\#(narrative)""#), "no narrative \(narrative) in \(file)")
        let close = try XCTUnwrap(xml.range(of: "</narrative>", range: open.upperBound..<xml.endIndex))
        let changed = xml.replacingCharacters(in: close.lowerBound..<close.lowerBound, with: " " + sentence)
        return (directory.write(URL(fileURLWithPath: file).lastPathComponent, changed), changed)
    }

    private func screen(_ path: String) throws -> ScreeningResult {
        evaluator.screen(try DossierLoader.load(contentsOf: path, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas))
    }

    private func json(_ result: ScreeningResult) -> String {
        ScreeningJSON().value(for: result).serialized(pretty: true)
    }

    // MARK: Item 1

    /// "Hij drinkt graag koffie met zijn vader." in a copy of case 1 changes nothing: no fact, no flag, no
    /// contraindication, the same trial-and-error screening — the whole screen JSON is the same except the
    /// narrative's own text.
    func testTheCoffeeSentenceChangesNothingInCase1() throws {
        let coffee = "Hij drinkt graag koffie met zijn vader."
        let original = try screen(Fixtures.path(Self.case1))
        let copy = try copy(of: Self.case1, appending: coffee, to: "n-prive-aanmelding", in: temporaryDirectory())
        let changed = try screen(copy.path)
        let narrative = try XCTUnwrap(original.dossier.narratives.first { $0.id == "n-prive-aanmelding" })
        XCTAssertFalse(changed.facts.contains { $0.elementID == "n-prive-aanmelding" && $0.quote.contains("drinkt") })
        XCTAssertFalse(changed.facts.contains { $0.indicator == "verslaving" })
        let expected = json(original).replacingOccurrences(of: json(.string(narrative.text)), with: json(.string(narrative.text + " " + coffee)))
        XCTAssertEqual(json(changed), expected, "the screening of case 1 changed")
        XCTAssertEqual(changed.trialAndError.indicated, original.trialAndError.indicated)
    }

    private func json(_ value: JSONValue) -> String { value.serialized(pretty: false) }

    func testAlcoholFreeBeerAndADrinksWholesalerAreNotAddiction() throws {
        let copy = try copy(
            of: Self.case1, appending: "Hij drinkt alleen alcoholvrije biertjes. Vroeger werkte hij bij een drankenhandel.",
            to: "n-prive-aanmelding", in: temporaryDirectory()
        )
        let result = try screen(copy.path)
        XCTAssertFalse(result.facts.contains { $0.indicator == "verslaving" }, result.facts.filter { $0.indicator == "verslaving" }.map(\.quote).joined(separator: ", "))
        XCTAssertFalse(result.flags.contains { $0.rule == "terugvalrisico-niet-beoordeeld" })
    }

    // MARK: Items 2 and 3

    func testUncertaintyCountsWithItsFactorAndResolutionNotAtAll() throws {
        let copy = try copy(
            of: Self.case3, appending: "Vermoedelijk heeft hij een huurachterstand. De kinderopvang is inmiddels geregeld.",
            to: "n-arbeid-ad", in: temporaryDirectory()
        )
        let result = try screen(copy.path)
        let debt = try XCTUnwrap(result.facts.first { $0.indicator == "schulden" && $0.quote == "huurachterstand" })
        XCTAssertTrue(debt.uncertain)
        XCTAssertEqual(debt.countFactor, Fixtures.defaultRuleset.context.uncertainFactor)
        XCTAssertEqual(debt.countFactor, 0.5)
        let childcare = try XCTUnwrap(result.facts.first { $0.indicator == "kinderopvang" })
        XCTAssertTrue(childcare.resolved)
        XCTAssertFalse(childcare.counts, "arranged childcare is no current burden")
        let prive = try XCTUnwrap(result.domains.first { $0.domain.id == "prive" })
        XCTAssertFalse(prive.burdens.contains { $0.indicator.id == "kinderopvang" && $0.effectiveWeight > 0 })
        // The reports say so in words.
        let text = PlainTextRenderer().render(ScreeningReport(language: .nl).document(for: result))
        XCTAssertTrue(text.contains("huurachterstand → Schulden; mogelijk"), "text report marks the uncertain hit")
        XCTAssertTrue(text.contains("kinderopvang → Zorg voor jonge kinderen zonder opvang; opgelost"), "text report marks the resolved hit")
        let english = MarkdownRenderer().render(ScreeningReport(language: .en).document(for: result))
        XCTAssertTrue(english.contains("possible") && english.contains("resolved"))
    }

    func testAssessmentUncertaintyOnCase2() throws {
        let dossier = try Fixtures.dossier("Cases/akc-focusgroep/case2-kozijnmonteur.dossier.xml")
        let facts = FactExtractor(ruleset: Fixtures.defaultRuleset).assessmentFacts(in: dossier)
        // "Het gedrag van de werkgever versterkt vermoedelijk zijn gevoel van wanhopigheid".
        let despair = try XCTUnwrap(facts.first { $0.elementID == "c-werkgever" && $0.indicator == "verlies-perspectief" })
        XCTAssertTrue(despair.uncertain)
    }

    // MARK: Item 4

    func testTrailingNegationOnCaseText() throws {
        let copy = try copy(of: Self.case3, appending: "Hij gokt niet en zij blowt niet.", to: "n-arbeid-ad", in: temporaryDirectory())
        let result = try screen(copy.path)
        let added = result.facts.filter { $0.elementID == "n-arbeid-ad" && $0.indicator == "verslaving" }
        XCTAssertEqual(added.count, 2)
        XCTAssertTrue(added.allSatisfy { !$0.present && !$0.counts }, added.map(\.quote).joined(separator: ", "))
    }

    // MARK: Item 5

    /// A narrative written line by line: the loader keeps the lines, and a negation on one does not reach the next.
    func testLineBreaksEndNotesInADossier() throws {
        let notes = "Hij heeft geen schulden\n      vroeger dronk hij\n      Rijbewijs: nee"
        let copy = try copy(of: Self.case3, appending: "", to: "n-arbeid-ad", in: temporaryDirectory())
        let xml = copy.text.replacingOccurrences(of: #"<narrative id="n-arbeid-ad""#, with: #"<narrative id="n-notities" domain="prive" source="s-ad">\#(notes)</narrative>"# + "\n    " + #"<narrative id="n-arbeid-ad""#)
        let path = temporaryDirectory().write("notes.dossier.xml", xml)
        let result = try screen(path)
        let drinking = try XCTUnwrap(result.facts.first { $0.elementID == "n-notities" && $0.indicator == "verslaving" })
        XCTAssertTrue(drinking.present, "'geen' of the first line does not negate the second")
        XCTAssertTrue(drinking.historical)
        let debts = try XCTUnwrap(result.facts.first { $0.elementID == "n-notities" && $0.indicator == "schulden" })
        XCTAssertFalse(debts.present)
        XCTAssertTrue(result.facts.contains { $0.elementID == "n-notities" && $0.indicator == "vervoer-mobiliteit" && $0.present })
    }

    // MARK: Item 6

    func testMeaningIsNotReversed() throws {
        // "voor de helft met goede resultaten afgerond" is no diploma.
        let case3 = evaluator.screen(try Fixtures.dossier(Self.case3))
        XCTAssertFalse(case3.facts.contains { $0.indicator == "diploma-behaald" && $0.quote.contains("afgerond") })
        // "overschat haar beperking" is the opposite of overestimating her abilities.
        let copy = try copy(of: Self.case3, appending: "De arbeidsdeskundige ziet dat zij haar beperking overschat.", to: "n-toekomst-ad", in: temporaryDirectory())
        let result = try screen(copy.path)
        let added = result.facts.filter { $0.elementID == "n-toekomst-ad" && $0.quote.contains("overschat") }
        XCTAssertFalse(added.contains { $0.indicator == "overschatting-kunnen" })
        XCTAssertTrue(added.contains { $0.indicator == "onderschatting-kunnen" })
    }

    // MARK: Item 7

    /// Case 3's "het lukt me gewoon niet" and "werken niet aankan" are the client's claims, not evidence that
    /// he underestimates himself: no onderschatting-kunnen, so no modifier raises his need on his word alone.
    func testCase3SelfStatementsAreClaimsNotUnderestimation() throws {
        let result = evaluator.screen(try Fixtures.dossier(Self.case3))
        XCTAssertFalse(result.facts.contains { $0.indicator == "onderschatting-kunnen" }, "no self-assessment indicator from a single statement")
        let claims = result.facts.filter { $0.indicator == "kunnen-laag-geclaimd" }
        XCTAssertTrue(claims.contains { $0.quote.lowercased().contains("het lukt me gewoon niet") }, claims.map(\.quote).joined(separator: " | "))
        XCTAssertTrue(claims.contains { $0.quote.contains("niet aankan") })
        XCTAssertTrue(claims.allSatisfy { $0.assertion == .claim })
        XCTAssertTrue(result.domains.allSatisfy { domain in !domain.modifiers.contains { $0.indicator.id == "onderschatting-kunnen" } })
        // Case 1's "ik ben er hartstikke goed in" likewise: a claim, not overestimation.
        let case1 = evaluator.screen(try Fixtures.dossier(Self.case1))
        XCTAssertFalse(case1.facts.contains { $0.indicator == "overschatting-kunnen" && $0.isNarrative })
        // Since ruleset 1.22.0 a skill he claims is a signal of its own, set against a test of that skill only.
        XCTAssertTrue(case1.facts.contains { $0.indicator == "vaardigheid-hoog-geclaimd" && $0.assertion == .claim })
    }

    /// What the client says about himself in his own account is a claim wherever the words are.
    func testTheClientsOwnAccountIsAClaimAndOthersAreFindings() throws {
        let result = evaluator.screen(try Fixtures.dossier(Self.case1))
        let denial = try XCTUnwrap(result.facts.first { $0.elementID == "n-perspectief-client" && $0.indicator == "ontkent-beperkingen" })
        XCTAssertEqual(denial.assertion, .claim)
        let physician = result.facts.filter { $0.sourceKind == "document" && $0.isNarrative }
        XCTAssertFalse(physician.isEmpty)
        XCTAssertTrue(physician.allSatisfy { $0.assertion == .finding })
        // The screen JSON carries it on every narrative span and every piece of evidence.
        let json = ScreeningJSON().value(for: result).serialized(pretty: true)
        XCTAssertTrue(json.contains(#""assertion": "claim""#))
        XCTAssertTrue(json.contains(#""uncertain": false"#) && json.contains(#""resolved": false"#))
    }
}
