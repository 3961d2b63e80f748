import TotaalbeeldAgreement
import TotaalbeeldIntervision
import TotaalbeeldModel

/// Text/Markdown (via ``ReportDocument``) and JSON renderings of an intervision comparison, in Dutch or English.
///
/// The JSON keys are stable; labels and questions follow `language`.
public struct ComparisonReport: Sendable {
    public let language: Language
    public init(language: Language = .nl) { self.language = language }

    private var say: Vocabulary { Vocabulary(language: language) }

    /// α with its 95% bootstrap interval, or why it is undefined.
    public func alpha(_ agreement: Comparison.Agreement) -> String {
        guard let alpha = agreement.result.alpha else {
            return say("onbepaald", "undefined") + " (\(agreement.result.undefinedReason?.description ?? say("geen gegevens", "no data")))"
        }
        let interval = agreement.interval.map { " [95% \(say("BI", "CI")) \(Self.number($0.lower)) … \(Self.number($0.upper))]" } ?? ""
        return Self.number(alpha) + interval
    }

    /// Three decimals, locale-free.
    public static func number(_ value: Double) -> String { JSONValue.number((value * 1000).rounded() / 1000).serialized() }

    public func question(_ question: DiscussionQuestions.Question) -> String { say(question.nl, question.en) }

    public func spread(_ cell: Comparison.CellComparison) -> String {
        cell.spread.map { "\($0.value): \($0.raters.joined(separator: ", "))" }.joined(separator: "; ")
    }

    /// `elements` (from `EvaluationLoader.citableElements`) adds what each disputed element says.
    public func document(_ comparison: Comparison, elements: [String: CitableElement] = [:]) -> ReportDocument {
        var blocks: [ReportDocument.Block] = []
        blocks.append(.heading(1, [.plain(say("Intervisie", "Intervision") + ": \(comparison.dossier)")]))
        blocks.append(.paragraph([.plain(
            say("Beoordelaars: ", "Raters: ") + comparison.raters.map { "\($0.rater) (\($0.profession))" }.joined(separator: ", ") + ". "
                + say("Geen beroep weegt zwaarder dan een ander. De screening van Totaalbeeld is één perspectief naast de andere, niet het antwoord, en telt niet mee in alfa.",
                      "No profession is weighted above another. The engine's screening is one more perspective, not the answer, and is not counted in alpha.")
        )]))

        blocks.append(.heading(2, [.plain(say("Grootste verschillen", "Largest divergences"))]))
        let divergent = comparison.divergent
        if divergent.isEmpty {
            blocks.append(.paragraph([.plain(say("Alle beoordelaars gaven in elke cel hetzelfde antwoord.", "All raters gave the same answer in every cell."))]))
        } else {
            blocks.append(.table(
                header: ["#", say("cel", "cell"), say("spreiding", "divergence"), say("verschillend", "distinct"), say("antwoorden (wie)", "answers (who)"), "Totaalbeeld"],
                rows: divergent.enumerated().map { index, cell in
                    [[.plain(String(index + 1))], [.strong(cell.cell.description)], [.plain(Self.number(cell.divergence))], [.plain(String(cell.distinct))],
                     [.plain(spread(cell))], [.emphasis(cell.engine ?? "–")]]
                },
                numeric: [0, 2, 3]
            ))
        }

        blocks.append(.heading(2, [.plain(say("Overeenstemming (Krippendorffs alfa)", "Agreement (Krippendorff's alpha)"))]))
        blocks.append(.table(
            header: [say("familie", "family"), say("meetniveau", "level"), say("alfa", "alpha"), say("eenheden", "units"), say("beoordelaars", "raters"), say("waarschuwing", "warning")],
            rows: comparison.agreements.map {
                [[.plain($0.name)], [.plain($0.level.rawValue)], [.plain(alpha($0))], [.plain(String($0.result.units))], [.plain(String($0.result.raters))], [.plain($0.warning ?? "")]]
            },
            numeric: [3, 4]
        ))

        blocks.append(.heading(2, [.plain(say("Plaatsing: willen en kunnen (seed 004, figuur 1)", "Placement: willing versus able (seed 004, figure 1)"))]))
        blocks.append(.table(
            header: [say("beoordelaar", "rater"), say("beroep", "profession"), say("wil", "willing"), say("kan", "able"), say("gekozen aanpak", "approach chosen"), say("figuur 1 suggereert", "figure 1 suggests")],
            rows: comparison.placements.map {
                [[.plain($0.rater)], [.plain($0.profession)], [.plain($0.willing)], [.plain($0.able)], [.plain($0.approach)], [.plain($0.suggested ?? "–")]]
            },
            numeric: []
        ))
        if comparison.normsQuestion {
            blocks.append(.paragraph([.strong(say("Normvraag: ", "Norms question: ")), .plain(question(DiscussionQuestions.norms))]))
        }

        blocks.append(.heading(2, [.plain(say("Bewijs dat de één noemt en de ander niet", "Evidence cited by some and not by others"))]))
        if comparison.evidence.isEmpty {
            blocks.append(.paragraph([.plain(say("Elk genoemd gegeven is door alle beoordelaars genoemd.", "Every cited element was cited by all raters."))]))
        } else {
            blocks.append(.list(comparison.evidence.map { use in
                let quote = elements[use.element].map { [ReportDocument.ListItem([.plain(say("r.", "l.") + " \($0.location.line): "), .emphasis($0.excerpt.isEmpty ? "<\($0.kind)>" : $0.excerpt)])] } ?? []
                return .init([.code(use.element), .plain(say(" genoemd door ", " cited by ") + use.citedBy.joined(separator: ", ") + say("; niet door ", "; not by ") + use.ignoredBy.joined(separator: ", "))], children: quote)
            }))
        }

        blocks.append(.heading(2, [.plain(say("Alle cellen", "All cells"))]))
        blocks.append(.table(
            header: [say("cel", "cell"), say("antwoorden (wie)", "answers (who)"), "Totaalbeeld"],
            rows: comparison.cells.map { cell in [[.plain(cell.cell.description)], [.plain(spread(cell))], [.emphasis(cell.engine ?? "–")]] },
            numeric: []
        ))

        blocks.append(.heading(2, [.plain(say("Vragen voor de groep", "Questions for the group"))]))
        blocks.append(.list(comparison.followUpQuestions.map { .init([.plain(question($0))]) }))
        return ReportDocument(blocks: blocks)
    }

    public func json(_ comparison: Comparison) -> JSONValue {
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
        return .object([
            ("dossier", .string(comparison.dossier)),
            ("raters", .array(comparison.raters.map { .object([("id", .string($0.rater)), ("profession", .string($0.profession))]) })),
            ("divergences", .array(comparison.divergent.map(cell))),
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
            ("questions", .array(comparison.questions.map { .object([("nl", .string($0.nl)), ("en", .string($0.en))]) })),
        ])
    }
}
