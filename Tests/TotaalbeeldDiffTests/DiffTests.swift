import Foundation
import TotaalbeeldDiff
import TotaalbeeldEngine
import TotaalbeeldHTML
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldTestSupport
import TotaalbeeldXML
import XCTest

/// `totaalbeeld diff` (issue 17.1): every shipped case against itself is empty, and against a changed copy — a resolved
/// burden, a new burden, a weighed flag — shows exactly those changes and their consequences, nothing else.
final class DiffTests: XCTestCase {
    private let ruleset = Fixtures.defaultRuleset

    private func snapshot(_ path: String) throws -> (ScreeningSnapshot, ScreeningResult) {
        let result = Evaluator(ruleset: ruleset).screen(try DossierLoader.load(contentsOf: path, ruleset: ruleset, schemas: Fixtures.schemas))
        return (ScreeningSnapshot(result: result), result)
    }

    /// Every element id an evidence change names.
    private func elements(_ change: ScreeningDiff.EvidenceChange) -> Set<String> {
        Set(change.added.map(\.element) + change.removed.map(\.element) + change.recounted.map(\.after.element))
    }

    private func allEvidenceElements(_ diff: ScreeningDiff) -> Set<String> {
        Set(diff.flags.flatMap { elements($0.evidence) } + diff.domains.flatMap { $0.contributions.flatMap { elements($0.evidence) } })
    }

    func testEveryShippedCaseAgainstItselfAndItsOwnScreeningFileIsEmpty() throws {
        let directory = temporaryDirectory()
        for file in Fixtures.caseFiles {
            let (snapshot, result) = try snapshot(Fixtures.path(file))
            XCTAssertTrue(ScreeningDiff(old: snapshot, new: snapshot).isEmpty, file)
            // The same screening written as JSON and read back: the file path and the dossier path agree.
            let json = directory.write("s.json", ScreeningJSON().value(for: result).serialized(pretty: true))
            let fromFile = try ScreeningSnapshot(json: Data(contentsOf: URL(fileURLWithPath: json)), file: json)
            let diff = ScreeningDiff(old: snapshot, new: fromFile)
            XCTAssertTrue(diff.isEmpty, "\(file): \(diff.flags.map(\.id)) \(diff.domains.map(\.code))")
            XCTAssertEqual(diff.persisting.count, result.flags.count)
            XCTAssertNil(ScreeningDiff.sameClient(snapshot, fromFile))
        }
    }

    func testAResolvedBurdenShowsExactlyThatChange() throws {
        let directory = temporaryDirectory()
        var checked = 0
        for file in Fixtures.caseFiles {
            let text = try String(contentsOfFile: Fixtures.path(file), encoding: .utf8)
            let (before, result) = try snapshot(Fixtures.path(file))
            // A counted burden finding of the client's own situation.
            guard let finding = result.dossier.findings.first(where: { finding in
                finding.present && !finding.historical && finding.experiencer == .client && ruleset.indicator(id: finding.indicator)?.polarity == .burden
            }) else { continue }
            let changed = text.replacingOccurrences(of: #"<finding id="\#(finding.id)""#, with: #"<finding present="false" id="\#(finding.id)""#)
            XCTAssertNotEqual(changed, text, file)
            let (after, _) = try snapshot(directory.write("resolved.dossier.xml", changed))
            let diff = ScreeningDiff(old: before, new: after)
            XCTAssertFalse(diff.isEmpty, file)
            // The finding's domain changed, with the finding now counted as absent; no other domain did.
            XCTAssertEqual(diff.domains.map(\.code), [finding.domain], file)
            let part = try XCTUnwrap(diff.domains.first?.contributions.first { $0.indicator == finding.indicator }, file)
            XCTAssertEqual(elements(part.evidence), [finding.id], file)
            XCTAssertTrue(part.evidence.recounted.contains { $0.after.note == "ontkend of afwezig" } || part.kind == .removed, file)
            // Every flag and contribution change rests on that one element; gaps do not move.
            XCTAssertEqual(Set(diff.domains.flatMap { $0.contributions.flatMap { elements($0.evidence) } }), [finding.id], file)
            for change in diff.flags { XCTAssertTrue(elements(change.evidence).contains(finding.id), "\(file): \(change.id)") }
            XCTAssertTrue(diff.openedGaps.isEmpty && diff.closedGaps.isEmpty, file)
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 7, "every case with a current burden finding of the client (cases 4–7 have none)")
    }

    func testANewBurdenShowsExactlyThatChange() throws {
        let directory = temporaryDirectory()
        for file in Fixtures.caseFiles {
            let text = try String(contentsOfFile: Fixtures.path(file), encoding: .utf8)
            let (before, result) = try snapshot(Fixtures.path(file))
            let indicatorID = try XCTUnwrap(["schulden", "mantelzorg", "huisvesting"].first { id in !result.facts.contains { $0.indicator == id } }, file)
            let indicator = try XCTUnwrap(ruleset.indicator(id: indicatorID))
            let source = try XCTUnwrap(result.dossier.sources.first { ruleset.sourceKind(id: $0.kind)?.isSelfReport == false }, file)
            let element = #"<finding id="f-nieuw" indicator="\#(indicatorID)" source="\#(source.id)">Nieuw sinds de intake.</finding>"#
            let changed = text.contains("</findings>")
                ? text.replacingOccurrences(of: "</findings>", with: "  " + element + "\n  </findings>")
                : text.replacingOccurrences(of: "</sources>", with: "</sources>\n  <findings>\n    " + element + "\n  </findings>")
            let (after, _) = try snapshot(directory.write("new.dossier.xml", changed))
            let diff = ScreeningDiff(old: before, new: after)
            XCTAssertEqual(diff.domains.map(\.code), [indicator.domain], file)
            let part = try XCTUnwrap(diff.domains.first?.contributions.first { $0.indicator == indicatorID }, file)
            XCTAssertEqual(part.kind, .added, file)
            XCTAssertEqual(part.role, "burden", file)
            XCTAssertEqual(elements(part.evidence), ["f-nieuw"], file)
            // The domain's burden and strength changed by that element alone; level-2 modifiers that reach every burdened
            // domain (scope "all") now apply to it too. A flag may change as a consequence (its evidence now includes the
            // new burden, or the whole domain that now reaches a level), never without it.
            let contributions = diff.domains.flatMap(\.contributions)
            // Besides the new burden only what it corroborates: a word in passing about a theme nobody discussed did
            // not count (issue 14); with information in its domain it does.
            XCTAssertEqual(contributions.filter { $0.role != "modifier" && $0.indicator == indicatorID }.count, 1, file)
            for other in contributions where other.role != "modifier" && other.indicator != indicatorID {
                XCTAssertTrue(elements(other.evidence).allSatisfy { element in
                    result.domains.flatMap(\.uncounted).contains { $0.elementID == element && $0.indicator == other.indicator && $0.countReason.nl.contains("terloops") }
                }, "\(file): \(other.indicator) changed without having been a word in passing")
            }
            XCTAssertTrue(contributions.filter { $0.role == "modifier" }.allSatisfy { $0.kind == .added }, file)
            // A domain that had no information now has some: only its own themes' gaps may close, and their flags resolve.
            let themes = Set(ruleset.themes.filter { $0.domain == indicator.domain }.map(\.id))
            XCTAssertTrue(diff.openedGaps.isEmpty, file)
            XCTAssertTrue(diff.closedGaps.allSatisfy { themes.contains($0.theme) }, file)
            for change in diff.flags {
                if change.kind == .resolved, change.rule == "alleen-eigen-verhaal" {
                    // Another source now speaks about the domain: it no longer rests on the client's word alone.
                    XCTAssertTrue(change.id.hasSuffix(":" + indicator.domain) || change.id == change.rule, "\(file): \(change.id)")
                } else if change.kind == .resolved {
                    XCTAssertEqual(change.rule, "lacune-gespreksthema", file)
                    XCTAssertTrue(themes.contains(String(change.id.dropFirst("lacune-gespreksthema:".count))), file)
                } else {
                    XCTAssertTrue(elements(change.evidence).contains("f-nieuw"), "\(file): \(change.id)")
                }
            }
        }
    }

    func testAWeighedFlagShowsExactlyThatChange() throws {
        let directory = temporaryDirectory()
        var checked = 0
        for file in Fixtures.caseFiles {
            let text = try String(contentsOfFile: Fixtures.path(file), encoding: .utf8)
            let (before, result) = try snapshot(Fixtures.path(file))
            guard text.contains("</assessment>"), let flag = result.flags.first else { continue }
            let item = flag.item.map { #" item="\#($0)""# } ?? ""
            let weighed = #"<weighedFlag rule="\#(flag.rule)"\#(item) by="ad-1" date="2026-12-01" evidence="\#(flag.evidenceFingerprint)">Besproken; verklaard.</weighedFlag>"#
            let (after, _) = try snapshot(directory.write("weighed.dossier.xml", text.replacingOccurrences(of: "</assessment>", with: "  " + weighed + "\n  </assessment>")))
            let diff = ScreeningDiff(old: before, new: after)
            XCTAssertEqual(diff.flags.map(\.id), [flag.id], file)
            XCTAssertEqual(diff.flags.first?.kind, .weighed, file)
            XCTAssertEqual(diff.flags.first?.after?.weighing?.reason, "Besproken; verklaard.")
            XCTAssertTrue(diff.domains.isEmpty && diff.openedGaps.isEmpty && diff.closedGaps.isEmpty, file)
            XCTAssertEqual(diff.persisting.count, result.flags.count - 1, file)
            let report = PlainTextRenderer().render(DiffReport(language: .nl).document(diff))
            XCTAssertTrue(report.contains("Nu gewogen (1)"), report)
            XCTAssertTrue(report.contains("Gewogen door ad-1 op 2026-12-01: Besproken; verklaard."), report)
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 6, "every case with an assessment and a flag")
    }

    func testSameClientIsTheClientReferenceOrElseTheDossierID() throws {
        let directory = temporaryDirectory()
        func snap(id: String, ref: String?) throws -> ScreeningSnapshot {
            let client = #"<client\#(ref.map { #" ref="\#($0)""# } ?? "") ageBand="18-26" benefitRegime="wajong"/>"#
            return try snapshot(directory.write("\(id)-\(ref ?? "none").dossier.xml", dossierXML(id: id, client: client, body: ""))).0
        }
        XCTAssertNil(ScreeningDiff.sameClient(try snap(id: "intake", ref: "k-7"), try snap(id: "ijkpunt-1", ref: "k-7")))
        XCTAssertNotNil(ScreeningDiff.sameClient(try snap(id: "intake", ref: "k-7"), try snap(id: "intake", ref: "k-8")))
        XCTAssertNil(ScreeningDiff.sameClient(try snap(id: "intake", ref: nil), try snap(id: "intake", ref: nil)))
        XCTAssertEqual(ScreeningDiff.sameClient(try snap(id: "intake", ref: nil), try snap(id: "ijkpunt-1", ref: nil)), "neither has a client reference (client/@ref) and the dossier ids differ")
        XCTAssertTrue(ScreeningDiff.sameClient(try snap(id: "intake", ref: "k-7"), try snap(id: "intake", ref: nil))?.contains("only OLD has") ?? false)
    }

    func testTheCommandRefusesAnotherClientUnlessForcedAndRendersEveryFormat() throws {
        let case1 = "Cases/akc-focusgroep/case1-ict-wens.dossier.xml", case3 = "Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml"
        let refused = try CLI.run(["diff", case1, case3])
        XCTAssertEqual(refused.status, 65)
        XCTAssertTrue(refused.stderr.contains("\(case3):16:3: not the same client as \(case1):11:3: neither has a client reference"), refused.stderr)
        XCTAssertTrue(refused.stdout.isEmpty)
        let forced = try CLI.run(["diff", case1, case3, "--force", "--lang", "en"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stdout.contains("Compared with --force, though the two are not established to be one client"), forced.stdout)

        let directory = temporaryDirectory()
        let screening = try CLI.run(["screen", case1, "--format", "json"])
        let json = directory.write("case1.json", screening.stdout)
        let same = try CLI.run(["diff", json, case1, "--format", "json"])
        XCTAssertEqual(same.status, 0, same.stderr)
        let value = try JSONValue(parsing: Data(same.stdout.utf8))
        XCTAssertEqual(value["empty"]?.bool, true)
        XCTAssertEqual(value["sameClient"]?.bool, true)
        let screened = try JSONValue(parsing: Data(screening.stdout.utf8))
        XCTAssertEqual(value["flags"]?["persisting"]?.array?.count, screened["flags"]?.array?.count, "every flag persists")
        XCTAssertEqual(try CLI.run(["diff", case1, case1, "--format", "docx"]).status, 64, "docx and odt are screen's")
        for format in ["text", "markdown", "html"] {
            let run = try CLI.run(["diff", case1, case1, "--format", format])
            XCTAssertEqual(run.status, 0, "\(format): \(run.stderr)")
            XCTAssertFalse(run.stdout.isEmpty, format)
        }
        // Not a screening: the file and the reason.
        let notJSON = directory.write("not.json", #"{"formatVersion": 2}"#)
        let bad = try CLI.run(["diff", notJSON, case1])
        XCTAssertEqual(bad.status, 65)
        XCTAssertTrue(bad.stderr.contains("\(notJSON):1:1: not a screening"), bad.stderr)
        XCTAssertEqual(try CLI.run(["diff", directory.path + "/missing.xml", case1]).status, 66)
    }

    func testTheHTMLPageShowsTheBeforeAndAfterChartAndEveryChange() throws {
        let directory = temporaryDirectory()
        let text = try String(contentsOfFile: Fixtures.path("Cases/akc-focusgroep/case1-ict-wens.dossier.xml"), encoding: .utf8)
        let changed = text.replacingOccurrences(of: #"<finding id="f-angsten""#, with: #"<finding present="false" id="f-angsten""#)
            .replacingOccurrences(of: "</findings>", with: #"  <finding id="f-nieuw" indicator="schulden" source="s-aanmelding">Schulden <sinds> de intake.</finding>"# .replacingOccurrences(of: "<sinds>", with: "&lt;sinds&gt;") + "\n  </findings>")
        let (before, _) = try snapshot(Fixtures.path("Cases/akc-focusgroep/case1-ict-wens.dossier.xml"))
        let (after, _) = try snapshot(directory.write("c.dossier.xml", changed))
        let templates = try HTMLTemplates(directory: Fixtures.path("Templates/html"))
        let html = templates.render(DiffPage(language: .nl).context(for: ScreeningDiff(old: before, new: after)), template: "diff")
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        _ = try XMLDocumentLoader.parseWellFormed(bytes: Array(html.dropFirst("<!DOCTYPE html>\n".count).utf8), fileName: "diff.html")
        XCTAssertTrue(html.contains(#"<rect class="bar-need before""#))
        XCTAssertTrue(html.contains(#"<rect class="bar-need""#))
        XCTAssertTrue(html.contains("behoefte voor 5.27"), "the before value of Privésituatie")
        XCTAssertTrue(html.contains("behoefte na 10"))
        XCTAssertTrue(html.contains("Schulden &lt;sinds&gt; de intake."), "dossier text is escaped")
        XCTAssertTrue(html.contains("f-angsten r.35 “Last van angsten.”: actueel, over de cliënt → ontkend of afwezig"))
        XCTAssertFalse(html.contains("<script"))
        // Deterministic.
        XCTAssertEqual(html, templates.render(DiffPage(language: .nl).context(for: ScreeningDiff(old: before, new: after)), template: "diff"))
    }
}
