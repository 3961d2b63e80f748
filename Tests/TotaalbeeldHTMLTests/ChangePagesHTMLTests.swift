import Foundation
import TotaalbeeldDiff
import TotaalbeeldEngine
import TotaalbeeldHTML
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest

/// The `diff` and `impact` pages keep the rules every page keeps: well-formed, self-contained, accessible, deterministic.
final class ChangePagesHTMLTests: XCTestCase {
    private func screen(_ path: String) throws -> ScreeningResult {
        Evaluator(ruleset: Fixtures.defaultRuleset).screen(try DossierLoader.load(contentsOf: path, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas))
    }

    func testDiffPagesOfEveryShippedCaseAgainstItselfAndAChangedCopy() throws {
        let directory = temporaryDirectory()
        for file in Fixtures.caseFiles {
            let original = try screen(Fixtures.path(file))
            let before = ScreeningSnapshot(result: original)
            let text = try String(contentsOfFile: Fixtures.path(file), encoding: .utf8)
            let finding = #"<finding id="f-nieuw" indicator="schulden" source="\#(original.dossier.sources[0].id)">Nieuw &amp; "anders" &lt;dan&gt; toen.</finding>"#
            let changed = text.contains("</findings>")
                ? text.replacingOccurrences(of: "</findings>", with: "  " + finding + "\n  </findings>")
                : text.replacingOccurrences(of: "</sources>", with: "</sources>\n  <findings>\n    " + finding + "\n  </findings>")
            let after = ScreeningSnapshot(result: try screen(directory.write("changed.dossier.xml", changed)))
            for (diff, name) in [(ScreeningDiff(old: before, new: before), "same"), (ScreeningDiff(old: before, new: after), "changed")] {
                for language in [Language.nl, .en] {
                    let page = HTMLChecks.templates.render(DiffPage(language: language).context(for: diff), template: "diff")
                    _ = try HTMLChecks.checkAll(page, file: "\(file) \(name) (\(language))")
                    XCTAssertEqual(page, HTMLChecks.templates.render(DiffPage(language: language).context(for: diff), template: "diff"))
                    if name == "changed" { XCTAssertTrue(page.contains("Nieuw &amp; &quot;anders&quot; &lt;dan&gt; toen."), file) }
                }
            }
        }
    }

    func testImpactPagesEmptyAndNot() throws {
        let ruleset = Fixtures.defaultRuleset
        var empty = ImpactSummary(old: ruleset, new: ruleset, inputs: ["set"], suffix: ".dossier.xml", language: "nl")
        var changed = empty
        for (position, file) in Fixtures.caseFiles.enumerated() {
            let side = ImpactSide(result: try screen(Fixtures.path(file)))
            empty.add(ImpactRecord(file: file, dossier: "d\(position)", position: position, before: .screened(side), after: .screened(side), levels: ruleset.scoring.levels.map(\.id)))
            var moved = side
            moved.flags.removeFirst(min(1, moved.flags.count))
            moved.verdict = side.verdict == "indicated" ? "not-indicated" : side.verdict
            moved.levels = side.levels.map { ($0.domain, $0.domain == "prive" ? "hoog" : $0.level) }
            changed.add(ImpactRecord(file: file, dossier: "d\(position)", position: position, before: .screened(side), after: .screened(moved), levels: ruleset.scoring.levels.map(\.id)))
        }
        XCTAssertTrue(empty.isEmpty)
        XCTAssertFalse(changed.isEmpty)
        for (summary, name) in [(empty, "empty"), (changed, "changed")] {
            for language in [Language.nl, .en] {
                let page = HTMLChecks.templates.render(ImpactPage(language: language).context(for: summary), template: "impact")
                _ = try HTMLChecks.checkAll(page, file: "impact \(name) (\(language))")
                XCTAssertEqual(page.contains("<svg"), name == "changed")
            }
        }
        let page = HTMLChecks.templates.render(ImpactPage(language: .en).context(for: changed), template: "impact")
        XCTAssertTrue(page.contains("<caption><code>prive</code>"), "a level transition table for the domain that moved")
    }
}
