import Foundation
import TotaalbeeldModel
import TotaalbeeldText
import XCTest

/// Inflected forms and compound heads of one-word terms, and sense constraints (issue 13).
final class SenseAndMorphologyTests: XCTestCase {
    private func senses(_ sets: [(String, [String])]) -> [SenseSet] {
        sets.map { SenseSet(id: $0.0, label: LocalizedText(nl: $0.0), terms: $0.1, location: Location(file: "test", line: 1, column: 1)) }
    }

    private func analyzer(_ rules: [(String, [TermRule])], senses: [SenseSet] = [], wordForms: WordForms? = .shared) -> NarrativeAnalyzer {
        NarrativeAnalyzer(indicators: rules.map { (id: $0.0, rules: $0.1) }, senses: senses, context: .empty, wordForms: wordForms)
    }

    func testInflectedFormsOfAOneWordTermMatch() {
        let reading = analyzer([("schulden", [TermRule(text: "schulden")]), ("klachten", [TermRule(text: "klacht")])])
        XCTAssertEqual(reading.analyze("Hij heeft een schuld en twee klachten.").map(\.indicator), ["schulden", "klachten"])
    }

    func testCompoundsWhoseHeadIsTheTermMatch() throws {
        let reading = analyzer([("schulden", [TermRule(text: "schuld")]), ("klachten", [TermRule(text: "klachten")])])
        let hits = reading.analyze("Hij heeft een huurschuld en rugpijnklachten.")
        XCTAssertEqual(hits.map(\.matchedText), ["huurschuld", "rugpijnklachten"])
        XCTAssertEqual(hits.map(\.indicator), ["schulden", "klachten"])
        // A compound whose head is another word does not match: "schuldgevoel" is a feeling.
        XCTAssertTrue(reading.analyze("Hij heeft een schuldgevoel.").isEmpty)
    }

    func testExactTermsMatchOnlyAsWritten() {
        let reading = analyzer([("netwerk", [TermRule(text: "netwerk", exact: true)])])
        XCTAssertTrue(reading.analyze("Hij beheert het computernetwerk en de netwerken.").isEmpty)
        XCTAssertEqual(reading.analyze("Hij heeft een netwerk.").count, 1)
    }

    func testAWrittenTermBeatsAStemOrCompoundMatchOnTheSameWords() {
        let reading = analyzer([("angst", [TermRule(text: "angst")]), ("faalangst", [TermRule(text: "faalangst*")])])
        XCTAssertEqual(reading.analyze("Hij heeft faalangst.").map(\.indicator), ["faalangst"])
        XCTAssertEqual(reading.analyze("Hij heeft verlatingsangst.").map(\.indicator), ["angst"])
    }

    func testRequiredSenseWithinTheWindow() {
        let drinking = TermRule(text: "drinkt", require: ["alcohol"], exclude: ["frisdrank"], window: 4)
        let reading = analyzer([("verslaving", [drinking])], senses: senses([("alcohol", ["bier*", "wijn"]), ("frisdrank", ["koffie*", "thee"])]))
        XCTAssertEqual(reading.analyze("Hij drinkt elke avond bier.").map(\.indicator), ["verslaving"])
        XCTAssertTrue(reading.analyze("Hij drinkt graag koffie met zijn vader.").isEmpty, "no alcohol word: not drinking in the addiction sense")
        XCTAssertTrue(reading.analyze("Hij drinkt koffie en soms een bier.").isEmpty, "an excluded word near it wins")
        XCTAssertTrue(reading.analyze("Hij drinkt op zaterdagavond in de kroeg met vrienden een biertje.").isEmpty, "the alcohol word is outside the window")
    }

    func testAnExcludedSenseOnTheTermsOwnWordOrAsTheFirstPartOfTheCompound() {
        let reading = analyzer(
            [("verslaving", [TermRule(text: "drinken", exclude: ["frisdrank"], window: 3)])], senses: senses([("frisdrank", ["koffie", "thee*"])])
        )
        XCTAssertTrue(reading.analyze("Het koffiedrinken met collega's bevalt hem.").isEmpty)
        XCTAssertTrue(reading.analyze("Na het theedrinken gaat hij naar huis.").isEmpty)
    }

    func testACompoundCarriesItsSenseInItsFirstPart() {
        let reading = analyzer([("schulden", [TermRule(text: "schuld", require: ["geld"], window: 5)])], senses: senses([("geld", ["huur", "euro"])]))
        XCTAssertEqual(reading.analyze("Hij heeft een huurschuld.").map(\.matchedText), ["huurschuld"])
        XCTAssertEqual(reading.analyze("Hij heeft een schuld van 300 euro.").map(\.matchedText), ["schuld"])
        XCTAssertTrue(reading.analyze("Het is zijn schuld niet.").isEmpty)
        XCTAssertTrue(reading.analyze("Hij heeft een studieschuld.").isEmpty, "'studie' is not a money word in this sense set")
    }

    func testWithoutMorphologyTermsMatchAsWritten() {
        let reading = analyzer([("schulden", [TermRule(text: "schuld")])], wordForms: nil)
        XCTAssertTrue(reading.analyze("Hij heeft een huurschuld.").isEmpty)
        XCTAssertEqual(reading.analyze("Hij heeft een schuld.").count, 1)
    }

    func testAMissingDictionaryDegradesWithAStatedWarning() {
        let forms = WordForms(searching: ["/nonexistent-hunspell-directory"])
        XCTAssertFalse(forms.splitsCompounds)
        XCTAssertNotNil(forms.warning)
        XCTAssertTrue(forms.warning?.contains("hunspell-nl") == true, forms.warning ?? "")
        XCTAssertEqual(forms.stem("schulden"), "schuld", "stems still work: libstemmer is linked")
        let reading = analyzer([("schulden", [TermRule(text: "schuld")])], wordForms: forms)
        XCTAssertEqual(reading.morphologyWarning, forms.warning)
        XCTAssertEqual(reading.analyze("Hij heeft schulden.").count, 1, "inflections still match")
        XCTAssertTrue(reading.analyze("Hij heeft een huurschuld.").isEmpty, "compounds only as written")
        XCTAssertNil(WordForms.shared.warning, "the test machine has the Dutch dictionary (apt-get install hunspell-nl)")
    }

    /// The forms of each distinct word are looked up once: more text with the same words adds no lookups.
    func testMorphologyIsLookedUpOncePerDistinctWord() {
        let forms = WordForms()
        let reading = analyzer([("schulden", [TermRule(text: "schuld")])], wordForms: forms)
        let sentence = "Hij heeft een huurschuld en een studieschuld bij de bank. "
        _ = reading.analyze(sentence)
        let afterOne = forms.cachedWordCount
        _ = reading.analyze(String(repeating: sentence, count: 200))
        XCTAssertEqual(forms.cachedWordCount, afterOne)
        XCTAssertGreaterThan(afterOne, 0)
    }

    func testDefaultRulesetOnRiskyWords() throws {
        let analyzer = NarrativeAnalyzer(ruleset: try TestPaths.loadDefaultRuleset())
        func indicators(_ text: String) -> [String] { analyzer.analyze(text).map(\.indicator) }
        // Item 1: coffee, alcohol-free beer and a drinks wholesaler are not addiction.
        XCTAssertFalse(indicators("Hij drinkt graag koffie met zijn vader.").contains("verslaving"))
        XCTAssertFalse(indicators("Hij drinkt alleen alcoholvrije biertjes.").contains("verslaving"))
        XCTAssertFalse(indicators("Vroeger werkte hij bij een drankenhandel.").contains("verslaving"))
        XCTAssertFalse(indicators("Zij werkt als verpleegkundige bij de verslavingszorg.").contains("verslaving"))
        XCTAssertTrue(indicators("Hij drinkt elke dag zes blikjes bier.").contains("verslaving"))
        XCTAssertTrue(indicators("Zijn alcoholverslaving is nooit behandeld.").contains("verslaving"))
        // Relapse is not a fall in income, and falling back on someone is support.
        XCTAssertFalse(indicators("Door de terugval in inkomen moet hij verhuizen.").contains("terugvalrisico"))
        XCTAssertFalse(indicators("Hij kan terugvallen op zijn broer.").contains("terugvalrisico"))
        // Physical trauma is not psychological trauma; a crisis in the economy is no acute crisis.
        XCTAssertFalse(indicators("Na het knietrauma liep hij met krukken.").contains("trauma"))
        XCTAssertFalse(indicators("Tijdens de coronacrisis werkte hij thuis.").contains("acute-crisis"))
        XCTAssertFalse(indicators("Hij voelt zich schuldig.").contains("schulden"))
    }
}
