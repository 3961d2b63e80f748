import Foundation
import TotaalbeeldModel
import TotaalbeeldText
import XCTest

/// Typing errors read as the term words they misspell (the context's `typoDistance` and
/// `typoMinimumLength`): the distance-1 index, the dictionary's veto, and the analyser's use of both.
final class TypoToleranceTests: XCTestCase {
    // MARK: The index

    func testEachOfTheFourEditsIsFound() {
        let index = TypoIndex(words: ["klachten", "concentratie", "depressief"], prefixes: [], minimumLength: 7)
        XCTAssertEqual(index.words(near: "klachetn"), ["klachten"], "two neighbours swapped")
        XCTAssertEqual(index.words(near: "depresief"), ["depressief"], "a letter left out")
        XCTAssertEqual(index.words(near: "klachtten"), ["klachten"], "a letter inserted")
        XCTAssertEqual(index.words(near: "klachtan"), ["klachten"], "a letter replaced")
        XCTAssertEqual(index.words(near: "concentartie"), ["concentratie"])
    }

    func testTwoEditsAndTheWordItselfAreNotNear() {
        let index = TypoIndex(words: ["klachten"], prefixes: [], minimumLength: 7)
        XCTAssertEqual(index.words(near: "kalchetn"), [], "two swaps")
        XCTAssertEqual(index.words(near: "klachtxx"), [], "two replacements")
        XCTAssertEqual(index.words(near: "klchtn"), [], "too short, and two letters left out")
        XCTAssertEqual(index.words(near: "klachten"), [], "distance 0 is a match as written, not a correction")
    }

    func testTheFirstLetterStays() {
        let index = TypoIndex(words: ["klachten"], prefixes: ["schuld"], minimumLength: 7)
        XCTAssertEqual(index.words(near: "glachten"), [])
        XCTAssertEqual(index.words(near: "lkachten"), [], "a swap of the first two letters changes the first letter")
        XCTAssertEqual(index.prefixed(near: "tchulden"), [])
    }

    func testBothWordsHaveTheMinimumLength() {
        let index = TypoIndex(words: ["klacht", "klachten"], prefixes: [], minimumLength: 7)
        XCTAssertEqual(index.words(near: "klahct"), [], "six letters")
        XCTAssertEqual(index.words(near: "klachtn"), ["klachten"], "'klacht' is shorter than seven letters")
        XCTAssertEqual(TypoIndex(words: ["klachten"], prefixes: [], minimumLength: 9).words(near: "klachetn"), [])
    }

    func testPrefixTermsProposeTheWordStartingWithThePrefix() {
        let index = TypoIndex(words: [], prefixes: ["schuld", "klacht", "huurachterstand", "werk"], minimumLength: 7)
        XCTAssertTrue(index.prefixed(near: "schudlen").contains("schulden"))
        XCTAssertTrue(index.prefixed(near: "klachetn").contains("klachten"), "a swap across the prefix's end")
        XCTAssertEqual(index.prefixed(near: "huurachterstnd"), ["huurachterstand"])
        XCTAssertEqual(index.prefixed(near: "wrekgever"), [], "prefixes under five letters are not used")
        XCTAssertTrue(index.prefixed(near: "schulden").isEmpty || !index.prefixed(near: "schulden").contains("schulden"))
    }

    // MARK: The analyser

    private func context(distance: Int = 1, minimum: Int = 7) -> ContextRules {
        var context = ContextRules.empty
        context.typoDistance = distance
        context.typoMinimumLength = minimum
        return context
    }

    private func analyzer(
        _ rules: [(String, [TermRule])], context: ContextRules, strict: Set<String> = [], senses: [SenseSet] = []
    ) -> NarrativeAnalyzer {
        NarrativeAnalyzer(indicators: rules.map { (id: $0.0, rules: $0.1) }, senses: senses, context: context, strict: strict)
    }

    private var hasDictionary: Bool { WordForms.shared.isDutchWord("klachten") == true }

    func testMisspelledTermWordsAreFoundAndSaySo() throws {
        try XCTSkipUnless(hasDictionary, "needs the Dutch Hunspell dictionary")
        let reading = analyzer(
            [("klachten", [TermRule(text: "klacht*")]), ("schulden", [TermRule(text: "schuld*"), TermRule(text: "huurachterstand*")]),
             ("depressie", [TermRule(text: "depressief")])],
            context: context()
        )
        let hits = reading.analyze("Hij heeft veel klachetn en schudlen, een huurachterstnd, en is depresief.")
        XCTAssertEqual(hits.map(\.indicator), ["klachten", "schulden", "schulden", "depressie"])
        XCTAssertEqual(hits.map(\.matchedText), ["klachetn", "schudlen", "huurachterstnd", "depresief"], "the hit keeps the text as written")
        XCTAssertEqual(hits.flatMap(\.spelling).map(\.description), [
            "klachetn → klachten", "schudlen → schulden", "huurachterstnd → huurachterstand", "depresief → depressief",
        ])
    }

    func testACorrectedWordTakesPartInMultiWordTerms() throws {
        try XCTSkipUnless(hasDictionary, "needs the Dutch Hunspell dictionary")
        let reading = analyzer([("concentratie", [TermRule(text: "concentratie … slecht")])], context: context())
        let hits = reading.analyze("Concentartie is slecht.")
        XCTAssertEqual(hits.map(\.matchedText), ["Concentartie is slecht"])
        XCTAssertEqual(hits.first?.spelling, [SpellingCorrection(written: "Concentartie", read: "concentratie")])
    }

    func testDutchWordsAreNeverCorrected() throws {
        try XCTSkipUnless(hasDictionary, "needs the Dutch Hunspell dictionary")
        let reading = analyzer(
            [("schulden", [TermRule(text: "schulden")]), ("slaap", [TermRule(text: "verslapen")])], context: context(minimum: 7)
        )
        XCTAssertTrue(reading.analyze("Hij voelt zich schuldig.").isEmpty, "'schuldig' is Dutch, not a misspelled 'schulden'")
        XCTAssertTrue(analyzer([("verslaving", [TermRule(text: "drinken")])], context: context(minimum: 6)).analyze("Hij is een drinker.").isEmpty)
        XCTAssertTrue(reading.analyze("Het team was verslagen.").isEmpty, "'verslagen' is one letter from 'verslapen', and Dutch")
    }

    func testExactTermsAndTheSwitchStayAsWritten() throws {
        try XCTSkipUnless(hasDictionary, "needs the Dutch Hunspell dictionary")
        let exact = analyzer([("klachten", [TermRule(text: "klachten", exact: true)])], context: context())
        XCTAssertTrue(exact.analyze("Veel klachetn.").isEmpty)
        let off = analyzer([("klachten", [TermRule(text: "klachten")])], context: context(distance: 0))
        XCTAssertTrue(off.analyze("Veel klachetn.").isEmpty)
    }

    func testHighPrecisionIndicatorsNeedASense() throws {
        try XCTSkipUnless(hasDictionary, "needs the Dutch Hunspell dictionary")
        let unguarded = analyzer([("verslaving", [TermRule(text: "verslaafd")])], context: context(), strict: ["verslaving"])
        XCTAssertTrue(unguarded.analyze("Hij is verslaagd.").isEmpty)
        let alcohol = SenseSet(id: "alcohol", label: LocalizedText(nl: "alcohol"), terms: ["alcohol"], location: Location(file: "test", line: 1, column: 1))
        let guarded = analyzer(
            [("verslaving", [TermRule(text: "verslaafd", require: ["alcohol"], window: 5)])], context: context(), strict: ["verslaving"], senses: [alcohol]
        )
        XCTAssertEqual(guarded.analyze("Hij is verslaagd aan alcohol.").map(\.indicator), ["verslaving"])
        XCTAssertTrue(guarded.analyze("Hij is verslaagd.").isEmpty)
    }

    func testNamesAndShortWordsStayAsWritten() throws {
        try XCTSkipUnless(hasDictionary, "needs the Dutch Hunspell dictionary")
        let reading = analyzer([("schulden", [TermRule(text: "schulden")])], context: context())
        XCTAssertTrue(reading.analyze("Zij sprak met mevrouw Schulten.").isEmpty, "a capital inside a sentence: a name")
        XCTAssertTrue(analyzer([("angst", [TermRule(text: "angst")])], context: context()).analyze("Veel angts.").isEmpty)
    }

    func testACorrectionYieldsToAMatchAsWritten() throws {
        try XCTSkipUnless(hasDictionary, "needs the Dutch Hunspell dictionary")
        // As a loose match does: the reading through a guessed word only adds where no written one stands.
        let reading = analyzer([("regeling", [TermRule(text: "regeling")]), ("betalingsregeling", [TermRule(text: "regeling schulden")])], context: context())
        XCTAssertEqual(reading.analyze("Een regeling schulden.").map(\.indicator), ["betalingsregeling"])
        XCTAssertEqual(reading.analyze("Een regeling schudlen.").map(\.indicator), ["regeling"])
    }

    func testTheSameTextGivesTheSameHits() throws {
        try XCTSkipUnless(hasDictionary, "needs the Dutch Hunspell dictionary")
        let reading = analyzer([("klachten", [TermRule(text: "klacht*")])], context: context())
        let text = "Veel klachetn. Nog steeds klachetn en klachtne."
        XCTAssertEqual(reading.analyze(text), reading.analyze(text))
        XCTAssertEqual(reading.analyze(text).count, 2)
    }
}
