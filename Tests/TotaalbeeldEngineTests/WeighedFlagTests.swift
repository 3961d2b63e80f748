import Foundation
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldTestSupport
import XCTest

/// Weighed flags (issue 17.2): a flag the professional has weighed stays visible as weighed with its reason, leaves
/// the trial-and-error uncertainty, and comes back as "opnieuw te wegen" when the evidence it was raised on changes.
final class WeighedFlagTests: XCTestCase {
    private static let case1 = "Cases/akc-focusgroep/case1-ict-wens.dossier.xml"

    private func screen(_ text: String, in directory: TemporaryDirectory, name: String = "weighed.dossier.xml") throws -> ScreeningResult {
        let path = directory.write(name, text)
        return Evaluator(ruleset: Fixtures.defaultRuleset).screen(try DossierLoader.load(contentsOf: path, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas))
    }

    private func case1Text() throws -> String { try String(contentsOfFile: Fixtures.path(Self.case1), encoding: .utf8) }

    /// `<weighedFlag>` elements for `flags`, with their current fingerprints, inserted at the end of the assessment.
    private func weighing(_ flags: [Flag], in text: String, reason: String = "Besproken met de cliënt; verklaard.") -> String {
        let elements = flags.map { flag in
            let item = flag.item.map { #" item="\#($0)""# } ?? ""
            return #"    <weighedFlag rule="\#(flag.rule)"\#(item) by="ad-1" date="2010-07-01" evidence="\#(flag.evidenceFingerprint)">\#(reason)</weighedFlag>"#
        }.joined(separator: "\n")
        return text.replacingOccurrences(of: "  </assessment>", with: elements + "\n  </assessment>")
    }

    func testWeighedFlagsStayVisibleLeaveTheUncertaintyAndCanChangeTheVerdict() throws {
        let directory = temporaryDirectory()
        let original = try screen(try case1Text(), in: directory, name: "original.dossier.xml")
        XCTAssertTrue(original.trialAndError.indicated)
        XCTAssertTrue(original.trialAndError.reasons[0].nl.hasPrefix("Onzekerheid in het beeld: 8.5 "), original.trialAndError.reasons[0].nl)
        let weighedIDs = ["test-tegenover-diploma", "motivatie-zonder-onderbouwing", "tunnelvisie", "zelfinschatting-tegenover-waarneming"]
        let toWeigh = original.flags.filter { weighedIDs.contains($0.id) }
        XCTAssertEqual(toWeigh.count, 4)

        let result = try screen(weighing(toWeigh, in: try case1Text()), in: directory)
        // Still there, marked weighed with who, when and why.
        XCTAssertEqual(result.flags.map(\.id), original.flags.map(\.id))
        for flag in result.flags {
            if weighedIDs.contains(flag.id) {
                XCTAssertEqual(flag.weighing?.state, .weighed, flag.id)
                XCTAssertEqual(flag.weighing?.weighed.by, "ad-1")
                XCTAssertEqual(flag.weighing?.weighed.reason, "Besproken met de cliënt; verklaard.")
            } else {
                XCTAssertNil(flag.weighing, flag.id)
            }
        }
        // 8.5 − 1.5 − 1.5 − 1 − 1.5 = 3, below the threshold of 4: no longer indicated.
        XCTAssertTrue(result.trialAndError.reasons[0].nl.hasPrefix("Onzekerheid in het beeld: 3 "), result.trialAndError.reasons[0].nl)
        XCTAssertTrue(result.trialAndError.reasons[0].nl.contains("gewogen en niet meegeteld: 1× motivatie-zonder-onderbouwing, 1× test-tegenover-diploma, 1× tunnelvisie, 1× zelfinschatting-tegenover-waarneming"), result.trialAndError.reasons[0].nl)
        XCTAssertFalse(result.trialAndError.indicated)
        XCTAssertTrue(result.unmatchedWeighings.isEmpty)

        // Reports show it: text with the label and the reason, JSON with the state.
        let text = PlainTextRenderer().render(ScreeningReport(language: .nl).document(for: result))
        XCTAssertTrue(text.contains("[gewogen] "), text)
        XCTAssertTrue(text.contains("Gewogen door ad-1 op 2010-07-01: “Besproken met de cliënt; verklaard.”"), text)
        // A signal whose flags are all weighed is no open point in the Kernpunten and asks no open question in the
        // Overwegingen; it stays among the signals, after the open ones of its severity.
        let digest = SignalDigest(result: result)
        let weighedGroups = digest.groups.filter(\.isWeighed)
        XCTAssertFalse(weighedGroups.isEmpty)
        XCTAssertTrue(weighedGroups.allSatisfy { group in group.flags.allSatisfy { weighedIDs.contains($0.id) } })
        let summary = ScreeningSummary(result: result, language: .nl, digest: digest)
        XCTAssertTrue(summary.points.allSatisfy { !$0.isWeighed })
        XCTAssertEqual(summary.points.count + summary.morePoints, digest.open.count)
        let before = ScreeningSummary(result: original, language: .nl)
        XCTAssertEqual(before.points.count + before.morePoints, SignalDigest(result: original).groups.count, "nothing weighed: every signal is open")
        for severity in [Flag.Severity.serious, .warning, .info] {
            let groups = digest.groups(of: severity)
            XCTAssertEqual(groups.map(\.isWeighed), groups.map(\.isWeighed).sorted { !$0 && $1 }, "open before weighed within \(severity)")
        }
        let considerations = PlainTextRenderer().render(ConsiderationsReport(language: .nl).document(for: result))
        XCTAssertTrue(considerations.contains("Gewogen door ad-1 op 2010-07-01"), considerations)
        let tunnel = try XCTUnwrap(result.flags.first { $0.id == "tunnelvisie" })
        let reader = ReaderText(result: result, language: .nl)
        XCTAssertFalse(considerations.components(separatedBy: "Open vragen").last!.contains(reader.question(tunnel)), "a weighed flag's question is no open question")
        let json = ScreeningJSON().value(for: result).serialized()
        XCTAssertTrue(json.contains(#""weighed":{"rule":"tunnelvisie","item":null,"by":"ad-1","date":"2010-07-01""#), json)
        XCTAssertTrue(json.contains(#""state":"weighed""#))
    }

    func testChangedEvidenceBringsTheFlagBackAsToBeWeighedAgain() throws {
        let directory = temporaryDirectory()
        let original = try screen(try case1Text(), in: directory, name: "original.dossier.xml")
        let flag = try XCTUnwrap(original.flags.first { $0.id == "test-tegenover-diploma" })
        let finding = try XCTUnwrap(flag.evidence.first { $0.elementID.hasPrefix("f-") }, "a structured finding among the evidence")
        let weighed = weighing([flag], in: try case1Text())
        // The same evidence further down the file (a comment moves every line): still weighed.
        let moved = weighed.replacingOccurrences(of: "<sources>", with: "<!-- verplaatst -->\n  <sources>")
        XCTAssertEqual(try screen(moved, in: directory).flags.first { $0.id == flag.id }?.weighing?.state, .weighed)
        // The finding's words changed: the weighing was made on other evidence.
        let changed = weighed.replacingOccurrences(of: "\(finding.quote)</finding>", with: "\(finding.quote) Bijgewerkt na het tweede gesprek.</finding>")
        XCTAssertNotEqual(changed, weighed, "the finding's note was found")
        let result = try screen(changed, in: directory)
        let again = try XCTUnwrap(result.flags.first { $0.id == flag.id })
        XCTAssertEqual(again.weighing?.state, .reweigh)
        XCTAssertFalse(again.isWeighed)
        XCTAssertTrue(result.trialAndError.reasons[0].nl.hasPrefix("Onzekerheid in het beeld: 8.5 "), "it counts again")
        let text = PlainTextRenderer().render(ScreeningReport(language: .nl).document(for: result))
        XCTAssertTrue(text.contains("[opnieuw te wegen] "), text)
    }

    func testAWeighingWhoseFlagDoesNotFireIsListedNotLost() throws {
        let directory = temporaryDirectory()
        let text = try case1Text().replacingOccurrences(
            of: "  </assessment>",
            with: #"    <weighedFlag rule="terugvalrisico-niet-beoordeeld" by="ad-1" date="2010-07-01" evidence="sha256:\#(String(repeating: "0", count: 64))">Geen verslaving bekend.</weighedFlag>"# + "\n  </assessment>"
        )
        let result = try screen(text, in: directory)
        XCTAssertEqual(result.unmatchedWeighings.map(\.flagID), ["terugvalrisico-niet-beoordeeld"])
        XCTAssertTrue(PlainTextRenderer().render(ScreeningReport(language: .en).document(for: result)).contains("Weighed signals that do not fire now (1)"))
        XCTAssertTrue(ScreeningJSON().value(for: result).serialized().contains(#""unmatchedWeighings":[{"rule":"terugvalrisico-niet-beoordeeld""#))
    }

    func testAFlagWeighedTwiceIsRefusedWithItsLine() throws {
        let directory = temporaryDirectory()
        let fingerprint = "sha256:" + String(repeating: "a", count: 64)
        let one = #"    <weighedFlag rule="tunnelvisie" by="ad-1" date="2010-07-01" evidence="\#(fingerprint)">Gewogen.</weighedFlag>"#
        let path = directory.write("twice.dossier.xml", try case1Text().replacingOccurrences(of: "  </assessment>", with: one + "\n" + one + "\n  </assessment>"))
        XCTAssertThrowsError(try DossierLoader.load(contentsOf: path, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)) { error in
            let problems = (error as? LoadError)?.problems ?? []
            XCTAssertEqual(problems.count, 1)
            XCTAssertTrue(problems.first?.message.contains("flag 'tunnelvisie' is weighed twice (first at line 92)") ?? false, "\(problems)")
            XCTAssertEqual(problems.first?.location.line, 93)
        }
        // A fingerprint that is not sha256 and 64 hex digits is a schema error.
        let bad = directory.write("bad.dossier.xml", try case1Text().replacingOccurrences(of: "  </assessment>", with: one.replacingOccurrences(of: fingerprint, with: "sha256:xyz") + "\n  </assessment>"))
        XCTAssertThrowsError(try DossierLoader.load(contentsOf: bad, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas))
    }
}
