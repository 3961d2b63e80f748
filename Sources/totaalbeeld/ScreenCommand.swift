import ArgumentParser
import Foundation
import TotaalbeeldDocuments
import TotaalbeeldEngine
import TotaalbeeldHTML
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldText

struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screens one dossier: the Kernpunten first, then the signals, tracks, Schema 1 and 2 and the evidence.",
        discussion: """
        For the professional (default): text, markdown, json and html give the screening; docx and odt give the \
        Kernpunten, the Overwegingen (the weighing in prose) and the open questions, to paste into the own report. \
        For the client (--audience client): a letter in plain Dutch (B1) or English, as text, markdown, docx or odt.
        """
    )

    @Argument(help: "The dossier to screen.")
    var dossier: String

    @Option(help: "Ruleset file (default: Rulesets/akc-2011.xml).")
    var ruleset: String?

    @Option(help: "Track catalogue for recommendations (default: Rulesets/tracks-2026.xml).")
    var tracks: String?

    @Option(help: "Who the output is for: professional or client (a letter in plain language).")
    var audience: Audience = .professional

    @Option(help: "Plain words for the client letter (default: Rulesets/plain-nl.xml).")
    var plain: String?

    @OptionGroup var presentation: ReportOptions

    func validate() throws {
        if audience == .client, [.json, .html].contains(presentation.format) {
            throw ValidationError("the client letter is written as text, markdown, docx or odt")
        }
    }

    func run() throws {
        try exitOnFailure {
            // The Dutch dictionary loads on its own thread while the ruleset is read and compiled.
            preloadDictionary()
            defer { awaitDictionary() }
            let schemas = try Resources.schemas()
            let ruleset = try Resources.loadRuleset(self.ruleset, schemas: schemas)
            let dossier = try report { () throws(LoadError) in try DossierLoader.load(contentsOf: self.dossier, ruleset: ruleset, schemas: schemas) }
            let catalogue = try Resources.loadCatalogue(tracks, ruleset: ruleset, schemas: schemas)
            let result = Evaluator(ruleset: ruleset, catalogue: catalogue).screen(dossier)
            warnAboutMorphology()
            let language = presentation.lang
            let document: ReportDocument
            let title: String
            switch audience {
            case .client:
                let plain = try Resources.loadPlainLanguage(self.plain, ruleset: ruleset, schemas: schemas)
                document = ClientLetter(language: language, plain: plain).document(for: result)
                title = Vocabulary(language: language)("Brief aan de cliënt", "Letter to the client")
            case .professional:
                let considerations = ConsiderationsReport(language: language)
                document = presentation.format.isBinary ? considerations.document(for: result) : ScreeningReport(language: language).document(for: result)
                title = considerations.title(for: result)
            }
            switch presentation.format {
            case .json: try emit(String(decoding: ScreeningJSON(language: language).serialized(result, pretty: true), as: UTF8.self) + "\n", to: presentation.output)
            case .html: try emit(try Resources.htmlTemplates().render(ScreeningPage(language: language).context(for: result), template: "screen"), to: presentation.output)
            case .text: try emit(PlainTextRenderer().render(document), to: presentation.output)
            case .markdown: try emit(MarkdownRenderer().render(document), to: presentation.output)
            case .docx: try emit(try WordprocessingWriter(language: language, title: title).document(document), to: presentation.output, binary: true)
            case .odt: try emit(try OpenDocumentWriter(language: language, title: title).document(document), to: presentation.output, binary: true)
            }
        }
    }
}
