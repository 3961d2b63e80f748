import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldTestSupport
import XCTest

/// Scoring on small dossiers whose expected numbers are worked out by hand from the default ruleset.
final class EvaluatorTests: XCTestCase {
    private let scratch = TemporaryDirectory()
    private let evaluator = Evaluator(ruleset: Fixtures.defaultRuleset)

    private func screen(_ body: String, sources: String? = nil) throws -> ScreeningResult {
        let text = sources.map { dossierXML(sources: $0, body: body) } ?? dossierXML(body: body)
        let dossier = try DossierLoader.load(contentsOf: scratch.write("d.dossier.xml", text), ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
        return evaluator.screen(dossier)
    }

    private func domain(_ id: String, in result: ScreeningResult) throws -> DomainResult {
        try XCTUnwrap(result.domains.first { $0.domain.id == id })
    }

    func testBurdenStrengthAndLevel2ModulatedSupportNeed() throws {
        // ziekte: angst 2.5 + psychische-klachten 3 = 5.5 burden; herstel-in-gang 1 strength.
        // ontkent-beperkingen (scope all, ×1.35) modulates every burdened domain.
        // need = (5.5 − 0.5 × 1) × 1.35 = 6.75 → "hoog" (≥ 6).
        let result = try screen("""
          <findings>
            <finding id="f-1" indicator="angst" source="s-ad"/>
            <finding id="f-2" indicator="psychische-klachten" source="s-ad"/>
            <finding id="f-3" indicator="herstel-in-gang" source="s-ad"/>
            <finding id="f-4" indicator="ontkent-beperkingen" source="s-client"/>
            <finding id="f-5" indicator="geen-diploma" source="s-ad"/>
          </findings>
        """)
        let ziekte = try domain("ziekte", in: result)
        XCTAssertEqual(ziekte.burden, 5.5, accuracy: 1e-9)
        XCTAssertEqual(ziekte.strength, 1, accuracy: 1e-9)
        XCTAssertEqual(ziekte.supportNeed, 6.75, accuracy: 1e-9)
        XCTAssertEqual(ziekte.supportNeedLevel?.id, "hoog")
        XCTAssertEqual(ziekte.modifiers.map(\.indicator.id), ["ontkent-beperkingen"])
        XCTAssertTrue(ziekte.modifiers[0].extraRisk)
        // The modifier reaches opleiding too (burden 2 → 2 × 1.35 = 2.7, "licht"), but not unburdened domains.
        let opleiding = try domain("opleiding", in: result)
        XCTAssertEqual(opleiding.supportNeed, 2.7, accuracy: 1e-9)
        XCTAssertEqual(opleiding.supportNeedLevel?.id, "licht")
        XCTAssertEqual(try domain("prive", in: result).modifiers.count, 0)
        XCTAssertEqual(try domain("prive", in: result).supportNeed, 0)
    }

    func testSupportNeedIsCappedAndNeverNegative() throws {
        let result = try screen("""
          <findings>
            <finding id="f-1" indicator="werkervaring" source="s-ad"/>
            <finding id="f-2" indicator="werkhouding" source="s-ad"/>
            <finding id="f-3" indicator="korte-banen" source="s-ad"/>
            <finding id="f-4" indicator="verslaving" source="s-ad"/>
            <finding id="f-5" indicator="terugvalrisico" source="s-ad"/>
            <finding id="f-6" indicator="psychische-klachten" source="s-ad"/>
            <finding id="f-7" indicator="faalangst" source="s-ad"/>
            <finding id="f-8" indicator="passieve-coping" source="s-ad"/>
          </findings>
        """)
        // arbeidsverleden: 1.5 − 0.5 × 4 < 0 → 0.
        XCTAssertEqual(try domain("arbeidsverleden", in: result).supportNeed, 0)
        // ziekte: (4 + 4 + 3) × 1.3 × 1.25 = 17.9 → capped at the ruleset's 10.
        XCTAssertEqual(try domain("ziekte", in: result).supportNeed, 10)
    }

    func testAnIndicatorCountsOnceWithItsStrongestObservation() throws {
        let result = try screen("""
          <findings>
            <finding id="f-1" indicator="schulden" source="s-ad" status="historical"/>
            <finding id="f-2" indicator="schulden" source="s-client"/>
          </findings>
        """)
        let prive = try domain("prive", in: result)
        XCTAssertEqual(prive.burden, 4, accuracy: 1e-9, "schulden weighs 4 once, not 4 + 2")
        XCTAssertEqual(prive.burdens.first?.facts.map(\.elementID), ["f-1", "f-2"], "both observations stay visible as evidence")
    }

    func testContextPropertiesCountAsTheRulesetSays() throws {
        let result = try screen("""
          <findings>
            <finding id="f-1" indicator="verslaving" source="s-ad" status="historical"/>
            <finding id="f-2" indicator="schulden" source="s-ad" present="false"/>
            <finding id="f-3" indicator="mantelzorg" source="s-ad" experiencer="other"/>
            <finding id="f-4" indicator="angst" source="s-ad" experiencer="other"/>
          </findings>
        """)
        // Historical: weight 4 × historicalFactor 0.5.
        XCTAssertEqual(try domain("ziekte", in: result).burden, 2, accuracy: 1e-9)
        // Negated debts do not count but stay listed; informal care for someone else counts (countsForOther).
        let prive = try domain("prive", in: result)
        XCTAssertEqual(prive.burden, 3, accuracy: 1e-9)
        XCTAssertEqual(prive.uncounted.map(\.elementID), ["f-2"])
        // Someone else's anxiety is not the client's burden.
        let ziekte = try domain("ziekte", in: result)
        XCTAssertEqual(ziekte.uncounted.map(\.elementID), ["f-4"])
        XCTAssertEqual(ziekte.uncounted.first?.countReason.nl, "gaat over een ander dan de cliënt")
    }

    func testGapsFollowTheConversationModelAndNeedTheClientsOwnWord() throws {
        let result = try screen("""
          <findings>
            <finding id="f-1" indicator="angst" source="s-ad"/>
            <finding id="f-2" indicator="schulden" source="s-ad" present="false"/>
          </findings>
        """)
        let gapThemes = result.gaps.map(\.theme.id)
        // ziekte is known from the professional only: theme 1 covered, theme 2 (client's perspective) not.
        XCTAssertFalse(gapThemes.contains("reden-ao"))
        XCTAssertEqual(result.gaps.first { $0.theme.id == "perspectief-beperking" }?.missingSourceKind, "client")
        // A checked-and-absent finding still covers its theme.
        XCTAssertFalse(gapThemes.contains("prive"))
        XCTAssertEqual(gapThemes, ["perspectief-beperking", "arbeidsverleden", "opleidingsverleden", "sociaal", "jeugd", "hobbys", "toekomst"])
        XCTAssertFalse(result.gaps[0].theme.question.nl.isEmpty)
    }

    func testTheClientsWishCoversTheFutureTheme() throws {
        let result = try screen(#"  <wish id="w-1" source="s-client">Werken in de ICT.</wish>"#)
        XCTAssertFalse(result.gaps.map(\.theme.id).contains("toekomst"))
        XCTAssertTrue(try domain("toekomst", in: result).hasInformation)
    }

    func testSchema2DerivesSupportNeedAndImplicationsWithEvidence() throws {
        // zelfvertrouwen: faalangst 3 + faalervaring-werk 2 = 5 → "hoog" (≥ 5); veerkracht absent.
        let result = try screen("""
          <findings>
            <finding id="f-1" indicator="faalangst" source="s-ad"/>
            <finding id="f-2" indicator="faalervaring-werk" source="s-ad"/>
          </findings>
          <assessment id="a-1" source="s-ad">
            <supportNeed id="sn-1" activity="zelfvertrouwen" level="matig" cites="f-1">Kleine stappen.</supportNeed>
          </assessment>
        """)
        let row = try XCTUnwrap(result.schema2.first { $0.activity.id == "zelfvertrouwen" })
        XCTAssertEqual(row.score, 5, accuracy: 1e-9)
        XCTAssertEqual(row.need?.level, "hoog")
        XCTAssertTrue(row.need?.workRequirement.nl.isEmpty == false)
        XCTAssertEqual(row.contributions.map(\.indicator.id), ["faalangst", "faalervaring-werk"])
        XCTAssertEqual(row.contributions.flatMap(\.facts).map(\.elementID), ["f-1", "f-2"])
        XCTAssertEqual(row.assessed?.level, "matig", "the professional's own judgement is shown beside the derived one")
        // A strength lowers the need but the score never goes below zero.
        XCTAssertEqual(result.schema2.first { $0.activity.id == "formuleren-wens" }?.score, 0)
    }

    func testScreeningIsDeterministic() throws {
        let body = """
          <findings>
            <finding id="f-1" indicator="faalangst" source="s-ad"/>
            <finding id="f-2" indicator="schulden" source="s-client"/>
            <finding id="f-3" indicator="steunend-netwerk" source="s-ad"/>
          </findings>
          <narratives><narrative id="n-1" domain="prive" source="s-ad">Cliënt heeft geen schulden maar wel spanningen thuis.</narrative></narratives>
        """
        let first = ScreeningJSON().value(for: try screen(body)).serialized(pretty: true)
        let second = ScreeningJSON().value(for: Evaluator(ruleset: Fixtures.defaultRuleset).screen(try screen(body).dossier)).serialized(pretty: true)
        XCTAssertEqual(first, second)
    }

    func testJSONContractHasTheDocumentedShape() throws {
        let result = try screen(#"  <findings><finding id="f-1" indicator="angst" source="s-ad"/></findings>"#)
        let json = ScreeningJSON().value(for: result).serialized()
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in ["dossier", "ruleset", "domains", "gaps", "schema2", "flags", "trialAndError"] {
            XCTAssertNotNil(object[key], "missing \(key)")
        }
        let ruleset = try XCTUnwrap(object["ruleset"] as? [String: Any])
        XCTAssertEqual(ruleset["id"] as? String, "akc-2011")
        XCTAssertEqual(ruleset["version"] as? String, "1.1.0")
        let domains = try XCTUnwrap(object["domains"] as? [[String: Any]])
        XCTAssertEqual(domains.count, 8)
        for key in ["code", "burden", "strength", "supportNeed", "evidence"] { XCTAssertNotNil(domains[0][key], key) }
        let evidence = try XCTUnwrap(domains[0]["evidence"] as? [[String: Any]])
        XCTAssertEqual(evidence.first?["element"] as? String, "f-1")
        XCTAssertEqual(evidence.first?["line"] as? Int, 5)
        let trial = try XCTUnwrap(object["trialAndError"] as? [String: Any])
        for key in ["indicated", "reasons", "tracks"] { XCTAssertNotNil(trial[key], key) }
    }
}
