import TotaalbeeldEngine
import TotaalbeeldModel
import TotaalbeeldReport

/// The values the `screen` template shows: every number with the evidence behind it, and the chart geometry.
///
/// Keys are documented in `Templates/html/README.md`; the template decides the markup.
public struct ScreeningPage: Sendable {
    public let language: Language
    public init(language: Language = .nl) { self.language = language }

    private var say: Vocabulary { Vocabulary(language: language) }
    /// The text report's phrasing, so both renderings word the same thing the same way.
    private var report: ScreeningReport { ScreeningReport(language: language) }

    public func context(for result: ScreeningResult) -> [String: Any] {
        let narrative = NarrativeMarkup(result: result, language: language)
        return [
            "lang": language.rawValue,
            "t": PageLabels.screen(language),
            "dossier": [
                "id": result.dossier.id, "date": result.dossier.date.description,
                "regime": result.dossier.client.benefitRegime, "ageBand": result.dossier.client.ageBand,
            ],
            "ruleset": ["id": result.ruleset.id, "version": result.ruleset.version, "checksum": "sha256:" + result.ruleset.checksum],
            "chart": schema1Chart(result),
            "domains": result.domains.map { domainRow($0, result: result, narrative: narrative) },
            "formula": report.formula(result.ruleset.scoring),
            "gaps": result.gaps.map { gap in
                [
                    "order": String(gap.theme.order), "theme": gap.theme.label[language], "question": gap.theme.question[language],
                    "why": report.gapReason(gap, ruleset: result.ruleset),
                ] as [String: Any]
            },
            "schema2": result.schema2.map { schema2Row($0, result: result) },
            "flagGroups": Flag.Kind.allCases.compactMap { kind -> [String: Any]? in
                let flags = result.flags.filter { $0.kind == kind }
                guard !flags.isEmpty else { return nil }
                return ["kind": kind.rawValue, "label": report.kindLabel(kind), "count": String(flags.count), "flags": flags.map { flag($0, narrative: narrative) }]
            },
            "noFlags": result.flags.isEmpty,
            "unmatched": result.unmatchedWeighings.isEmpty ? [] : [["items": result.unmatchedWeighings.map { weighed in
                ["flag": weighed.flagID, "line": String(weighed.location.line), "by": weighed.by, "date": weighed.date.description, "reason": weighed.reason] as [String: Any]
            }] as [String: Any]],
            "trialAndError": trialAndError(result.trialAndError),
            "narratives": narrative.sections,
            "legend": NarrativeMarkup.legend(language),
        ]
    }

    // MARK: Schema 1

    /// One row per domain: three bars (burden, strength, support need) on a shared scale; the support need shows
    /// its value before level-2 modulation as a dashed outline, so the modulation is visible as the difference.
    private func schema1Chart(_ result: ScreeningResult) -> [String: Any] {
        let labelWidth = 250.0, barArea = 400.0, rowHeight = 64.0, top = 34.0
        let offset = result.ruleset.scoring.strengthOffset, cap = result.ruleset.scoring.supportNeedMax
        let unmodulated = result.domains.map { min(cap, max(0, $0.burden - offset * $0.strength)) }
        let scale = LinearScale(covering: result.domains.flatMap { [$0.burden, $0.strength, $0.supportNeed] } + unmodulated, length: barArea)
        let rows: [[String: Any]] = result.domains.enumerated().map { index, domain in
            let y = top + Double(index) * rowHeight
            func bar(_ value: Double, _ row: Double, _ kind: String, _ name: String) -> [String: Any] {
                ["x": coordinate(labelWidth), "y": coordinate(y + row * 16), "width": coordinate(scale(value)), "kind": kind,
                 "labelX": coordinate(labelWidth + scale(value) + 6), "labelY": coordinate(y + row * 16 + 11), "label": "\(name) \(decimal(value))"]
            }
            let factor = domain.modifiers.reduce(1.0) { $0 * $1.factor }
            var row: [String: Any] = [
                "name": domain.domain.label[language], "nameY": coordinate(y + 27),
                "separatorY": coordinate(y + rowHeight - 6),
                "hasInformation": domain.hasInformation,
                "noInformation": say("geen informatie", "no information"), "noInformationY": coordinate(y + 27), "noInformationX": coordinate(labelWidth),
            ]
            if domain.hasInformation {
                row["bars"] = [
                    bar(domain.burden, 0, "burden", say("belastend", "burden")),
                    bar(domain.strength, 1, "strength", say("kracht", "strength")),
                    bar(domain.supportNeed, 2, "need", say("behoefte", "need") + (factor == 1 ? "" : " (×\(decimal(factor)) " + say("niveau 2", "level 2") + ")")),
                ]
                if factor != 1 {
                    row["baseline"] = ["x": coordinate(labelWidth), "y": coordinate(y + 32), "width": coordinate(scale(unmodulated[index]))]
                }
            }
            return row
        }
        let height = top + Double(result.domains.count) * rowHeight + 8
        return [
            "width": coordinate(labelWidth + barArea + 200), "height": coordinate(height),
            "rows": rows,
            "ticks": scale.ticks.map { ["x": coordinate(labelWidth + scale($0)), "label": decimal($0), "y2": coordinate(height - 8)] },
            "axisY": coordinate(top - 12),
            "title": say("Schema 1: belastend, kracht en ondersteuningsbehoefte per domein", "Schema 1: burden, strength and support need per domain"),
            "description": say(
                "Per domein drie balken op één schaal: belastend (gearceerd), kracht (effen), ondersteuningsbehoefte (gestippeld patroon). Een gestreepte omlijning toont de behoefte vóór niveau-2-modulatie. De tabel eronder geeft dezelfde getallen.",
                "Per domain three bars on one scale: burden (hatched), strength (solid), support need (dotted pattern). A dashed outline shows the need before level-2 modulation. The table below gives the same numbers."
            ),
        ]
    }

    private func domainRow(_ domain: DomainResult, result: ScreeningResult, narrative: NarrativeMarkup) -> [String: Any] {
        let fact = { (facts: [Fact]) -> [[String: Any]] in
            let folded = foldRepeats(facts, by: \.repeatKey)
            var items = folded.prefix(Repeated<Fact>.listLimit).map { self.fact($0, narrative: narrative) }
            if folded.count > Repeated<Fact>.listLimit { items.append(["more": self.report.moreNote(folded.count - Repeated<Fact>.listLimit)]) }
            return items
        }
        let modifiers = domain.modifiers.map { modifier in
            (result.ruleset.dimension(id: modifier.dimension)?.label[language] ?? modifier.dimension) + " ×" + decimal(modifier.factor)
                + (modifier.extraRisk ? say(" (extra risico)", " (extra risk)") : "")
        }
        let contributions = (domain.burdens.map { ($0, Polarity.burden) } + domain.strengths.map { ($0, Polarity.strength) }).map { contribution, polarity in
            [
                "indicator": contribution.indicator.label[language], "id": contribution.indicator.id,
                "role": say.role(polarity), "polarity": polarity == .burden ? "burden" : "strength",
                "weight": decimal(contribution.effectiveWeight),
                "facts": fact(contribution.facts),
            ] as [String: Any]
        }
        return [
            "id": domain.domain.id, "name": domain.domain.label[language], "hasInformation": domain.hasInformation,
            "burden": decimal(domain.burden), "strength": decimal(domain.strength),
            "level2": modifiers.joined(separator: "; "),
            "need": decimal(domain.supportNeed), "level": domain.supportNeedLevel?.label[language] ?? "",
            "sources": domain.sourceKinds.map { result.ruleset.sourceKind(id: $0)?.label[language] ?? $0 }.joined(separator: ", "),
            "contributions": contributions,
            "modifiers": domain.modifiers.map { modifier in
                ["indicator": modifier.indicator.label[language], "factor": decimal(modifier.factor), "facts": fact(modifier.facts)] as [String: Any]
            },
            "uncounted": fact(domain.uncounted),
        ]
    }

    private func fact(_ repeated: Repeated<Fact>, narrative: NarrativeMarkup) -> [String: Any] {
        let fact = repeated.item
        var values: [String: Any] = [
            "element": fact.elementID, "line": String(fact.location.line), "quote": fact.quote, "present": fact.present,
            "notes": report.factNotes(fact), "times": report.timesNote(repeated.occurrences),
        ]
        // Only narrative facts link, to their mark (or their narrative when an overlapping hit was marked instead).
        if case .narrative(let start, _, _, _) = fact.origin, let href = narrative.link(element: fact.elementID, start: start) { values["href"] = href }
        return values
    }

    // MARK: Schema 2, flags, trial and error

    private func schema2Row(_ row: ActivityResult, result: ScreeningResult) -> [String: Any] {
        let levels = result.ruleset.scoring
        var values: [String: Any] = [
            "name": row.activity.label[language], "child": row.activity.parent != nil, "score": decimal(row.score),
            "need": row.need.flatMap { levels.level(id: $0.level)?.label[language] } ?? say("geen", "none"),
            "assessed": row.assessed.map { levels.level(id: $0.level)?.label[language] ?? $0.level } ?? "–",
        ]
        if let need = row.need {
            values["support"] = need.support[language]
            values["workRequirement"] = need.workRequirement[language]
        }
        values["derived"] = row.contributions.map(report.derivation)
        if let assessed = row.assessed { values["professional"] = report.assessedNote(assessed) }
        values["hasDetail"] = row.need != nil || row.assessed != nil
        return values
    }

    private func flag(_ flag: Flag, narrative: NarrativeMarkup) -> [String: Any] {
        [
            "rule": flag.rule, "severity": flag.severity.rawValue, "severityLabel": report.severityLabel(flag.severity),
            "message": flag.message[language], "question": flag.question[language],
            "alternatives": flag.alternatives.map { $0[language] },
            "rationale": flag.rationale.map { $0[language] } as Any,
            "evidenceMore": flag.evidenceOmitted > 0 ? [report.moreNote(flag.evidenceOmitted)] : [String](),
            // Only when weighed: Mustache takes a nil Optional inside Any as a value, not as absent.
            "weighing": flag.weighing.map { weighing in
                [["state": weighing.state.rawValue, "label": report.weighingLabel(weighing.state), "note": report.weighingNote(weighing)] as [String: Any]]
            } ?? [],
            "evidence": flag.evidence.map { evidence in
                var values: [String: Any] = [
                    "element": evidence.elementID, "line": String(evidence.location.line), "quote": evidence.quote, "times": report.timesNote(evidence.occurrences),
                ]
                if let href = narrative.link(element: evidence.elementID, start: evidence.span?.lowerBound) { values["href"] = href }
                return values
            },
        ]
    }

    private func trialAndError(_ t: TrialAndErrorResult) -> [String: Any] {
        [
            "assessed": !(t.reasons.isEmpty && t.tracks.isEmpty),
            "indicated": t.indicated,
            "verdict": report.verdict(t),
            "reasons": t.reasons.map { $0[language] },
            "tracks": t.tracks.enumerated().map { rank, track in
                [
                    "rank": String(rank + 1), "label": track.label[language], "id": track.id, "fit": decimal(track.fit),
                    "why": track.why.map { $0[language] }, "safeguards": track.safeguards.map { $0[language] },
                    "checkpoints": track.checkpoints.map { $0[language] },
                ] as [String: Any]
            },
        ]
    }
}
