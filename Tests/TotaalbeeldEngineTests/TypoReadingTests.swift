import Foundation
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldTestSupport
import TotaalbeeldText
import XCTest

/// The shipped ruleset's typo tolerance (`typoDistance`) on the shipped cases: a correctly spelled text
/// reads exactly as it did without it; only a word that is truly misspelled adds a hit.
final class TypoReadingTests: XCTestCase {
    private static let withoutTypos: NarrativeAnalyzer = {
        var ruleset = Fixtures.defaultRuleset
        ruleset.context.typoDistance = 0
        return NarrativeAnalyzer(ruleset: ruleset)
    }()

    func testTheShippedRulesetReadsTypingErrors() {
        XCTAssertEqual(Fixtures.defaultRuleset.context.typoDistance, 1)
        let hits = NarrativeAnalyzer(ruleset: Fixtures.defaultRuleset).analyze("Cliënt heeft een huurachterstnd en psychische klachetn.")
        guard WordForms.shared.isDutchWord("klachten") == true else { return }
        XCTAssertEqual(hits.flatMap(\.spelling).map(\.description), ["huurachterstnd → huurachterstand", "klachetn → klachten"])
    }

    /// `annotate`'s JSON says which words were read as another, and only for those hits.
    func testTheAnnotationSaysWhatWasRead() throws {
        try XCTSkipUnless(WordForms.shared.isDutchWord("klachten") == true, "needs the Dutch Hunspell dictionary")
        let hits = NarrativeAnalyzer(ruleset: Fixtures.defaultRuleset).analyze("Hij heeft schulden en een huurachterstnd.")
        let json = AnnotationJSON.value(for: hits, ruleset: Fixtures.defaultRuleset).serialized(pretty: false)
        XCTAssertTrue(json.contains(#""spelling":[{"written":"huurachterstnd","read":"huurachterstand"}]"#), json)
        XCTAssertEqual(json.components(separatedBy: #""spelling""#).count - 1, 1, "the correctly spelled hit has no spelling note")
    }

    /// The report says what a mistyped quote was read as, beside the quote itself, and says nothing of the kind
    /// for a correctly spelled one.
    func testTheReportSaysWhatAMistypedWordWasReadAs() throws {
        try XCTSkipUnless(WordForms.shared.isDutchWord("klachten") == true, "needs the Dutch Hunspell dictionary")
        let scratch = TemporaryDirectory()
        addTeardownBlock { scratch.remove() }
        let body = #"<narratives><narrative id="n-1" domain="prive" source="s-ad">Cliënt heeft schulden en een huurachterstnd.</narrative></narratives>"#
        let file = scratch.write("t.dossier.xml", dossierXML(date: "2026-06-15", body: body))
        let dossier = try DossierLoader.load(contentsOf: file, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
        let result = Evaluator(ruleset: Fixtures.defaultRuleset).screen(dossier)
        XCTAssertEqual(result.facts.filter { !$0.spelling.isEmpty }.map(\.spelling), [["huurachterstnd → huurachterstand"]])
        for (language, words) in [(Language.nl, "gelezen als: huurachterstnd → huurachterstand"), (.en, "read as: huurachterstnd → huurachterstand")] {
            let text = PlainTextRenderer().render(ScreeningReport(language: language).document(for: result))
            XCTAssertTrue(text.contains(words), text)
            XCTAssertFalse(text.contains("schulden → "), "a correctly spelled quote has no spelling note")
        }
    }

    /// Every narrative of every shipped case gets the same hits with and without typo tolerance, apart from
    /// hits through a corrected word, and those only on words the dictionary does not know.
    func testCorrectlySpelledCaseNarrativesReadAsBefore() throws {
        let withTypos = NarrativeAnalyzer(ruleset: Fixtures.defaultRuleset)
        var narratives = 0, corrected: [String] = []
        for file in Fixtures.caseFiles {
            let dossier = try Fixtures.dossier(file)
            for narrative in dossier.narratives {
                narratives += 1
                let before = Self.withoutTypos.analyze(narrative.text)
                let after = withTypos.analyze(narrative.text)
                let changed = after.filter { !$0.spelling.isEmpty }
                corrected += changed.flatMap(\.spelling).map { "\(file): \($0)" }
                XCTAssertEqual(after.filter { $0.spelling.isEmpty }, before, "\(file) \(narrative.id)")
                for correction in changed.flatMap(\.spelling) {
                    XCTAssertNotEqual(WordForms.shared.isDutchWord(correction.written), true, "\(correction)")
                }
            }
        }
        XCTAssertGreaterThan(narratives, 20)
        print("Typing errors read in the shipped cases: \(corrected.isEmpty ? "none" : corrected.joined(separator: "; "))")
    }
}
