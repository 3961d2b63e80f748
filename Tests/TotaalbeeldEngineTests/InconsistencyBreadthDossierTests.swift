import Foundation
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest

/// Ruleset 1.12.0 (issue 14, by breadth) on small whole dossiers written for the test, in phrasings none of the tuning
/// vignettes uses: the inconsistency fires where a claim meets a contradicting judgement or activity in new words and
/// from new sources, and stays silent where the tension is explained, weighed, qualified, expected rather than present,
/// or about another function. The clean tuning controls stay clean (read from the tuning sidecars only).
final class InconsistencyBreadthDossierTests: XCTestCase {
    private let scratch = TemporaryDirectory()
    private static let sources = #"<source id="s-client" kind="client" role="cliënt"/><source id="s-ad" kind="professional" role="arbeidsdeskundige"/><source id="s-wg" kind="employer" role="werkgever"/><source id="s-partner" kind="network" role="partner"/><source id="s-obs" kind="observation" role="groepsobservatie"/><source id="s-ba" kind="physician" role="bedrijfsarts"/>"#

    private func rules(_ body: String) throws -> Set<String> {
        let text = dossierXML(date: "2026-11-20", client: #"<client ageBand="46-55" benefitRegime="ziektewet"/>"#, sources: Self.sources, body: body)
        let dossier = try DossierLoader.load(contentsOf: scratch.write("d.dossier.xml", text), ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
        return Set(Evaluator(ruleset: Fixtures.defaultRuleset).screen(dossier).flags.map(\.rule))
    }

    private typealias Element = (id: String, domain: String, source: String, text: String)

    private func narratives(_ items: [Element]) -> String {
        "<narratives>" + items.map { #"<narrative id="\#($0.id)" domain="\#($0.domain)" source="\#($0.source)">\#($0.text)</narrative>"# }.joined() + "</narratives>"
    }

    /// `rule` fires on `claim` beside `other`; not when `other` is replaced by any of `quiet`; not once `settled` (an
    /// assessment) is added to the pair.
    private func assertFires(
        _ rule: String, _ claim: Element, _ other: Element, notWith quiet: [Element] = [], notAfter settled: String? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertTrue(try rules(narratives([claim, other])).contains(rule), "fires", file: file, line: line)
        for element in quiet {
            XCTAssertFalse(try rules(narratives([claim, element])).contains(rule), element.text, file: file, line: line)
        }
        if let settled {
            XCTAssertFalse(try rules(narratives([claim, other]) + settled).contains(rule), "settled", file: file, line: line)
        }
    }

    /// Standing: the client's own limit against what the employer sees him do on Saturdays; not when the employer's
    /// report says what it cost him, and not once a conclusion rests on both sides.
    func testAStandingLimitMeetsWhatTheEmployerSees() throws {
        try assertFires(
            "beperking-tegenover-observatie",
            (id: "n-1", domain: "ziekte", source: "s-client", text: "Langer dan tien minuten staan gaat niet, dan moet ik gaan zitten."),
            (id: "n-2", domain: "arbeidsverleden", source: "s-wg", text: "Op zaterdag staat hij de hele dag achter de bar in de kantine van de voetbalclub."),
            notWith: [(id: "n-2", domain: "arbeidsverleden", source: "s-wg", text: "Op zaterdag staat hij de hele dag achter de bar in de kantine; daarna ligt hij twee dagen plat.")],
            notAfter: #"<assessment id="a" source="s-ad"><conclusion id="c-1" cites="n-1 n-2">Het staan wisselt: achter de bar kan hij leunen en zitten wanneer hij wil, in het werk niet.</conclusion></assessment>"#
        )
    }

    /// Walking, in one intake report: the client's claim as the labour expert writes it down, and what she saw on the
    /// home visit. Not when the claim is a limitation he expects, and not for another function.
    func testAReportedClaimMeetsTheWritersOwnObservation() throws {
        let report = narratives([
            (id: "n-1", domain: "ziekte", source: "s-ad", text: "Cliënt geeft aan niet verder dan tweehonderd meter te kunnen lopen."),
            (id: "n-2", domain: "prive", source: "s-ad", text: "Tijdens het huisbezoek liep hij vlot de trap op naar de tweede verdieping om een map te halen."),
        ])
        XCTAssertTrue(try rules(report).contains("beperking-tegenover-observatie"))
        let expected = narratives([
            (id: "n-1", domain: "ziekte", source: "s-client", text: "Als de knie slechter wordt, kan ik straks niet meer lopen."),
            (id: "n-2", domain: "prive", source: "s-obs", text: "Hij kwam lopend van het station, ruim twee kilometer."),
        ])
        XCTAssertFalse(try rules(expected).contains("beperking-tegenover-observatie"))
        let otherFunction = narratives([
            (id: "n-1", domain: "ziekte", source: "s-client", text: "Zitten is een drama, na een half uur moet ik opstaan."),
            (id: "n-2", domain: "arbeidsverleden", source: "s-wg", text: "Als vakkenvuller loopt hij de hele dienst door de winkel."),
        ])
        XCTAssertFalse(try rules(otherFunction).contains("beperking-tegenover-observatie"))
    }

    /// Unfitness against the physician's judgement as the labour expert reports it; not against a prognosis, and not
    /// once a conclusion has cleared it up (case 2: unfit for his own work only).
    func testUnfitnessMeetsThePhysiciansJudgementReportedInTheIntake() throws {
        try assertFires(
            "ongeschikt-tegenover-arts",
            (id: "n-1", domain: "ziekte", source: "s-client", text: "Werken zit er voor mij niet meer in, mijn lichaam laat het niet meer toe."),
            (id: "n-2", domain: "ziekte", source: "s-ad", text: "De bedrijfsarts ziet benutbare mogelijkheden en acht hem belastbaar voor 32 uur per week in aangepast werk."),
            notWith: [(id: "n-2", domain: "ziekte", source: "s-ad", text: "De bedrijfsarts verwacht dat hij over drie maanden weer belastbaar is voor licht werk.")],
            notAfter: #"<assessment id="a" source="s-ad"><conclusion id="c-1" cites="n-1 n-2">Bij doorvragen acht hij zich alleen ongeschikt voor zijn eigen werk als stratenmaker; licht werk wil hij proberen.</conclusion></assessment>"#
        )
    }

    /// Concentration and being among people: what the partner tells and a group observation, against the client's own
    /// words; what the partner tells of the past contradicts nothing now.
    func testConcentrationAndCrowdsMeetWhatOthersTellAndSee() throws {
        try assertFires(
            "beperking-tegenover-observatie",
            (id: "n-1", domain: "ziekte", source: "s-client", text: "Ik kan me nergens meer op concentreren, een krant lezen lukt niet meer."),
            (id: "n-2", domain: "prive", source: "s-partner", text: "Zijn vrouw vertelt dat hij elke avond urenlang cryptogrammen oplost."),
            notWith: [(id: "n-2", domain: "prive", source: "s-partner", text: "Vroeger loste hij elke avond urenlang cryptogrammen op.")]
        )
        try assertFires(
            "beperking-tegenover-observatie",
            (id: "n-1", domain: "sociaal", source: "s-client", text: "Drukte en veel mensen om me heen houd ik niet uit."),
            (id: "n-2", domain: "sociaal", source: "s-obs", text: "Tijdens de groepsbijeenkomst nam hij actief deel en maakte grapjes met anderen."),
            notWith: [(id: "n-2", domain: "sociaal", source: "s-obs", text: "Hij zat in de groepsbijeenkomst stil in een hoek en zei weinig.")]
        )
    }

    /// The message fits an activity the client tells himself as well as one another source observes.
    func testTheMessageFitsBothAToldAndAnObservedActivity() throws {
        let message = try XCTUnwrap(Fixtures.defaultRuleset.rules.first { $0.id == "beperking-tegenover-observatie" }?.message.nl)
        XCTAssertTrue(message.contains("zelf vertelt") && message.contains("waarneemt"), message)
    }

    /// The clean controls of the tuning part (sidecars with clean=true) draw no inconsistency with 1.12.0.
    func testTheCleanTuningControlsStayClean() throws {
        let folder = Fixtures.path("Tests/TotaalbeeldEngineTests/Vignettes/tuning")
        let evaluator = Evaluator(ruleset: Fixtures.defaultRuleset)
        let sidecars = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".expected.json") }.sorted()
        var clean = 0
        for name in sidecars {
            let data = try XCTUnwrap(FileManager.default.contents(atPath: folder + "/" + name))
            let expected = try JSONDecoder().decode(VignetteEvaluationTests.Expected.self, from: data)
            guard expected.clean else { continue }
            clean += 1
            let file = "Tests/TotaalbeeldEngineTests/Vignettes/tuning/\(name.dropLast(".expected.json".count)).dossier.xml"
            let fired = evaluator.screen(try Fixtures.dossier(file)).flags.filter { $0.kind == .inconsistency }.map(\.rule)
            XCTAssertEqual(fired, [], "\(expected.id)")
        }
        XCTAssertGreaterThanOrEqual(clean, 30)
    }
}
