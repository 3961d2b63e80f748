import TotaalbeeldModel
import TotaalbeeldText
import XCTest

/// The ConText mechanics on small hand-made rule sets, so each test shows one behaviour.
final class ContextTests: XCTestCase {
    private static let here = Location(file: "ContextTests", line: 1, column: 1)

    private func trigger(_ phrase: String, _ category: ContextCategory, _ direction: ContextDirection = .forward, scope: Int? = nil) -> ContextTrigger {
        ContextTrigger(phrase: phrase, category: category, direction: direction, maxScope: scope, location: Self.here)
    }

    private func rules(
        _ triggers: [ContextTrigger], pseudo: [(String, ContextCategory)] = [], terminators: [(String, Set<ContextCategory>)] = []
    ) -> ContextRules {
        ContextRules(
            triggers: triggers,
            pseudoTriggers: pseudo.map { PseudoTrigger(phrase: $0.0, category: $0.1, location: Self.here) },
            terminators: terminators.map { Terminator(phrase: $0.0, categories: $0.1, location: Self.here) },
            defaultMaxScope: 8, termGap: 3, historicalFactor: 0.5, hypotheticalFactor: 0, otherExperiencerFactor: 1
        )
    }

    private let terms: KeyValuePairs<String, [String]> = [
        "schulden": ["schulden"], "verslaving": ["drinkt", "verslaafd"], "werk": ["weinig werkervaring", "werkervaring"],
        "slaap": ["slaapt … slecht"], "angst": ["angst*"], "jeugd": ["zware jeugd"], "thuis": ["ruzies thuis"],
    ]

    private func hit(_ text: String, _ indicator: String, _ context: ContextRules) throws -> TextHit {
        let hits = NarrativeAnalyzer(terms: terms, context: context).analyze(text).filter { $0.indicator == indicator }
        XCTAssertEqual(hits.count, 1, "one \(indicator) hit in '\(text)'")
        return try XCTUnwrap(hits.first)
    }

    func testNegationForwardWithinScope() throws {
        let context = rules([trigger("geen", .negation, scope: 3)])
        XCTAssertTrue(try hit("Hij heeft geen schulden.", "schulden", context).negated)
        XCTAssertTrue(try hit("Er zijn geen grote open schulden.", "schulden", context).negated, "three words between is still in scope")
        XCTAssertFalse(try hit("Er zijn geen echt grote open schulden.", "schulden", context).negated, "four words between is out of scope")
        XCTAssertFalse(try hit("Schulden heeft hij geen.", "schulden", context).negated, "a forward trigger does not look back")
    }

    func testBackwardTrigger() throws {
        let context = rules([trigger("is uitgesloten", .negation, .backward, scope: 5)])
        XCTAssertTrue(try hit("Verslaafd zijn is uitgesloten.", "verslaving", context).negated)
    }

    func testScopeEndsAtTerminatorAndSentence() throws {
        let context = rules([trigger("geen", .negation)], terminators: [("maar", [.negation])])
        XCTAssertFalse(try hit("Hij heeft geen werk maar wel schulden.", "schulden", context).negated)
        XCTAssertFalse(try hit("Hij heeft geen werk. Wel schulden.", "schulden", context).negated, "scope never crosses the sentence end")
    }

    func testPseudoTriggerBlocksTheTriggerItContains() throws {
        let context = rules([trigger("niet", .negation), trigger("geen", .negation)], pseudo: [("niet alleen", .negation), ("gebrek aan … niet", .negation)])
        XCTAssertFalse(try hit("Niet alleen schulden, ook angst.", "schulden", context).negated)
        XCTAssertTrue(try hit("Niet zijn schulden.", "schulden", context).negated)
    }

    func testTriggerInsideTheTermDoesNotApplyToIt() throws {
        let context = rules([trigger("weinig", .negation, scope: 3)])
        let werk = try hit("Cliënt heeft weinig werkervaring.", "werk", context)
        XCTAssertFalse(werk.negated)
        XCTAssertEqual(werk.matchedText, "weinig werkervaring")
    }

    func testNegationInsideATermIsConsumedButOtherCategoriesAreNot() throws {
        let context = rules([trigger("weinig", .negation, scope: 3), trigger("jeugd", .historical, scope: 6)])
        // "weinig" belongs to the term "weinig werkervaring": it negates nothing after it.
        XCTAssertFalse(try hit("Hij heeft weinig werkervaring en angst.", "angst", context).negated)
        // "jeugd" in the term "zware jeugd" still dates what follows.
        XCTAssertTrue(try hit("Hij had een zware jeugd met ruzies thuis.", "thuis", context).historical)
    }

    func testTriggerInTheGapOfASplitTermApplies() throws {
        let context = rules([trigger("niet", .negation)])
        let slaap = try hit("Hij slaapt niet slecht.", "slaap", context)
        XCTAssertTrue(slaap.negated)
        XCTAssertEqual(slaap.matchedText, "slaapt niet slecht")
    }

    func testTermInTheGapOfASplitTriggerIsCovered() throws {
        let context = rules([trigger("geen", .negation), trigger("geen … meer", .historical, .bidirectional, scope: 2)])
        let schulden = try hit("Hij heeft geen schulden meer.", "schulden", context)
        XCTAssertTrue(schulden.historical)
        XCTAssertFalse(schulden.negated, "the longer trigger takes the word 'geen'")
    }

    func testLongestTriggerWinsAcrossCategories() throws {
        let context = rules([trigger("als", .hypothetical), trigger("als kind", .historical)])
        let angst = try hit("Als kind had hij veel angsten.", "angst", context)
        XCTAssertTrue(angst.historical)
        XCTAssertFalse(angst.hypothetical)
        XCTAssertTrue(try hit("Als hij faalt, komt de angst terug.", "angst", context).hypothetical)
    }

    func testNextNegationEndsTheScope() throws {
        // Each "geen" governs its own noun; the first does not reach into the second term.
        let context = rules([trigger("geen", .negation)])
        let hits = NarrativeAnalyzer(terms: ["werk": ["geen werkervaring"], "schulden": ["schulden"]], context: context)
            .analyze("Geen schulden en geen werkervaring.")
        XCTAssertEqual(hits.map(\.indicator), ["schulden", "werk"])
        XCTAssertEqual(hits.map(\.negated), [true, false])
    }

    func testExperiencer() throws {
        let context = rules([trigger("moeder", .experiencer, scope: 6)], pseudo: [("met|bij zijn moeder", .experiencer)], terminators: [("hij", [.experiencer])])
        XCTAssertEqual(try hit("Zijn moeder heeft schulden.", "schulden", context).experiencer, .other)
        XCTAssertEqual(try hit("Zijn moeder zegt dat hij schulden heeft.", "schulden", context).experiencer, .client)
        XCTAssertEqual(try hit("Ruzie met zijn moeder over schulden.", "schulden", context).experiencer, .client)
    }

    func testAppliedTriggersAreTheEvidence() throws {
        let context = rules([trigger("vroeger", .historical, .bidirectional), trigger("niet", .negation)])
        let text = "Vroeger was hij niet verslaafd."
        let hit = try hit(text, "verslaving", context)
        XCTAssertEqual(hit.triggers.map(\.phrase), ["vroeger", "niet"])
        XCTAssertEqual(hit.triggers.map(\.category), [.historical, .negation])
        let scalars = Array(text.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[hit.triggers[1].start..<hit.triggers[1].end])), "niet")
    }

    /// A pseudo-trigger of scope "sentence" gives the floor to another speaker: after "Zijn broer:" the first
    /// person is the brother, so his "mijn" makes no claim; a trigger it does not void ("naar eigen zeggen")
    /// still does, and before the label nothing changes.
    func testSpeakerLabelVoidsTheFirstPersonForTheRestOfTheSentence() throws {
        let firstPerson = "ik|mijn"
        let context = ContextRules(
            triggers: [trigger(firstPerson, .claim, .bidirectional, scope: 20), trigger("naar eigen zeggen", .claim, .bidirectional, scope: 6)],
            pseudoTriggers: [PseudoTrigger(phrase: "broer :", category: .claim, restOfSentence: true, voids: firstPerson, location: Self.here)],
            terminators: [], defaultMaxScope: 8, termGap: 3, historicalFactor: 0.5, hypotheticalFactor: 0, otherExperiencerFactor: 1
        )
        XCTAssertEqual(try hit("Ik heb schulden.", "schulden", context).assertion, .claim)
        XCTAssertEqual(try hit("Zijn broer: 'Ik denk dat hij schulden heeft, mijn geld is ook op.'", "schulden", context).assertion, .finding)
        XCTAssertEqual(try hit("Zijn broer: hij heeft naar eigen zeggen geen schulden.", "schulden", context).assertion, .claim)
        XCTAssertEqual(try hit("Ik heb schulden, zegt zijn broer: niet waar.", "schulden", context).assertion, .claim, "a label after the hit's trigger voids nothing before it")
    }
}
