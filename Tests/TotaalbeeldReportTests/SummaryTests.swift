import Foundation
import TotaalbeeldEngine
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldTestSupport
import XCTest

/// The Kernpunten and the order of the signals, derived from the screening result alone.
final class SummaryTests: XCTestCase {
    func testTheVerdictSentenceIsInTheFirstFortyLinesOfEveryTextReport() throws {
        for file in Fixtures.caseFiles {
            let result = try ReportFixtures.screen(file)
            for language in Language.allCases {
                let summary = ScreeningSummary(result: result, language: language)
                let lines = PlainTextRenderer().render(ScreeningReport(language: language).document(for: result)).split(separator: "\n", omittingEmptySubsequences: false)
                let line = lines.firstIndex { $0.contains(summary.trialAndError) }.map { $0 + 1 }
                XCTAssertNotNil(line, "\(file) (\(language)): the verdict is in the report")
                XCTAssertLessThanOrEqual(line ?? .max, 40, "\(file) (\(language))")
                let advice = lines.firstIndex { $0.contains(summary.adviceSentence) }.map { $0 + 1 }
                XCTAssertLessThanOrEqual(advice ?? .max, 40, "\(file) (\(language)): the advice")
            }
        }
    }

    func testTheAdviceFollowsFromReferralSeriousOpenPointsAndGaps() throws {
        for file in Fixtures.caseFiles {
            let result = try ReportFixtures.screen(file)
            let summary = ScreeningSummary(result: result, language: .nl)
            let referral = !result.trialAndError.indicated && !result.trialAndError.tracks.isEmpty
            let serious = result.flags.contains { $0.severity == .serious && [.judgementRisk, .inconsistency].contains($0.kind) }
            let expected: ScreeningSummary.Advice = referral ? .referFirst : (serious || !result.gaps.isEmpty) ? .gatherFirst : .ready
            XCTAssertEqual(summary.advice, expected, file)
            // Three to five points, never more than there are signals.
            let groups = SignalDigest(result: result).groups.count
            XCTAssertEqual(summary.points.count, min(groups, max(3, min(5, summary.points.count))), file)
            XCTAssertLessThanOrEqual(summary.points.count, ScreeningSummary.maximumPoints, file)
            XCTAssertEqual(summary.points.count + summary.morePoints, groups, file)
            XCTAssertLessThanOrEqual(summary.strengths.count, ScreeningSummary.maximumStrengths, file)
        }
        // The deciding sentence of case 3 (issue 15) heads its report now.
        let case3 = ScreeningSummary(result: try ReportFixtures.screen("Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml"), language: .nl)
        XCTAssertEqual(case3.advice, .referFirst)
        XCTAssertEqual(case3.trialAndError, "Niet geïndiceerd: eerst verwijzen; het advies kan pas na die beoordeling worden afgerond.")
        XCTAssertTrue(case3.notYet.first?.hasPrefix("Een re-integratietraject, tot de uitkomst er is van") == true, "\(case3.notYet)")
        XCTAssertEqual(ScreeningSummary(result: try ReportFixtures.screen("Cases/eenvoudig/wia-chauffeur-planner.dossier.xml"), language: .nl).advice, .ready)
    }

    /// "Nog niet doen" counts open points as the advice does: a group of related signals is one point, so the
    /// count it gives for one part of the assessment never exceeds the serious open points of the whole report
    /// (case 1 once said "één ernstig open punt" above and "2 ernstige open punten gaan erover" below).
    func testNotYetCountsOpenPointsAsTheAdviceDoes() throws {
        for file in Fixtures.caseFiles {
            let result = try ReportFixtures.screen(file)
            let summary = ScreeningSummary(result: result, language: .nl)
            let seriousPoints = SignalDigest(result: result).open.filter { $0.severity == .serious }.count
            for line in summary.notYet where line.contains("open punt") {
                let words = line.split(separator: " ").map(String.init)
                let before = words.firstIndex { $0.hasPrefix("ernstig") }.map { words[$0 - 1] } ?? ""
                let count = before == "één" ? 1 : Int(before) ?? -1
                XCTAssertGreaterThanOrEqual(count, 1, "\(file): \(line)")
                XCTAssertLessThanOrEqual(count, seriousPoints, "\(file): \(line)")
            }
        }
        let case1 = ScreeningSummary(result: try ReportFixtures.screen("Cases/akc-focusgroep/case1-ict-wens.dossier.xml"), language: .nl)
        XCTAssertTrue(case1.adviceSentence.contains("één ernstig open punt in het oordeel"), case1.adviceSentence)
        XCTAssertEqual(case1.notYet, ["De gekozen richting (r. 91) uitvoeren: één ernstig open punt gaat erover."])
    }

    func testSignalsAreOrderedBySeverityThenPhase() throws {
        for file in Fixtures.caseFiles {
            let groups = SignalDigest(result: try ReportFixtures.screen(file)).groups
            for (a, b) in zip(groups, groups.dropFirst()) {
                XCTAssertTrue(a.severity > b.severity || (a.severity == b.severity && a.phase <= b.phase), "\(file): \(a.lead.rule) before \(b.lead.rule)")
            }
            // Every flag is in exactly one signal, and a signal's severity is its most severe flag's.
            let result = try ReportFixtures.screen(file)
            XCTAssertEqual(groups.flatMap(\.flags).map(\.id).sorted(), result.flags.map(\.id).sorted(), file)
            for group in groups { XCTAssertEqual(group.severity, group.flags.map(\.severity).max(), file) }
        }
    }

    func testFlagsAboutOneConcernMergeAndMissingThemesStayApart() throws {
        let result = try ReportFixtures.screen("Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml")
        let groups = SignalDigest(result: result).groups
        let direction = try XCTUnwrap(result.dossier.assessment?.direction?.id)
        // Every flag about the chosen direction (and about nothing else in the assessment) is one signal.
        let onDirection = groups.filter { group in group.lead.evidence.contains { $0.elementID == direction } && group.flags.allSatisfy { $0.evidence.contains { $0.elementID == direction } } }
        XCTAssertEqual(onDirection.count, 1)
        XCTAssertGreaterThanOrEqual(onDirection.first?.flags.count ?? 0, 4, "the flags on one direction are one signal with 'ook:' lines")
        // Gaps have no evidence and differ in item: one signal each.
        let gaps = result.flags.filter { $0.kind == .gap }
        XCTAssertEqual(groups.filter { $0.lead.kind == .gap }.count, gaps.count)
        // The strongest evidence comes first: what the signal is about, then different elements.
        let shown = onDirection.first?.strongest.map(\.elementID) ?? []
        XCTAssertEqual(shown.first, direction)
        XCTAssertEqual(Set(shown).count, shown.count, "three lines from three elements")
    }

    func testReaderTextDropsIdsMergesTalliesAndCutsDecimals() throws {
        let result = try ReportFixtures.screen("Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml")
        let reader = ReaderText(result: result, language: .nl)
        let finding = try XCTUnwrap(result.dossier.findings.first)
        XCTAssertEqual(reader.clean("(\(finding.id) r.\(finding.location.line) “x”)"), "(r.\(finding.location.line) “x”)")
        XCTAssertEqual(reader.clean("Werkt aan: Faalangst (\(finding.id))"), "Werkt aan: Faalangst (r. \(finding.location.line))")
        XCTAssertEqual(reader.clean("3× lacune-gespreksthema, 1× onwil-of-onmacht, 1× lezingen-onbesproken."), "3× lacune, 2× oordeelsrisico.")
        XCTAssertEqual(reader.clean("Onzekerheid 5.25 (drempel 4)"), "Onzekerheid 5.3 (drempel 4)")
        XCTAssertEqual(ReaderText(result: result, language: .en).clean("support need ≥ matig: 3"), "support need ≥ moderate: 3")
        // Quoted dossier words stay as they stand, ids and all.
        XCTAssertEqual(reader.clean("“\(finding.id) 1.25”"), "“\(finding.id) 1.25”")
        XCTAssertEqual(ReaderText.runs(quoting: "a “b” c"), [.plain("a “"), .quoted("b"), .plain("” c")])
    }

    func testTheJSONSummaryIsTheMachineContractOfTheKernpunten() throws {
        let result = try ReportFixtures.screen("Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml")
        let json = ScreeningJSON(language: .nl).value(for: result).serialized()
        XCTAssertTrue(json.contains(#""summary":{"advice":{"code":"refer-first","sentence":"#), String(json.prefix(600)))
        for key in ["points", "notYet", "strengths", "trialAndError", "morePoints"] { XCTAssertTrue(json.contains("\"\(key)\":"), key) }
        XCTAssertTrue(json.contains(#""phase":"besluitvorming""#))
        XCTAssertTrue(json.contains(#""concern":"#))
        // Keys come in the documented order: the summary right after the ruleset, before the detail.
        let summary = try XCTUnwrap(json.range(of: "\"summary\""))
        XCTAssertLessThan(try XCTUnwrap(json.range(of: "\"ruleset\"")).lowerBound, summary.lowerBound)
        XCTAssertLessThan(summary.lowerBound, try XCTUnwrap(json.range(of: "\"domains\"")).lowerBound)
    }
}
