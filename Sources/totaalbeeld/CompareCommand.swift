import ArgumentParser
import TotaalbeeldEngine
import TotaalbeeldHTML
import TotaalbeeldIntervision
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport

/// `totaalbeeld compare`: several professionals' evaluations of one dossier side by side (intervision, seed 004 rec. 5).
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compares professionals' evaluations of one dossier: spread per judgement, Krippendorff's alpha, divergences, evidence, the norms question.",
        discussion: """
        Divergence of a cell is the mean distance over all pairs of raters: ordinal levels count steps apart / (levels − 1), \
        willing/able count yes–no as 1 and anything–unclear as 0.5, other categories 0 or 1. \
        The engine's screening is shown as one more perspective and is never counted in alpha.
        """
    )

    @Argument(help: "The dossier the evaluations are of.")
    var dossier: String

    @Argument(help: "Evaluation files (urn:totaalbeeld:evaluation:1), one per professional.")
    var evaluations: [String]

    @Option(help: "Ruleset file (default: Rulesets/akc-2011.xml).")
    var ruleset: String?

    @OptionGroup var presentation: ReportOptions

    func validate() throws {
        try presentation.refuseDocuments("compare")
    }

    func run() throws {
        try exitOnFailure {
            let schemas = try Resources.schemas()
            let ruleset = try Resources.loadRuleset(self.ruleset, schemas: schemas)
            let (dossier, elements) = try report { () throws(LoadError) in
                try DossierLoader.loadWithCitableElements(contentsOf: self.dossier, ruleset: ruleset, schemas: schemas)
            }
            let documents = try report { () throws(LoadError) in
                try EvaluationLoader.loadAll(evaluations, ruleset: ruleset, dossier: (dossier.id, Set(elements.keys)), schemas: schemas)
            }
            warnAboutMorphology()
            let engine = Evaluator(ruleset: ruleset).screen(dossier)
            let comparison = Comparison(evaluations: documents, ruleset: ruleset, engine: engine)
            let text: String = switch presentation.format {
            case .json: ComparisonReport(language: presentation.lang).json(comparison).serialized(pretty: true) + "\n"
            case .text: PlainTextRenderer().render(ComparisonReport(language: presentation.lang).document(comparison, ruleset: ruleset, elements: elements))
            case .markdown: MarkdownRenderer().render(ComparisonReport(language: presentation.lang).document(comparison, ruleset: ruleset, elements: elements))
            case .docx, .odt: ""
            case .html: try Resources.htmlTemplates().render(ComparisonPage(language: presentation.lang).context(for: comparison, ruleset: ruleset, elements: elements), template: "compare")
            }
            try emit(text, to: presentation.output)
        }
    }
}
