import TotaalbeeldEngine
import TotaalbeeldModel
import TotaalbeeldReport

/// The values the `screen` template shows: the Kernpunten first, the signals by severity and phase with
/// their strongest evidence (the rest behind a disclosure that prints open), the tracks, and the detail.
///
/// Keys are documented in `Templates/html/README.md`; the template decides the markup. The wording is the
/// text report's (``ScreeningReport``, ``ScreeningSummary``), so both renderings say the same thing.
public struct ScreeningPage: Sendable {
    public let language: Language
    public init(language: Language = .nl) { self.language = language }

    private var say: Vocabulary { Vocabulary(language: language) }
    private var report: ScreeningReport { ScreeningReport(language: language) }

    /// The language of dossier text, marked on every quote so a reader (and a screen reader) knows it.
    public static let dossierLanguage = "nl"

    public func context(for result: ScreeningResult) -> [String: Any] {
        let narrative = NarrativeMarkup(result: result, language: language)
        let digest = SignalDigest(result: result)
        let summary = ScreeningSummary(result: result, language: language, digest: digest)
        return [
            "lang": language.rawValue,
            "dossierLang": Self.dossierLanguage,
            "t": PageLabels.screen(language),
            "dossier": [
                "id": result.dossier.id, "date": result.dossier.date.description,
                "regime": result.dossier.client.benefitRegime.uppercased(), "ageBand": result.dossier.client.ageBand,
            ],
            "ruleset": ["id": result.ruleset.id, "version": result.ruleset.version, "checksum": "sha256:" + result.ruleset.checksum],
            "summary": summaryValues(summary),
            "severities": [Flag.Severity.serious, .warning, .info].compactMap { severity -> [String: Any]? in
                let groups = digest.groups(of: severity)
                guard !groups.isEmpty else { return nil }
                return [
                    "severity": severity.rawValue, "label": say.severityHeading(severity), "count": String(groups.count),
                    "signals": groups.map { signal($0, reader: summary.reader, narrative: narrative) },
                ]
            },
            "noFlags": digest.groups.isEmpty,
            "unmatched": result.unmatchedWeighings.isEmpty ? [] : [["items": result.unmatchedWeighings.map { weighed in
                ["line": String(weighed.location.line), "note": Self.segments(report.weighedNote(weighed))] as [String: Any]
            }] as [String: Any]],
            "trialAndError": trialAndError(result),
            "chart": schema1Chart(result),
            "domains": result.domains.map { domainRow($0, result: result, narrative: narrative) },
            "formula": report.formula(result.ruleset.scoring),
            "schema2": result.schema2.map { schema2Row($0, result: result) },
            // A list, not an optional: Mustache shows a missing value as nothing, an optional as "nil".
            "prognosis": result.dossier.fml?.prognosis.map { [Self.quoteParts(report.prognosisNote($0))] } ?? [[[String: String]]](),
            "narratives": narrative.sections,
            "legend": NarrativeMarkup.legend(language),
        ]
    }

    /// A sentence cut into the reader's words and the dossier's quoted words (`said` template), so quotes
    /// carry the dossier's language.
    static func segments(_ text: String) -> [String: Any] {
        ["segments": ReaderText.runs(quoting: text).map { run -> [String: Any] in
            if case .quoted(let quote) = run { return ["text": quote, "quoted": true] }
            return ["text": run.text, "quoted": false]
        }]
    }

    // MARK: Kernpunten

    private func summaryValues(_ summary: ScreeningSummary) -> [String: Any] {
        let reader = summary.reader
        return [
            "advice": summary.advice.rawValue, "adviceLabel": summary.adviceLabel(), "adviceSentence": Self.segments(summary.adviceSentence),
            "trialAndError": Self.segments(summary.trialAndError),
            "points": summary.points.map { group in
                [
                    "severity": group.severity.rawValue, "severityLabel": say.severity(group.severity),
                    "message": reader.message(group.lead), "question": reader.question(group.lead),
                    "also": group.also.isEmpty ? [] : [group.also.count == 1 ? say("(en één verwant signaal)", "(and one related signal)") : say("(en \(group.also.count) verwante signalen)", "(and \(group.also.count) related signals)")],
                ] as [String: Any]
            },
            "morePoints": summary.morePoints == 1 ? [say("Nog 1 signaal onder Signalen.", "1 more signal under Signals.")]
                : summary.morePoints > 1 ? [say("Nog \(summary.morePoints) signalen onder Signalen.", "\(summary.morePoints) more signals under Signals.")] : [],
            "notYet": summary.notYet.isEmpty ? [say("Niets hoeft te wachten op grond van deze screening.", "Nothing needs to wait on the strength of this screening.")] : summary.notYet,
            "strengths": summary.strengths.isEmpty ? [say("De screening vond geen sterke punten; vraag er in het gesprek naar.", "The screening found no strengths; ask about them in the conversation.")] : summary.strengths,
        ]
    }

    // MARK: Signals

    private func signal(_ group: SignalGroup, reader: ReaderText, narrative: NarrativeMarkup) -> [String: Any] {
        func evidence(_ evidence: Evidence) -> [String: Any] {
            var values: [String: Any] = [
                "line": String(evidence.location.line), "quote": ReaderText.excerpt(evidence.quote), "times": report.timesNote(evidence.occurrences),
            ]
            if let href = narrative.link(element: evidence.elementID, start: evidence.span?.lowerBound) { values["href"] = href }
            return values
        }
        let rationale = group.lead.rationale.flatMap { ReaderText.available($0, in: language) }
        // A list, not an optional: only a weighed flag shows it (Mustache takes a nil Optional inside Any as a value).
        func weighing(_ flag: Flag) -> [[String: Any]] {
            flag.weighing.map { [["state": $0.state.rawValue, "label": report.weighingLabel($0.state), "note": Self.segments(report.weighingNote($0))]] } ?? []
        }
        return [
            "severity": group.severity.rawValue, "severityLabel": say.severity(group.severity), "phase": say.phase(group.phase),
            "rule": group.lead.rule,
            "message": reader.message(group.lead), "question": reader.question(group.lead),
            "weighing": weighing(group.lead),
            "also": group.also.map { ["message": reader.message($0), "question": reader.question($0), "weighing": weighing($0)] as [String: Any] },
            "alternatives": group.alternatives.map { Self.segments(reader.clean($0)) },
            "rationale": rationale.map { [$0] } ?? [],
            "evidence": group.strongest.map(evidence),
            "rest": group.rest.map(evidence),
            "hasMore": group.moreCount > 0,
            "more": say.more(group.moreCount),
            "omitted": group.evidenceOmitted > 0 ? [say("… en \(group.evidenceOmitted) die de screening niet opsomt", "… and \(group.evidenceOmitted) the screening does not list")] : [],
        ]
    }

    // MARK: Trial and error

    private func trialAndError(_ result: ScreeningResult) -> [String: Any] {
        let t = result.trialAndError
        let reader = ReaderText(result: result, language: language)
        let tracks = TrackDigest(t, reader: reader)
        return [
            "assessed": !(t.reasons.isEmpty && t.tracks.isEmpty),
            "indicated": t.indicated,
            "verdict": report.verdict(t),
            "reasons": t.reasons.map { Self.segments(reader.clean($0)) },
            "referral": tracks.referral,
            "commonTitle": tracks.referral ? say("Voor elke verwijzing", "For every referral") : say("Voor elk traject", "For every track"),
            "tracksTitle": tracks.referral ? say("Verwijzingen", "Referrals") : say("Trajecten, van meest naar minder passend", "Tracks, best fit first"),
            "commonSafeguards": tracks.commonSafeguards.map(Self.segments),
            "commonCheckpoints": tracks.commonCheckpoints.map(Self.segments),
            "hasCommon": !(tracks.commonSafeguards.isEmpty && tracks.commonCheckpoints.isEmpty),
            "tracks": tracks.entries.map { entry in
                [
                    "rank": String(entry.rank), "label": entry.label, "id": entry.id, "fit": entry.fitLevel.map { [$0] } ?? [],
                    "why": Self.segments(entry.why), "safeguards": entry.safeguards.map(Self.segments), "checkpoints": entry.checkpoints.map(Self.segments),
                ] as [String: Any]
            },
        ]
    }

    // MARK: Schema 1

    /// One row per domain: three bars (burden, strength, support need) on a shared scale; the support need shows
    /// its value before level-2 modulation as a dashed outline, so the modulation is visible as the difference.
    private func schema1Chart(_ result: ScreeningResult) -> [String: Any] {
        let labelWidth = 250.0, barArea = 400.0, rowHeight = 52.0, top = 30.0
        let offset = result.ruleset.scoring.strengthOffset, cap = result.ruleset.scoring.supportNeedMax
        let unmodulated = result.domains.map { min(cap, max(0, $0.burden - offset * $0.strength)) }
        let scale = LinearScale(covering: result.domains.flatMap { [$0.burden, $0.strength, $0.supportNeed] } + unmodulated, length: barArea)
        let rows: [[String: Any]] = result.domains.enumerated().map { index, domain in
            let y = top + Double(index) * rowHeight
            func bar(_ value: Double, _ row: Double, _ kind: String, _ label: String) -> [String: Any] {
                ["x": coordinate(labelWidth), "y": coordinate(y + row * 13), "width": coordinate(scale(value)), "kind": kind,
                 "labelX": coordinate(labelWidth + scale(value) + 6), "labelY": coordinate(y + row * 13 + 10), "label": label]
            }
            var row: [String: Any] = [
                "name": domain.domain.label[language], "nameY": coordinate(y + 22),
                "separatorY": coordinate(y + rowHeight - 6),
                "hasInformation": domain.hasInformation,
                "noInformation": say("geen informatie", "no information"), "noInformationY": coordinate(y + 22), "noInformationX": coordinate(labelWidth),
            ]
            if domain.hasInformation {
                let effect = report.level2Effect(domain)
                row["bars"] = [
                    bar(domain.burden, 0, "burden", say("belastend", "burden") + " " + ReaderText.figure(domain.burden)),
                    bar(domain.strength, 1, "strength", say("kracht", "strength") + " " + ReaderText.figure(domain.strength)),
                    bar(domain.supportNeed, 2, "need", say("behoefte", "need") + " " + report.levelLabel(domain) + (effect.isEmpty ? "" : " (" + say("niveau 2 ", "level 2 ") + effect + ")")),
                ]
                if domain.modifiers.reduce(1.0, { $0 * $1.factor }) != 1 {
                    row["baseline"] = ["x": coordinate(labelWidth), "y": coordinate(y + 26), "width": coordinate(scale(unmodulated[index]))]
                }
            }
            return row
        }
        let height = top + Double(result.domains.count) * rowHeight + 8
        return [
            "width": coordinate(labelWidth + barArea + 220), "height": coordinate(height),
            "rows": rows,
            "ticks": scale.ticks.map { ["x": coordinate(labelWidth + scale($0)), "label": ReaderText.figure($0), "y2": coordinate(height - 8)] },
            "axisY": coordinate(top - 12),
            "title": say("Schema 1: belastend, kracht en ondersteuningsbehoefte per domein", "Schema 1: burden, strength and support need per domain"),
            "description": say(
                "Per domein drie balken op één schaal: belastend (gearceerd), kracht (effen), ondersteuningsbehoefte (gestippeld patroon, met het niveau). Een gestreepte omlijning toont de behoefte vóór niveau-2-modulatie. De tabel eronder geeft dezelfde getallen.",
                "Per domain three bars on one scale: burden (hatched), strength (solid), support need (dotted pattern, with its level). A dashed outline shows the need before level-2 modulation. The table below gives the same numbers."
            ),
        ]
    }

    private func domainRow(_ domain: DomainResult, result: ScreeningResult, narrative: NarrativeMarkup) -> [String: Any] {
        // The three strongest observations, then the lines of the rest (every one is marked in the narrative).
        let facts = { (facts: [Fact]) -> [String: Any] in
            let ranked = self.report.strongestFacts(facts)
            var counts: [Int: Int] = [:]
            for fact in ranked.dropFirst(SignalGroup.shownEvidence) { counts[fact.item.location.line, default: 0] += 1 }
            let lines = counts.keys.sorted().map { counts[$0]! > 1 ? "\($0) (\(counts[$0]!)×)" : "\($0)" }.joined(separator: ", ")
            return [
                "shown": ranked.prefix(SignalGroup.shownEvidence).map { self.fact($0, ruleset: result.ruleset, narrative: narrative) },
                "more": counts.isEmpty ? [] : [self.say.more(ranked.count - SignalGroup.shownEvidence) + ": " + self.say("r. ", "l. ") + lines],
            ]
        }
        let contributions = (domain.burdens.map { ($0, Polarity.burden) } + domain.strengths.map { ($0, Polarity.strength) }).map { contribution, polarity in
            [
                "indicator": contribution.indicator.label[language],
                "role": say.role(polarity), "polarity": polarity == .burden ? "burden" : "strength",
                "facts": facts(contribution.facts),
            ] as [String: Any]
        }
        return [
            "id": domain.domain.id, "name": domain.domain.label[language], "hasInformation": domain.hasInformation,
            "burden": ReaderText.figure(domain.burden), "strength": ReaderText.figure(domain.strength),
            "level2": report.level2Effect(domain),
            "need": ReaderText.figure(domain.supportNeed), "level": report.levelLabel(domain),
            "sources": domain.sourceKinds.map { report.sourceName($0, ruleset: result.ruleset) }.joined(separator: ", "),
            "contributions": contributions,
            "modifiers": domain.modifiers.filter { modifier in modifier.facts.contains { $0.domain == domain.domain.id } }.map { modifier in
                [
                    "indicator": modifier.indicator.label[language],
                    "effect": modifier.factor > 1 ? say("verhoogt de behoefte", "raises the need") : say("verlaagt de behoefte", "lowers the need"),
                    "facts": facts(modifier.facts),
                ] as [String: Any]
            },
            "uncounted": facts(domain.uncounted),
            "hasUncounted": !domain.uncounted.isEmpty,
        ]
    }

    private func fact(_ repeated: Repeated<Fact>, ruleset: Ruleset, narrative: NarrativeMarkup) -> [String: Any] {
        let fact = repeated.item
        var values: [String: Any] = [
            "line": String(fact.location.line), "quote": ReaderText.excerpt(fact.quote), "present": fact.present,
            "notes": report.factNotes(fact, ruleset: ruleset), "times": report.timesNote(repeated.occurrences),
        ]
        // Only narrative facts link, to their mark (or their narrative when an overlapping hit was marked instead).
        if case .narrative(let start, _, _, _) = fact.origin, let href = narrative.link(element: fact.elementID, start: start) { values["href"] = href }
        return values
    }

    // MARK: Schema 2

    private func schema2Row(_ row: ActivityResult, result: ScreeningResult) -> [String: Any] {
        let levels = result.ruleset.scoring
        var values: [String: Any] = [
            "name": row.activity.label[language], "child": row.activity.parent != nil, "score": ReaderText.figure(row.score),
            "need": row.need.flatMap { levels.level(id: $0.level)?.label[language] } ?? levels.levels.first?.label[language] ?? "",
            "assessed": row.assessed.map { levels.level(id: $0.level)?.label[language] ?? $0.level } ?? "–",
        ]
        if let need = row.need {
            values["support"] = need.support[language]
            values["workRequirement"] = need.workRequirement[language]
        }
        values["derived"] = row.contributions.map(report.derivation).joined(separator: "; ")
        values["fml"] = row.fml.map { Self.quoteParts(report.fmlRequirement($0)) }
        if let assessed = row.assessed {
            let runs = report.assessedNote(assessed, result: result)
            values["professional"] = ["quote": runs.first?.text ?? "", "note": runs.dropFirst().map(\.text).joined()]
        }
        values["hasDetail"] = row.need != nil || row.assessed != nil || !row.fml.isEmpty
        return values
    }

    /// A sentence cut at its “…” quotes, so the template can mark the dossier's words with their language.
    static func quoteParts(_ text: String) -> [[String: String]] {
        ReaderText.runs(quoting: text).map { run in
            if case .quoted(let words) = run { return ["quote": words] }
            return ["text": run.text]
        }
    }
}
