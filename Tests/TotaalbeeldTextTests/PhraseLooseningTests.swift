import Foundation
import TotaalbeeldModel
import TotaalbeeldText
import XCTest

/// Multi-word terms beyond their written words and order: inflected content words and Dutch word order
/// (the context's `phraseInflection` and `freeOrderWindow`).
final class PhraseLooseningTests: XCTestCase {
    private static let functionWords: Set<String> = ["geen", "niet", "niets", "in", "hij", "zij", "de", "het", "een", "er", "op", "heeft"]

    private func context(inflection: Bool = true, window: Int = 5) -> ContextRules {
        var context = ContextRules.empty
        context.phraseInflection = inflection
        context.freeOrderWindow = window
        context.functionWords = Self.functionWords
        context.clauseWords = ["maar", "omdat", "dat", "en"]
        return context
    }

    private func analyzer(_ rules: [(String, [TermRule])], context: ContextRules, strict: Set<String> = [], senses: [SenseSet] = []) -> NarrativeAnalyzer {
        NarrativeAnalyzer(indicators: rules.map { (id: $0.0, rules: $0.1) }, senses: senses, context: context, strict: strict)
    }

    func testContentWordsOfAPhraseMatchTheirInflectedForms() {
        let reading = analyzer([("schulden", [TermRule(text: "schulden opgebouwd")]), ("slaap", [TermRule(text: "slechte nachtrust")])], context: context(window: 0))
        XCTAssertEqual(reading.analyze("Hij heeft een schuld opgebouwd.").map(\.matchedText), ["schuld opgebouwd"])
        XCTAssertEqual(reading.analyze("Zij heeft een slecht nachtrust.").map(\.matchedText), ["slecht nachtrust"])
        XCTAssertEqual(reading.analyze("Hij heeft schulden opgebouwd.").map(\.matchedText), ["schulden opgebouwd"], "the written form still matches, once")
    }

    func testFunctionWordsMatchAsWritten() {
        let reading = analyzer([("motivatie", [TermRule(text: "niet gemotiveerd")])], context: context(window: 0))
        XCTAssertTrue(reading.analyze("Hij is niets gemotiveerd.").isEmpty, "'niets' is not an inflection of 'niet'")
        XCTAssertEqual(reading.analyze("Hij is niet gemotiveerde.").count, 1)
    }

    func testExactTermsAndTheSwitchStayAsWritten() {
        let exact = analyzer([("schulden", [TermRule(text: "schulden opgebouwd", exact: true)])], context: context())
        XCTAssertTrue(exact.analyze("Hij heeft een schuld opgebouwd.").isEmpty)
        XCTAssertTrue(exact.analyze("Omdat hij opgebouwd schulden heeft.").isEmpty)
        let off = analyzer([("schulden", [TermRule(text: "schulden opgebouwd")])], context: context(inflection: false, window: 0))
        XCTAssertTrue(off.analyze("Hij heeft een schuld opgebouwd.").isEmpty)
    }

    func testSubordinateClauseAndFrontedObjectOrder() {
        let reading = analyzer([("motivatie-laag", [TermRule(text: "heeft geen zin in werk")]), ("schulden", [TermRule(text: "bouwt schulden op")])], context: context())
        XCTAssertEqual(reading.analyze("Hij komt niet, omdat hij geen zin in werk heeft.").map(\.matchedText), ["geen zin in werk heeft"])
        let fronted = reading.analyze("Schulden bouwt hij op.")
        XCTAssertEqual(fronted.map(\.indicator), ["schulden"])
        XCTAssertEqual(fronted.first?.matchedText, "Schulden bouwt hij op")
    }

    func testFreeOrderStaysInsideOneClauseAndTheWindow() {
        let reading = analyzer([("slaap", [TermRule(text: "slaapt slecht")])], context: context())
        XCTAssertEqual(reading.analyze("Ze zegt dat zij slecht slaapt.").map(\.matchedText), ["slecht slaapt"])
        XCTAssertTrue(reading.analyze("Hij slaapt goed, maar eet slecht.").isEmpty, "a comma and 'maar' end the clause")
        XCTAssertTrue(reading.analyze("Hij slaapt in het weekend altijd tot laat uit zijn bed slecht.").isEmpty, "more than five words apart")
        let fixed = analyzer([("slaap", [TermRule(text: "slaapt slecht", fixedOrder: true)])], context: context())
        XCTAssertTrue(fixed.analyze("Ze zegt dat zij slecht slaapt.").isEmpty, "order=\"fixed\" keeps the written order")
    }

    func testOneContentWordIsNotEnoughForFreeOrder() {
        let reading = analyzer([("bank", [TermRule(text: "op de bank")])], context: context())
        XCTAssertTrue(reading.analyze("De bank belt op.").isEmpty)
    }

    func testHighPrecisionTermsLoosenOnlyWithASenseConstraint() {
        let problem = SenseSet(id: "probleem", label: LocalizedText(nl: "probleem"), terms: ["elke avond", "bier"], location: Location(file: "test", line: 1, column: 1))
        let reading = analyzer(
            [("verslaving", [TermRule(text: "drinkt te veel"), TermRule(text: "drinkt bier", require: ["probleem"])])],
            context: context(), strict: ["verslaving"], senses: [problem]
        )
        XCTAssertTrue(reading.analyze("Hij zegt dat hij te veel drinkt.").isEmpty, "an unconstrained high-precision term keeps its written order")
        XCTAssertEqual(reading.analyze("Omdat hij elke avond bier drinkt.").map(\.indicator), ["verslaving"])
        XCTAssertTrue(reading.analyze("Omdat hij bier drinkt.").isEmpty, "the term's own 'bier' does not meet its requirement")
    }

    func testFreeOrderCostFollowsTheText() {
        let terms = (0..<2_000).map { TermRule(text: "woord\($0) ander\($0)") } + [TermRule(text: "slaapt slecht")]
        let reading = analyzer([("x", terms)], context: context())
        let sentence = "Zij zegt dat zij al weken slecht slaapt en moe is. "
        var one = PhraseMatcher.MatchStatistics(), eight = PhraseMatcher.MatchStatistics()
        _ = reading.analyze(sentence, statistics: &one)
        _ = reading.analyze(String(repeating: sentence, count: 8), statistics: &eight)
        XCTAssertEqual(eight.steps, 8 * one.steps)
    }

    func testOnlyInflectionVariesInsideATerm() {
        // Snowball stems "rekeningen" and "rekenen" alike ("reken"), and "schuldig" like "schulden" ("schuld").
        let reading = analyzer([("post", [TermRule(text: "rekeningen … liggen")]), ("schulden", [TermRule(text: "schulden opgebouwd")])], context: context(window: 0))
        XCTAssertTrue(reading.analyze("De resultaten op rekenen en taal liggen boven verwachting.").isEmpty, "'rekenen' is no form of 'rekeningen'")
        XCTAssertEqual(reading.analyze("Hij laat de rekening liggen.").map(\.matchedText), ["rekening liggen"], "singular and plural of a derived noun still meet")
        XCTAssertTrue(reading.analyze("Hij voelt zich schuldig opgebouwd.").isEmpty, "'schuldig' is no form of 'schulden'")
        XCTAssertEqual(reading.analyze("Hij heeft een schuld opgebouwd.").map(\.matchedText), ["schuld opgebouwd"])
    }

    func testANegationInsideOneTermNegatesAnOverlappingHitAfterIt() {
        // The signal owns "geen"; the motivation starts inside it, after the negation.
        var context = ContextRules.empty
        context.triggers = [ContextTrigger(phrase: "geen", category: .negation, direction: .forward, maxScope: 5, location: Location(file: "test", line: 1, column: 1))]
        let reading = NarrativeAnalyzer(
            indicators: [(id: "gebrek-aan-inzet", terms: ["heeft geen zin"]), (id: "motivatie", terms: ["zin in werk"])],
            context: context, separateLayer: ["gebrek-aan-inzet"]
        )
        let found = reading.analyze("Cliënt heeft geen zin in werk.")
        XCTAssertEqual(found.map(\.indicator), ["gebrek-aan-inzet", "motivatie"])
        XCTAssertEqual(found.map(\.negated), [false, true])
    }
}

/// A loose match only adds readings: it yields to any other match on its words.
final class PhraseLooseningOverlapTests: XCTestCase {
    /// "motivatie" as written beside a longer term that reads the same sentence only loosely.
    private func hits(longerTerm: String) -> [TextHit] {
        var context = ContextRules.empty
        context.phraseInflection = true
        context.freeOrderWindow = 5
        context.functionWords = ["geen", "om", "te"]
        context.triggers = [ContextTrigger(phrase: "geen", category: .negation, direction: .forward, maxScope: 5, location: Location(file: "test", line: 1, column: 1))]
        let reading = NarrativeAnalyzer(terms: ["arbeidsongeschikt": [longerTerm], "motivatie": ["motivatie"]], context: context)
        return reading.analyze("Hij heeft geen motivatie om te werken, geen enkele motivatie om te werken.")
    }

    func testALooseMatchNeitherHidesNorTakesTheNegationOfAWrittenOne() {
        // Inflected: "werken" for "werk".
        let found = hits(longerTerm: "geen motivatie om te werk")
        XCTAssertEqual(found.map(\.indicator), ["motivatie", "motivatie"], "the inflected match of the longer term yields to the written term")
        XCTAssertEqual(found.map(\.negated), [true, true])
    }

    func testALooseMatchYieldsToAMatchInTheWordsItPassesOver() {
        // In free order "geen enkele … werken" passes over "motivatie".
        let found = hits(longerTerm: "geen enkel werk")
        XCTAssertEqual(found.map(\.indicator), ["motivatie", "motivatie"])
        XCTAssertEqual(found.map(\.negated), [true, true])
    }
}
