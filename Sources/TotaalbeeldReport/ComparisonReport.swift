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

    /// α with its 95% bootstrap interval, or why it is undefined (format-neutral, for logs and the JSON's readers).
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

    /// `elements` (from `EvaluationLoader.citableElements`) adds what each disputed element says.
    public func document(_ comparison: Comparison, ruleset: Ruleset, elements: [String: CitableElement] = [:]) -> ReportDocument {
        let words = ComparisonWords(language: language, ruleset: ruleset)
        var blocks: [ReportDocument.Block] = []
        blocks.append(.heading(1, [.plain(say("Intervisie", "Intervision") + ": \(comparison.dossier)")]))
        blocks.append(.paragraph(
            [.plain(say("Beoordelaars: ", "Raters: "))]
            + comparison.raters.enumerated().flatMap { index, rater -> [ReportDocument.Run] in
                [.quoted(rater.rater), .plain(" (\(words.profession(rater.profession)))" + (index == comparison.raters.count - 1 ? ". " : ", "))]
            }
            + [.plain(say("Geen beroep weegt zwaarder dan een ander. De screening van Totaalbeeld is één perspectief naast de andere, niet het antwoord, en telt niet mee in alfa.",
                          "No profession is weighted above another. The engine's screening is one more perspective, not the answer, and is not counted in alpha."))]
        ))

        blocks.append(.heading(2, [.plain(say("Grootste verschillen", "Largest divergences"))]))
        let divergent = comparison.divergent
        if divergent.isEmpty {
            blocks.append(.paragraph([.plain(say("Alle beoordelaars gaven in elke cel hetzelfde antwoord.", "All raters gave the same answer in every cell."))]))
        } else {
            blocks.append(.table(
                header: ["#", say("oordeel", "judgement"), say("verschil", "divergence"), say("antwoorden (wie)", "answers (who)"), "Totaalbeeld"],
                rows: divergent.enumerated().map { index, cell in
                    [[.plain(String(index + 1))], [.strong(words.cell(cell.cell))], [.plain(ReaderText.figure(cell.divergence))],
                     [.plain(words.spread(cell))], [.emphasis(words.engine(cell.engineReading))]]
                },
                numeric: [0, 2]
            ))
        }

        blocks.append(.heading(2, [.plain(say("Overeenstemming (Krippendorffs alfa)", "Agreement (Krippendorff's alpha)"))]))
        blocks.append(.table(
            header: [say("oordelen", "judgements"), say("meetniveau", "level"), say("alfa", "alpha"), say("eenheden", "units"), say("beoordelaars", "raters"), say("toelichting", "note")],
            rows: comparison.agreements.map {
                [[.plain(words.agreementName($0))], [.plain(words.measurementLevel($0.level))], [.plain(words.alpha($0))], [.plain(String($0.result.units))], [.plain(String($0.result.raters))], [.plain(words.alphaNote($0))]]
            },
            numeric: [3, 4]
        ))

        blocks.append(.heading(2, [.plain(say("Plaatsing: willen en kunnen (seed 004, figuur 1)", "Placement: willing versus able (seed 004, figure 1)"))]))
        blocks.append(.table(
            header: [say("beoordelaar", "rater"), say("beroep", "profession"), say("wil", "willing"), say("kan", "able"), say("gekozen aanpak", "approach chosen"), say("figuur 1 suggereert", "figure 1 suggests")],
            rows: comparison.placements.map {
                [[.quoted($0.rater)], [.plain(words.profession($0.profession))], [.plain(words.answer($0.willing))], [.plain(words.answer($0.able))], [.plain(words.approach($0.approach))], [.plain($0.suggested.map(words.approach) ?? "–")]]
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
                let known = elements[use.element]
                var runs: [ReportDocument.Run] = known.map { [.strong(say("r. ", "l. ") + "\($0.location.line)"), .plain(" “"), .quoted($0.excerpt.isEmpty ? "<\($0.kind)>" : $0.excerpt), .plain("”")] } ?? [.quoted(use.element)]
                runs.append(.plain(say(" — genoemd door ", " — cited by ")))
                runs += use.citedBy.map { ReportDocument.Run.quoted($0) }.interspersed(with: .plain(", "))
                runs.append(.plain(say("; niet door ", "; not by ")))
                runs += use.ignoredBy.map { ReportDocument.Run.quoted($0) }.interspersed(with: .plain(", "))
                return .init(runs)
            }))
        }

        blocks.append(.heading(2, [.plain(say("Alle oordelen", "All judgements"))]))
        blocks.append(.table(
            header: [say("oordeel", "judgement"), say("antwoorden (wie)", "answers (who)"), "Totaalbeeld"],
            rows: comparison.cells.map { cell in [[.plain(words.cell(cell.cell))], [.plain(words.spread(cell))], [.emphasis(words.engine(cell.engineReading))]] },
            numeric: []
        ))

        blocks.append(.heading(2, [.plain(say("Vragen voor de groep", "Questions for the group"))]))
        blocks.append(.list(words.followUpQuestions(comparison).map { .init([.plain($0)]) }))
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
                    ("families", .array($0.families.map { .string($0.rawValue) })),
                    ("withheld", .bool($0.result.units < Comparison.minimumUnits || $0.evaluations < Comparison.minimumRaters)),
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

extension Array {
    /// The elements with `separator` between each pair.
    func interspersed(with separator: Element) -> [Element] {
        var out: [Element] = []
        for (index, element) in enumerated() {
            if index > 0 { out.append(separator) }
            out.append(element)
        }
        return out
    }
}
