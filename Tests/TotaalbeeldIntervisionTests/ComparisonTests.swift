import Foundation
import TotaalbeeldAgreement
import TotaalbeeldEngine
import TotaalbeeldIntervision
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest

private func shippedSet(_ number: Int) throws -> (Dossier, [Evaluation]) {
    let set = try Fixtures.intervisionSet(number)
    return (set.dossier, set.evaluations)
}

private func judgement(_ family: CellFamily, _ subject: String, _ value: String) -> Evaluation.Judgement {
    Evaluation.Judgement(cell: Cell(family, subject), value: value, cites: [], location: Location(file: "fixture", line: 1, column: 1))
}

final class ShippedSetTests: XCTestCase {
    func testEveryShippedSetHasAtLeastFourEvaluationsThatLoad() throws {
        for number in [1, 3] {
            let (_, evaluations) = try shippedSet(number)
            XCTAssertGreaterThanOrEqual(evaluations.count, 4, "case \(number)")
        }
    }

    /// The seed-faithful set (issue 14, item 6): labour experts only, and the presenting adviser reads "more behind
    /// it than not wanting" — willing unclear, not no. The unwillingness reading is one colleague's.
    func testCase3DivergesOnCopingAbleAndWillingAndRaisesTheNormsQuestion() throws {
        let (dossier, evaluations) = try shippedSet(3)
        XCTAssertEqual(Set(evaluations.map(\.profession)), ["labour-expert"], "the focus groups of seed 004 were labour experts only")
        let comparison = Comparison(evaluations: evaluations, ruleset: Fixtures.defaultRuleset, engine: Evaluator(ruleset: Fixtures.defaultRuleset).screen(dossier))
        XCTAssertEqual(comparison.divergent.prefix(4).map(\.cell.description), ["level2 toekomst/omgang", "able", "willing", "approach"])
        XCTAssertEqual(comparison.divergent[0].divergence, 7.0 / 12, accuracy: 1e-9)
        XCTAssertTrue(comparison.normsQuestion)
        let willing = try XCTUnwrap(comparison.divergent.first { $0.cell.description == "willing" })
        XCTAssertEqual(willing.spread.first { $0.value == "no" }?.raters, ["ad-collega-a"])
        XCTAssertEqual(willing.spread.first { $0.value == "yes" }?.raters, ["ad-collega-b"])
        XCTAssertEqual(willing.spread.first { $0.value == "unclear" }?.raters, ["ad-collega-c", "ad-inbrenger"])
    }

    /// Invented raters (another discipline) are kept apart as a labelled extension, never in the shipped set.
    func testTheInventedInsurancePhysicianIsAnExtensionOutsideTheShippedSet() throws {
        let (_, evaluations) = try shippedSet(3)
        XCTAssertFalse(evaluations.contains { $0.rater == "va-collega" })
        let text = try String(contentsOfFile: Fixtures.path("Cases/intervisie/uitbreiding/case3-va-collega.evaluation.xml"), encoding: .utf8)
        XCTAssertTrue(text.contains("UITBREIDING, NIET UIT HET SEED"))
    }

    func testCase1TopDivergencesAreSelfAssessmentThenAbleThenApproach() throws {
        let (_, evaluations) = try shippedSet(1)
        let comparison = Comparison(evaluations: evaluations, ruleset: Fixtures.defaultRuleset)
        XCTAssertEqual(comparison.divergent.prefix(3).map(\.cell.description), ["level2 ziekte/inschatting-kunnen", "able", "approach"])
        // The presenting adviser cites the ICT intake test; the sceptics cite the anxiety and the truancy.
        let use = Dictionary(uniqueKeysWithValues: comparison.evidence.map { ($0.element, $0) })
        XCTAssertEqual(use["n-opleiding-test"]?.citedBy, ["ad-inbrenger"])
        XCTAssertEqual(use["f-spijbelen"]?.citedBy, ["ad-collega-a", "ad-collega-c"])
        // Figure 1 suggests 'explain' for willing and able; she chose concrete proposals.
        let presenter = try XCTUnwrap(comparison.placements.first { $0.rater == "ad-inbrenger" })
        XCTAssertEqual(presenter.suggested, "explain")
        XCTAssertEqual(presenter.approach, "concrete-proposals")
    }

    func testEnginePerspectiveIsShownButNotCountedInAlpha() throws {
        let (dossier, evaluations) = try shippedSet(3)
        let engine = Evaluator(ruleset: Fixtures.defaultRuleset).screen(dossier)
        let with = Comparison(evaluations: evaluations, ruleset: Fixtures.defaultRuleset, engine: engine)
        let without = Comparison(evaluations: evaluations, ruleset: Fixtures.defaultRuleset)
        XCTAssertEqual(with.agreements.map(\.result), without.agreements.map(\.result))
        XCTAssertEqual(with.cells.map(\.divergence), without.cells.map(\.divergence))
        for agreement in with.agreements { XCTAssertEqual(agreement.matrix.raters, evaluations.map(\.rater)) }
        XCTAssertEqual(with.raters.count, 4)
        XCTAssertNotNil(with.cells.first { $0.cell == Cell(.schema2, "psychische-belastbaarheid") }?.engine)
        XCTAssertTrue(without.cells.allSatisfy { $0.engine == nil })
    }

    func testOverallOrdinalAlphaOfTheShippedSetsIsDeterministic() throws {
        let (_, evaluations) = try shippedSet(3)
        let a = Comparison(evaluations: evaluations, ruleset: Fixtures.defaultRuleset)
        let b = Comparison(evaluations: evaluations, ruleset: Fixtures.defaultRuleset)
        XCTAssertEqual(a.agreements.map(\.result), b.agreements.map(\.result))
        XCTAssertEqual(a.agreements.map { $0.interval?.lower }, b.agreements.map { $0.interval?.lower })
    }

    /// Expected values from an independent implementation: the Python package `krippendorff` 0.8
    /// (`krippendorff.alpha(reliability_data=…, level_of_measurement=…)`) on the matrices rebuilt from
    /// `compare --format json` (levels coded geen=0 … hoog=3; categories coded per family).
    func testAlphaOfTheShippedSetsMatchesAnIndependentImplementation() throws {
        let expected: [Int: [String: Double]] = [
            1: ["burden": 0.1919029209621993, "strength": 0.28411989795918335, "schema2": 0.32367886178861793,
                "overall ordinal (burden, strength, schema2)": 0.26578417526890463,
                "overall nominal (level2, willing, able, approach)": 0.17391304347826098],
            3: ["burden": 0.2562500000000001, "strength": 0.18063186813186816, "schema2": -0.18555555555555547,
                "overall ordinal (burden, strength, schema2)": 0.40490234330173747,
                "overall nominal (level2, willing, able, approach)": 0.13793103448275856],
        ]
        for (number, values) in expected {
            let (_, evaluations) = try shippedSet(number)
            let comparison = Comparison(evaluations: evaluations, ruleset: Fixtures.defaultRuleset)
            for (name, value) in values {
                let agreement = try XCTUnwrap(comparison.agreements.first { $0.name == name }, name)
                XCTAssertEqual(try XCTUnwrap(agreement.result.alpha), value, accuracy: 1e-9, "case \(number) \(name)")
            }
            // One placement per rater: willing, able and approach are single units, too few for alpha to mean much.
            XCTAssertNotNil(comparison.agreements.first { $0.name == "willing" }?.warning)
        }
    }
}

final class HandComputedAlphaTests: XCTestCase {
    /// Two raters, three domains, burden on geen(0)/licht(1)/matig(2)/hoog(3): r1 = 0,1,3; r2 = 0,2,3.
    /// n₀=2, n₁=1, n₂=1, n₃=2, n=6. Observed: o₁₂ = o₂₁ = 1, δ²₁₂ = (n₁+n₂ − (n₁+n₂)/2)² = 1 → Σoδ² = 2.
    /// Expected Σ n_c n_k δ² over ordered pairs = 2·(2·1·2.25 + 2·1·6.25 + 2·2·16 + 1·1·1 + 1·2·6.25 + 1·2·2.25) = 198.
    /// α = 1 − (n − 1)·2/198 = 1 − 10/198 = 0.94949…
    /// Level 2, nominal, four units: r1 = ad, ad, on, ob; r2 = ad, on, on, ob. n_ad = 3, n_on = 3, n_ob = 2, n = 8.
    /// Σ_{c≠k} o = 2; Σ_{c≠k} n_c n_k = 64 − 22 = 42; α = 1 − 7·2/42 = 2/3.
    func testTinyFixtureMatchesHandComputationAndKrippendorffAlpha() {
        let r1 = Evaluation(file: "r1", dossier: "d", rater: "r1", profession: "labour-expert", judgements: [
            judgement(.burden, "ziekte", "geen"), judgement(.burden, "opleiding", "licht"), judgement(.burden, "prive", "hoog"),
            judgement(.level2, "ziekte/omgang", "adequaat"), judgement(.level2, "ziekte/persoonlijkheid", "adequaat"),
            judgement(.level2, "toekomst/omgang", "onrealistisch"), judgement(.level2, "toekomst/persoonlijkheid", "onbekend"),
        ], direction: nil, directionCites: [])
        let r2 = Evaluation(file: "r2", dossier: "d", rater: "r2", profession: "job-coach", judgements: [
            judgement(.burden, "ziekte", "geen"), judgement(.burden, "opleiding", "matig"), judgement(.burden, "prive", "hoog"),
            judgement(.level2, "ziekte/omgang", "adequaat"), judgement(.level2, "ziekte/persoonlijkheid", "onrealistisch"),
            judgement(.level2, "toekomst/omgang", "onrealistisch"), judgement(.level2, "toekomst/persoonlijkheid", "onbekend"),
        ], direction: nil, directionCites: [])
        let comparison = Comparison(evaluations: [r1, r2], ruleset: Fixtures.defaultRuleset, bootstrapSamples: 200)
        let burden = try! XCTUnwrap(comparison.agreements.first { $0.name == "burden" })
        let level2 = try! XCTUnwrap(comparison.agreements.first { $0.name == "level2" })
        XCTAssertEqual(try XCTUnwrap(burden.result.alpha), 1 - 10.0 / 198, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(level2.result.alpha), 2.0 / 3, accuracy: 1e-9)

        let direct = ReliabilityMatrix(raters: ["r1", "r2"], units: ["opleiding", "prive", "ziekte"], values: [[1, 3, 0], [2, 3, 0]])
        XCTAssertEqual(KrippendorffAlpha.compute(direct, level: .ordinal).alpha, burden.result.alpha)
        XCTAssertEqual(burden.level, .ordinal)
        XCTAssertEqual(level2.level, .nominal)
        // Three units: the warning says so.
        XCTAssertNotNil(burden.warning)
        XCTAssertTrue(burden.warning!.contains("fewer than 5"))
        // Divergence of 'burden opleiding': licht vs matig, one step of three.
        XCTAssertEqual(comparison.cells.first { $0.cell == Cell(.burden, "opleiding") }?.divergence ?? -1, 1.0 / 3, accuracy: 1e-9)
    }

    func testOneRaterIsWarnedAbout() {
        let only = Evaluation(file: "r1", dossier: "d", rater: "r1", profession: "job-coach", judgements: [judgement(.willing, "", "yes")], direction: nil, directionCites: [])
        let comparison = Comparison(evaluations: [only], ruleset: Fixtures.defaultRuleset)
        XCTAssertNil(comparison.agreements[0].result.alpha)
        XCTAssertTrue(comparison.agreements[0].warning?.contains("only 1 rater") ?? false)
    }

    func testApproachDistanceFollowsFigure1Quadrants() {
        let levels = Fixtures.defaultRuleset.scoring.levels.map(\.id)
        XCTAssertEqual(Comparison.distance("confront", "help-over-fear", family: .approach, levels: levels), 0.5)
        XCTAssertEqual(Comparison.distance("explain", "help-over-fear", family: .approach, levels: levels), 1)
        XCTAssertEqual(Comparison.distance("yes", "unclear", family: .willing, levels: levels), 0.5)
        XCTAssertEqual(Comparison.distance("geen", "hoog", family: .burden, levels: levels), 1)
    }
}

final class EvaluationMismatchTests: XCTestCase {
    let directory = TemporaryDirectory()
    let dossierPath = Fixtures.path("Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml")

    func xml(dossier: String = "akc-casus3-wia-adviseur", rater: String = "ad-x", domain: String = "ziekte", level: String = "matig", cites: String = "f-terugval") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <evaluation xmlns="urn:totaalbeeld:evaluation:1" dossier="\(dossier)">
          <evaluator id="\(rater)" profession="job-coach"/>
          <domain id="\(domain)" burden="\(level)" strength="licht" cites="\(cites)"/>
          <placement willing="yes" able="no" approach="help-over-fear"/>
        </evaluation>
        """
    }

    func load(_ paths: [String]) throws -> [Evaluation] {
        let ids = Set(try DossierLoader.loadWithCitableElements(contentsOf: dossierPath, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas).citable.keys)
        return try EvaluationLoader.loadAll(paths, ruleset: Fixtures.defaultRuleset, dossier: ("akc-casus3-wia-adviseur", ids), schemas: Fixtures.schemas)
    }

    func problems(_ paths: [String]) -> [String] {
        do {
            _ = try load(paths)
            XCTFail("expected an error")
            return []
        } catch let error as LoadError {
            return error.problems.map(\.description)
        } catch {
            XCTFail("unexpected \(error)")
            return []
        }
    }

    func testEvaluationOfAnotherDossierNamesFileAndLine() {
        let file = directory.write("other.evaluation.xml", xml(dossier: "akc-casus1-ict-wens"))
        let found = problems([file])
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix(file + ":2:"), found[0])
        XCTAssertTrue(found[0].contains("akc-casus1-ict-wens"), found[0])
    }

    func testUnknownDomainNamesFileLineColumnAndSuggests() {
        let file = directory.write("domain.evaluation.xml", xml(domain: "ziektes"))
        let found = problems([file])
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix(file + ":4:"), found[0])
        XCTAssertTrue(found[0].contains("unknown domain 'ziektes'") && found[0].contains("ziekte"), found[0])
    }

    func testDuplicateRaterNamesTheSecondFileAndLine() {
        let first = directory.write("a.evaluation.xml", xml(rater: "ad-1"))
        let second = directory.write("b.evaluation.xml", xml(rater: "ad-1"))
        let found = problems([first, second])
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix(second + ":3:"), found[0])
        XCTAssertTrue(found[0].contains("listed twice"), found[0])
    }

    func testUnknownLevelNamesFileLineAndSuggests() {
        let file = directory.write("level.evaluation.xml", xml(level: "matg"))
        let found = problems([file])
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix(file + ":4:"), found[0])
        XCTAssertTrue(found[0].contains("unknown score level 'matg'"), found[0])
        XCTAssertTrue(found[0].contains("matig"), found[0])
    }

    func testCitationOfMissingElementIsAnError() {
        let file = directory.write("cite.evaluation.xml", xml(cites: "f-bestaat-niet"))
        let found = problems([file])
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix(file + ":4:"), found[0])
    }

    func testCLIExits65WithFileAndLine() throws {
        guard FileManager.default.fileExists(atPath: CLI.executable) else { throw XCTSkip("totaalbeeld not built") }
        let good = Fixtures.path("Cases/intervisie/case3-ad-inbrenger.evaluation.xml")
        let bad = directory.write("other.evaluation.xml", xml(dossier: "akc-casus1-ict-wens"))
        let run = try CLI.run(["compare", dossierPath, good, bad])
        XCTAssertEqual(run.status, 65, run.stderr)
        XCTAssertTrue(run.stderr.contains(bad + ":2:"), run.stderr)
        let ok = try CLI.run(["compare", "Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml"] + ["ad-inbrenger", "ad-collega-a", "ad-collega-b", "ad-collega-c"].map { "Cases/intervisie/case3-\($0).evaluation.xml" } + ["--format", "json"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("\"normsQuestion\": true") || ok.stdout.contains("\"normsQuestion\":true"), String(ok.stdout.prefix(400)))
    }

    func testCLIReportsInDutchByDefaultAndInEnglishOnRequestAndWritesAtomically() throws {
        guard FileManager.default.fileExists(atPath: CLI.executable) else { throw XCTSkip("totaalbeeld not built") }
        let files = ["ad-inbrenger", "ad-collega-a", "ad-collega-b", "ad-collega-c"].map { "Cases/intervisie/case3-\($0).evaluation.xml" }
        let dossier = "Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml"
        let dutch = try CLI.run(["compare", dossier] + files)
        XCTAssertEqual(dutch.status, 0, dutch.stderr)
        XCTAssertTrue(dutch.stdout.contains("Grootste verschillen"), String(dutch.stdout.prefix(400)))
        XCTAssertTrue(dutch.stdout.contains("Normvraag"))
        // Disputed evidence is quoted from the dossier with its line, never its element id (the fear of relapse).
        XCTAssertTrue(dutch.stdout.contains("- r. 53 “Vreest dat hij weer naar de middelen"), dutch.stdout)
        XCTAssertFalse(dutch.stdout.contains("f-terugval"), dutch.stdout)
        // Format values and alpha in the report's language; alpha withheld below the minimum of units, with why.
        XCTAssertTrue(dutch.stdout.contains("helpen over angst heen"))
        XCTAssertFalse(dutch.stdout.contains("help-over-fear") || dutch.stdout.contains("labour-expert") || dutch.stdout.contains("pairable"))
        XCTAssertTrue(dutch.stdout.contains("niet getoond") && dutch.stdout.contains("zegt alfa niets over de overeenstemming"))
        let output = directory.path + "/compare.md"
        let english = try CLI.run(["compare", dossier] + files + ["--lang", "en", "--format", "markdown", "-o", output])
        XCTAssertEqual(english.status, 0, english.stderr)
        XCTAssertEqual(english.stdout, "")
        let written = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertTrue(written.hasPrefix("# Intervision: "), String(written.prefix(100)))
        XCTAssertTrue(written.contains("## Largest divergences"))
        XCTAssertTrue(written.contains("Norms question"))
    }

    func testValidateAcceptsAnEvaluationStandalone() throws {
        let kind = try DocumentValidator.validate(Fixtures.path("Cases/intervisie/case1-ad-inbrenger.evaluation.xml"), schemas: Fixtures.schemas) { () throws(LoadError) in Fixtures.defaultRuleset }
        XCTAssertEqual(kind, .evaluation)
    }
}
