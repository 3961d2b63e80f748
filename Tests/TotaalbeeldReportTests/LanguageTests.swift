import Foundation
import TotaalbeeldDocuments
import TotaalbeeldEngine
import TotaalbeeldHTML
import TotaalbeeldIntervision
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldTestSupport
import TotaalbeeldXML
import XCTest

/// One language per report: every report of every shipped case, in Dutch and in English, holds no word of
/// the other language's list (`Language/`), dossier quotes and rater pseudonyms aside.
final class LanguageTests: XCTestCase {
    private static func words(_ file: String) -> Set<String> {
        let text = (try? String(contentsOfFile: Fixtures.path("Tests/TotaalbeeldReportTests/Language/" + file), encoding: .utf8)) ?? ""
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    /// Words a report in `language` must not contain.
    private static let forbidden: [Language: Set<String>] = [.nl: words("en-words.txt"), .en: words("nl-words.txt")]

    /// The words of `text`: letters with hyphens or apostrophes inside, lower case. A run of letters and digits
    /// together (a checksum, an id) is no word: "sha256:…a1de" holds no Dutch "de".
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        let characters = Array(text)
        func flush() {
            if !current.isEmpty && !current.contains(where: \.isNumber) { tokens.append(current.lowercased()) }
            current = ""
        }
        for (index, character) in characters.enumerated() {
            let joins = (character == "-" || character == "'" || character == "’") && !current.isEmpty && index + 1 < characters.count && characters[index + 1].isLetter
            if character.isLetter || character.isNumber || joins {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    private var failures: [String] = []

    /// Records every other-language word in `text` with where it was found.
    private func check(_ text: String, _ language: Language, _ place: String, exempt: [String] = []) {
        var text = text
        for name in exempt.sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: name, with: " ") }
        let found = Set(Self.tokens(text)).intersection(Self.forbidden[language] ?? [])
        if !found.isEmpty {
            let line = text.split(separator: "\n").first { line in Set(Self.tokens(String(line))).intersection(found).isEmpty == false } ?? ""
            failures.append("\(place) (\(language.rawValue)): \(found.sorted().joined(separator: ", ")) — in: \(line.prefix(200))")
        }
    }

    /// The reader's text of a report document, without what it quotes from the dossier.
    private func readerText(_ document: ReportDocument) -> String {
        PlainTextRenderer().render(ReportDocument(blocks: document.blocks.map { block in
            func strip(_ runs: [ReportDocument.Run]) -> [ReportDocument.Run] {
                runs.map { run in
                    switch run {
                    case .quoted, .struck: .plain(" ")
                    default: run
                    }
                }
            }
            func strip(_ items: [ReportDocument.ListItem]) -> [ReportDocument.ListItem] {
                items.map { .init(strip($0.runs), children: strip($0.children)) }
            }
            switch block {
            case .heading(let level, let runs): return .heading(level, strip(runs))
            case .paragraph(let runs): return .paragraph(strip(runs))
            case .list(let items): return .list(strip(items))
            case .table(let header, let rows, let numeric): return .table(header: header, rows: rows.map { $0.map(strip) }, numeric: numeric)
            }
        }))
    }

    /// The text of an XHTML page a reader sees in the page's language: text and aria labels outside
    /// elements marked as another language (dossier quotes carry `lang="nl"`), style sheets left out.
    private func pageText(_ html: String, language: Language, file: String) throws -> String {
        let document = try ReportFixtures.parse(Data(html.utf8), file: file)
        var texts: [String] = []
        func walk(_ element: XMLElement, _ inherited: String) {
            let lang = element.attribute("lang") ?? element.attribute("lang", namespace: "http://www.w3.org/XML/1998/namespace") ?? inherited
            guard element.name.localName != "style", lang == language.rawValue else {
                // A part in the page's language inside a quote (a mark's label) still counts.
                for child in element.children { walk(child, lang) }
                return
            }
            texts.append(element.text)
            if let label = element.attribute("aria-label") { texts.append(label) }
            for child in element.children { walk(child, lang) }
        }
        walk(document.root, language.rawValue)
        return texts.joined(separator: "\n")
    }

    /// The text of a DOCX body outside runs marked as Dutch quotes.
    private func docxText(_ data: Data, language: Language, file: String) throws -> String {
        let part = try XCTUnwrap(try ReportFixtures.unzip(data).first { $0.path == "word/document.xml" }, file)
        let document = try ReportFixtures.parse(part.data, file: file)
        let runs = ReportFixtures.elements(document.root).filter { $0.name.localName == "r" }
        return runs.compactMap { run -> String? in
            let lang = run.child(named: "rPr")?.child(named: "lang")?.attribute("val", namespace: "http://schemas.openxmlformats.org/wordprocessingml/2006/main")
            if language == .en && lang == "nl-NL" { return nil }
            return run.children(named: "t").map(\.text).joined()
        }.joined(separator: " ")
    }

    /// The text of an ODT body outside spans in the Dutch quote styles.
    private func odtText(_ data: Data, language: Language, file: String) throws -> String {
        let part = try XCTUnwrap(try ReportFixtures.unzip(data).first { $0.path == "content.xml" }, file)
        let document = try ReportFixtures.parse(part.data, file: file)
        let textNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
        var texts: [String] = []
        func walk(_ element: XMLElement) {
            let style = element.attribute("style-name", namespace: textNamespace)
            if language == .en, element.name.localName == "span", ["Tquoted", "Tstruck"].contains(style) { return }
            texts.append(element.text)
            element.children.forEach(walk)
        }
        walk(document.root)
        return texts.joined(separator: " ")
    }

    func testEveryScreeningReportIsInOneLanguage() throws {
        XCTAssertEqual(Self.forbidden[.nl]?.count ?? 0 > 50, true, "the English word list is read")
        XCTAssertEqual(Self.forbidden[.en]?.count ?? 0 > 50, true, "the Dutch word list is read")
        var checked = 0
        for file in Fixtures.caseFiles {
            let result = try ReportFixtures.screen(file)
            let name = ReportFixtures.name(file)
            for language in Language.allCases {
                let report = ScreeningReport(language: language).document(for: result)
                check(readerText(report), language, "\(name) text/Markdown")
                let html = ReportFixtures.templates.render(ScreeningPage(language: language).context(for: result), template: "screen")
                check(try pageText(html, language: language, file: name), language, "\(name) HTML")
                let considerations = ConsiderationsReport(language: language).document(for: result)
                check(readerText(considerations), language, "\(name) Overwegingen")
                let docx = try WordprocessingWriter(language: language, title: "t").document(considerations)
                check(try docxText(docx, language: language, file: name + ".docx"), language, "\(name) DOCX")
                let odt = try OpenDocumentWriter(language: language, title: "t").document(considerations)
                check(try odtText(odt, language: language, file: name + ".odt"), language, "\(name) ODT")
                let letter = ClientLetter(language: language, plain: ReportFixtures.plain).document(for: result)
                check(readerText(letter), language, "\(name) client letter")
                // The JSON's reader-facing strings: the summary and every flag's message and question.
                let summary = ScreeningSummary(result: result, language: language)
                let strings = [summary.adviceSentence, summary.trialAndError] + summary.notYet + summary.strengths
                    + result.flags.flatMap { [summary.reader.message($0), summary.reader.question($0)] }
                let unquoted = strings.map { ReaderText.runs(quoting: $0).filter { if case .quoted = $0 { false } else { true } }.map(\.text).joined() }
                check(unquoted.joined(separator: "\n"), language, "\(name) JSON summary and flags")
                checked += 7
            }
        }
        XCTAssertEqual(failures, [], "\n" + failures.joined(separator: "\n"))
        XCTAssertEqual(checked, Fixtures.caseFiles.count * 14)
    }

    func testEveryComparisonReportIsInOneLanguage() throws {
        for number in [1, 3] {
            let (dossier, elements, evaluations) = try Fixtures.intervisionSet(number)
            let comparison = Comparison(evaluations: evaluations, ruleset: Fixtures.defaultRuleset, engine: Evaluator(ruleset: Fixtures.defaultRuleset).screen(dossier))
            let raters = comparison.raters.map(\.rater)
            for language in Language.allCases {
                let report = ComparisonReport(language: language).document(comparison, ruleset: Fixtures.defaultRuleset, elements: elements)
                check(readerText(report), language, "compare case \(number) text/Markdown", exempt: raters)
                let html = ReportFixtures.templates.render(ComparisonPage(language: language).context(for: comparison, ruleset: Fixtures.defaultRuleset, elements: elements), template: "compare")
                check(try pageText(html, language: language, file: "compare \(number)"), language, "compare case \(number) HTML", exempt: raters + [dossier.id])
            }
        }
        XCTAssertEqual(failures, [], "\n" + failures.joined(separator: "\n"))
    }

    func testTheCheckFindsTheWordsItIsFor() {
        // The comparison report of issue 15 said "willing", "able" and "help-over-fear" in Dutch.
        check("Plaatsing: willing versus able, help-over-fear", .nl, "probe")
        check("Ernstig: de cliënt wil niet", .en, "probe")
        XCTAssertEqual(failures.count, 2)
        XCTAssertTrue(failures[0].contains("able") && failures[0].contains("willing"), failures[0])
        XCTAssertEqual(Self.tokens("Trial-and-error: the client's r. 48"), ["trial-and-error", "the", "client's", "r"])
        // In a page, a quote marked as Dutch is left out, and an English label inside it is read again.
        let page = #"<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><body><p>Evidence: <span lang="nl">hij wil niet <span lang="en">[negated]</span></span> de</p></body></html>"#
        let text = (try? pageText(page, language: .en, file: "probe")) ?? ""
        XCTAssertTrue(text.contains("Evidence") && text.contains("[negated]") && text.contains("de") && !text.contains("wil"), text)
    }

    /// Reader text carries no element ids or code-point offsets; the JSON keeps both.
    func testNoElementIdsOrOffsetsInTheReadersText() throws {
        for file in Fixtures.caseFiles {
            let result = try ReportFixtures.screen(file)
            var ids = Set(result.facts.map(\.elementID)).union(result.dossier.narratives.map(\.id)).union(result.dossier.findings.map(\.id))
            if let assessment = result.dossier.assessment { ids.formUnion(ReaderText.elementIDs(of: assessment)) }
            // Two shipped FMLs carry the id "fml", the abbreviation every report names the list by ("Eisen uit de
            // FML"): that word is no id shown. (Since 1.16.0 the FML summary's signals are facts of that element.)
            ids.remove("fml")
            for language in Language.allCases {
                for (format, document) in [("screening", ScreeningReport(language: language).document(for: result)), ("overwegingen", ConsiderationsReport(language: language).document(for: result))] {
                    let text = readerText(document)
                    let found = Set(Self.tokens(text).filter { $0.contains("-") }).union(Self.tokens(text)).intersection(ids)
                    XCTAssertEqual(found, [], "\(file) \(format) (\(language.rawValue)) shows element ids")
                    XCTAssertNil(text.range(of: #"\[\d+[–-]\d+\]"#, options: .regularExpression), "\(file) \(format): code-point offsets")
                }
            }
            let json = ScreeningJSON(language: .nl).value(for: result).serialized()
            if let flag = result.flags.first(where: { !$0.evidence.isEmpty }) {
                XCTAssertTrue(json.contains(#""element":"\#(flag.evidence[0].elementID)""#), "the JSON keeps element ids")
            }
        }
    }
}
