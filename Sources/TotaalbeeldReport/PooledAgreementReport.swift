import TotaalbeeldAgreement
import TotaalbeeldIntervision
import TotaalbeeldModel

/// Text/Markdown and JSON renderings of agreement pooled over many intervision cases (``PooledAgreement``).
///
/// ```swift
/// print(PlainTextRenderer().render(PooledAgreementReport(language: .en).document(pooled)))
/// ```
public struct PooledAgreementReport: Sendable {
    public let language: Language
    public init(language: Language = .nl) { self.language = language }

    private var say: Vocabulary { Vocabulary(language: language) }

    private func number(_ value: Double?) -> String { value.map { ComparisonReport.number($0) } ?? "–" }

    private func interval(_ interval: (lower: Double, upper: Double)?) -> String {
        interval.map { "[\(number($0.lower)) … \(number($0.upper))]" } ?? ""
    }

    public func document(_ pooled: PooledAgreement) -> ReportDocument {
        var blocks: [ReportDocument.Block] = []
        blocks.append(.heading(1, [.plain(say("Overeenstemming over \(pooled.cases.count) intervisiecasussen", "Agreement over \(pooled.cases.count) intervision cases"))]))
        blocks.append(.paragraph([.plain(
            say("Casussen: ", "Cases: ") + pooled.cases.map { "\($0.dossier) (\($0.evaluations.count))" }.joined(separator: ", ") + ". "
                + say("Een eenheid is één cel van één casus; een beoordelaar is een evaluator-id, dezelfde id in meer casussen geldt als dezelfde persoon of rol.",
                      "A unit is one cell of one case; a rater is an evaluator id, and the same id in several cases counts as the same person or role.")
        )]))
        let comparisonReport = ComparisonReport(language: language)
        blocks.append(.heading(2, [.plain(say("Krippendorffs alfa per familie, over alle casussen", "Krippendorff's alpha per family, over all cases"))]))
        blocks.append(.table(
            header: [say("familie", "family"), say("meetniveau", "level"), say("alfa [95% BI]", "alpha [95% CI]"), say("eenheden", "units"), say("beoordelaars", "raters"), say("waarschuwing", "warning")],
            rows: pooled.agreements.map {
                [[.plain($0.name)], [.plain($0.level.rawValue)], [.plain(comparisonReport.alpha($0))], [.plain(String($0.result.units))], [.plain(String($0.result.raters))], [.plain($0.warning ?? "")]]
            },
            numeric: [3, 4]
        ))
        blocks.append(.heading(2, [.plain(say("Per beoordelaar", "Per rater"))]))
        blocks.append(.paragraph([.plain(say(
            "Afstand: gemiddelde afstand tot de antwoorden van de anderen op dezelfde cel (0…1). Meer dan de groep: die afstand min de afstand die de anderen onderling hebben, met 95%-interval; boven 0 staat de beoordelaar verder van de groep dan de leden van elkaar. Verschuiving (ordinale families): eigen niveau min het gemiddelde van de anderen, in niveaustappen. Alfa zonder: de overall-alfa als deze beoordelaar wordt weggelaten.",
            "Distance: mean distance to the others' answers on the same cell (0…1). Beyond the group: that distance minus the distance among the others, with its 95% interval; above 0 the rater stands further from the group than its members stand from each other. Shift (ordinal families): own level minus the others' mean, in level steps. Alpha without: the overall alpha with this rater left out."
        ))]))
        for rater in pooled.raters {
            blocks.append(.heading(3, [.plain(rater.rater), .plain(" (" + rater.professions.joined(separator: ", ") + "; " + say("casussen: ", "cases: ") + rater.cases.joined(separator: ", ") + ")")]))
            if rater.systematic.isEmpty {
                blocks.append(.paragraph([.emphasis(say("Geen stelselmatige afwijking vastgesteld (of te weinig eenheden om het te zeggen).", "No systematic divergence found (or too few units to tell)."))]))
            } else {
                blocks.append(.list(rater.systematic.map { .init([.strong(say($0.nl, $0.en))]) }))
            }
            blocks.append(.table(
                header: [say("familie", "family"), say("eenheden", "units"), say("afstand", "distance"), say("meer dan de groep", "beyond the group"), say("verschuiving", "shift")],
                rows: rater.families.map { family in
                    [
                        [.plain(family.family)], [.plain(String(family.units))], [.plain(number(family.distance))],
                        [.plain(family.excess.map { number($0) + " " + interval(family.excessInterval) } ?? "–")],
                        [.plain(family.shift.map { number($0) + " " + interval(family.shiftInterval) } ?? "–")],
                    ]
                },
                numeric: [1, 2]
            ))
            blocks.append(.paragraph([.plain(say("Alfa zonder deze beoordelaar: ", "Alpha without this rater: ") + rater.alphaWithout.map {
                "\($0.name) \(number($0.alpha))" + ($0.change.map { " (" + ($0 > 0 ? "+" : "") + number($0) + ")" } ?? "")
            }.joined(separator: "; "))]))
            if !rater.onWhat.isEmpty {
                blocks.append(.list(rater.onWhat.map { divergence in
                    .init([.code(divergence.dossier), .plain(" \(divergence.cell): "), .strong(divergence.value), .plain(" — " + say("anderen: ", "others: ") + divergence.others.map { "\($0.value) (\($0.rater))" }.joined(separator: ", "))])
                }))
            }
        }
        return ReportDocument(blocks: blocks)
    }

    public func json(_ pooled: PooledAgreement) -> JSONValue {
        func optional(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
        func interval(_ interval: (lower: Double, upper: Double)?) -> JSONValue {
            interval.map { .object([("lower", .number($0.lower)), ("upper", .number($0.upper))]) } ?? .null
        }
        return .object([
            ("formatVersion", .integer(1)),
            ("cases", .array(pooled.cases.map { .object([("dossier", .string($0.dossier)), ("raters", .array($0.evaluations.map { .string($0.rater) }))]) })),
            ("agreements", .array(pooled.agreements.map { agreement in
                .object([
                    ("name", .string(agreement.name)), ("level", .string(agreement.level.rawValue)), ("alpha", optional(agreement.result.alpha)),
                    ("interval", interval(agreement.interval)), ("units", .integer(agreement.result.units)), ("raters", .integer(agreement.result.raters)),
                    ("pairable", .integer(agreement.result.pairable)), ("warning", .optional(agreement.warning)),
                ])
            })),
            ("raters", .array(pooled.raters.map { rater in
                .object([
                    ("rater", .string(rater.rater)), ("professions", .array(rater.professions.map(JSONValue.string))), ("cases", .array(rater.cases.map(JSONValue.string))),
                    ("families", .array(rater.families.map { family in
                        .object([
                            ("family", .string(family.family)), ("units", .integer(family.units)), ("distance", .number(family.distance)),
                            ("excess", optional(family.excess)), ("excessInterval", interval(family.excessInterval)),
                            ("shift", optional(family.shift)), ("shiftInterval", interval(family.shiftInterval)),
                        ])
                    })),
                    ("alphaWithout", .array(rater.alphaWithout.map { .object([("name", .string($0.name)), ("alpha", optional($0.alpha)), ("change", optional($0.change))]) })),
                    ("systematic", .array(rater.systematic.map { .string(say($0.nl, $0.en)) })),
                    ("onWhat", .array(rater.onWhat.map { divergence in
                        .object([
                            ("dossier", .string(divergence.dossier)), ("cell", .string(divergence.cell.description)), ("value", .string(divergence.value)),
                            ("distance", .number(divergence.distance)),
                            ("others", .array(divergence.others.map { .object([("rater", .string($0.rater)), ("value", .string($0.value))]) })),
                        ])
                    })),
                ])
            })),
        ])
    }
}
