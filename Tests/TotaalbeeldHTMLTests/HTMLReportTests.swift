import Foundation
import TotaalbeeldEngine
import TotaalbeeldHTML
import TotaalbeeldIntervision
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldTestSupport
import TotaalbeeldXML
import XCTest

/// What every HTML report must be: well-formed, self-contained, internally linked, deterministic.
enum HTMLChecks {
    static let templates: HTMLTemplates = {
        do { return try HTMLTemplates(directory: Fixtures.path("Templates/html")) } catch { fatalError("templates: \(error)") }
    }()

    /// Parses the page as XML (polyglot XHTML) after its `<!DOCTYPE html>`, which the hardened parser refuses by design.
    static func parse(_ html: String, file: String) throws -> XMLDocument {
        let doctype = "<!DOCTYPE html>\n"
        XCTAssertTrue(html.hasPrefix(doctype), "\(file): starts with the HTML5 doctype")
        return try XMLDocumentLoader.parseWellFormed(bytes: Array(html.dropFirst(doctype.count).utf8), fileName: file)
    }

    /// Anything that would make a browser fetch: scripts, links, external images or fonts, CSS imports and urls.
    static func externalReferences(_ html: String) -> [String] {
        var found: [String] = []
        for pattern in [#"<script"#, #"<link\b"#, #"<img\b"#, #"<iframe"#, #"<object"#, #"@import"#, #"@font-face"#,
                        #"(?:src|href|xlink:href|action|poster)\s*=\s*"(?!#)[^"]*""#, #"url\(\s*['"]?(?!#)"#] {
            let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                found.append(String(html[Range(match.range, in: html)!]))
            }
        }
        return found
    }

    static func elements(_ root: XMLElement) -> [XMLElement] { [root] + root.children.flatMap(elements) }

    /// Every `href="#x"` points at an element with `id="x"`, and ids are unique.
    static func checkInternalLinks(_ document: XMLDocument, file: String) {
        let all = elements(document.root)
        let ids = all.compactMap { $0.attribute("id") }
        XCTAssertEqual(ids.count, Set(ids).count, "\(file): duplicate ids \(Dictionary(grouping: ids) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
        for href in all.compactMap({ $0.attribute("href") }) {
            XCTAssertTrue(href.hasPrefix("#") && ids.contains(String(href.dropFirst())), "\(file): link \(href) has no target")
        }
    }

    /// Tables have header cells; images (SVG) have a title; headings do not skip levels.
    static func checkAccessibility(_ document: XMLDocument, file: String) {
        let all = elements(document.root)
        for table in all where table.name.localName == "table" {
            XCTAssertTrue(elements(table).contains { $0.name.localName == "th" }, "\(file): a table without header cells")
        }
        for svg in all where svg.name.localName == "svg" {
            XCTAssertNotNil(svg.attribute("role"), "\(file): svg without role")
            XCTAssertTrue(svg.children.contains { $0.name.localName == "title" }, "\(file): svg without title")
        }
        var previous = 0
        for heading in all.compactMap({ Int($0.name.localName.dropFirst()).flatMap { $0 <= 6 && $0 >= 1 ? $0 : nil } }) where heading > 0 {
            XCTAssertLessThanOrEqual(heading, previous + 1, "\(file): heading level jumps from h\(previous) to h\(heading)")
            previous = heading
        }
        XCTAssertEqual(all.filter { $0.name.localName == "h1" }.count, 1, "\(file): exactly one h1")
    }

    static func checkAll(_ html: String, file: String) throws -> XMLDocument {
        let document = try parse(html, file: file)
        // Nothing empty or unset leaks into the page (Mustache treats "" as true, and prints nil as "nil").
        XCTAssertNil(html.range(of: #"<(li|p|summary|ul|ol)( [^>]*)?></\1>"#, options: .regularExpression), "\(file): an empty element")
        XCTAssertNil(html.range(of: #"[> ]nil[<.]"#, options: .regularExpression), "\(file): 'nil' in the page")
        XCTAssertEqual(externalReferences(html), [], file)
        checkInternalLinks(document, file: file)
        checkAccessibility(document, file: file)
        return document
    }
}

final class ScreeningHTMLTests: XCTestCase {
    private func result(_ file: String) throws -> ScreeningResult {
        let catalogue = try TrackCatalogueLoader.load(contentsOf: Fixtures.path("Rulesets/tracks-2026.xml"), ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
        return Evaluator(ruleset: Fixtures.defaultRuleset, catalogue: catalogue).screen(try Fixtures.dossier(file))
    }

    private func html(_ result: ScreeningResult, _ language: Language = .nl) -> String {
        HTMLChecks.templates.render(ScreeningPage(language: language).context(for: result), template: "screen")
    }

    func testEveryShippedCaseRendersWellFormedSelfContainedAndLinked() throws {
        XCTAssertFalse(Fixtures.caseFiles.isEmpty)
        for file in Fixtures.caseFiles {
            let result = try result(file)
            for language in [Language.nl, .en] {
                let page = html(result, language)
                _ = try HTMLChecks.checkAll(page, file: "\(file) (\(language))")
                XCTAssertTrue(page.contains(result.dossier.id), file)
                XCTAssertTrue(page.contains("sha256:" + result.ruleset.checksum), file)
                XCTAssertEqual(page, html(result, language), "\(file): rendering is deterministic")
            }
        }
    }

    func testHeaderChartTablesAndSectionsAreThereInBothLanguages() throws {
        let result = try result("Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml")
        let dutch = html(result)
        XCTAssertTrue(dutch.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nl\""))
        XCTAssertTrue(dutch.contains("hulpmiddel voor kritische reflectie, geen besluit"))
        XCTAssertTrue(dutch.contains("Schema 1 — belasting en kracht per levensdomein"))
        XCTAssertTrue(dutch.contains("class=\"bar-burden\""))
        XCTAssertTrue(dutch.contains("@page { size: A4"))
        let english = html(result, .en)
        XCTAssertTrue(english.contains("lang=\"en\""))
        XCTAssertTrue(english.contains("An aid for critical reflection, not a decision"))
        XCTAssertTrue(english.contains("Schema 1 — burden and strength per life domain"))
        // Every domain is a row of the table: the level leads, the figures follow with at most one decimal.
        for domain in result.domains where domain.hasInformation {
            let level = domain.supportNeedLevel?.label[.nl] ?? ""
            XCTAssertTrue(dutch.contains("<tr><th scope=\"row\">\(domain.domain.label[.nl])</th><td><strong>\(level)</strong></td><td class=\"num\">\(ReaderText.figure(domain.supportNeed))</td><td class=\"num\">\(ReaderText.figure(domain.burden))</td>"), domain.domain.id)
        }
    }

    func testKernpuntenComeFirstAndTheRestOfTheEvidenceIsADisclosure() throws {
        let result = try result("Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml")
        for language in [Language.nl, .en] {
            let page = html(result, language)
            let document = try HTMLChecks.parse(page, file: "case 3")
            let main = try XCTUnwrap(HTMLChecks.elements(document.root).first { $0.name.localName == "main" })
            XCTAssertEqual(main.children.first?.attribute("id"), "kernpunten", "the Kernpunten open the report")
            let summary = ScreeningSummary(result: result, language: language)
            XCTAssertEqual(summary.advice, .referFirst)
            XCTAssertTrue(page.contains(summary.trialAndError))
            // Three evidence lines per signal; the rest in a disclosure the print stylesheet opens.
            XCTAssertTrue(page.contains("<details class=\"more\">"))
            XCTAssertTrue(page.contains("details::details-content { content-visibility: visible"))
            for article in HTMLChecks.elements(main) where article.name.localName == "article" {
                let shown = article.children.first { $0.attribute("class") == "evidence" }
                XCTAssertLessThanOrEqual(shown?.children.count ?? 0, SignalGroup.shownEvidence)
            }
            // No element ids in what the reader sees (anchors may use them).
            for element in HTMLChecks.elements(document.root) {
                XCTAssertFalse(element.text.contains("c-onwil") || element.text.contains("f-verslaving"), element.text)
            }
        }
    }

    func testLevel2ModulationIsVisibleAsADashedBaseline() throws {
        for file in Fixtures.caseFiles {
            let result = try result(file)
            let modulated = result.domains.filter { $0.hasInformation && $0.modifiers.reduce(1.0) { $0 * $1.factor } != 1 }
            let page = html(result)
            XCTAssertEqual(page.components(separatedBy: "<rect class=\"baseline\"").count - 1, modulated.count, file)
        }
    }

    func testNarrativeMarksCarryTheirContextAsClassAndWordAndFlagsLinkToThem() throws {
        var seen = Set<String>()
        for file in Fixtures.caseFiles {
            let result = try result(file)
            let page = html(result)
            let document = try HTMLChecks.parse(page, file: file)
            for mark in HTMLChecks.elements(document.root) where mark.name.localName == "mark" && mark.attribute("id") != nil {
                let classes = Set((mark.attribute("class") ?? "").split(separator: " ").map(String.init))
                let tag = mark.children.first { $0.attribute("class") == "tag" }?.text ?? ""
                seen.formUnion(classes)
                // Never colour alone: each context class is also said in words in the tag.
                if classes.contains("negated") { XCTAssertTrue(tag.contains("ontkend"), tag) }
                if classes.contains("historical") { XCTAssertTrue(tag.contains("verleden"), tag) }
                if classes.contains("hypothetical") { XCTAssertTrue(tag.contains("hypothetisch"), tag) }
                if classes.contains("other") { XCTAssertTrue(tag.contains("ander persoon"), tag) }
            }
            // Evidence of flags found in narrative text links to the marked span.
            for flag in result.flags {
                for evidence in flag.evidence where evidence.span != nil && result.dossier.narratives.contains(where: { $0.id == evidence.elementID }) {
                    XCTAssertTrue(page.contains("href=\"#t-\(evidence.elementID)-") || page.contains("href=\"#n-\(evidence.elementID)\""), "\(file) \(flag.rule)")
                }
            }
        }
        XCTAssertTrue(seen.isSuperset(of: ["hit", "affirmed", "negated", "historical", "hypothetical", "other"]), "shipped cases show every kind of mark: \(seen.sorted())")
    }

    /// Issue 17's weighed flags on issue 15's page: the signal marked weighed with who, when and the reason as the
    /// dossier's words; a weighing whose flag does not fire listed by its line.
    func testWeighedFlagsAreMarkedAndUnmatchedWeighingsListed() throws {
        let file = "Cases/akc-focusgroep/case1-ict-wens.dossier.xml"
        let tunnel = try XCTUnwrap(try result(file).flags.first { $0.id == "tunnelvisie" })
        let text = try String(contentsOfFile: Fixtures.path(file), encoding: .utf8).replacingOccurrences(of: "  </assessment>", with: """
                <weighedFlag rule="tunnelvisie" by="ad-1" date="2010-07-01" evidence="\(tunnel.evidenceFingerprint)">Besproken &amp; verklaard.</weighedFlag>
                <weighedFlag rule="terugvalrisico-niet-beoordeeld" by="ad-1" date="2010-07-01" evidence="sha256:\(String(repeating: "0", count: 64))">Geen verslaving bekend.</weighedFlag>
              </assessment>
            """)
        let directory = TemporaryDirectory()
        let path = directory.write("weighed.dossier.xml", text)
        let screened = Evaluator(ruleset: Fixtures.defaultRuleset).screen(try DossierLoader.load(contentsOf: path, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas))
        for language in [Language.nl, .en] {
            let page = html(screened, language)
            _ = try HTMLChecks.checkAll(page, file: path)
            XCTAssertTrue(page.contains("weighing-weighed"), "\(language)")
            XCTAssertTrue(page.contains(#"<span class="quote" lang="nl">Besproken &amp; verklaard.</span>"#), page)
            XCTAssertTrue(page.contains(#"id="flags-unmatched""#))
            XCTAssertTrue(page.contains(#"<span class="quote" lang="nl">Geen verslaving bekend.</span>"#))
        }
        XCTAssertTrue(html(screened).contains(#"<span class="weighing">gewogen</span>"#))
        XCTAssertTrue(html(screened, .en).contains(#"<span class="weighing">weighed</span>"#))
    }

    func testDossierTextIsEscapedNotInterpreted() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("escape.dossier.xml", dossierXML(body: #"<narratives><narrative id="n-1" domain="prive" source="s-ad">Hij zegt: &lt;script&gt;alert(1)&lt;/script&gt; &amp; heeft schulden bij "de bank".</narrative></narratives>"#))
        let dossier = try DossierLoader.load(contentsOf: path, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
        let page = html(Evaluator(ruleset: Fixtures.defaultRuleset).screen(dossier))
        XCTAssertFalse(page.contains("<script>"))
        XCTAssertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; heeft"))
        _ = try HTMLChecks.checkAll(page, file: path)
    }
}

final class ComparisonHTMLTests: XCTestCase {
    private func page(_ number: Int, _ language: Language = .nl) throws -> (Comparison, String) {
        let (dossier, elements, evaluations) = try Fixtures.intervisionSet(number)
        let comparison = Comparison(evaluations: evaluations, ruleset: Fixtures.defaultRuleset, engine: Evaluator(ruleset: Fixtures.defaultRuleset).screen(dossier))
        return (comparison, HTMLChecks.templates.render(ComparisonPage(language: language).context(for: comparison, ruleset: Fixtures.defaultRuleset, elements: elements), template: "compare"))
    }

    func testShippedSetsRenderWellFormedSelfContainedAndDeterministic() throws {
        for number in [1, 3] {
            for language in [Language.nl, .en] {
                let (comparison, html) = try page(number, language)
                _ = try HTMLChecks.checkAll(html, file: "compare case \(number) (\(language))")
                XCTAssertEqual(html, try page(number, language).1)
                for rater in comparison.raters { XCTAssertTrue(html.contains(rater.rater), rater.rater) }
            }
        }
    }

    func testCitedEvidenceIsQuotedFromTheDossierAndLinked() throws {
        let (comparison, html) = try page(1)
        // Case 1: the truancy is cited by the sceptics only; its row quotes the dossier and the answers link to it.
        let truancy = try XCTUnwrap(comparison.evidence.first { $0.element == "f-spijbelen" })
        XCTAssertEqual(truancy.citedBy, ["ad-collega-a", "ad-collega-c"])
        let document = try HTMLChecks.parse(html, file: "case 1")
        let row = try XCTUnwrap(HTMLChecks.elements(document.root).first { $0.attribute("id") == "e-f-spijbelen" })
        let quoted = HTMLChecks.elements(row).map(\.text).joined()
        XCTAssertTrue(quoted.lowercased().contains("spijbel"), quoted)
        XCTAssertTrue(html.contains("<a href=\"#e-f-spijbelen\">"))
        // Shared and disputed evidence together are everything anyone cited, each listed once.
        let everything = Set(comparison.cells.flatMap { $0.answers.flatMap(\.cites) })
        XCTAssertTrue(everything.isSubset(of: Set(comparison.citedByAll + comparison.evidence.map(\.element))))
        XCTAssertTrue(Set(comparison.citedByAll).isDisjoint(with: comparison.evidence.map(\.element)))
    }

    func testHeatMapCellsShowAgreementAsNumberAndShade() throws {
        let (comparison, html) = try page(3)
        let document = try HTMLChecks.parse(html, file: "case 3")
        let cells = HTMLChecks.elements(document.root).filter { $0.name.localName == "rect" && $0.attribute("fill") != nil && $0.attribute("stroke-width") == "0.5" }
        // Every burden, strength, level-2, Schema 2 and placement cell that someone judged appears once.
        XCTAssertEqual(cells.count, comparison.cells.count)
        // Coping with the future and the able axis, the top divergences (0.6), show agreement 0.4.
        XCTAssertTrue(html.contains(">0.4</text>"))
    }

    func testScatterPlacesEveryRaterAndTheNormsQuestionIsAsked() throws {
        let (comparison, html) = try page(3)
        let document = try HTMLChecks.parse(html, file: "case 3")
        let circles = HTMLChecks.elements(document.root).filter { $0.name.localName == "circle" && $0.attribute("r") == "13" }
        XCTAssertEqual(circles.count, comparison.placements.count)
        XCTAssertTrue(html.contains("Normvraag"))
        // Top divergence first, with who said what.
        XCTAssertTrue(html.contains("<h3 id=\"divergence-1\">1. niveau 2: Toekomstvisie"), String(html.prefix(0)))
        let (_, english) = try page(3, .en)
        XCTAssertTrue(english.contains("<h3 id=\"divergence-1\">1. level 2: View of the future"))
        XCTAssertTrue(english.contains("Norms question"))
    }
}

final class TemplateErrorTests: XCTestCase {
    func testASyntaxErrorNamesFileLineAndColumn() throws {
        let directory = TemporaryDirectory()
        for name in HTMLTemplates.required { _ = directory.write(name + ".mustache", "<p>{{ok}}</p>\n") }
        let broken = directory.write("screen.mustache", "<p>\n{{#open}} never closed\n")
        do {
            _ = try HTMLTemplates(directory: directory.path)
            XCTFail("expected an error")
        } catch {
            XCTAssertTrue(error.problems.map(\.description).contains { $0.hasPrefix(broken + ":") }, "\(error.problems)")
        }
    }

    func testAMissingTemplateIsNamed() throws {
        let directory = TemporaryDirectory()
        _ = directory.write("screen.mustache", "<p/>")
        do {
            _ = try HTMLTemplates(directory: directory.path)
            XCTFail("expected an error")
        } catch {
            XCTAssertTrue(error.problems.contains { $0.description.contains("compare.mustache") }, "\(error.problems)")
        }
    }
}

/// The HTML of one screening and one comparison, byte for byte; regenerate deliberately with
/// `TOTAALBEELD_UPDATE_GOLDEN=1 swift test --filter HTMLGoldenTests` and review the diff (and a screenshot).
final class HTMLGoldenTests: XCTestCase {
    private static let directory = Fixtures.path("Tests/TotaalbeeldHTMLTests/Golden")

    private func check(_ html: String, golden name: String) throws {
        try Golden.assertMatches(html, file: Self.directory + "/" + name)
    }

    func testScreeningOfCase1MatchesItsGoldenFile() throws {
        let catalogue = try TrackCatalogueLoader.load(contentsOf: Fixtures.path("Rulesets/tracks-2026.xml"), ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
        let result = Evaluator(ruleset: Fixtures.defaultRuleset, catalogue: catalogue).screen(try Fixtures.dossier("Cases/akc-focusgroep/case1-ict-wens.dossier.xml"))
        try check(HTMLChecks.templates.render(ScreeningPage(language: .nl).context(for: result), template: "screen"), golden: "case1-ict-wens.screen.html")
    }

    func testComparisonOfCase3MatchesItsGoldenFile() throws {
        let (dossier, elements, evaluations) = try Fixtures.intervisionSet(3)
        XCTAssertEqual(evaluations.map(\.rater), ["ad-collega-a", "ad-collega-b", "ad-collega-c", "ad-inbrenger"])
        let comparison = Comparison(evaluations: evaluations, ruleset: Fixtures.defaultRuleset, engine: Evaluator(ruleset: Fixtures.defaultRuleset).screen(dossier))
        try check(HTMLChecks.templates.render(ComparisonPage(language: .en).context(for: comparison, ruleset: Fixtures.defaultRuleset, elements: elements), template: "compare"), golden: "case3.compare.en.html")
    }
}
