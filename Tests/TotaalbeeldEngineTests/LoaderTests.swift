import Foundation
@testable import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest

final class LoaderTests: XCTestCase {
    private let scratch = TemporaryDirectory()

    func testDefaultRulesetHasTheEightDomainsOfSchema1InOrder() {
        let ruleset = Fixtures.defaultRuleset
        XCTAssertEqual(ruleset.domains.map(\.id), ["ziekte", "arbeidsverleden", "opleiding", "prive", "sociaal", "jeugd", "hobbys", "toekomst"])
        XCTAssertEqual(ruleset.domain(id: "prive")?.label[.nl], "Privésituatie")
        XCTAssertEqual(ruleset.domain(id: "prive")?.label[.en], "Private situation")
        XCTAssertEqual(ruleset.dimensions.map(\.id), ["omgang", "inschatting-kunnen", "inschatting-beperkingen", "persoonlijkheid"])
        XCTAssertEqual(ruleset.themes.count, 9, "Bijlage 1 lists nine themes")
        XCTAssertEqual(ruleset.checksum.count, 64)
        XCTAssertTrue(ruleset.indicators.allSatisfy { ruleset.reference(id: $0.reference) != nil })
    }

    func testChecksumIsSHA256OfTheFileBytes() throws {
        // Same bytes under another name → same checksum; one byte more → another checksum.
        let original = try String(contentsOfFile: Fixtures.path("Rulesets/akc-2011.xml"), encoding: .utf8)
        let copy = scratch.write("copy.xml", original)
        let changed = scratch.write("changed.xml", original + "\n")
        XCTAssertEqual(try RulesetLoader.load(contentsOf: copy, schemas: Fixtures.schemas).checksum, Fixtures.defaultRuleset.checksum)
        XCTAssertNotEqual(try RulesetLoader.load(contentsOf: changed, schemas: Fixtures.schemas).checksum, Fixtures.defaultRuleset.checksum)
        // FIPS 180-4 known answers, including a message that needs a second padding block.
        XCTAssertEqual(SHA256.hex(of: []), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(of: Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(of: Array(repeating: UInt8(ascii: "a"), count: 1_000_000)), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Lengths around the padding boundaries (bytes i mod 251; digests from Python's hashlib).
        let boundaries: [(Int, String)] = [
            (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"), (56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"),
            (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"), (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
            (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"), (119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"),
            (120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"),
        ]
        for (length, digest) in boundaries {
            XCTAssertEqual(SHA256.hex(of: (0..<length).map { UInt8($0 % 251) }), digest, "\(length) bytes")
        }
    }

    // MARK: Lint

    /// Replaces the first occurrence of `old` in the default ruleset and returns the path and the 1-based line of the change.
    private func mutatedRuleset(replacing old: String, with new: String) throws -> (String, Int) {
        let text = try String(contentsOfFile: Fixtures.path("Rulesets/akc-2011.xml"), encoding: .utf8)
        let range = try XCTUnwrap(text.range(of: old), "fixture text not found: \(old)")
        let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        return (scratch.write("mutated.xml", text.replacingCharacters(in: range, with: new)), line)
    }

    private func lintProblems(replacing old: String, with new: String) throws -> ([LocatedProblem], Int) {
        let (path, line) = try mutatedRuleset(replacing: old, with: new)
        do {
            _ = try RulesetLoader.load(contentsOf: path, schemas: Fixtures.schemas)
            XCTFail("expected lint errors")
            return ([], line)
        } catch {
            return (error.problems, line)
        }
    }

    func testDuplicateIndicatorIdIsReportedAtItsLine() throws {
        let (problems, line) = try lintProblems(replacing: #"<indicator id="angst""#, with: #"<indicator id="psychische-klachten""#)
        let problem = try XCTUnwrap(problems.first { $0.message.contains("duplicate indicator id 'psychische-klachten'") })
        XCTAssertEqual(problem.location.line, line)
        XCTAssertTrue(problem.message.contains("first defined at line"), problem.message)
    }

    func testUnknownDomainReferenceIsReportedWithASuggestion() throws {
        let (problems, line) = try lintProblems(replacing: #"<indicator id="schulden" domain="prive""#, with: #"<indicator id="schulden" domain="privee""#)
        XCTAssertEqual(problems.count, 1, problems.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(problems[0].location.line, line)
        XCTAssertTrue(problems[0].message.contains("unknown domain 'privee'"))
        XCTAssertTrue(problems[0].message.contains("did you mean 'prive'?"), problems[0].message)
    }

    func testWeightOutsideTheDeclaredRangeIsAnError() throws {
        let (problems, line) = try lintProblems(replacing: #"polarity="burden" weight="4" reference="werkzaak" group="3.3">"#, with: #"polarity="burden" weight="7" reference="werkzaak" group="3.3">"#)
        let problem = try XCTUnwrap(problems.first)
        XCTAssertEqual(problem.location.line, line)
        XCTAssertTrue(problem.message.contains("weight 7, outside the ruleset's range 0.5–5"), problem.message)
    }

    func testModifierFactorAndDerivationReferencesAreChecked() throws {
        let (factorProblems, _) = try lintProblems(replacing: #"dimension="omgang" factor="1.3""#, with: #"dimension="omgang" factor="3""#)
        XCTAssertTrue(factorProblems.contains { $0.message.contains("factor 3, outside") })
        let (derivationProblems, line) = try lintProblems(replacing: #"<derivedFrom indicator="geen-toekomstbeeld" weight="3"/>"#, with: #"<derivedFrom indicator="geen-toekomstbeld" weight="3"/>"#)
        XCTAssertEqual(derivationProblems.first?.location.line, line)
        XCTAssertTrue(derivationProblems.first?.message.contains("did you mean 'geen-toekomstbeeld'") == true)
    }

    func testEveryRuleDeclaresThePhaseInWhichItsPitfallArises() throws {
        let rules = Fixtures.defaultRuleset.rules
        XCTAssertEqual(rules.first { $0.id == "lacune-gespreksthema" }?.phase, .beeldvorming)
        XCTAssertEqual(Set(rules.map(\.phase)), Set(FlagRule.Phase.allCases), "the shipped rules cover all three phases")
        let (path, line) = try mutatedRuleset(replacing: #" phase="oordeelsvorming""#, with: "")
        XCTAssertThrowsError(try RulesetLoader.load(contentsOf: path, schemas: Fixtures.schemas)) { error in
            let problem = (error as? LoadError)?.problems.first
            XCTAssertEqual(problem?.location.line, line)
            XCTAssertTrue(problem?.message.contains("phase") == true, problem?.description ?? "")
        }
    }

    func testOnlyAResolutionCanSettleAPastProblem() throws {
        let (problems, line) = try lintProblems(
            replacing: #"<trigger category="resolved" direction="backward" maxScope="20" settlesPast="true">sinds … weer</trigger>"#,
            with: #"<trigger category="historical" direction="backward" maxScope="20" settlesPast="true">sinds … weer</trigger>"#
        )
        XCTAssertEqual(problems.first?.location.line, line)
        XCTAssertTrue(problems.first?.message.contains("settlesPast is for a trigger of category resolved, not historical") == true, problems.first?.description ?? "")
    }

    /// "a|b c|d" is two positions: a two-word alternative written inside one is refused with its line; alternatives that
    /// only share a word across a gap or a fixed word ("geen gas|stroom en water|stroom") are not.
    func testATwoWordAlternativeIsRefused() throws {
        let (problems, line) = try lintProblems(
            replacing: "<term>zorg voor haar|zijn moeder|vader</term>", with: "<term>zorg voor haar moeder|zijn moeder</term>"
        )
        XCTAssertEqual(problems.first?.location.line, line)
        XCTAssertTrue(problems.first?.message.contains(#"repeats "moeder" in neighbouring positions"#) == true, problems.first?.description ?? "")
        XCTAssertNil(TermSyntax.splitAlternative(in: "geen gas|stroom|licht en water|licht|stroom"))
        XCTAssertNil(TermSyntax.splitAlternative(in: "werk … werk|baan"))
        XCTAssertNotNil(TermSyntax.splitAlternative(in: "slaapt … bij een vriend|een maat"))
    }

    func testOnlyASuppositionCanBeAThreatOrAQuestion() throws {
        for (attribute, trigger) in [("threat", #"direction="forward" maxScope="4" threat="true">dreigt"#), ("question", #"direction="backward" maxScope="20" question="true">?"#)] {
            let (problems, line) = try lintProblems(
                replacing: #"<trigger category="hypothetical" "# + trigger, with: #"<trigger category="negation" "# + trigger
            )
            XCTAssertEqual(problems.first?.location.line, line, attribute)
            XCTAssertTrue(problems.first?.message.contains("\(attribute) is for a trigger of category hypothetical, not negation") == true, problems.first?.description ?? "")
        }
    }

    func testASpeakersWordsAreSingleWords() throws {
        let (problems, line) = try lintProblems(
            replacing: #"<speaker roles="ex|expartner|ex-partner" client="ex|expartner|ex-partner"/>"#,
            with: #"<speaker roles="ex*|expartner" client="ex|mijn ex"/>"#
        )
        XCTAssertEqual(problems.map(\.location.line), [line, line])
        XCTAssertTrue(problems.first?.message.contains(#"speaker roles "ex*" must be a single word"#) == true, problems.first?.description ?? "")
        XCTAssertTrue(problems.last?.message.contains(#"speaker client "mijn ex""#) == true, problems.last?.description ?? "")
    }

    /// The speaker rules name the client after a possessive ("mijn man"): without possessives they name no one.
    func testSpeakerRulesNeedPossessivesThatAreSingleWords() throws {
        let (missing, _) = try lintProblems(replacing: "<speakerPossessives>mijn m'n onze</speakerPossessives>", with: "")
        XCTAssertTrue(missing.contains { $0.message.contains("declare the possessives in speakerPossessives") }, missing.map(\.description).joined(separator: "\n"))
        let (bad, line) = try lintProblems(
            replacing: "<speakerPossessives>mijn m'n onze</speakerPossessives>", with: "<speakerPossessives>mijn m* ons|onze</speakerPossessives>"
        )
        let own = bad.filter { $0.message.contains("speakerPossessives") }
        XCTAssertEqual(own.map(\.location.line), [line, line], bad.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(own.first?.message.contains(#"speakerPossessives "m*" must be a single word"#) == true, own.first?.description ?? "")
        XCTAssertTrue(own.last?.message.contains(#"speakerPossessives "ons|onze""#) == true, own.last?.description ?? "")
    }

    /// A short form of case notes is one word, read as one word (1.47.0).
    func testAnAbbreviationIsOneWordReadAsOneWord() throws {
        let (problems, line) = try lintProblems(
            replacing: #"<abbreviation means="teamleider">tl</abbreviation>"#, with: #"<abbreviation means="team leider">tl|t l|wn</abbreviation>"#
        )
        XCTAssertEqual(problems.map(\.location.line), [line, line, line], problems.map(\.description).joined(separator: "\n"))
        let messages = problems.map(\.message)
        XCTAssertTrue(messages.contains { $0.contains(#"abbreviation means "team leider" must be one word"#) }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains(#"abbreviation "t l" must be one word"#) }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains(#"abbreviation "wn" is already read as "werknemer""#) }, "\(messages)")
    }

    func testAGapRuleOutsideBeeldvormingIsALintError() throws {
        let (problems, line) = try lintProblems(replacing: #"kind="gap" severity="info" phase="beeldvorming""#, with: #"kind="gap" severity="info" phase="besluitvorming""#)
        XCTAssertEqual(problems.first?.location.line, line)
        XCTAssertTrue(problems.first?.message.contains("is a gap, which arises in beeldvorming") == true, problems.first?.description ?? "")
    }

    /// An indicator that can refer a client elsewhere or block a track reads no bare word (issue 13).
    func testAHighPrecisionIndicatorRefusesABareOneWordTerm() throws {
        let (problems, line) = try lintProblems(
            replacing: #"<term exclude="werkplek onderwerp" window="4">gokkast*</term>"#, with: "<term>gokkast*</term>"
        )
        XCTAssertEqual(problems.count, 1, problems.map(\.description).joined(separator: "\n"))
        let problem = try XCTUnwrap(problems.first)
        XCTAssertEqual(problem.location.line, line)
        XCTAssertGreaterThan(problem.location.column, 1, "the column of the term element")
        XCTAssertTrue(problem.message.contains(#"indicator 'verslaving' has precision="high""#), problem.message)
        XCTAssertTrue(problem.message.contains(#"the one-word term "gokkast*" needs a sense constraint"#), problem.message)
        XCTAssertTrue(problem.description.hasPrefix(problem.location.file + ":\(line):"), problem.description)
    }

    /// What a report shows about the client is worded for any client: "hem" in a woman's report is refused at its line.
    func testGenderedWordingInShownTextIsALintError() throws {
        let (problems, line) = try lintProblems(
            replacing: "De derden kennen de cliënt nog kort of zien de cliënt in één context.",
            with: "De derden kennen de cliënt nog kort of zien hem in één context."
        )
        XCTAssertEqual(problems.count, 1, problems.map(\.description).joined(separator: "\n"))
        let problem = try XCTUnwrap(problems.first)
        XCTAssertEqual(problem.location.line, line)
        XCTAssertTrue(problem.message.contains(#"calls the client "hem""#), problem.message)
    }

    /// A narrower reading must name a known indicator and must not lead back to itself.
    func testNarrowsNamesKnownIndicatorsWithoutACircle() throws {
        let unknown: (problems: [LocatedProblem], line: Int) = try lintProblems(replacing: #"<indicator id="woonnood" narrows="acute-crisis huisvesting""#, with: #"<indicator id="woonnood" narrows="acute-crisis huisvestin""#)
        XCTAssertEqual(unknown.problems.first?.location.line, unknown.line)
        XCTAssertTrue(unknown.problems.first?.message.contains("unknown indicator 'huisvestin'") == true, unknown.problems.first?.description ?? "")
        let circle: (problems: [LocatedProblem], line: Int) = try lintProblems(replacing: #"<indicator id="huisvesting""#, with: #"<indicator id="huisvesting" narrows="woonnood""#)
        XCTAssertEqual(circle.problems.count, 2, "both ends of the circle: \(circle.problems.map(\.description))")
        XCTAssertTrue(circle.problems.allSatisfy { $0.message.contains("leads back to itself") })
    }

    func testSenseConstraintsNameKnownSenses() throws {
        let (problems, line) = try lintProblems(replacing: #"require="alcohol probleem""#, with: #"require="alcohool probleem""#)
        let problem = try XCTUnwrap(problems.first)
        XCTAssertEqual(problem.location.line, line)
        XCTAssertTrue(problem.message.contains("unknown sense 'alcohool'; did you mean 'alcohol'?"), problem.message)
        let (windowProblems, _) = try lintProblems(replacing: "<term>schuldenlast</term>", with: #"<term window="3">schuldenlast</term>"#)
        XCTAssertTrue(windowProblems.contains { $0.message.contains("has a window but no require or exclude") }, windowProblems.map(\.message).joined(separator: "\n"))
    }

    func testTheDefaultRulesetMarksTheIndicatorsThatCanReferOrBlock() {
        let high = Set(Fixtures.defaultRuleset.indicators.filter { $0.precision == .high }.map(\.id))
        XCTAssertEqual(high, ["verslaving", "terugvalrisico", "acute-crisis", "huiselijk-geweld", "justitie"])
        let crisis = Fixtures.defaultRuleset.indicator(id: "acute-crisis")
        XCTAssertEqual(crisis?.polarity, .burden, "acute-crisis is an indicator of the private situation since 1.1.0")
        XCTAssertEqual(crisis?.domain, "prive")
        XCTAssertEqual(Fixtures.defaultRuleset.indicator(id: "verslaving")?.resolvable, false)
    }

    func testSchemaViolationInRulesetNamesFileLineAndColumn() throws {
        let (path, line) = try mutatedRuleset(replacing: #"polarity="burden" weight="3" reference="akc2011-casus" group="3.1">"#, with: #"polarity="heavy" weight="3" reference="akc2011-casus" group="3.1">"#)
        XCTAssertThrowsError(try RulesetLoader.load(contentsOf: path, schemas: Fixtures.schemas)) { error in
            let problem = (error as? LoadError)?.problems.first
            XCTAssertEqual(problem?.location.file, path)
            XCTAssertEqual(problem?.location.line, line)
            XCTAssertGreaterThan(problem?.location.column ?? 0, 0)
            XCTAssertTrue(problem?.message.contains("heavy") == true, problem?.description ?? "")
        }
    }

    // MARK: Dossiers

    private func loadDossier(_ text: String) throws -> Dossier {
        try DossierLoader.load(contentsOf: scratch.write("d.dossier.xml", text), ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
    }

    private func problems(loading text: String) -> [LocatedProblem] {
        do {
            _ = try loadDossier(text)
            XCTFail("expected the dossier to be refused")
            return []
        } catch {
            return (error as? LoadError)?.problems ?? []
        }
    }

    func testMalformedDossierReportsLineAndColumn() {
        let text = "<?xml version=\"1.0\"?>\n<dossier xmlns=\"urn:totaalbeeld:dossier:1\" id=\"x\" date=\"2010-01-01\">\n  <client ageBand=\"18-26\" benefitRegime=\"wajong\">\n</dossier>\n"
        let problems = problems(loading: text)
        XCTAssertFalse(problems.isEmpty)
        XCTAssertTrue(problems.allSatisfy { $0.location.line >= 3 && $0.location.column >= 1 }, problems.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(problems[0].description.hasPrefix(scratch.path + "/d.dossier.xml:"))
    }

    func testMissingRequiredAttributeIsASchemaError() {
        let problems = problems(loading: dossierXML(client: #"<client benefitRegime="wajong"/>"#, body: ""))
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.location.line, 3)
        XCTAssertTrue(problems.first?.message.contains("ageBand") == true, problems.first?.description ?? "")
    }

    func testCitationOfAMissingElementIsRefused() {
        let body = """
          <assessment id="a-1" source="s-ad">
            <conclusion id="c-1" cites="f-404">Cliënt is gemotiveerd.</conclusion>
          </assessment>
        """
        let problems = problems(loading: dossierXML(body: body))
        XCTAssertEqual(problems.count, 1, problems.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(problems.first?.location.line, 6)
        XCTAssertTrue(problems.first?.message.contains("cites 'f-404', which is not an element of this dossier") == true, problems.map(\.description).joined(separator: "\n"))
    }

    func testSourceAttributeMustNameASource() {
        let body = #"  <findings><finding id="f-1" indicator="angst" source="f-1"/></findings>"#
        let problems = problems(loading: dossierXML(body: body))
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems.first?.message.contains("'f-1' is not a <source>") == true, problems.first?.description ?? "")
    }

    func testUnknownIndicatorIsReportedAgainstTheRuleset() {
        let body = #"  <findings><finding id="f-1" indicator="schuld" source="s-ad"/></findings>"#
        let problems = problems(loading: dossierXML(body: body))
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.location.line, 5)
        XCTAssertTrue(problems.first?.message.contains("unknown indicator 'schuld'") == true)
        XCTAssertTrue(problems.first?.message.contains("did you mean 'schulden'?") == true, problems.first?.message ?? "")
    }

    func testAnUnknownThemeAmongAlsoThemesIsReportedWithASuggestion() {
        let body = #"  <narratives><narrative id="n-1" domain="sociaal" theme="sociaal" alsoThemes="hobbys hobby" source="s-ad">Hij heeft veel vrienden.</narrative></narratives>"#
        let problems = problems(loading: dossierXML(body: body))
        XCTAssertEqual(problems.count, 1, problems.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(problems.first?.location.line, 5)
        XCTAssertTrue(problems.first?.message.contains("unknown theme 'hobby'") == true, problems.first?.description ?? "")
        XCTAssertTrue(problems.first?.message.contains("did you mean 'hobbys'?") == true, problems.first?.message ?? "")
    }

    func testExternalEntityIsRefusedAndTheFileIsNeverRead() throws {
        let secret = scratch.write("secret.txt", "GEHEIM-BSN-MARKER")
        let text = """
        <?xml version="1.0"?>
        <!DOCTYPE dossier [ <!ENTITY leak SYSTEM "file://\(secret)"> ]>
        <dossier xmlns="urn:totaalbeeld:dossier:1" id="x" date="2010-01-01"><client ageBand="18-26" benefitRegime="wajong"/><sources><source id="s-1" kind="client" role="x">&leak;</source></sources></dossier>
        """
        let problems = problems(loading: text)
        XCTAssertFalse(problems.isEmpty)
        XCTAssertTrue(problems.contains { $0.message.contains("DOCTYPE") }, problems.map(\.description).joined(separator: "\n"))
        XCTAssertFalse(problems.map(\.description).joined().contains("GEHEIM"))
    }

    func testEntityExpansionBombIsRefused() {
        var entities = #"<!ENTITY a0 "lol">"#
        for level in 1...12 { entities += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE dossier [\(entities)]>\n<dossier xmlns=\"urn:totaalbeeld:dossier:1\" id=\"x\" date=\"2010-01-01\">&a12;</dossier>"
        let problems = problems(loading: text)
        XCTAssertTrue(problems.contains { $0.message.contains("DOCTYPE") })
    }

    func testMissingFileIsMissingInputNotInvalidData() {
        XCTAssertThrowsError(try DossierLoader.load(contentsOf: scratch.path + "/nope.xml", ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)) { error in
            guard case .missingInput = error as? LoadError else { return XCTFail("expected missingInput, got \(error)") }
        }
    }

    func testRulesetIsNotAcceptedAsDossier() {
        XCTAssertThrowsError(try DossierLoader.load(contentsOf: Fixtures.path("Rulesets/akc-2011.xml"), ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)) { error in
            XCTAssertTrue((error as? LoadError)?.problems.first?.message.contains("expected a dossier") == true)
        }
    }
}

