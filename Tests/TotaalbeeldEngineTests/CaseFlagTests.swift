import TotaalbeeldEngine
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest

/// The seed's own analyses of the focus-group cases, asserted as flags; and the precision controls.
final class CaseFlagTests: XCTestCase {
    private let evaluator = Evaluator(ruleset: Fixtures.defaultRuleset)

    private func flags(_ file: String) throws -> [Flag] {
        evaluator.screen(try Fixtures.dossier(file)).flags
    }

    private func assertRaises(_ rules: [String], in file: String, line: UInt = #line) throws {
        let fired = Set(try flags(file).map(\.rule))
        for rule in rules {
            XCTAssertTrue(fired.contains(rule), "\(file) should raise \(rule); raised \(fired.sorted())", line: line)
        }
    }

    func testCase1RaisesTunnelVisionProjectionAndTheUnexplainedContradictions() throws {
        try assertRaises([
            "tunnelvisie", "projectie", "ondersteuningsbehoefte-niet-geanalyseerd",
            "ontkenning-tegenover-derden", "motivatie-zonder-onderbouwing",
        ], in: "Cases/akc-focusgroep/case1-ict-wens.dossier.xml")
    }

    func testCase1TunnelVisionPointsAtTheUnaddressedBurdens() throws {
        let flag = try XCTUnwrap(try flags("Cases/akc-focusgroep/case1-ict-wens.dossier.xml").first { $0.rule == "tunnelvisie" })
        XCTAssertEqual(flag.kind, .judgementRisk)
        XCTAssertEqual(flag.severity, .serious)
        let elements = Set(flag.evidence.map(\.elementID))
        // Anxiety and the limited insight were reported but the direction does not weigh them.
        XCTAssertTrue(elements.contains("f-angsten"), elements.sorted().joined(separator: " "))
        XCTAssertTrue(elements.contains("d-ad"), "the direction itself is part of the evidence")
    }

    func testCase2FlagsTheDecisionForAPassiveClientAndListsTheReadingsOfHisLethargy() throws {
        let file = "Cases/akc-focusgroep/case2-kozijnmonteur.dossier.xml"
        let all = try flags(file)
        XCTAssertTrue(all.contains { $0.rule == "geen-gedeeld-doel" || $0.rule == "snelle-oplossing" }, all.map(\.rule).joined(separator: " "))
        let readings = try XCTUnwrap(all.first { $0.rule == "lezingen-onbesproken" })
        let texts = readings.alternatives.map(\.nl).joined(separator: "\n")
        for expected in ["normale reactie", "Culturele normen", "psychische problemen", "Onwil"] {
            XCTAssertTrue(texts.contains(expected), "missing reading '\(expected)' in:\n\(texts)")
        }
        // The apparent inconsistency (unfit by his own account, fit by the physician's) is resolved in the
        // assessment itself: c-arbeidsgeschikt cites both sides ("alleen niet voor het werk dat hij deed").
        // Issue 14, items 2 and 9: a resolved inconsistency is no flag and no uncertainty; before, it was raised.
        XCTAssertFalse(all.contains { $0.rule == "ongeschikt-tegenover-arts" })
    }

    func testCase3RaisesUnwillingnessVersusInabilityAndTheUnassessedRelapseRisk() throws {
        let file = "Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml"
        try assertRaises(["onwil-of-onmacht", "terugvalrisico-niet-beoordeeld", "onwil-zonder-bewijs"], in: file)
        let relapse = try XCTUnwrap(try flags(file).first { $0.rule == "terugvalrisico-niet-beoordeeld" })
        XCTAssertTrue(relapse.message.nl.contains("niet worden afgerond"))
        XCTAssertTrue(relapse.evidence.contains { $0.quote.lowercased().contains("verslav") || $0.quote.lowercased().contains("alcohol") || $0.quote.lowercased().contains("middelen") })
    }

    func testStraightforwardCasesRaiseNoJudgementRisk() throws {
        let files = Fixtures.caseFiles.filter { $0.hasPrefix("Cases/eenvoudig/") }
        XCTAssertGreaterThanOrEqual(files.count, 4, "at least four precision controls are shipped")
        for file in files {
            let risky = try flags(file).filter { $0.kind == .judgementRisk || $0.kind == .inconsistency }
            XCTAssertEqual(risky.map(\.id), [], "\(file) is a well-argued, consistent case")
        }
    }

    func testEveryFlagShowsWhereItComesFrom() throws {
        for file in Fixtures.caseFiles {
            for flag in try flags(file) {
                XCTAssertFalse(flag.message.nl.isEmpty || flag.message[.en].isEmpty, "\(flag.id) message")
                XCTAssertFalse(flag.question.nl.isEmpty || flag.question[.en].isEmpty, "\(flag.id) question")
                XCTAssertFalse(flag.message.nl.contains("{"), "unreplaced placeholder in \(flag.id)")
                if flag.kind == .inconsistency || flag.kind == .judgementRisk {
                    XCTAssertFalse(flag.evidence.isEmpty, "\(file): \(flag.id) has no evidence")
                }
            }
        }
    }

    /// Prints how often each rule fires over all shipped cases, so a ruleset author sees dead and over-eager rules.
    func testRuleFiringTable() throws {
        let files = Fixtures.caseFiles
        var counts: [String: Int] = [:]
        for file in files {
            for rule in Set(try flags(file).map(\.rule)) { counts[rule, default: 0] += 1 }
        }
        print("\nRule firing over \(files.count) shipped cases:")
        for rule in Fixtures.defaultRuleset.rules {
            let count = counts[rule.id] ?? 0
            print("  \(rule.id.padding(toLength: 42, withPad: " ", startingAt: 0)) \(count)\(count == 0 ? "  (dead on the shipped cases)" : count == files.count ? "  (fires on every case)" : "")")
        }
        // A rule that fires on every case, controls included, cannot discriminate.
        let judgementRules = Fixtures.defaultRuleset.rules.filter { $0.kind == .judgementRisk }.map(\.id)
        for rule in judgementRules where files.count > 4 {
            XCTAssertLessThan(counts[rule] ?? 0, files.count, "\(rule) fires on every case")
        }
    }
}
