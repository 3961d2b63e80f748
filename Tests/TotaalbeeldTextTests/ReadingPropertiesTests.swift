import Foundation
import TotaalbeeldModel
import TotaalbeeldText
import XCTest

/// Uncertain, resolved and claimed readings, negation after the verb, one reading per span, and
/// segmentation of line-by-line notes (issue 13), with the default ruleset's rules.
final class ReadingPropertiesTests: XCTestCase {
    private static let analyzer = NarrativeAnalyzer(ruleset: try! TestPaths.loadDefaultRuleset())

    private func hit(_ text: String, _ indicator: String, file: StaticString = #filePath, line: UInt = #line) throws -> TextHit {
        try XCTUnwrap(Self.analyzer.analyze(text).first { $0.indicator == indicator }, "\(indicator) in '\(text)'", file: file, line: line)
    }

    // MARK: Questions and their answers (1.43.0)

    func testABareAnswerGivesTheQuestionItsReading() throws {
        let yes = try hit("Heeft u schulden? Ja, ongeveer 6.000 euro bij de Belastingdienst.", "schulden")
        XCTAssertFalse(yes.hypothetical)
        XCTAssertFalse(yes.negated)
        let no = try hit("Heeft u last van somberheid of angst? Nee.", "angst")
        XCTAssertTrue(no.negated)
        XCTAssertFalse(no.hypothetical)
        XCTAssertTrue(no.triggers.contains { $0.category == .negation && $0.phrase.lowercased() == "nee" }, "the answer is the evidence")
        // An answer in other words leaves the question asked; so does a question with nothing after it.
        for text in ["Gebruikt u alcohol of drugs? Alleen een biertje bij het voetbal.", "Is er sprake van schulden?", "Is er sprake van schulden? Cliënt wil daar niet op ingaan."] {
            let asked = try XCTUnwrap(Self.analyzer.analyze(text).first { ["verslaving", "schulden"].contains($0.indicator) }, text)
            XCTAssertTrue(asked.hypothetical, text)
            XCTAssertTrue(asked.triggers.contains { $0.question }, text)
        }
        // "Ja" opening a sentence that follows no question is no answer.
        let statement = try hit("Hij heeft het moeilijk. Ja, er zijn schulden, maar die worden afgelost.", "schulden")
        XCTAssertFalse(statement.negated)
    }

    // MARK: Shorthand of case notes (1.47.0)

    /// "Clt geeft aan", "Volgens clt", "aangemeld bij SHV": the short form reads as its word, and the text shows it as
    /// written; the polite "u" of a question stays a pronoun.
    func testShorthandReadsAsTheWordItStandsFor() throws {
        let told = try hit("Clt geeft aan dat hij schulden heeft.", "schulden")
        XCTAssertEqual(told.assertion, .claim)
        let according = try hit("Volgens clt zijn er schulden bij de zorgverzekeraar.", "schulden")
        XCTAssertEqual(according.assertion, .claim)
        let counselling = try hit("Wn is aangemeld bij de SHV.", "schulden")
        XCTAssertEqual(counselling.matchedText, "SHV")
        XCTAssertFalse(counselling.negated)
        // Without the shorthand, a professional's sentence about him is a finding.
        XCTAssertEqual(try hit("Hij heeft schulden bij de zorgverzekeraar.", "schulden").assertion, .finding)
    }

    // MARK: Item 2: uncertainty

    func testPossibleAndProbableAreUncertainNotHypothetical() throws {
        for text in [
            "Vermoedelijk heeft hij schulden.", "Er zijn aanwijzingen voor schulden.", "Mogelijk zijn er schulden.",
            "Schulden zijn niet uitgesloten.", "Het is de vraag of er schulden zijn.", "Waarschijnlijk heeft hij nog schulden.",
        ] {
            let debts = try hit(text, "schulden")
            XCTAssertTrue(debts.uncertain, text)
            XCTAssertFalse(debts.hypothetical, text)
        }
        // Conditional and feared stay hypothetical; when both apply, the condition dominates.
        let conditional = try hit("Als hij schulden krijgt, stopt het traject.", "schulden")
        XCTAssertTrue(conditional.hypothetical)
        XCTAssertFalse(conditional.uncertain)
    }

    func testUncertaintyAttachesToItsClaimNotToWhatIsPresupposed() throws {
        // "de slaapproblemen" are given; only their cause is uncertain.
        XCTAssertFalse(try hit("Vermoedelijk zijn de slaapproblemen een bijwerking van de medicatie.", "slaapproblemen").uncertain)
        XCTAssertTrue(try hit("Mogelijk speelt er een trauma uit de oorlog.", "trauma").uncertain)
        XCTAssertFalse(try hit("Zodra de schuldsanering is afgerond, kan hij beginnen.", "schulden").hypothetical)
    }

    // MARK: Item 3: resolution

    func testResolvedProblemsAreNotCurrent() throws {
        let debts = try hit("De huurachterstand is inmiddels afgelost.", "schulden")
        XCTAssertTrue(debts.resolved)
        XCTAssertFalse(debts.historical)
        XCTAssertTrue(try hit("De kinderopvang is inmiddels geregeld.", "kinderopvang").resolved)
        XCTAssertTrue(try hit("Zijn knieklachten zijn na de revalidatie verdwenen.", "lichamelijke-klachten").resolved)
        // A partial or pending settlement leaves the problem current.
        XCTAssertFalse(try hit("De schulden zijn nog niet afgelost.", "schulden").resolved)
        XCTAssertFalse(try hit("De schulden zijn nagenoeg afgelost.", "schulden").resolved)
    }

    func testAnAddictionIsNeverResolvedButHistoricalAndAStrengthIsNeverResolved() throws {
        let drinking = try hit("Zijn alcoholprobleem is onder controle.", "verslaving")
        XCTAssertFalse(drinking.resolved)
        XCTAssertTrue(drinking.historical)
        XCTAssertFalse(try hit("Na de revalidatie zijn de klachten verdwenen en is hij hersteld.", "herstel-in-gang").resolved)
    }

    // MARK: Item 4: negation after the verb, one reading per span

    func testNegationAfterTheVerbAtTheEndOfAClause() throws {
        XCTAssertTrue(try hit("Hij gokt niet.", "verslaving").negated)
        XCTAssertTrue(try hit("Zij blowt niet, maar ze rookt wel.", "verslaving").negated)
        XCTAssertTrue(try hit("Schulden heeft hij niet.", "schulden").negated)
        XCTAssertTrue(try hit("Schulden: nee.", "schulden").negated)
        XCTAssertTrue(try hit("Kinderopvang: n.v.t.", "kinderopvang").negated)
        // Not at the end of its clause: the debts exist, they are not paid off.
        XCTAssertFalse(try hit("Hij heeft zijn schulden niet afgelost.", "schulden").negated)
        // "niet meer" is still historical, not negated.
        let stopped = try hit("Hij gokt niet meer.", "verslaving")
        XCTAssertTrue(stopped.historical)
        XCTAssertFalse(stopped.negated)
    }

    func testOneSpanHasOneReading() {
        let hits = Self.analyzer.analyze("Hij heeft geen diploma behaald.")
        XCTAssertEqual(hits.map(\.indicator), ["geen-diploma"], "not also an affirmed 'diploma behaald' on the same words")
        XCTAssertFalse(hits[0].negated)
    }

    // MARK: Claims versus findings

    func testTheClientsOwnStatementIsAClaim() throws {
        for text in [
            "Cliënt geeft aan geen schulden te hebben.", "Hij zegt dat hij schulden heeft.", "Volgens cliënt zijn er schulden.",
            "Naar eigen zeggen heeft hij schulden.", "Schulden heeft hij niet, zegt hij.", "'Ik heb schulden bij de bank.'",
        ] {
            XCTAssertEqual(try hit(text, "schulden").assertion, .claim, text)
        }
        for text in ["Zijn vrouw zegt dat hij schulden heeft.", "De schuldhulpverlener telt twaalf schuldeisers.", "Hij heeft schulden."] {
            XCTAssertEqual(try hit(text, "schulden").assertion, .finding, text)
        }
        // A denial is both: negated, and the client's claim.
        let denied = try hit("Cliënt ontkent alcoholgebruik.", "verslaving")
        XCTAssertTrue(denied.negated)
        XCTAssertEqual(denied.assertion, .claim)
        // A claim ends where another source takes over.
        let hits = Self.analyzer.analyze("Cliënt zegt dat hij geen schulden heeft, maar de schuldhulpverlener telt twaalf schuldeisers.")
        XCTAssertEqual(hits.filter { $0.indicator == "schulden" }.map(\.assertion), [.claim, .finding])
    }

    // MARK: Item 5: line breaks

    func testALineBreakEndsANoteButNotWrappedProse() throws {
        let notes = Self.analyzer.analyze("Hij heeft geen schulden\nvroeger dronk hij")
        let drinking = try XCTUnwrap(notes.first { $0.indicator == "verslaving" })
        XCTAssertFalse(drinking.negated, "the negation of the first note does not reach the second")
        XCTAssertTrue(drinking.historical)
        XCTAssertEqual(Self.analyzer.sentences(in: "Hij heeft geen schulden\nvroeger dronk hij").count, 2)
        XCTAssertEqual(Self.analyzer.sentences(in: "Hij woont in bij\nzijn ouders.").count, 1)
    }

    // MARK: 1.9.0: whose statement, whose experience

    /// A reporting frame is a claim by its subject: the client's frames are claims; a relative's or
    /// employer's speaker label gives the first person to that speaker, while a client frame nested in
    /// their report stays a claim; a professional's "ik denk dat hij" is no claim.
    func testClaimsFollowTheSubjectOfTheFrame() throws {
        XCTAssertEqual(try hit("Ik heb schulden bij de bank.", "schulden").assertion, .claim)
        XCTAssertEqual(try hit("Zijn broer: 'Ik denk dat hij schulden heeft.'", "schulden").assertion, .finding)
        XCTAssertEqual(try hit("Werkgever: medewerker heeft naar eigen zeggen schulden bij de bank.", "schulden").assertion, .claim)
        XCTAssertEqual(try hit("De zus van cliënt vertelt dat hij schulden heeft.", "schulden").assertion, .finding)
        XCTAssertEqual(try hit("Cliënt vertelt dat hij schulden heeft.", "schulden").assertion, .claim)
        XCTAssertEqual(try hit("Ik denk dat hij schulden heeft.", "schulden").assertion, .finding)
        XCTAssertEqual(try hit("Ik denk dat ik schulden heb.", "schulden").assertion, .claim, "the client's own 'ik' stays")
    }

    /// A reporter is not the experiencer; the relative's condition after "met" is the relative's.
    func testExperiencerIsTheSubjectNotTheReporter() throws {
        XCTAssertEqual(try hit("Zijn collega's beschrijven vergeetachtigheid.", "concentratieproblemen").experiencer, .client)
        XCTAssertEqual(try hit("Meneer zorgt dagelijks voor zijn vrouw met Parkinson.", "lichamelijke-klachten").experiencer, .other)
    }

    // MARK: What is past by nature, and what the term itself says is over (ruleset 1.13.0)

    func testAJobHeldOrADiplomaIsPlacedInTimeNotOver() throws {
        // A date or "vroeger" places work history; it stays experience (and counts in full).
        for text in ["Cliënt heeft tot 2019 als orderpicker gewerkt bij een groothandel.", "Patiënt werkte vroeger als cipier en heeft nu rugklachten."] {
            let work = try hit(text, "werkervaring")
            XCTAssertFalse(work.historical, text)
            XCTAssertFalse(work.triggers.contains { $0.category == .historical }, "no historical cue shown: \(text)")
        }
        XCTAssertFalse(try hit("Ik heb in 2015 m'n mbo-diploma elektrotechniek gehaald.", "diploma-behaald").historical)
        // An indicator that is not past by nature still reads the time word.
        XCTAssertTrue(try hit("Vroeger had hij schulden bij de bank.", "schulden").historical)
    }

    func testATermThatSaysTheUseIsOverIsHistorical() throws {
        for text in ["Ik ben al vijf jaar clean en daar ben ik trots op.", "Meneer is al zes jaar droog en gaat naar de AA.",
                     "Zijn vrouw vertelt dat hij al twee jaar geen druppel meer heeft aangeraakt.", "Cliënt is sinds een jaar van de heroïne af."] {
            let use = try hit(text, "verslaving")
            XCTAssertTrue(use.historical, text)
            XCTAssertFalse(use.negated, text)
            XCTAssertTrue(use.triggers.contains { $0.category == .historical }, "the cue is shown: \(text)")
        }
        // Current use is not.
        XCTAssertFalse(try hit("Hij gebruikt dagelijks heroïne.", "verslaving").historical)
    }

    func testANegationBeforeAParticleOrAtTheEndOfAFrontedClauseNegates() throws {
        XCTAssertTrue(try hit("Schulden heb ik niet hoor, alles wordt keurig betaald.", "schulden").negated)
        XCTAssertTrue(try hit("Ik game veel, maar verslaafd ben ik niet hoor.", "verslaving").negated)
        XCTAssertTrue(try hit("Met de drank heeft hij niks, hij lust het niet eens.", "verslaving").negated)
        XCTAssertTrue(try hit("Conflicten met collega's hebben we met hem nooit gehad.", "conflicten-werk").negated)
        XCTAssertTrue(try hit("Kinderopvang: geregeld via oma", "kinderopvang").negated)
        // Not across a clause, and not a later "niks" three words away.
        XCTAssertFalse(try hit("Hij heeft schulden en doet er verder niks aan.", "schulden").negated)
        XCTAssertFalse(try hit("Zijn schulden zijn inmiddels geregeld.", "schulden").negated)
        // "om niks" is "for no reason": "ontploft om niks" is an outburst, not none.
        XCTAssertFalse(try hit("En hij ontploft om niks, tegen onze jongste vooral.", "psychische-klachten").negated)
    }

    func testAChanceARiskOrAFearStatedOtherwiseIsHypothetical() throws {
        XCTAssertTrue(try hit("Bij toename van de belasting bestaat de kans dat hij psychotische klachten krijgt.", "psychische-klachten").hypothetical)
        XCTAssertTrue(try hit("Het gezin loopt het risico dat er nieuwe schulden ontstaan.", "schulden").hypothetical)
        XCTAssertTrue(try hit("Wij vrezen dat hij opnieuw in conflict komt met zijn leidinggevende.", "conflicten-werk").hypothetical)
        XCTAssertTrue(try hit("Bij een volgende betalingsachterstand wordt de gasaansluiting afgesloten.", "schulden").hypothetical)
        XCTAssertTrue(try hit("Bij verdere afbouw van de medicatie kunnen opnieuw slaapproblemen ontstaan.", "slaapproblemen").hypothetical)
        let hope = try hit("Dochter: 'Ik hoop niet dat hij gaat drinken als ik uit huis ga.'", "verslaving")
        XCTAssertTrue(hope.hypothetical)
        XCTAssertFalse(hope.negated, "hoping not is no negation of the drinking")
        // A present finding beside it stays present.
        XCTAssertFalse(try hit("Hij heeft schulden; bij een volgende aanmaning belt hij de budgetcoach.", "schulden").hypothetical)
    }

    // MARK: Ruleset 1.14.0: who has it

    func testAfterASpeakerLabelTheFirstPersonIsTheSpeaker() throws {
        // The partner speaks of herself: her sleep, not the client's.
        XCTAssertEqual(try hit("Echtgenote: 'Ik slaap zelf al maanden slecht.'", "slaapproblemen").experiencer, .other)
        XCTAssertEqual(try hit("Zijn moeder: 'Ik heb zelf reuma, ik kan hem niet rijden.'", "lichamelijke-klachten").experiencer, .other)
        // She speaks of him: his drinking ("hij" ends her scope), and the label itself names the speaker, not the one
        // who has it.
        XCTAssertEqual(try hit("Echtgenote: 'Ik zie dat hij elke avond drinkt.'", "verslaving").experiencer, .client)
        XCTAssertEqual(try hit("Dochter: 'Papa drinkt weer elke avond.'", "verslaving").experiencer, .client)
        // Without a label the first person is the client's own.
        XCTAssertEqual(try hit("Ik slaap al maanden slecht.", "slaapproblemen").experiencer, .client)
        // A field label without a quote is a field about that relative.
        XCTAssertEqual(try hit("Broer: schizofrenie, opgenomen geweest", "psychische-klachten").experiencer, .other)
    }

    func testARelativeNamedWithTheFindingHasIt() throws {
        XCTAssertEqual(try hit("Cliënte woont samen met haar depressieve vader.", "psychische-klachten").experiencer, .other)
        XCTAssertEqual(try hit("Hij maakt zich zorgen over de gokverslaving van zijn broer.", "verslaving").experiencer, .other)
        XCTAssertEqual(try hit("Bij zijn vrouw is vorig jaar reuma vastgesteld.", "lichamelijke-klachten").experiencer, .other)
        XCTAssertEqual(try hit("De partner van cliënt heeft hoge schulden en is werkloos.", "schulden").experiencer, .other)
        XCTAssertEqual(try hit("Haar ex-man heeft hoge schulden gemaakt.", "schulden").experiencer, .other)
        XCTAssertEqual(try hit("Zijn leidinggevende, die zelf een burn-out heeft gehad, is begripvol.", "psychische-klachten").experiencer, .other)
        // The care for a relative is the client's; so is a client described as a parent.
        XCTAssertEqual(try hit("Zij neemt de verzorging van haar moeder op zich.", "mantelzorg").experiencer, .client)
        XCTAssertEqual(try hit("Cliënt is een depressieve vader van drie kinderen.", "psychische-klachten").experiencer, .client)
    }

    func testARelationOfTheClientIsHisWhoeverItNames() throws {
        // steunend-netwerk, relatieproblemen and thuissituatie-belastend are clientByNature.
        XCTAssertEqual(try hit("Zij kan altijd bij haar zus terecht.", "steunend-netwerk").experiencer, .client)
        XCTAssertEqual(try hit("Zijn ex belt steeds om ruzie te maken.", "relatieproblemen").experiencer, .client)
    }

    // MARK: Ruleset 1.14.0: when

    func testAPeriodBetweenTwoYearsIsOverADateInASinceClauseIsWhereItBegan() throws {
        XCTAssertTrue(try hit("Tussen 2008 en 2013 gebruikte hij cocaïne.", "verslaving").historical)
        XCTAssertFalse(try hit("Sinds de aanrijding in 2020 heeft zij rugklachten.", "lichamelijke-klachten").historical)
        // Getting off a substance as a condition or a wish is not having got off it.
        XCTAssertFalse(try hit("Hij moet eerst van de alcohol af voordat hij kan beginnen.", "verslaving").historical)
        XCTAssertTrue(try hit("Hij is sinds een jaar van de alcohol af.", "verslaving").historical)
    }

    func testResolutionToldInTheNextClauseByAPronounResolves() throws {
        XCTAssertTrue(try hit("Vorig jaar had zij een betalingsachterstand; die is inmiddels afbetaald.", "schulden").resolved)
        // Without the pronoun the semicolon ends the scope: the second clause is about something else.
        XCTAssertFalse(try hit("Hij heeft schulden; de ruzie met zijn broer is bijgelegd.", "schulden").resolved)
    }

    func testAConditionOnStoppingLeavesTheUseCurrent() throws {
        let use = try hit("Zijn vriendin gaat weg als hij niet stopt met gokken.", "verslaving")
        XCTAssertFalse(use.negated)
        XCTAssertFalse(use.hypothetical)
    }

    func testAPresuppositionMakesAThingGivenNotWhatHappensToIt() throws {
        // "zijn woning" exists; losing it is the hypothetical.
        XCTAssertTrue(try hit("Dreigt cliënt zijn woning kwijt te raken?", "woonnood").hypothetical)
        XCTAssertFalse(try hit("Zodra de schuldsanering is afgerond, kan hij beginnen.", "schulden").hypothetical)
    }

    // MARK: Ruleset 1.30.0: a service shows the problem, its absence shows nothing

    func testAServiceNotYetAskedForLeavesTheProblemStanding() throws {
        // affirmedOnly: the debts are not denied by a service she has not asked for.
        XCTAssertFalse(Self.analyzer.analyze("Cliënte heeft zich nog niet aangemeld bij de schuldhulpverlening, ze schaamt zich.").contains { $0.indicator == "schulden" })
        XCTAssertFalse(Self.analyzer.analyze("Er is geen bewindvoering.").contains { $0.indicator == "schulden" })
        XCTAssertFalse(try hit("Zij is aangemeld bij de schuldhulpverlening.", "schulden").negated)
        // The problem itself can still be denied.
        XCTAssertTrue(try hit("Hij heeft geen schulden en geen bewindvoering.", "schulden").negated)
    }

    // MARK: Ruleset 1.31.0: one clause, one reading

    func testANegatedObjectNegatesTheVerbReadThroughIt() throws {
        // "drinkt" is drinking through "alcohol"; "geen" right after the verb denies both.
        for text in ["Cliënte drinkt geen alcohol; ze vindt de kroeg te druk.", "Hij gebruikt geen drugs."] {
            let addiction = Self.analyzer.analyze(text).filter { $0.indicator == "verslaving" }
            XCTAssertFalse(addiction.isEmpty, text)
            XCTAssertTrue(addiction.allSatisfy(\.negated), "\(text): \(addiction.map { ($0.matchedText, $0.negated) })")
        }
        // The object's time goes with it: no longer using is past, not present.
        XCTAssertTrue(Self.analyzer.analyze("Hij gebruikt geen drugs meer.").filter { $0.indicator == "verslaving" }.allSatisfy(\.historical))
        // A negation that does not follow the verb leaves it alone.
        XCTAssertFalse(try hit("Hij drinkt elke avond, geen probleem volgens hem.", "verslaving").negated)
    }

    // MARK: Ruleset 1.15.0: settled, past, not yet

    func testASettlementInALaterClauseResolvesOnlyWhatWasPast() throws {
        // settlesPast: across ";" for a problem read as past ("destijds"), never for a current one.
        let shelter = try hit("Destijds woonde hij maandenlang in de nachtopvang; sinds maart heeft hij weer een eigen kamer.", "woonnood")
        XCTAssertTrue(shelter.resolved)
        XCTAssertFalse(shelter.historical)
        let arrears = try hit(
            "Tot 2021 had zij een forse huurachterstand; die is door de kredietbank overgenomen en inmiddels volledig afgelost.", "schulden"
        )
        XCTAssertTrue(arrears.resolved)
        let debts = try hit("Hij heeft hoge schulden; sinds maart werkt hij weer drie dagen.", "schulden")
        XCTAssertFalse(debts.resolved)
        XCTAssertFalse(debts.historical)
        // A bare "nu" settles nothing: "no longer" stays historical.
        // Inside one clause the ordinary resolution and the settling one name the same word: listed once.
        let settled = try hit("Vroeger had hij veel schulden, die zijn inmiddels volledig afgelost.", "schulden")
        XCTAssertTrue(settled.resolved)
        XCTAssertEqual(settled.triggers.filter { $0.category == .resolved }.count, 1)
        let quarrels = try hit("Vroeger had hij veel ruzie met zijn vader, nu niet meer.", "relatieproblemen")
        XCTAssertTrue(quarrels.historical)
        XCTAssertFalse(quarrels.resolved)
    }

    func testTheRelativeNamedWithViolenceIsWhoStrikes() throws {
        XCTAssertEqual(try hit("Haar partner slaat haar als hij gedronken heeft.", "huiselijk-geweld").experiencer, .client)
    }

    func testWhatLastsTillTodayIsNotPast() throws {
        XCTAssertFalse(try hit("Na een val van de ladder in 2019 heeft hij tot op heden rugpijn.", "lichamelijke-klachten").historical)
        XCTAssertTrue(try hit("In de periode dat hij bij zijn ouders woonde, had hij veel schulden.", "schulden").historical)
    }

    func testPreventionIsHypotheticalARuledOutFindingNegated() throws {
        XCTAssertTrue(try hit("Om te voorkomen dat cliënt opnieuw schulden maakt, wordt een budgetcoach ingezet.", "schulden").hypothetical)
        let ruledOut = try hit("Een hernia werd bij het aanvullend onderzoek uitgesloten.", "lichamelijke-klachten")
        XCTAssertTrue(ruledOut.negated)
        let open = try hit("Een hernia is niet uitgesloten.", "lichamelijke-klachten")
        XCTAssertFalse(open.negated)
        XCTAssertTrue(open.uncertain)
    }

    // Ruleset 1.18.0: dates as a class of numbers.
    func testAClosedPeriodIsPastADateAloneIsNot() throws {
        XCTAssertTrue(try hit("Cliënte had in de periode 2015-2017 een huurachterstand.", "schulden").historical)
        XCTAssertTrue(try hit("Tijdens zijn detentie (2016-2018) haalde hij zijn VCA.", "justitie").historical)
        XCTAssertTrue(try hit("Alcohol: 2012 – 2016 problematisch.", "verslaving").historical)
        // A year alone dates a diagnosis that lasts; a reversed pair is no period.
        XCTAssertFalse(try hit("Diabetes (2019), goed ingesteld.", "lichamelijke-klachten").historical)
        XCTAssertFalse(try hit("Hij heeft schulden, dossier 2017-2015.", "schulden").historical)
        // "tot" with a number that is no year is no date: "tot 20 uur" used to read as the past.
        XCTAssertFalse(try hit("Hij werkt tot 20 uur en heeft daarna rugpijn.", "lichamelijke-klachten").historical)
        XCTAssertTrue(try hit("Tot 2019 had hij veel rugpijn.", "lichamelijke-klachten").historical)
    }

    func testARelapseThatHappenedIsUseAFearedOneARiskAndEatingAndDrinkingNeither() throws {
        XCTAssertFalse(try hit("Sinds de zomer is hij weer gaan drinken.", "verslaving").hypothetical)
        let feared = Self.analyzer.analyze("Ik ben bang dat hij weer gaat drinken als hij geen werk vindt.")
        XCTAssertEqual(feared.map(\.indicator), ["terugvalrisico"], "a feared relapse is the risk, not current use")
        XCTAssertFalse(Self.analyzer.analyze("Na de operatie kan hij weer eten en drinken.").contains { ["verslaving", "terugvalrisico"].contains($0.indicator) })
    }
}
