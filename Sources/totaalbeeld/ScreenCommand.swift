import ArgumentParser
import TotaalbeeldEngine
import TotaalbeeldHTML
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport

struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screens one dossier: Schema 1 per domain, gaps, Schema 2, flags and the trial-and-error screening."
    )

    @Argument(help: "The dossier to screen.")
    var dossier: String

    @Option(help: "Ruleset file (default: Rulesets/akc-2011.xml).")
    var ruleset: String?

    @Option(help: "Track catalogue for recommendations (default: Rulesets/tracks-2026.xml).")
    var tracks: String?

    @OptionGroup var presentation: ReportOptions

    func run() throws {
        try exitOnFailure {
            let schemas = try Resources.schemas()
            let ruleset = try Resources.loadRuleset(self.ruleset, schemas: schemas)
            let dossier = try report { () throws(LoadError) in try DossierLoader.load(contentsOf: self.dossier, ruleset: ruleset, schemas: schemas) }
            let catalogue = try Resources.loadCatalogue(tracks, ruleset: ruleset, schemas: schemas)
            warnAboutMorphology()
            let result = Evaluator(ruleset: ruleset, catalogue: catalogue).screen(dossier)
            let text: String = switch presentation.format {
            case .json: ScreeningJSON(language: presentation.lang).value(for: result).serialized(pretty: true) + "\n"
            case .text: PlainTextRenderer().render(ScreeningReport(language: presentation.lang).document(for: result))
            case .markdown: MarkdownRenderer().render(ScreeningReport(language: presentation.lang).document(for: result))
            case .html: try Resources.htmlTemplates().render(ScreeningPage(language: presentation.lang).context(for: result), template: "screen")
            }
            try emit(text, to: presentation.output)
        }
    }
}
