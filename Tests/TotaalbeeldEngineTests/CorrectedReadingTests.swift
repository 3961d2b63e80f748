import Foundation
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest

/// Issue 14: the readings of the seed cases corrected (items 2, 4, 6, 7, 9), and the general mechanisms
/// behind them shown on small dossiers — not recorded is not not done, weighing is addressing, claims
/// against findings, life first, currency, agency and completion, the FML in Schema 2, the benefit ground,
/// trial verdicts that do not rest on artefacts.
final class CorrectedReadingTests: XCTestCase {
    private static let catalogue = try? TrackCatalogueLoader.load(contentsOf: Fixtures.path("Rulesets/tracks-2026.xml"), ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
    private let evaluator = Evaluator(ruleset: Fixtures.defaultRuleset, catalogue: CorrectedReadingTests.catalogue)

    private func screen(_ file: String) throws -> ScreeningResult { evaluator.screen(try Fixtures.dossier(file)) }

    /// A shipped case with its text edited: `edits` replaces each key (which must occur) by its value.
    private func screen(_ file: String, editing edits: [String: String]) throws -> ScreeningResult {
        var text = try String(contentsOfFile: Fixtures.path(file), encoding: .utf8)
        for (old, new) in edits {
            XCTAssertTrue(text.contains(old), "\(file) holds “\(old)”")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let path = temporaryDirectory().write("edited.dossier.xml", text)
        return evaluator.screen(try DossierLoader.load(contentsOf: path, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas))
    }

    private func screen(body: String, client: String = #"<client ageBand="36-45" benefitRegime="participatiewet"/>"#, sources: String = CorrectedReadingTests.sources) throws -> ScreeningResult {
        let path = temporaryDirectory().write("d.dossier.xml", dossierXML(date: "2026-11-01", client: client, sources: sources, body: body))
        return evaluator.screen(try DossierLoader.load(contentsOf: path, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas))
    }

    private static let sources = #"<source id="s-client" kind="client" role="cliënt" date="2026-10-01"/><source id="s-ad" kind="professional" role="arbeidsdeskundige" date="2026-10-01"/><source id="s-obs" kind="observation" role="observatie" date="2026-10-01"/><source id="s-shv" kind="other-professional" role="budgetcoach" date="2026-10-01"/><source id="s-va" kind="physician" role="verzekeringsarts" date="2026-10-01"/>"#

    private func rules(_ result: ScreeningResult) -> Set<String> { Set(result.flags.map(\.rule)) }
    private func domain(_ result: ScreeningResult, _ id: String) throws -> DomainResult { try XCTUnwrap(result.domains.first { $0.domain.id == id }) }
    private func row(_ result: ScreeningResult, _ id: String) throws -> ActivityResult { try XCTUnwrap(result.schema2.first { $0.activity.id == id }) }

    // MARK: Item 1 — not recorded is not not done

    func testADirectionThatIsTheClientsOwnWishIsNoJudgementRiskWhenSharingIsNotRecorded() throws {
        let wish = #"<wish id="w-1" source="s-client">Werken als administratief medewerker.</wish>"#
        let own = try screen(body: wish + #"<assessment id="a" source="s-ad"><direction id="d" cites="w-1">Bemiddeling naar administratief medewerker.</direction></assessment>"#)
        XCTAssertFalse(rules(own).contains("geen-gedeeld-doel"))
        XCTAssertTrue(rules(own).contains("gedeeld-doel-niet-vastgelegd"), "at most a quality note")
        XCTAssertEqual(own.flags.first { $0.rule == "gedeeld-doel-niet-vastgelegd" }?.kind, .quality)
        let departs = try screen(body: wish + #"<assessment id="a" source="s-ad"><direction id="d">Schoonmaakwerk in een kantoorpand.</direction></assessment>"#)
        XCTAssertTrue(rules(departs).contains("geen-gedeeld-doel"), "a direction that departs from the wish, not discussed")
        let refused = try screen(body: wish + #"<assessment id="a" source="s-ad"><direction id="d" sharedWithClient="no">Bemiddeling naar administratief medewerker.</direction></assessment>"#)
        XCTAssertTrue(rules(refused).contains("geen-gedeeld-doel"))
    }

    func testFMLMissingOnlyWhereTheRegimeExpectsOneOrNoPhysicianSawTheComplaints() throws {
        XCTAssertFalse(rules(try screen("Cases/akc-focusgroep/case2-kozijnmonteur.dossier.xml")).contains("fml-ontbreekt"), "injury claim with an insurance physician")
        let healthy = try screen(body: #"<findings><finding id="f-1" indicator="werkervaring" source="s-client"/></findings>"#, client: #"<client ageBand="36-45" benefitRegime="ww"/>"#)
        XCTAssertFalse(rules(healthy).contains("fml-ontbreekt"))
        XCTAssertTrue(rules(try screen("Cases/akc-focusgroep/case1-ict-wens.dossier.xml")).contains("fml-ontbreekt"), "Wajong without FML")
        let complaints = try screen(body: #"<narratives><narrative id="n" domain="ziekte" source="s-client">Mijn rug doet al maanden pijn.</narrative></narratives>"#,
                                    sources: #"<source id="s-client" kind="client" role="cliënt"/>"#)
        XCTAssertTrue(rules(complaints).contains("fml-ontbreekt"), "complaints nobody medical has seen")
    }

    // MARK: Item 2 — weighing is addressing

    func testCase2WithCultureWeighedAndRejectedRaisesNoStereotypingAndMarksTheReadingWeighed() throws {
        let placement = #"<placement id="p-ad""#
        let weighed = try screen("Cases/akc-focusgroep/case2-kozijnmonteur.dossier.xml", editing: [
            placement: #"<conclusion id="c-cultuur" domain="toekomst">Culturele factoren heb ik overwogen, maar ik zie geen aanwijzingen dat die een rol spelen.</conclusion>"# + "\n    " + placement,
        ])
        XCTAssertFalse(rules(weighed).contains("stereotypering"))
        // Only the normal reaction and (now) culture are weighed; psychological problems and unwillingness are not.
        if let readings = weighed.flags.first(where: { $0.rule == "lezingen-onbesproken" }) {
            XCTAssertTrue(readings.alternatives.contains { $0.nl.hasPrefix("(gewogen in het oordeel) Culturele normen") })
        }
        let argued = try screen("Cases/akc-focusgroep/case2-kozijnmonteur.dossier.xml", editing: [
            placement: #"<conclusion id="c-cultuur" domain="toekomst">Dat past bij zijn cultuur: daar wordt anders tegen werkgevers aangekeken.</conclusion>"# + "\n    " + placement,
        ])
        XCTAssertTrue(rules(argued).contains("stereotypering"), "a group characteristic given as the reason")
    }

    func testAStructuredWeighedReadingCountsAsWeighed() throws {
        let placement = #"<placement id="p-ad""#
        let result = try screen("Cases/akc-focusgroep/case2-kozijnmonteur.dossier.xml", editing: [
            placement: #"<weighed id="wg-psy" indicator="lethargie" reading="psychische-problemen" of="f-vleugellam" verdict="open" cites="f-slaap">Verborgen psychische problemen zijn niet uitgesloten; de huisarts wordt gevraagd.</weighed>"# + "\n    " + placement,
        ])
        let alternatives = result.flags.first { $0.rule == "lezingen-onbesproken" }?.alternatives.map(\.nl) ?? []
        XCTAssertTrue(alternatives.isEmpty || alternatives.contains { $0.hasPrefix("(gewogen in het oordeel) Verborgen psychische") }, alternatives.joined(separator: "\n"))
    }

    // MARK: Item 3 — judgement risks beyond exact phrases

    func testStereotypingIsAGroupCharacteristicGivenAsReasonNotAMention() throws {
        func conclusion(_ text: String) throws -> Set<String> {
            rules(try screen(body: #"<findings><finding id="f-1" indicator="werkervaring" source="s-client"/></findings><assessment id="a" source="s-ad"><conclusion id="c" cites="f-1">\#(text)</conclusion></assessment>"#))
        }
        XCTAssertTrue(try conclusion("Als moeder van jonge kinderen zal zij minder willen werken; vrouwen in deze fase kiezen voor deeltijd.").contains("stereotypering"))
        XCTAssertTrue(try conclusion("Polen zijn harde werkers; zwaar werk schrikt hem niet af.").contains("stereotypering"))
        XCTAssertFalse(try conclusion("Hij is van Poolse afkomst en spreekt goed Nederlands.").contains("stereotypering"), "mentioned, not a reason")
        XCTAssertFalse(try conclusion("Gezien zijn leeftijd heb ik overwogen of hij nog kan omscholen; ik zie geen aanwijzing dat dat zo is, hij leert snel.").contains("stereotypering"), "weighed and rejected")
    }

    /// Ruleset 1.20.0: judgement risks in the words an assessor writes them (probe sentences written for this test): an
    /// age given as the reason, a woman judged less fit as a woman (and that is no physician's fitness), the assessor in
    /// the client's place, unwillingness with the verb at the end.
    func testJudgementRisksInEverydayAssessmentWording() throws {
        func conclusion(_ text: String) throws -> ScreeningResult {
            try screen(body: #"<findings><finding id="f-1" indicator="werkervaring" source="s-client"/></findings><assessment id="a" source="s-ad"><conclusion id="c" cites="f-1">\#(text)</conclusion></assessment>"#)
        }
        XCTAssertTrue(rules(try conclusion("Hij is te oud om nog iets nieuws te leren.")).contains("stereotypering"))
        XCTAssertTrue(rules(try conclusion("Als vrouw is ze minder geschikt voor het zware werk in de bouw.")).contains("stereotypering"))
        XCTAssertTrue(rules(try conclusion("Ik zou in zijn situatie ook eerst rust nemen; dat heeft mij destijds ook geholpen.")).contains("projectie"))
        let unwilling = try screen(body: #"<findings><finding id="f-1" indicator="korte-banen" source="s-ad"/></findings><assessment id="a" source="s-ad"><conclusion id="c" cites="f-1">Zoveel banen in zo korte tijd: ik denk dat hij het gewoon niet wil.</conclusion></assessment>"#)
        XCTAssertTrue(rules(unwilling).contains("onwil-zonder-bewijs"))
    }

    func testUnwillingnessConcludedWithoutTheWordPutsTheResponsibilityOnTheClient() throws {
        let body = #"<findings><finding id="f-1" indicator="schoolverzuim" source="s-ad"/><finding id="f-2" indicator="gepest" source="s-ad"/></findings><assessment id="a" source="s-ad"><conclusion id="c" cites="f-1">Het verzuim laat zien dat hij lui is en geen zin heeft; daar moet hij zelf iets aan doen.</conclusion></assessment>"#
        let result = try screen(body: body)
        XCTAssertTrue(rules(result).contains("onwil-zonder-bewijs"), "lack of will + responsibility, citing only the signal it interprets")
        // The conclusion cites only the truancy it reads as laziness: the known readings are offered.
        let readings = try XCTUnwrap(result.flags.first { $0.rule == "lezingen-onbesproken" })
        XCTAssertTrue(readings.alternatives.contains { $0.nl.contains("Angst of vermijding") })
    }

    func testAConclusionCitingOnlyTheSignalItInterpretsDoesNotWeighTheAlternatives() throws {
        let signal = #"<finding id="f-banen" indicator="korte-banen" source="s-ad">Zeven dienstverbanden in twee jaar.</finding>"#
        let care = #"<finding id="f-zorg" indicator="mantelzorg" source="s-client">Vangt haar broertje op na school.</finding>"#
        let only = try screen(body: "<findings>\(signal)\(care)</findings>" + #"<assessment id="a" source="s-ad"><conclusion id="c" cites="f-banen">Haar cv laat een patroon van weglopen zien.</conclusion></assessment>"#)
        let flag = try XCTUnwrap(only.flags.first { $0.rule == "lezingen-onbesproken" })
        for reading in ["levensfase", "Zorgtaken", "Onveilige", "flexibele arbeidsmarkt", "belastbaarheid"] {
            XCTAssertTrue(flag.alternatives.contains { $0.nl.contains(reading) }, "offers \(reading)")
        }
        let weighed = try screen(body: "<findings>\(signal)\(care)</findings>" + #"<assessment id="a" source="s-ad"><conclusion id="c" cites="f-banen f-zorg">Het wisselen komt door de mantelzorg voor haar broertje en door nulurencontracten met wisselende diensten, niet door weinig doorzettingsvermogen.</conclusion></assessment>"#)
        XCTAssertFalse(rules(weighed).contains("lezingen-onbesproken"))
    }

    // MARK: Item 4 — inconsistencies from claims against findings, and inside the assessment

    func testAClaimAgainstAnotherSourcesFindingIsAnInconsistencyUnlessTheAssessmentExplainsIt() throws {
        let facts = #"<findings><finding id="f-shv" indicator="schulden" source="s-shv">Drie schuldeisers, betalingsachterstand bij de zorgverzekeraar.</finding></findings><narratives><narrative id="n-client" domain="prive" source="s-client">'Ik heb geen schulden.'</narrative></narratives>"#
        let result = try screen(body: facts)
        XCTAssertTrue(result.facts.contains { $0.elementID == "n-client" && $0.assertion == .claim }, "the client's words are a claim")
        XCTAssertTrue(rules(result).contains("ontkenning-tegenover-derden"))
        let explained = try screen(body: facts + #"<assessment id="a" source="s-ad"><conclusion id="c" cites="n-client f-shv">Cliënt kende de omvang van de schulden niet; met de budgetcoach besproken.</conclusion></assessment>"#)
        XCTAssertFalse(rules(explained).contains("ontkenning-tegenover-derden"))
    }

    func testAClaimedLimitationAgainstAnObservationInNarrativesOnly() throws {
        let result = try screen(body: #"<narratives><narrative id="n-claim" domain="ziekte" source="s-client">'Langer dan een kwartier zitten gaat niet, dan schiet het in mijn nek.'</narrative><narrative id="n-obs" domain="ziekte" source="s-obs">Cliënte zat het hele gesprek van anderhalf uur zonder op te staan.</narrative></narratives>"#)
        XCTAssertTrue(rules(result).contains("beperking-tegenover-observatie"))
    }

    /// Ruleset 1.19.0: a `<weighed>` element that weighs the client's claim in an element weighs that element's other
    /// readings against the same counter-evidence ("ik kan niks met die arm" is also a low self-assessment against the
    /// physician's "geschikt voor werk"); without the weighing the contradiction stands.
    func testWeighingAClaimCoversAnotherReadingOfTheSameWordsAgainstTheSameEvidence() throws {
        // The FML stands before the sources, so it rides with the client element.
        let client = #"<client ageBand="36-45" benefitRegime="ziektewet"/><fml id="fml" present="true" date="2026-09-01" source="s-va"><summary>Geschikt voor werk waarin hij met rechts weinig tilt.</summary></fml>"#
        let facts = #"<narratives><narrative id="n-client" domain="ziekte" source="s-client">'Ik kan niks met die arm. Werken zit er voorlopig echt niet in.'</narrative><narrative id="n-va" domain="ziekte" source="s-va">Licht werk is mogelijk, volledige dagen.</narrative></narratives>"#
        let open = try screen(body: facts, client: client)
        XCTAssertTrue(rules(open).contains("zelfinschatting-tegenover-waarneming"), "his low self-assessment against the physician")
        let weighed = try screen(body: facts + #"<assessment id="a" source="s-ad"><weighed id="g" indicator="acht-zich-arbeidsongeschikt" of="n-client n-va" verdict="rejected">Hij bedoelde zijn eigen werk, zes weken na de operatie; de arts acht hem juist daarvoor ongeschikt.</weighed></assessment>"#, client: client)
        XCTAssertFalse(rules(weighed).contains("zelfinschatting-tegenover-waarneming"), "the weighed claim, read another way")
        XCTAssertFalse(rules(weighed).contains("ongeschikt-tegenover-arts"))
    }

    /// Ruleset 1.19.0: "er is geen baan meer die ik nog kan doen" is his view that he is unfit, against the physician's
    /// "kan hij licht fysiek werk doen"; a conclusion that adopts the claim and cites only his words explains nothing.
    func testAClaimOfUnfitnessInASubordinateClauseAgainstThePhysiciansLetter() throws {
        let result = try screen(body: #"<narratives><narrative id="n-va" domain="ziekte" source="s-va">Naar mijn oordeel kan hij licht fysiek werk doen, volledige dagen.</narrative><narrative id="n-client" domain="ziekte" source="s-client">'Ik heb elke dag pijn. Er is geen baan meer die ik nog kan doen.'</narrative></narratives><assessment id="a" source="s-ad"><conclusion id="c" domain="ziekte" cites="n-client">Cliënt heeft dagelijks pijn en is daardoor niet in staat tot werk.</conclusion></assessment>"#)
        XCTAssertTrue(rules(result).contains("ongeschikt-tegenover-arts"))
    }

    /// Ruleset 1.19.0: a complaint its own sentence calls occasional or passing counts zero (qualifier licht-voorbijgaand), so
    /// a course that leaves it aside is no tunnel vision; the same complaint stated plainly still weighs against the course.
    func testAnOccasionalComplaintIsNoBurdenACourseMustAddress() throws {
        func screenWith(_ complaint: String) throws -> ScreeningResult {
            try screen(body: #"<narratives><narrative id="n-klacht" domain="ziekte" source="s-client">"# + complaint + #"</narrative><narrative id="n-werk" domain="arbeidsverleden" source="s-client">Twaalf jaar schoonmaakwerk in een ziekenhuis, betrouwbaar en graag gezien.</narrative></narratives><wish id="w" source="s-client">Schoonmaakwerk, twintig uur per week.</wish><assessment id="a" source="s-ad"><direction id="d" cites="w n-werk" horizon="short" intensity="light" sharedWithClient="yes">Bemiddeling naar schoonmaakwerk voor twintig uur.</direction></assessment>"#)
        }
        let passing = try screenWith("Ze heeft soms last van haar rug na een lange dag, maar dat gaat over met rust.")
        let back = try XCTUnwrap(passing.facts.first { $0.indicator == "lichamelijke-klachten" })
        XCTAssertFalse(back.counts, "occasional and passing, as she puts it")
        XCTAssertFalse(rules(passing).contains("tunnelvisie"))
        let daily = try screenWith("Ze heeft elke dag last van haar rug.")
        XCTAssertTrue(daily.facts.contains { $0.indicator == "lichamelijke-klachten" && $0.counts })
        XCTAssertTrue(rules(daily).contains("tunnelvisie"))
    }

    /// Ruleset 1.20.0 (the eleventh writer's set: contradictions without a shared keyword): a relative who says in so many
    /// words that the client presents things better than they are, and a client who calls how he gets on at work fine
    /// against an employer's account of complaints and a row, are the client's denial against a third party.
    func testAStatedDenialAndAWorkAccountAgainstAThirdParty() throws {
        let sources = Self.sources + #"<source id="s-partner" kind="network" role="echtgenote" date="2026-10-01"/><source id="s-werkgever" kind="employer" role="teamleider" date="2026-10-01"/>"#
        let home = #"<narratives><narrative id="n-client" domain="prive" source="s-client">Hij vertelt dat alles op rolletjes loopt.</narrative><narrative id="n-partner" domain="prive" source="s-partner">Hij zegt tegen iedereen dat het goed gaat. Dat is niet zo: hij ligt elke nacht wakker.</narrative></narratives>"#
        XCTAssertTrue(rules(try screen(body: home, sources: sources)).contains("ontkenning-tegenover-derden"))
        let explained = try screen(body: home + #"<assessment id="a" source="s-ad"><conclusion id="c" domain="prive" cites="n-client n-partner">Cliënt houdt thuis de schijn op; met hem besproken dat zijn vrouw het anders ziet.</conclusion></assessment>"#, sources: sources)
        XCTAssertFalse(rules(explained).contains("ontkenning-tegenover-derden"), "a conclusion resting on both sides")
        let work = #"<narratives><narrative id="n-client" domain="arbeidsverleden" source="s-client">Hij vertelt dat hij met iedereen door één deur kan.</narrative><narrative id="n-werkgever" domain="arbeidsverleden" source="s-werkgever">We hebben drie verbetergesprekken met hem gevoerd na een woordenwisseling op de werkvloer.</narrative></narratives>"#
        XCTAssertTrue(rules(try screen(body: work, sources: sources)).contains("ontkenning-tegenover-derden"))
    }

    /// Ruleset 1.20.0: the client's limitation in one conversation against an activity of the same function he tells in a
    /// later one is his own contradiction, though the two conversations are two source records.
    func testAClaimedLimitationAgainstHisOwnLaterAccount() throws {
        let sources = Self.sources + #"<source id="s-client-nov" kind="client" role="cliënt (tweede gesprek)" date="2026-11-10"/>"#
        let result = try screen(body: #"<narratives><narrative id="n-mei" domain="ziekte" source="s-client">'Kleine dingen oppakken lukt niet meer.'</narrative><narrative id="n-nov" domain="hobbys" source="s-client-nov">Sinds september heeft hij alle wissels van zijn modelspoorbaan opnieuw aangesloten, elk lasje zelf gesoldeerd.</narrative></narratives>"#, sources: sources)
        XCTAssertTrue(rules(result).contains("beperking-tegenover-observatie"))
    }

    /// Ruleset 1.21.0: the client's own liking of his past work is no history against the assessor's "gemotiveerd"; what
    /// stands against it is motivation denied, truancy, no diploma, or — when the conclusion rests on his word alone —
    /// another source's account of workshops missed and not cancelled.
    func testMotivationOnTheClientsWordAgainstMissedWorkshops() throws {
        let sources = Self.sources + #"<source id="s-werkmap" kind="other-professional" role="werkcoach" date="2026-10-01"/>"#
        let enthusiasm = #"<narratives><narrative id="n-client" domain="toekomst" source="s-client">"Ik wil zo snel mogelijk weer aan de slag, ik ben geen thuiszitter."</narrative><narrative id="n-werk" domain="arbeidsverleden" source="s-client">Werkte graag alleen aan één kast van begin tot eind.</narrative>"#
        let conclusion = #"</narratives><assessment id="a" source="s-ad"><conclusion id="c" domain="toekomst" cites="n-client">Cliënte is zeer gemotiveerd en wil snel aan de slag.</conclusion></assessment>"#
        let alone = try screen(body: enthusiasm + conclusion, sources: sources)
        XCTAssertFalse(rules(alone).contains("motivatie-zonder-onderbouwing"), "her own enthusiasm and liking of past work are no history against it")
        XCTAssertFalse(alone.facts.contains { $0.indicator == "schoolverzuim" }, "an adult who is 'geen thuiszitter' says nothing about school")
        let missed = try screen(body: enthusiasm + #"<narrative id="n-werkmap" domain="toekomst" source="s-werkmap">Workshop solliciteren op 12 maart niet bijgewoond en niet afgemeld.</narrative>"# + conclusion, sources: sources)
        XCTAssertTrue(rules(missed).contains("motivatie-zonder-onderbouwing"))
        let truant = try screen(body: #"<narratives><narrative id="n" domain="opleiding" source="s-obs">Op het vmbo was hij een thuiszitter.</narrative></narratives>"#)
        XCTAssertTrue(truant.facts.contains { $0.indicator == "schoolverzuim" && $0.counts })
    }

    /// Ruleset 1.22.0: "ik kan echt niks meer" stands against a whole Saturday by the pitch he tells himself; and the
    /// recognised disability coded as a finding is the premise of the advice, not a burden the course leaves aside
    /// (the twelfth writer's o09, a clean control that drew tunnel vision).
    func testUnfitByHisOwnWordAgainstHisSaturdaysAndTheGroundAsAFinding() throws {
        let sources = Self.sources + #"<source id="s-client-2" kind="client" role="cliënt (huisbezoek)" date="2026-10-15"/>"#
        let result = try screen(body: #"<narratives><narrative id="n-beleving" domain="ziekte" source="s-client">"Ik ben voor alles afgekeurd, ik kan echt niks meer."</narrative><narrative id="n-club" domain="hobbys" source="s-client-2">"Elke zaterdag rijd ik het busje van de jeugd, en dan sta ik de hele dag langs de lijn."</narrative></narratives>"#, sources: sources)
        XCTAssertTrue(rules(result).contains("beperking-tegenover-observatie"))
        let o09 = try screen("Tests/TotaalbeeldEngineTests/Vignettes/tuning/o09-wajong-softwaretester-autisme.dossier.xml")
        XCTAssertFalse(rules(o09).contains("tunnelvisie"), "the coded Wajong ground is the premise the course starts from")
        XCTAssertEqual(o09.flags.filter { $0.kind == .inconsistency || $0.kind == .judgementRisk }.map(\.rule), [])
    }

    func testCase3AssessmentContradictsItselfOnUnwillingness() throws {
        let result = try screen("Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml")
        let flag = try XCTUnwrap(result.flags.first { $0.rule == "oordeel-tegenstrijdig" })
        XCTAssertEqual(flag.kind, .inconsistency)
        XCTAssertEqual(Set(flag.evidence.map(\.elementID)), ["c-meer", "c-onwil"])
    }

    // MARK: Item 5 — life first

    func testAnAcuteCrisisIsReferredToPracticalHelpNotMentalHealthCare() throws {
        let cut = try screen(body: #"<narratives><narrative id="n" domain="prive" source="s-shv">Gas en stroom zijn afgesloten wegens een achterstand; hij heeft maanden zijn post niet geopend.</narrative></narratives>"#)
        XCTAssertEqual(cut.trialAndError.verdict, "refer-first")
        XCTAssertEqual(cut.trialAndError.contraindications, ["afsluiting"])
        XCTAssertEqual(cut.trialAndError.tracks.map(\.id), ["schuldhulpverlening", "sociaal-wijkteam"])
        let homeless = try screen(body: #"<narratives><narrative id="n" domain="prive" source="s-ad">Cliënt is dakloos en slaapt in de nachtopvang.</narrative></narratives>"#)
        XCTAssertEqual(homeless.trialAndError.tracks.map(\.id), ["huisvestingsondersteuning", "sociaal-wijkteam"])
        XCTAssertFalse((cut.trialAndError.tracks + homeless.trialAndError.tracks).contains { $0.id == "ggz-behandeling" })
    }

    /// The same words count once, as the narrower reading: an eviction is no second, general acute crisis,
    /// and current domestic violence routes to social work, not to the crisis referral.
    /// Ruleset 1.19.0: an eviction in the client's own words ("dan moet ik eruit") is a housing crisis that puts life first.
    func testAnEvictionInTheClientsOwnWordsIsReferredFirst() throws {
        let result = try screen(body: #"<narratives><narrative id="n" domain="prive" source="s-client">Er staan vijf maanden huur open. 'Op 10 december komt de deurwaarder, dan moet ik eruit.'</narrative></narratives>"#)
        XCTAssertTrue(result.facts.contains { $0.indicator == "woonnood" && $0.counts })
        XCTAssertEqual(result.trialAndError.verdict, "refer-first")
        let work = try screen(body: #"<narratives><narrative id="n" domain="arbeidsverleden" source="s-client">Na de reorganisatie moest hij eruit bij zijn werkgever.</narrative></narratives>"#)
        XCTAssertFalse(work.facts.contains { $0.indicator == "woonnood" }, "leaving a job is no eviction")
    }

    func testANarrowerReadingHidesTheBroaderOneOnTheSameWords() throws {
        let evicted = try screen(body: #"<narratives><narrative id="n" domain="prive" source="s-ad">Cliënt is dakloos en slaapt in de nachtopvang.</narrative></narratives>"#)
        XCTAssertEqual(Set(evicted.facts.map(\.indicator)), ["woonnood"], "not also huisvesting or acute-crisis on the same words")
        let crisis = try screen(body: #"<narratives><narrative id="n" domain="prive" source="s-ad">Zij verkeert in een crisissituatie.</narrative></narratives>"#)
        XCTAssertEqual(crisis.trialAndError.contraindications, ["acute-crisis"], "a crisis named as such keeps the general reading")
        let violence = try screen(body: #"<narratives><narrative id="n" domain="prive" source="s-ad">Er is sprake van huiselijk geweld door haar partner.</narrative></narratives>"#)
        XCTAssertEqual(violence.trialAndError.contraindications, ["onveiligheid"])
        XCTAssertFalse(violence.facts.contains { $0.indicator == "thuissituatie-belastend" }, "domestic violence is the narrower reading of a burdening home")
    }

    func testAPurelyHistoricalAddictionIsAVulnerabilityNotAContraindication() throws {
        let past = try screen(body: #"<findings><finding id="f-1" indicator="verslaving" source="s-va" status="historical">Alcoholverslaving tot 2015; sindsdien abstinent.</finding></findings>"#)
        XCTAssertTrue(past.trialAndError.contraindications.isEmpty)
        XCTAssertFalse(rules(past).contains("terugvalrisico-niet-beoordeeld"))
        let feared = try screen(body: #"<narratives><narrative id="n" domain="ziekte" source="s-client">Hij vreest dat hij weer gaat drinken als het werk tegenvalt.</narrative></narratives>"#)
        XCTAssertEqual(feared.trialAndError.contraindications, ["terugvalrisico"])
        XCTAssertEqual(feared.trialAndError.tracks.first?.id, "verslavingszorg-beoordeling")
    }

    // MARK: Who tells a narrative (ruleset 1.18.0)

    /// A relative's account is told in the first person: "mijn man" is the client, "ik" the teller, and nothing
    /// in it is a claim of the client's. Before, the wife's report of his drinking was read as someone else's
    /// drinking and dropped, and her own sleeplessness counted as his.
    func testARelativesAccountNamesTheClientByKinshipAndItsFirstPersonIsTheTeller() throws {
        let sources = Self.sources + #"<source id="s-partner" kind="network" role="echtgenote" date="2026-10-01"/><source id="s-dochter" kind="network" role="dochter" date="2026-10-01"/>"#
        let man = #"<client ageBand="36-45" gender="man" benefitRegime="participatiewet"/>"#
        let wife = try screen(body: #"<narratives><narrative id="n" domain="ziekte" source="s-partner">Mijn man drinkt elke avond zes blikjes bier. Ik slaap zelf slecht door alle zorgen. Mijn vader had ook schulden.</narrative></narratives>"#, client: man, sources: sources)
        let drinking = try XCTUnwrap(wife.facts.first { $0.indicator == "verslaving" })
        XCTAssertEqual(drinking.experiencer, .client)
        XCTAssertEqual(drinking.assertion, .finding, "her report, not his claim")
        XCTAssertEqual(wife.facts.first { $0.indicator == "slaapproblemen" }?.experiencer, .other, "her own sleep")
        XCTAssertEqual(wife.facts.first { $0.indicator == "schulden" }?.experiencer, .other, "her father's debts")
        XCTAssertEqual(wife.trialAndError.contraindications, ["verslaving-actueel"])
        // A daughter's "mijn moeder" is the client only when the client is a woman.
        let daughter = #"<narratives><narrative id="n" domain="ziekte" source="s-dochter">Mijn moeder is erg somber sinds de scheiding.</narrative></narratives>"#
        XCTAssertEqual(try screen(body: daughter, client: man, sources: sources).facts.first { $0.indicator == "psychische-klachten" }?.experiencer, .other)
        let woman = #"<client ageBand="36-45" gender="vrouw" benefitRegime="participatiewet"/>"#
        XCTAssertEqual(try screen(body: daughter, client: woman, sources: sources).facts.first { $0.indicator == "psychische-klachten" }?.experiencer, .client)
    }

    /// A relative who reports what the client says, naming him by kinship, reports his claim ("Mijn man zegt dat …" as
    /// "Hij zegt dat …"), while what she tells of him herself stays her finding about him.
    func testARelativeReportingTheClientByKinshipReportsHisClaim() throws {
        let sources = Self.sources + #"<source id="s-partner" kind="network" role="echtgenote" date="2026-10-01"/>"#
        let man = #"<client ageBand="36-45" gender="man" benefitRegime="participatiewet"/>"#
        func sleep(_ text: String) throws -> Fact {
            let result = try screen(body: #"<narratives><narrative id="n" domain="ziekte" source="s-partner">"# + text + "</narrative></narratives>", client: man, sources: sources)
            return try XCTUnwrap(result.facts.first { $0.indicator == "slaapproblemen" }, text)
        }
        let claimed = try sleep("Mijn man zegt dat hij 's nachts nauwelijks slaapt.")
        XCTAssertEqual(claimed.experiencer, .client)
        XCTAssertEqual(claimed.assertion, .claim, "his words, reported by his wife")
        let told = try sleep("Mijn man slaapt 's nachts nauwelijks.")
        XCTAssertEqual(told.experiencer, .client)
        XCTAssertEqual(told.assertion, .finding, "what she sees herself")
    }

    /// A professional's "ik" observes the client and makes no claim of his; a quotation of the client stays his claim.
    func testAProfessionalsFirstPersonObservesAndTheClientQuotedStaysTheClient() throws {
        let report = try screen(body: #"<narratives><narrative id="n" domain="ziekte" source="s-va">Ik vermoed een depressieve episode en heb hem verwezen. Cliënt vertelt: 'Ik slaap slecht.'</narrative></narratives>"#)
        let low = try XCTUnwrap(report.facts.first { $0.indicator == "psychische-klachten" })
        XCTAssertEqual(low.experiencer, .client)
        XCTAssertEqual(low.assertion, .finding)
        let sleep = try XCTUnwrap(report.facts.first { $0.indicator == "slaapproblemen" })
        XCTAssertEqual(sleep.experiencer, .client)
        XCTAssertEqual(sleep.assertion, .claim)
        // The client's own account reads as before: his "mijn vrouw" is another person.
        let own = try screen(body: #"<narratives><narrative id="n" domain="prive" source="s-client">Mijn vrouw is depressief.</narrative></narratives>"#)
        XCTAssertEqual(own.facts.first { $0.indicator == "psychische-klachten" }?.experiencer, .other)
    }

    // MARK: Item 6 — currency, agency, completion in the seed cases

    func testCase1PrivateSituationIsNotHighFromLastYearsHomeSituation() throws {
        let prive = try domain(try screen("Cases/akc-focusgroep/case1-ict-wens.dossier.xml"), "prive")
        XCTAssertNotEqual(prive.supportNeedLevel?.id, "hoog")
        let home = try XCTUnwrap(prive.burdens.first { $0.indicator.id == "thuissituatie-belastend" })
        XCTAssertEqual(home.effectiveWeight, 1.5, "last year's situation, improved since: the source coded it historical, and its own prose counts no more")
        XCTAssertTrue(home.facts.allSatisfy { $0.countFactor <= 0.5 })
    }

    func testCase2WorkHistoryIsNotHighFromAContractThatEndedThroughNoFaultOfHis() throws {
        let result = try screen("Cases/akc-focusgroep/case2-kozijnmonteur.dossier.xml")
        let work = try domain(result, "arbeidsverleden")
        XCTAssertNotEqual(work.supportNeedLevel?.id, "hoog")
        XCTAssertNotEqual(work.supportNeedLevel?.id, "matig")
        let contract = try XCTUnwrap(result.facts.first { $0.elementID == "f-contract" && $0.indicator == "faalervaring-werk" })
        XCTAssertEqual(contract.countFactor, 0)
        XCTAssertTrue(contract.countReason.nl.contains("niet door toedoen van de cliënt"), contract.countReason.nl)
        XCTAssertFalse(work.burdens.contains { $0.indicator.id == "conflicten-werk" && $0.facts.contains { $0.elementID == "f-loon" } }, "the employer's unpaid wages are no conflict of his")
        XCTAssertFalse(work.burdens.contains { $0.indicator.id == "korte-banen" }, "one temporary job is not many short jobs")
    }

    func testCase3HalfACourseIsNoDiplomaAndOneWordInPassingScoresNoSocialSituation() throws {
        let result = try screen("Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml")
        // Half a course with good results is no diploma (issue 13's reading: the words are not taken as one);
        // where a diploma term does meet a partly completed course, it counts half (issue 14's qualifier).
        XCTAssertFalse(result.facts.contains { $0.elementID == "n-opleiding-client" && $0.indicator == "diploma-behaald" && $0.quote.contains("goede resultaten") && $0.countFactor > 0.5 })
        let partial = try screen(body: #"<narratives><narrative id="n" domain="opleiding" source="s-client">Hij heeft zijn mbo-diploma logistiek deels behaald.</narrative></narratives>"#)
        let half = try XCTUnwrap(partial.facts.first { $0.indicator == "diploma-behaald" }, partial.facts.map(\.indicator).joined(separator: " "))
        XCTAssertEqual(half.countFactor, 0.5)
        XCTAssertTrue(half.countReason.nl.contains("deels afgerond"))
        let social = try domain(result, "sociaal")
        XCTAssertEqual(social.supportNeedLevel?.id, "geen")
        XCTAssertTrue(social.uncounted.contains { $0.quote == "teruggetrokken" && $0.countReason.nl.contains("terloops") })
        XCTAssertTrue(result.gaps.contains { $0.theme.id == "sociaal" }, "the theme is still open: the question stands")
    }

    // MARK: Item 7 — the FML in Schema 2

    func testCase3FMLLimitationsAreSchema2WorkRequirementsWithTheirSource() throws {
        let result = try screen("Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml")
        let together = try row(result, "samenwerken")
        XCTAssertEqual(together.fml.map(\.limitation.id), ["fml-samenwerken"])
        XCTAssertEqual(together.fml.first?.sourceID, "s-va")
        XCTAssertNotEqual(together.need?.level, nil)
        XCTAssertGreaterThanOrEqual(together.score, 3, "at least matig")
        XCTAssertEqual(Set(try row(result, "werken-onder-druk").fml.compactMap(\.limitation.id)), ["fml-onvoorspelbaar", "fml-storingen", "fml-tempo"])
        XCTAssertEqual(result.dossier.fml?.prognosis?.expectation, .improve)
    }

    func testCase2HasAPhysicalLoadRow() throws {
        let physical = try row(try screen("Cases/akc-focusgroep/case2-kozijnmonteur.dossier.xml"), "fysieke-belastbaarheid")
        XCTAssertEqual(physical.need?.level, "matig")
        XCTAssertTrue(physical.contributions.contains { $0.indicator.id == "lichamelijke-klachten" })
    }

    func testADirectionOrSchema2AgainstTheFMLIsFlagged() throws {
        let file = "Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml"
        XCTAssertFalse(rules(try screen(file)).contains("richting-tegen-fml"), "the draft stays within the FML")
        let team = try screen(file, editing: [
            "Werk op een lager niveau binnen de functies die volgens de FML passend zijn, ongeveer twintig uur per week en niet 's nachts.":
                "Communicatieadviseur in een projectteam met strakke deadlines, twintig uur per week.",
        ])
        let flag = try XCTUnwrap(team.flags.first { $0.rule == "richting-tegen-fml" })
        XCTAssertTrue(Set(flag.evidence.map(\.elementID)).isSuperset(of: ["fml-samenwerken", "fml-storingen", "d-ad"]))
        let schema2 = try screen(file, editing: [
            #"<placement id="p-ad""#: #"<supportNeed id="sn-samen" activity="samenwerken" level="geen">Geen. Implicatie voor werk: geen.</supportNeed>"# + "\n    " + #"<placement id="p-ad""#,
        ])
        XCTAssertTrue(rules(schema2).contains("richting-tegen-fml"))
    }

    // MARK: Item 8 — the benefit ground

    func testTheBenefitGroundIsScoredAndItsCauseRead() throws {
        // The <disability> follows the client element.
        let wajong = try screen(body: "", client: #"<client ageBand="18-26" benefitRegime="wajong"/><disability percentage="80-100"><cause>Licht verstandelijke beperking.</cause></disability>"#)
        let illness = try domain(wajong, "ziekte")
        XCTAssertTrue(illness.burdens.contains { $0.indicator.id == "erkende-arbeidsbeperking" })
        XCTAssertTrue(wajong.facts.contains { $0.elementID == FactExtractor.disabilityElement && $0.indicator == "leerproblemen" })
        XCTAssertFalse(wajong.gaps.contains { $0.theme.id == "reden-ao" }, "the benefit ground states the reason for the disability")
        let ww = try screen(body: "", client: #"<client ageBand="36-45" benefitRegime="ww"/><disability><cause>Rugklachten.</cause></disability>"#)
        XCTAssertFalse(ww.facts.contains { $0.indicator == "erkende-arbeidsbeperking" })
    }

    // MARK: Item 9 — trial verdicts that do not rest on artefacts

    func testCase2VerdictDoesNotCountTheResolvedInconsistencyOrAnFMLNoRegimeExpects() throws {
        let trial = try screen("Cases/akc-focusgroep/case2-kozijnmonteur.dossier.xml").trialAndError
        let uncertainty = try XCTUnwrap(trial.reasons.first?.nl)
        XCTAssertFalse(uncertainty.contains("ongeschikt-tegenover-arts"), uncertainty)
        XCTAssertFalse(uncertainty.contains("fml-ontbreekt"), uncertainty)
        XCTAssertFalse(trial.tracks.contains { $0.id == "dagbesteding" })
    }

    func testTrackFitRespectsWorkCapacity() throws {
        let body = #"""
          <findings>
            <finding id="f-1" indicator="langdurig-inactief" source="s-ad">Drie jaar niet gewerkt.</finding>
            <finding id="f-2" indicator="verlies-dagritme" source="s-ad">Zit de hele dag thuis.</finding>
            <finding id="f-3" indicator="passieve-coping" source="s-ad">Pakt niet door.</finding>
            <finding id="f-4" indicator="schulden" source="s-shv">Schuldsanering loopt.</finding>
            <finding id="f-5" indicator="lichamelijke-klachten" source="s-client">Rugklachten.</finding>
          </findings>
          FIT
        """#
        let fitText = #"<narratives><narrative id="n-va" domain="ziekte" source="s-va">De verzekeringsarts acht hem arbeidsgeschikt per 1 november.</narrative></narratives>"#
        let unfit = try screen(body: body.replacingOccurrences(of: "FIT", with: ""))
        let fit = try screen(body: body.replacingOccurrences(of: "FIT", with: fitText))
        XCTAssertTrue(unfit.trialAndError.indicated, unfit.trialAndError.reasons.map(\.nl).joined(separator: "\n"))
        XCTAssertTrue(fit.trialAndError.indicated, fit.trialAndError.reasons.map(\.nl).joined(separator: "\n"))
        XCTAssertTrue(unfit.trialAndError.tracks.contains { $0.id == "dagbesteding" }, unfit.trialAndError.tracks.map(\.id).joined(separator: " "))
        XCTAssertFalse(fit.trialAndError.tracks.contains { $0.id == "dagbesteding" }, "no day activities for a client declared fit")
    }

    func testCase1OwnWishTriedInPracticeIsAmongTheOptions() throws {
        let tracks = try screen("Cases/akc-focusgroep/case1-ict-wens.dossier.xml").trialAndError.tracks
        let own = try XCTUnwrap(tracks.first { $0.id == "loopbaanorientatie-praktijktoets" }, tracks.map(\.id).joined(separator: " "))
        XCTAssertTrue(own.why.contains { $0.nl.hasPrefix("Toetst de eigen wens in de praktijk") && $0.nl.contains("ICT") })
        XCTAssertLessThanOrEqual(try XCTUnwrap(tracks.firstIndex { $0.id == own.id }), 2, "among the first three")
    }

    // MARK: Item 10 — every rule has an effect, and its rationale case fires it

    /// A rationale that names a shipped focus-group case as "Casus N:" claims the rule fires on it.
    func testEveryRuleFiresOnTheCaseItsRationaleNames() throws {
        let cases = Dictionary(uniqueKeysWithValues: try (1...3).map { number -> (Int, Set<String>) in
            let file = try XCTUnwrap(Fixtures.caseFiles.first { $0.hasPrefix("Cases/akc-focusgroep/case\(number)-") })
            return (number, rules(try screen(file)))
        })
        let pattern = try NSRegularExpression(pattern: "[Cc]asus ([0-9]):")
        var checked = 0
        for rule in Fixtures.defaultRuleset.rules {
            let text = rule.rationale.nl
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text), let number = Int(text[range]), let fired = cases[number] else { continue }
                XCTAssertTrue(fired.contains(rule.id), "\(rule.id): its rationale names casus \(number), which does not fire it")
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 12)
    }

    func testEverySignalHasAnEffect() throws {
        // A signal never scores; it has an effect when a rule, qualifier, contradiction, contraindication or the
        // weighing names it, when it carries readings (lezingen-onbesproken), or when a track works on it.
        let xml = try String(contentsOfFile: Fixtures.path("Rulesets/akc-2011.xml"), encoding: .utf8)
        let tracks = try String(contentsOfFile: Fixtures.path("Rulesets/tracks-2026.xml"), encoding: .utf8)
        let used = String(xml[xml.range(of: "<qualifiers>")!.lowerBound...]) + tracks
        for signal in Fixtures.defaultRuleset.indicators where signal.role == .signal && signal.readings.isEmpty {
            let named = used.range(of: "[\" ]\(signal.id)[\" ]", options: .regularExpression) != nil
            XCTAssertTrue(named, "signal \(signal.id) has no effect")
        }
    }
}
