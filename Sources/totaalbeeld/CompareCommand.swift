import ArgumentParser
import TotaalbeeldAgreement
import TotaalbeeldEngine
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

    @Option(help: "Output format: text, markdown or json.")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
        try exitOnFailure {
            let schemas = try Resources.schemas()
            let ruleset = try Resources.loadRuleset(self.ruleset, schemas: schemas)
            let dossier = try report { () throws(LoadError) in try DossierLoader.load(contentsOf: self.dossier, ruleset: ruleset, schemas: schemas) }
            let ids = try report { () throws(LoadError) in try EvaluationLoader.elementIDs(ofDossierAt: self.dossier, schemas: schemas) }
            let documents = try report { () throws(LoadError) in
                try EvaluationLoader.loadAll(evaluations, ruleset: ruleset, dossier: (dossier.id, ids), schemas: schemas)
            }
            let engine = Evaluator(ruleset: ruleset).screen(dossier)
            let comparison = Comparison(evaluations: documents.map(Evaluation.init), ruleset: ruleset, engine: engine)
            let text: String = switch format {
            case .json: ComparisonReport.json(comparison).serialized(pretty: true) + "\n"
            case .text: PlainTextRenderer().render(ComparisonReport.document(comparison))
            case .markdown: MarkdownRenderer().render(ComparisonReport.document(comparison))
            }
            try emit(text, to: output)
        }
    }
}

extension Evaluation {
    /// The loader's checked document as the comparison's typed evaluation.
    init(_ document: EvaluationDocument) {
        self.init(
            file: document.file, dossier: document.dossier, rater: document.evaluator, profession: document.profession,
            judgements: document.judgements.compactMap { judgement in
                CellFamily(rawValue: judgement.family).map {
                    Evaluation.Judgement(cell: Cell($0, judgement.subject), value: judgement.value, cites: judgement.cites, location: judgement.location)
                }
            },
            direction: document.direction, directionCites: document.directionCites
        )
    }
}

/// Text/Markdown and JSON renderings of a comparison.
enum ComparisonReport {
    static func alpha(_ agreement: Comparison.Agreement) -> String {
        guard let alpha = agreement.result.alpha else { return "undefined (\(agreement.result.undefinedReason?.description ?? "no data"))" }
        let interval = agreement.interval.map { " [95% CI \(number($0.lower)) … \(number($0.upper))]" } ?? ""
        return number(alpha) + interval
    }

    static func number(_ value: Double) -> String { JSONValue.number((value * 1000).rounded() / 1000).serialized() }

    static func document(_ comparison: Comparison) -> ReportDocument {
        var blocks: [ReportDocument.Block] = []
        blocks.append(.heading(1, [.plain("Intervision: \(comparison.dossier)")]))
        blocks.append(.paragraph([.plain("Raters: " + comparison.raters.map { "\($0.rater) (\($0.profession))" }.joined(separator: ", ") + ". No profession is weighted above another. The engine's screening is one more perspective, not the answer, and is not counted in alpha.")]))

        blocks.append(.heading(2, [.plain("Largest divergences")]))
        let divergent = comparison.divergent
        if divergent.isEmpty {
            blocks.append(.paragraph([.plain("All raters gave the same answer in every cell.")]))
        } else {
            blocks.append(.table(
                header: ["#", "cell", "divergence", "distinct", "answers (who)", "engine"],
                rows: divergent.enumerated().map { index, cell in
                    [[.plain(String(index + 1))], [.strong(cell.cell.description)], [.plain(number(cell.divergence))], [.plain(String(cell.distinct))],
                     [.plain(cell.spread.map { "\($0.value): \($0.raters.joined(separator: ", "))" }.joined(separator: "; "))],
                     [.emphasis(cell.engine ?? "–")]]
                },
                numeric: [0, 2, 3]
            ))
        }

        blocks.append(.heading(2, [.plain("Agreement (Krippendorff's alpha)")]))
        blocks.append(.table(
            header: ["family", "level", "alpha", "units", "raters", "warning"],
            rows: comparison.agreements.map {
                [[.plain($0.name)], [.plain($0.level.rawValue)], [.plain(alpha($0))], [.plain(String($0.result.units))], [.plain(String($0.result.raters))], [.plain($0.warning ?? "")]]
            },
            numeric: [3, 4]
        ))

        blocks.append(.heading(2, [.plain("Placement: willing versus able (seed 004, figure 1)")]))
        blocks.append(.table(
            header: ["rater", "profession", "willing", "able", "approach chosen", "figure 1 suggests"],
            rows: comparison.placements.map {
                [[.plain($0.rater)], [.plain($0.profession)], [.plain($0.willing)], [.plain($0.able)], [.plain($0.approach)], [.plain($0.suggested ?? "–")]]
            },
            numeric: []
        ))
        if comparison.normsQuestion {
            blocks.append(.paragraph([.strong("Norms question: "), .plain(DiscussionQuestions.norms.nl)]))
            blocks.append(.paragraph([.emphasis(DiscussionQuestions.norms.en)]))
        }

        blocks.append(.heading(2, [.plain("Evidence cited by some and not by others")]))
        if comparison.evidence.isEmpty {
            blocks.append(.paragraph([.plain("Every cited element was cited by all raters.")]))
        } else {
            blocks.append(.list(comparison.evidence.map {
                .init([.code($0.element), .plain(" cited by \($0.citedBy.joined(separator: ", ")); not by \($0.ignoredBy.joined(separator: ", "))")])
            }))
        }

        blocks.append(.heading(2, [.plain("All cells")]))
        blocks.append(.table(
            header: ["cell", "answers (who)", "engine"],
            rows: comparison.cells.map { cell in
                [[.plain(cell.cell.description)], [.plain(cell.spread.map { "\($0.value): \($0.raters.joined(separator: ", "))" }.joined(separator: "; "))], [.emphasis(cell.engine ?? "–")]]
            },
            numeric: []
        ))

        blocks.append(.heading(2, [.plain("Questions for the group / Vragen voor de groep")]))
        var questions = divergent.prefix(3).map(DiscussionQuestions.about)
        if !comparison.evidence.isEmpty { questions.append(DiscussionQuestions.evidence) }
        questions += DiscussionQuestions.generic
        blocks.append(.list(questions.map { .init([.plain($0.nl)], children: [.init([.emphasis($0.en)])]) }))
        return ReportDocument(blocks: blocks)
    }

    static func json(_ comparison: Comparison) -> JSONValue {
        func cell(_ cell: Comparison.CellComparison) -> JSONValue {
            .object([
                ("family", .string(cell.cell.family.rawValue)),
                ("subject", .string(cell.cell.subject)),
                ("answers", .array(cell.answers.map { .object([("rater", .string($0.rater)), ("profession", .string($0.profession)), ("value", .string($0.value))]) })),
                ("distinct", .integer(cell.distinct)),
                ("range", cell.range.map(JSONValue.integer) ?? .null),
                ("divergence", .number(cell.divergence)),
                ("engine", .optional(cell.engine)),
            ])
        }
        func question(_ q: DiscussionQuestions.Question) -> JSONValue { .object([("nl", .string(q.nl)), ("en", .string(q.en))]) }
        let divergent = comparison.divergent
        var questions = divergent.prefix(3).map(DiscussionQuestions.about)
        if comparison.normsQuestion { questions.insert(DiscussionQuestions.norms, at: 0) }
        if !comparison.evidence.isEmpty { questions.append(DiscussionQuestions.evidence) }
        questions += DiscussionQuestions.generic
        return .object([
            ("dossier", .string(comparison.dossier)),
            ("raters", .array(comparison.raters.map { .object([("id", .string($0.rater)), ("profession", .string($0.profession))]) })),
            ("divergences", .array(divergent.map(cell))),
            ("agreement", .array(comparison.agreements.map {
                .object([
                    ("name", .string($0.name)), ("level", .string($0.level.rawValue)),
                    ("alpha", $0.result.alpha.map(JSONValue.number) ?? .null),
                    ("ci95", $0.interval.map { .array([.number($0.lower), .number($0.upper)]) } ?? .null),
                    ("units", .integer($0.result.units)), ("raters", .integer($0.result.raters)), ("pairable", .integer($0.result.pairable)),
                    ("warning", .optional($0.warning)),
                ])
            })),
            ("placements", .array(comparison.placements.map {
                .object([("rater", .string($0.rater)), ("willing", .string($0.willing)), ("able", .string($0.able)), ("approach", .string($0.approach)), ("suggested", .optional($0.suggested))])
            })),
            ("normsQuestion", .bool(comparison.normsQuestion)),
            ("evidence", .array(comparison.evidence.map {
                .object([("element", .string($0.element)), ("citedBy", .array($0.citedBy.map(JSONValue.string))), ("ignoredBy", .array($0.ignoredBy.map(JSONValue.string)))])
            })),
            ("cells", .array(comparison.cells.map(cell))),
            ("questions", .array(questions.map(question))),
        ])
    }
}
