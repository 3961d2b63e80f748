import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest

/// Rules that no shipped case triggers, each shown firing on a minimal dossier — and not firing without its cause.
final class RuleMechanismTests: XCTestCase {
    private let scratch = TemporaryDirectory()

    private func rules(_ body: String, sources: String? = nil, date: String = "2010-06-15") throws -> Set<String> {
        let text = sources.map { dossierXML(date: date, sources: $0, body: body) } ?? dossierXML(date: date, body: body)
        let dossier = try DossierLoader.load(contentsOf: scratch.write("d.dossier.xml", text), ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
        return Set(Evaluator(ruleset: Fixtures.defaultRuleset).screen(dossier).flags.map(\.rule))
    }

    func testStereotypingFiresOnAGroupCharacteristicUsedAsArgument() throws {
        let argued = try rules("""
          <findings><finding id="f-1" indicator="angst" source="s-ad"/></findings>
          <assessment id="a-1" source="s-ad"><conclusion id="c-1" cites="f-1">Dat past bij zijn cultuur; daar wordt anders tegen werk aangekeken.</conclusion></assessment>
        """)
        XCTAssertTrue(argued.contains("stereotypering"))
        let neutral = try rules("""
          <findings><finding id="f-1" indicator="angst" source="s-ad"/></findings>
          <assessment id="a-1" source="s-ad"><conclusion id="c-1" cites="f-1">Hij vermijdt groepen uit angst.</conclusion></assessment>
        """)
        XCTAssertFalse(neutral.contains("stereotypering"))
    }

    func testHaloFiresWhenOneElementCarriesConclusionsInThreeDomains() throws {
        let body = """
          <findings><finding id="f-1" indicator="faalangst" source="s-ad"/><finding id="f-2" indicator="angst" source="s-ad"/></findings>
          <assessment id="a-1" source="s-ad">
            <conclusion id="c-1" domain="opleiding" cites="f-1">Daarom geen diploma.</conclusion>
            <conclusion id="c-2" domain="arbeidsverleden" cites="f-1">Daarom korte banen.</conclusion>
            <conclusion id="c-3" domain="sociaal" cites="CITE">Daarom weinig contacten.</conclusion>
          </assessment>
        """
        XCTAssertTrue(try rules(body.replacingOccurrences(of: "CITE", with: "f-1")).contains("halo-horn"))
        XCTAssertFalse(try rules(body.replacingOccurrences(of: "CITE", with: "f-2")).contains("halo-horn"))
    }

    func testStaleSourceIsAQualityFlagAtTheDossierDate() throws {
        let sources = #"<source id="s-client" kind="client" role="cliënt" date="2010-05-01"/><source id="s-ad" kind="professional" role="arbeidsdeskundige" date="2007-01-10"/>"#
        let body = #"  <findings><finding id="f-1" indicator="angst" source="s-ad"/></findings>"#
        XCTAssertTrue(try rules(body, sources: sources).contains("verouderde-bron"))
        XCTAssertFalse(try rules(body, sources: sources, date: "2008-06-15").contains("verouderde-bron"))
    }

    func testInabilityConcludedWithoutEvidenceIsFlagged() throws {
        let uncited = try rules("""
          <assessment id="a-1" source="s-ad"><conclusion id="c-1">Hij is er niet toe in staat; het is onmacht.</conclusion></assessment>
        """)
        XCTAssertTrue(uncited.contains("onmacht-zonder-bewijs"))
        let cited = try rules("""
          <findings><finding id="f-1" indicator="psychische-klachten" source="s-ad"/></findings>
          <assessment id="a-1" source="s-ad"><conclusion id="c-1" cites="f-1">Het is onmacht door zijn psychische klachten.</conclusion></assessment>
        """)
        XCTAssertFalse(cited.contains("onmacht-zonder-bewijs"))
    }

    func testADirectionThatCitesTheWishBuildsOnItWhateverItsWords() throws {
        let body = """
          <findings><finding id="f-1" indicator="werkervaring" source="s-ad"/></findings>
          <wish id="w-1" source="s-client">Werk als voorraadbeheerder of magazijncoördinator.</wish>
          <assessment id="a-1" source="s-ad"><direction id="d-1" cites="CITES" horizon="short" intensity="light">Bemiddeling naar functies in voorraadbeheer bij groothandels.</direction></assessment>
        """
        let cited = try rules(body.replacingOccurrences(of: "CITES", with: "w-1 f-1"))
        XCTAssertFalse(cited.contains("geen-gedeeld-doel"), "the direction cites the wish: it builds on it")
        XCTAssertTrue(cited.contains("gedeeld-doel-niet-vastgelegd"), "sharing is simply not recorded")
        XCTAssertTrue(try rules(body.replacingOccurrences(of: "CITES", with: "f-1")).contains("geen-gedeeld-doel"), "few shared words and no citation")
    }

    func testTunnelVisionNeedsMostOfWhatSpeaksAgainstTheCourseLeftOpen() throws {
        let body = """
          <findings>
            <finding id="f-1" indicator="werkervaring" source="s-ad"/>
            <finding id="f-2" indicator="mantelzorg" source="s-ad"/>
            <finding id="f-3" indicator="psychische-klachten" source="s-ad"/>
            <finding id="f-4" indicator="schulden" source="s-ad"/>
          </findings>
          <assessment id="a-1" source="s-ad"><direction id="d-1" cites="f-1" ADDRESSES horizon="long" intensity="moderate" sharedWithClient="yes">Werkervaringsplaats.</direction></assessment>
        """
        XCTAssertTrue(try rules(body.replacingOccurrences(of: "ADDRESSES", with: "")).contains("tunnelvisie"), "all three burdens left open")
        XCTAssertFalse(try rules(body.replacingOccurrences(of: "ADDRESSES", with: #"addresses="f-2 f-3""#)).contains("tunnelvisie"), "the course deals with two of three")
    }

    func testIntensiveTrackWithoutSupportNeedIsTooMuchSupport() throws {
        let body = """
          <findings><finding id="f-1" indicator="werkervaring" source="s-ad"/></findings>
          <assessment id="a-1" source="s-ad"><direction id="d-1" cites="f-1" intensity="INTENSITY" sharedWithClient="yes">Begeleid werken.</direction></assessment>
        """
        XCTAssertTrue(try rules(body.replacingOccurrences(of: "INTENSITY", with: "intensive")).contains("te-veel-steun"))
        XCTAssertFalse(try rules(body.replacingOccurrences(of: "INTENSITY", with: "light")).contains("te-veel-steun"))
    }

    /// Issue 14, item 1: a support need the assessment names in its own words is analysed, even when it is not
    /// recorded per activity (an imported intake cannot record Schema 2); a direction that names none is the risk.
    func testSupportNamedInTheAssessmentsWordsCountsAsAnalysed() throws {
        let body = """
          <findings>
            <finding id="f-1" indicator="psychische-klachten" source="s-ad"/>
            <finding id="f-2" indicator="schulden" source="s-ad"/>
          </findings>
          <assessment id="a-1" source="s-ad"><direction id="d-1" cites="f-1" horizon="short" intensity="moderate" sharedWithClient="yes">Administratief werk, DIRECTION.</direction></assessment>
        """
        func flagged(_ direction: String) throws -> Bool {
            try rules(body.replacingOccurrences(of: "DIRECTION", with: direction)).contains("ondersteuningsbehoefte-niet-geanalyseerd")
        }
        XCTAssertTrue(try flagged("twintig uur per week"), "a direction that names no support")
        XCTAssertFalse(try flagged("eerst twaalf uur met een jobcoach"), "a jobcoach names support for every activity")
        XCTAssertFalse(try flagged("met urenopbouw in overleg met de behandelaar"), "support for the mental load named")
        XCTAssertTrue(try flagged("zonder begeleiding op de werkplek"), "support named only to leave it out")
        XCTAssertTrue(try flagged("met een taalcursus"), "support for another activity (communiceren) than the one in need")
        let recorded = body.replacingOccurrences(of: "DIRECTION", with: "twintig uur per week")
            .replacingOccurrences(of: "<direction ", with: #"<supportNeed id="n-1" activity="psychische-belastbaarheid" level="matig">Regelmaat en vaste evaluaties.</supportNeed><direction "#)
        XCTAssertFalse(try rules(recorded).contains("ondersteuningsbehoefte-niet-geanalyseerd"), "Schema 2 recorded per activity")
    }

    /// Issue 14, item 4: a conclusion that cites the claim, names it and weighs it explains every contradiction of that
    /// claim, also with a finding it does not cite; naming it without weighing explains nothing.
    func testAClaimTheConclusionWeighsIsExplained() throws {
        let body = """
          <narratives>
            <narrative id="n-1" domain="ziekte" source="s-client">Ik kan helemaal niets meer, ik ben volledig arbeidsongeschikt.</narrative>
            <narrative id="n-2" domain="ziekte" source="s-ad">Hij tilt zonder moeite de boodschappen uit de auto en sjouwt kratten bier.</narrative>
          </narratives>
          <assessment id="a-1" source="s-ad"><conclusion id="c-1" cites="n-1">CONCLUSION</conclusion></assessment>
        """
        func inconsistencies(_ conclusion: String) throws -> Set<String> {
            try rules(body.replacingOccurrences(of: "CONCLUSION", with: conclusion)).filter { Fixtures.defaultRuleset.rule(id: $0)?.kind == .inconsistency }
        }
        let named = try inconsistencies("Hij acht zich volledig arbeidsongeschikt.")
        XCTAssertFalse(named.isEmpty, "named, not weighed: the contradiction stands")
        XCTAssertTrue(try inconsistencies("Hij acht zich volledig arbeidsongeschikt; dat heb ik met hem besproken.").isDisjoint(with: named), "weighed in its own words")
    }

    func testBurdenKnownOnlyFromTheClientIsAQualityFlag() throws {
        let body = #"  <findings><finding id="f-1" indicator="schulden" source="SOURCE"/></findings>"#
        XCTAssertTrue(try rules(body.replacingOccurrences(of: "SOURCE", with: "s-client")).contains("alleen-eigen-verhaal"))
        XCTAssertFalse(try rules(body.replacingOccurrences(of: "SOURCE", with: "s-ad")).contains("alleen-eigen-verhaal"))
    }
}
