import Foundation
import TotaalbeeldEngine
import TotaalbeeldImport
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest
import ZIPFoundation

/// `totaalbeeld import`: Markdown, text, DOCX and ODT intakes, unmapped headings, comments and tracked changes.
final class ImportTests: XCTestCase {
    let importer = IntakeImporter(ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)

    /// `text` imported as `intake.md`, and the dossier it becomes.
    private func imported(_ text: String) throws -> (result: ImportResult, dossier: Dossier) {
        let result = try importer.importIntake(bytes: Array(text.utf8), fileName: "intake.md")
        return (result, try DossierLoader.load(bytes: Array(result.xml.utf8), fileName: "x", ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas))
    }

    private func narratives(_ result: ImportResult) -> [(id: String, theme: String?, source: String?, text: String)] {
        (result.dossier.root.element(named: "narratives")?.elements ?? []).map {
            ($0.attribute("id") ?? "", $0.attribute("theme"), $0.attribute("source"), $0.allText)
        }
    }

    func testMarkdownSampleMapsThemesSourcesAssessmentAndKeepsUnmappedText() throws {
        let path = Fixtures.path("Cases/intakes/intake-administratief-medewerker.md")
        let result = try importer.importIntake(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), fileName: "intake.md")
        let dossier = try DossierLoader.load(bytes: Array(result.xml.utf8), fileName: "x", ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
        XCTAssertEqual(dossier.id, "intake-administratief-medewerker")
        XCTAssertEqual(dossier.date.description, "2026-11-16")
        XCTAssertEqual(dossier.client.benefitRegime, "wia")
        XCTAssertEqual(dossier.client.ageBand, "36-45")
        XCTAssertEqual(Set(dossier.narratives.compactMap(\.theme)), ["reden-ao", "perspectief-beperking", "arbeidsverleden", "opleidingsverleden", "prive", "sociaal", "hobbys", "toekomst"])
        // "Volgens de bedrijfsarts: …" names the source of that paragraph.
        let physician = dossier.narratives.first { $0.text.hasPrefix("de rugklachten") }
        XCTAssertEqual(physician.flatMap { dossier.source(id: $0.source)?.kind }, "physician")
        // The unmapped heading is reported with its line and its text kept; the title above all others is no section.
        XCTAssertEqual(result.unmappedHeadings.map(\.heading), ["Overige bijzonderheden"])
        XCTAssertTrue(result.report.contains { $0.message.contains("\"Intakeverslag re-integratie\" → the intake's title") })
        XCTAssertEqual(result.unmappedHeadings.last?.position.description, "line 55")
        XCTAssertEqual(dossier.unassigned.map(\.text), ["Cliënte heeft geen rijbewijs en is aangewezen op het openbaar vervoer."])
        XCTAssertEqual(dossier.unassigned.first?.origin, "regel 57")
        // The assessment: conclusions citing what they name, a direction shared with the client.
        let assessment = try XCTUnwrap(dossier.assessment)
        XCTAssertEqual(assessment.conclusions.count, 3)
        XCTAssertTrue(assessment.conclusions[1].cites.contains("n-prive-2"))
        XCTAssertEqual(assessment.direction?.sharedWithClient, .yes)
        XCTAssertEqual(assessment.direction?.cites, ["w-1", "fml"])
        XCTAssertEqual(dossier.fml?.suggestedJobs, ["Administratief medewerker", "Medewerker documentbeheer"])
        // An intake cannot record Schema 2 per activity; its direction names the support ("met een jobcoach en vaste
        // evaluaties", "schuldhulpverlening"), so the support need counts as analysed (issue 14, item 1).
        let flags = Evaluator(ruleset: Fixtures.defaultRuleset).screen(dossier).flags.map(\.rule)
        XCTAssertFalse(flags.contains("ondersteuningsbehoefte-niet-geanalyseerd"), "\(flags)")
        // The report names positions and ids, never paragraph text.
        let lines = IntakeImporter.reportLines(result, fileName: "intake.md").joined(separator: "\n")
        XCTAssertTrue(lines.contains("intake.md:55:1: unmapped: heading \"Overige bijzonderheden\""))
        XCTAssertFalse(lines.contains("rijbewijs"))
    }

    func testVolgensNamesADeclaredSourceByItsRole() throws {
        // Two employers: the second is named by its role as declared, not by a word of the ruleset's role list.
        let text = """
        ---
        datum: 2026-10-05
        bron: cliënt; cliënte; 2026-10-05
        bron: werkgever; intercedent uitzendbureau; 2026-10-01
        bron: werkgever; ploegleider van de inlenende bakkerij; 2026-10-02
        ---
        ## Arbeidsverleden

        Volgens de werkgever: zij komt altijd op tijd.

        Volgens de ploegleider van de inlenende bakkerij: zij werkt zelfstandig.

        Volgens de ploegleider: zij maakt nieuwe collega's wegwijs.
        """
        let result = try importer.importIntake(bytes: Array(text.utf8), fileName: "intake.md")
        XCTAssertEqual(narratives(result).map(\.source), ["s-employer-1", "s-employer-2", "s-employer-2"])
        XCTAssertEqual(narratives(result).map(\.text).last, "zij maakt nieuwe collega's wegwijs.")
    }

    /// Line-by-line notes name their teller per line ("moeder: …", "Jobcoach: …"): a label that names a declared source
    /// gives that item alone to that source; a topic before a colon ("Gezondheid:", "fietsenmaker:") stays the section's.
    func testANoteLabelNamingADeclaredSourceGivesThatLineToIt() throws {
        let text = """
        ---
        datum: 2026-11-27
        bron: cliënt; cliënt (intake); 2026-11-20
        bron: moeder; moeder (telefonisch); 2026-11-21
        bron: jobcoach; jobcoach stage; 2026-11-24
        ---
        ## Werkverleden

        - fietsenmaker: 6 mnd, goed beoordeeld
        - jobcoach: "werkt zelfstandig als de taken vastliggen"
        - supermarkt na drie weken gestopt

        ## Thuissituatie

        - moeder: "hij slaapt tot twee uur 's middags"
        - Gezondheid: geen klachten
        """
        let result = try importer.importIntake(bytes: Array(text.utf8), fileName: "notes.md")
        let read = narratives(result)
        XCTAssertEqual(read.map(\.source), ["s-client-1", "s-other-professional-1", "s-client-1", "s-network-1", "s-client-1"])
        XCTAssertEqual(read[1].text, "\"werkt zelfstandig als de taken vastliggen\"")
        XCTAssertEqual(read[0].text, "fietsenmaker: 6 mnd, goed beoordeeld", "a topic, not a declared source")
        XCTAssertEqual(read[4].text, "Gezondheid: geen klachten")
    }

    /// A line that introduces what follows as a source's words ("Overgenomen uit de rapportage van de budgetcoach (20
    /// november):", "Evaluatieformulier werkbegeleider:") gives the block after it to that source: the whole block quote,
    /// the whole list or the table, and then the section's teller speaks again. A line that names a role as a topic
    /// ("Afspraken met de werkgever:") introduces nothing; a label with a parenthesis ("De bedrijfsarts (september):")
    /// names its teller in mid-paragraph too.
    func testALeadInLineGivesTheQuoteOrTableAfterItToItsSource() throws {
        let text = """
        ---
        datum: 2026-11-27
        bron: cliënt; cliënt (intake); 2026-11-20
        bron: schuldhulpverlener; budgetcoach gemeente; 2026-11-18
        bron: bedrijfsarts; bedrijfsarts; 2026-09-15
        bron: werkgever; leidinggevende; 2026-11-01
        ---
        ## Financiën

        Overgenomen uit de rapportage van de budgetcoach (18 november):

        > Schulden van 12.000 euro bij zes schuldeisers.
        >
        > Beslag op de uitkering.

        Cliënt schaamt zich ervoor.

        ## Werk

        Evaluatieformulier werkbegeleider:

        | Onderdeel | Score |
        | --- | --- |
        | Tempo | 2 |

        Afspraken met de werkgever:

        - drie dagen per week

        Hij viel uit na een infarct. De bedrijfsarts (september): belastbaar voor licht werk.

        ## Gezondheid

        Brief van de bedrijfsarts:

        Cliënt is bekend met rugklachten.

        Hij kan vier uur per dag werken.
        """
        let read = narratives(try imported(text).result)
        XCTAssertEqual(read.map(\.text), [
            "Schulden van 12.000 euro bij zes schuldeisers.", "Beslag op de uitkering.", "Cliënt schaamt zich ervoor.",
            "Onderdeel; Score\nTempo; 2", "Afspraken met de werkgever:", "drie dagen per week",
            "Hij viel uit na een infarct.", "belastbaar voor licht werk.",
            "Cliënt is bekend met rugklachten.", "Hij kan vier uur per dag werken.",
        ])
        // A letter in plain paragraphs (as a Word file holds it, with no quote marked) is the physician's to the end of
        // its section.
        XCTAssertEqual(read.map(\.source), [
            "s-other-professional-1", "s-other-professional-1", "s-client-1",
            "s-employer-1", "s-client-1", "s-client-1",
            "s-client-1", "s-physician-1",
            "s-physician-1", "s-physician-1",
        ])
    }

    /// A journal in shorthand (1.47.0): a line's head ("14-10 spreekuur BA.", "21-10 tel.") goes with the declared teller's
    /// or the topic's text after it instead of standing alone; a topic label after a sentence end files its piece; a
    /// "Volgens …:" keeps its own reading.
    func testAJournalLinesHeadGoesWithItsTellerOrTopic() throws {
        let text = """
        ---
        datum: 2026-11-27
        bron: cliënt; werknemer; 2026-11-20
        bron: casemanager; casemanager verzuim; 2026-11-27
        bron: bedrijfsarts; bedrijfsarts; 2026-10-14
        bron: jobcoach; jobcoach; 2026-11-25
        ---
        # Verzuimdossier

        ## Journaal

        14-10 spreekuur BA. BA: belastbaar voor 4 u p/d.
        21-10 tel. clt: slaapt slecht.
        24-11 gesprek clt. Fin.: geen schulden. Soc.: broer belt wekelijks.
        25-11 tel. Volgens de jobcoach: meldt zich trouw.
        """
        let read = narratives(try imported(text).result)
        XCTAssertEqual(read.map(\.text), [
            "14-10 (spreekuur BA) belastbaar voor 4 u p/d.", "21-10 (tel) slaapt slecht.",
            "24-11 (gesprek clt) geen schulden.", "broer belt wekelijks.", "25-11 tel.", "meldt zich trouw.",
        ])
        XCTAssertEqual(read.map(\.theme), [nil, nil, "prive", "sociaal", nil, nil])
        // A topic's piece is told as its theme is by default (here the client: the title names no author); "Volgens de
        // jobcoach:" opens the jobcoach's text, so the line's head stays the section teller's.
        XCTAssertEqual(read.map(\.source), ["s-physician-1", "s-client-1", "s-client-1", "s-client-1", "s-client-1", "s-other-professional-2"])
    }

    /// Line-by-line notes keep their line breaks (the narrative reader judges each), and a line that names a declared
    /// source starts that source's narrative, also when the lines before it are notes of another kind.
    func testLineByLineNotesKeepTheirBreaksAndTheirTellers() throws {
        let text = """
        ---
        datum: 2026-11-27
        bron: cliënt; cliënt; 2026-11-20
        bron: jobcoach; jobcoach praktijkschool; 2026-10-02
        ---
        ## Werkverleden

        Stage hovenier 6 mnd: ging goed zolang de begeleider erbij was.
        Stage supermarkt: na 3 weken gestopt.
        Volgens de jobcoach: werkt hard bij duidelijke taken,
        kan niet goed tegen veranderingen.

        ## Thuissituatie

        Hij heeft geen schulden
        vroeger dronk hij veel
        """
        let (result, dossier) = try imported(text)
        XCTAssertEqual(dossier.narratives.map(\.text), [
            "Stage hovenier 6 mnd: ging goed zolang de begeleider erbij was.\nStage supermarkt: na 3 weken gestopt.",
            "werkt hard bij duidelijke taken,\nkan niet goed tegen veranderingen.",
            "Hij heeft geen schulden\nvroeger dronk hij veel",
        ])
        XCTAssertEqual(dossier.narratives.map { dossier.source(id: $0.source)?.kind }, ["client", "other-professional", "client"])
        let lines = IntakeImporter.reportLines(result, fileName: "intake.md")
        XCTAssertTrue(lines.contains { $0.hasPrefix("intake.md:10:1: paragraph → narrative") }, "the jobcoach's note is reported at its own line")
        // The line break ends the sentence: the negation does not reach the drinking on the next line.
        let hits = Evaluator(ruleset: Fixtures.defaultRuleset).screen(dossier).facts
        XCTAssertTrue(hits.contains { $0.indicator == "schulden" && !$0.present }, "no debts")
        XCTAssertTrue(hits.contains { $0.indicator == "verslaving" && $0.present && $0.historical }, "the drinking is past, not negated")
    }

    /// Only text that becomes narratives is cut at a "Volgens …:" sentence: a direction keeps its words whole.
    func testADirectionQuotingASourceStaysWhole() throws {
        let text = """
        ---
        datum: 2026-11-27
        bron: bedrijfsarts; bedrijfsarts; 2026-10-02
        ---
        ## Beoordeling

        ### Richting

        Opbouw in eigen werk, twaalf uur. Volgens de bedrijfsarts: na zes weken uitbreiden.
        """
        let dossier = try imported(text).dossier
        XCTAssertEqual(dossier.assessment?.direction?.text, "Opbouw in eigen werk, twaalf uur. Volgens de bedrijfsarts: na zes weken uitbreiden.")
    }

    /// Schema 2 in an intake: "activiteit: niveau — ondersteuning (zie: …)" lines under the support-needs heading become
    /// `<supportNeed>` elements; a line that names no activity or level stays a conclusion, reported.
    func testSupportNeedsSectionBecomesSchema2() throws {
        let text = """
        ---
        datum: 2026-11-20
        bron: cliënt; cliënt; 2026-11-12
        bron: arbeidsdeskundige; arbeidsdeskundige; 2026-11-20
        ---
        ## Reden van uitval

        Artrose in beide knieën; lang staan geeft pijn.

        ## Beoordeling

        ### Conclusies

        - De knieklachten beperken lang staan en lopen (zie: Reden van uitval).

        ### Ondersteuningsbehoefte

        - Fysieke belastbaarheid: matig — werkplek laten beoordelen, afwisselend zitten en staan (zie: Reden van uitval)
        - Zelfvertrouwen: geen
        - Veel koffie: hoog

        ### Richting

        Magazijnwerk overdag, 24 uur.
        """
        let (result, dossier) = try imported(text)
        let needs = try XCTUnwrap(dossier.assessment?.supportNeeds)
        XCTAssertEqual(needs.map(\.activity), ["fysieke-belastbaarheid", "zelfvertrouwen"])
        XCTAssertEqual(needs.map(\.level), ["matig", "geen"])
        XCTAssertEqual(needs.first?.text, "werkplek laten beoordelen, afwisselend zitten en staan")
        XCTAssertEqual(needs.first?.cites, dossier.narratives.filter { $0.theme == "reden-ao" }.map(\.id))
        XCTAssertEqual(needs.last?.text, "Zelfvertrouwen: geen")
        XCTAssertEqual(dossier.assessment?.conclusions.map(\.text).last, "Veel koffie: hoog")
        XCTAssertTrue(IntakeImporter.reportLines(result, fileName: "intake.md").contains { $0.contains("names no Schema 2 activity and level") })
        // Recorded per activity, the support need is analysed.
        XCTAssertFalse(Evaluator(ruleset: Fixtures.defaultRuleset).screen(dossier).flags.contains { $0.rule == "ondersteuningsbehoefte-niet-geanalyseerd" })
    }

    func testImportIsDeterministic() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("Cases/intakes/intake-administratief-medewerker.md"))))
        XCTAssertEqual(try importer.importIntake(bytes: bytes, fileName: "a.md").xml, try importer.importIntake(bytes: bytes, fileName: "a.md").xml)
    }

    func testPlainTextHeadingsAndFrontMatter() throws {
        let text = """
        Datum: 2026-10-01
        Regeling: WW
        Leeftijd: 34

        THUISSITUATIE
        Cliënt woont samen en heeft geen schulden.

        Werkervaring:
        Hij werkte acht jaar als heftruckchauffeur.

        Vervoer
        Hij heeft een auto.
        """
        let result = try importer.importIntake(bytes: Array(text.utf8), fileName: "intake.txt")
        let found = narratives(result)
        XCTAssertEqual(found.map(\.theme), ["prive", "arbeidsverleden", nil])
        XCTAssertEqual(found.last?.text, "Hij heeft een auto.")
        XCTAssertEqual(result.unmappedHeadings.map(\.heading), ["Vervoer"])
        XCTAssertEqual(result.unmappedHeadings.first?.position.description, "line 11")
        XCTAssertEqual(result.dossier.root.element(named: "client")?.attribute("benefitRegime"), "ww")
    }

    /// A plain-text intake as pasted from an e-mail: a title line, then the particulars, then a "Bronnen" paragraph with
    /// one source per line. The particulars are particulars, not a heading with text under it, and each line is its own
    /// source with its own date.
    func testPlainTextWithATitleLineAndSourcesLineByLine() throws {
        let text = """
        Intakeverslag re-integratie

        Datum: 28-11-2026
        Regeling: WW
        Leeftijd: 45
        Geslacht: vrouw

        Bronnen
        cliënte, intakegesprek, 20-11-2026
        arbeidsdeskundige, 28-11-2026

        Thuissituatie
        Ze heeft een betalingsachterstand bij de zorgverzekeraar.
        """
        let result = try importer.importIntake(bytes: Array(text.utf8), fileName: "intake.txt")
        let client = try XCTUnwrap(result.dossier.root.element(named: "client"))
        XCTAssertEqual(client.attribute("benefitRegime"), "ww")
        XCTAssertEqual(client.attribute("age"), "45")
        XCTAssertEqual(client.attribute("gender"), "vrouw")
        let sources = (result.dossier.root.element(named: "sources")?.elements ?? []).map { ($0.attribute("kind") ?? "", $0.attribute("date") ?? "") }
        XCTAssertEqual(sources.map(\.0), ["client", "professional"])
        XCTAssertEqual(sources.map(\.1), ["2026-11-20", "2026-11-28"])
        XCTAssertEqual(narratives(result).map(\.theme), ["prive"])
        XCTAssertEqual(result.unmappedHeadings.map(\.heading), [], "the first heading, with the particulars under it, is the title")
        XCTAssertTrue(result.report.contains { $0.message.hasPrefix("heading \"Intakeverslag re-integratie\" → the intake's title") })
    }

    /// The shipped intakes and their shipped dossiers stay one: each dossier is what `import` makes of its intake today.
    func testTheShippedIntakesImportToTheirShippedDossiers() throws {
        for intake in ["proefplaatsing-zelfbeeld.md", "wijkteam-vrouwenopvang.txt", "ww-oudere-verankering.md", "ww-psycholoog-brief.md"] {
            let stem = String(intake[..<intake.lastIndex(of: ".")!])
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("Cases/intakes/" + intake))))
            let shipped = try String(contentsOfFile: Fixtures.path("Cases/intakes/\(stem).dossier.xml"), encoding: .utf8)
            XCTAssertEqual(try importer.importIntake(bytes: bytes, fileName: intake).xml, shipped,
                           "regenerate: totaalbeeld import Cases/intakes/\(intake) -o Cases/intakes/\(stem).dossier.xml")
        }
    }

    func testMarkdownCommentsNeverBecomeText() throws {
        let text = "---\ndatum: 2026-10-01\n---\n## Thuissituatie\n\nCliënte woont alleen. <!-- navragen bij de zus -->\n\n<!--\nopmerking van een collega\n-->\n"
        let result = try importer.importIntake(bytes: Array(text.utf8), fileName: "intake.md")
        XCTAssertEqual(narratives(result).map(\.text), ["Cliënte woont alleen."])
        XCTAssertFalse(result.xml.contains("navragen"))
        XCTAssertFalse(result.xml.contains("collega"))
    }

    func testDocxTrackedChangesCommentsHeadersAndTables() throws {
        let path = Fixtures.path("Cases/intakes/intake-administratief-medewerker.docx")
        let result = try importer.importIntake(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), fileName: "intake.docx")
        let xml = result.xml
        XCTAssertTrue(xml.contains("; er loopt een betalingsregeling."), "tracked insertion taken")
        XCTAssertFalse(xml.contains("huurbaas"), "tracked deletion dropped")
        XCTAssertFalse(xml.contains("Navragen"), "comments never become narrative")
        XCTAssertFalse(xml.contains("Vertrouwelijk"), "header left out")
        XCTAssertFalse(xml.contains("Pagina 1"), "footer left out")
        let notes = result.report.filter { $0.kind == .note }.map(\.message)
        XCTAssertTrue(notes.contains("1 comment left out"))
        XCTAssertTrue(notes.contains("1 tracked deletion left out"))
        // The first table carries the particulars, the table under "Bronnen" the sources.
        let dossier = try DossierLoader.load(bytes: Array(xml.utf8), fileName: "x", ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
        XCTAssertEqual(dossier.client.benefitRegime, "wia")
        XCTAssertEqual(dossier.sources.map(\.kind), ["client", "physician", "physician", "employer", "professional"])
        XCTAssertEqual(result.unmappedHeadings.map(\.heading), ["Overige bijzonderheden"])
        XCTAssertEqual(result.unmappedHeadings.last?.position.unit, .paragraph)
        XCTAssertEqual(dossier.unassigned.count, 1)
    }

    /// A Word file of one `word/document.xml` around `body`.
    private func docx(_ body: String) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
        """
        let data = Data(document.utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        return [UInt8](try XCTUnwrap(archive.data))
    }

    /// Headings typed in bold in the normal style, as many Word intakes have them: a short bold line is a heading, a
    /// bold sentence, a bold word inside a paragraph or a bold line in a list is not.
    func testBoldLinesInAWordIntakeAreHeadings() throws {
        func p(_ text: String, bold: Bool = false) -> String {
            "<w:p><w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
        }
        let body = p("Thuissituatie en geldzaken", bold: true) + p("Cliënte woont alleen en heeft een betalingsregeling.")
            + p("Let op: dit is een vetgedrukte zin.", bold: true)
            + "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Werk</w:t></w:r><w:r><w:t xml:space=\"preserve\"> en nog wat gewone tekst</w:t></w:r></w:p>"
            + p("Werkverleden", bold: true) + p("Twintig jaar magazijnmedewerker.")
        let result = try importer.importIntake(bytes: try docx(body), fileName: "vet.docx", options: ImportOptions(date: "2026-11-30"))
        XCTAssertEqual(narratives(result).map(\.theme), ["prive", "prive", "prive", "arbeidsverleden"], "\(narratives(result))")
        XCTAssertTrue(result.xml.contains("Let op: dit is een vetgedrukte zin."), "a bold sentence stays text")
        XCTAssertEqual(result.unmappedHeadings.count, 0)
    }

    private func odt(_ body: String, extra: [(String, String)] = []) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        let content = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:body><office:text>\(body)</office:text></office:body></office:document-content>
        """
        for (name, text) in [("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content)] + extra {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: name == "mimetype" ? .none : .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](try XCTUnwrap(archive.data))
    }

    func testODTTrackedChangesCommentsListsAndUnmappedHeadings() throws {
        let body = """
        <text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>AD</dc:creator></office:change-info><text:p>en de huurbaas</text:p></text:deletion></text:changed-region><text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>AD</dc:creator></office:change-info></text:insertion></text:changed-region></text:tracked-changes>
        <text:p>datum: 2026-10-01</text:p>
        <text:h text:outline-level="2">Thuissituatie</text:h>
        <text:p>Cliënte heeft <text:span>betalingsachterstanden</text:span><text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>; er loopt een regeling<text:change-end text:change-id="ct2"/>.<office:annotation><dc:creator>Collega</dc:creator><text:p>Navragen bij de zus</text:p></office:annotation></text:p>
        <text:list><text:list-item><text:p>Zorgt voor haar moeder.</text:p></text:list-item></text:list>
        <text:h text:outline-level="2">Vervoer</text:h>
        <text:p>Geen<text:s text:c="2"/>rijbewijs.</text:p>
        """
        let styles = "<?xml version=\"1.0\"?><office:document-styles xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"><office:master-styles><style:master-page><style:header/></style:master-page></office:master-styles></office:document-styles>"
        let result = try importer.importIntake(bytes: try odt(body, extra: [("styles.xml", styles)]), fileName: "intake.odt")
        let found = narratives(result)
        XCTAssertEqual(found.map(\.text), ["Cliënte heeft betalingsachterstanden; er loopt een regeling.", "Zorgt voor haar moeder.", "Geen rijbewijs."])
        XCTAssertEqual(found.map(\.theme), ["prive", "prive", nil])
        XCTAssertFalse(result.xml.contains("huurbaas"))
        XCTAssertFalse(result.xml.contains("Navragen"))
        XCTAssertEqual(result.unmappedHeadings.first?.position.description, "paragraph 5")
        XCTAssertTrue(result.report.contains { $0.message.hasPrefix("headers and footers left out") })
    }

    func testZipBombAndNonArchivesAreRefused() throws {
        // 20 MiB of one byte packs to a few KiB: refused by ratio before it is unpacked.
        let archive = try Archive(data: Data(), accessMode: .create)
        let big = Data(repeating: 0x20, count: 20 << 20)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(big.count), compressionMethod: .deflate) { position, size in
            big.subdata(in: Int(position)..<Int(position) + size)
        }
        let bomb = [UInt8](try XCTUnwrap(archive.data))
        XCTAssertThrowsError(try importer.importIntake(bytes: bomb, fileName: "bomb.docx")) { error in
            XCTAssertTrue(String(describing: error).contains("zip bomb") || String(describing: error).contains("limit"), String(describing: error))
        }
        XCTAssertThrowsError(try importer.importIntake(bytes: Array("geen zip".utf8), fileName: "x.docx"))
        XCTAssertThrowsError(try importer.importIntake(bytes: Array("x".utf8), fileName: "x.pdf"))
    }

    func testEntitiesInOfficeXMLAreRefused() throws {
        let body = "<text:p>x</text:p>"
        var bytes = try odt(body)
        _ = bytes
        let archive = try Archive(data: Data(), accessMode: .create)
        let evil = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"><office:body><office:text>&e;</office:text></office:body></office:document-content>"
        let data = Data(evil.utf8)
        try archive.addEntry(with: "content.xml", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { p, s in data.subdata(in: Int(p)..<Int(p) + s) }
        bytes = [UInt8](try XCTUnwrap(archive.data))
        XCTAssertThrowsError(try importer.importIntake(bytes: bytes, fileName: "evil.odt")) { error in
            XCTAssertTrue(String(describing: error).contains("DOCTYPE"), String(describing: error))
        }
    }

    func testRulesetHeadingListsAreData() throws {
        // Every theme's Dutch label and headings map back to it.
        for theme in Fixtures.defaultRuleset.themes {
            for heading in [theme.label.nl] + theme.headings {
                let text = "---\ndatum: 2026-10-01\n---\n## \(heading)\n\nTekst.\n"
                let result = try importer.importIntake(bytes: Array(text.utf8), fileName: "t.md")
                XCTAssertEqual(narratives(result).first?.theme, theme.id, heading)
            }
        }
    }
}
