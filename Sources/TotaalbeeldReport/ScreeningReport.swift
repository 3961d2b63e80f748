import TotaalbeeldEngine
import TotaalbeeldModel

/// Builds the readable screening report (text and Markdown) with the evidence behind every number.
///
/// ```swift
/// let document = ScreeningReport(language: .nl).document(for: result)
/// print(PlainTextRenderer().render(document))
/// ```
public struct ScreeningReport: Sendable {
    public let language: Language
    public init(language: Language = .nl) { self.language = language }

    private var words: Vocabulary { Vocabulary(language: language) }

    public func document(for result: ScreeningResult) -> ReportDocument {
        var doc = ReportDocument()
        header(result, into: &doc)
        schema1(result, into: &doc)
        gaps(result, into: &doc)
        schema2(result, into: &doc)
        flags(result, into: &doc)
        trialAndError(result, into: &doc)
        narrative(result, into: &doc)
        return doc
    }

    // MARK: Phrasing shared with the HTML page

    /// How the support need is computed, with the ruleset's numbers.
    public func formula(_ scoring: Scoring) -> String {
        words(
            "Ondersteuningsbehoefte = max(0, belastend − \(decimal(scoring.strengthOffset)) × kracht) × niveau-2-factoren, begrensd op \(decimal(scoring.supportNeedMax)). Elke indicator telt één keer, met de sterkste waarneming.",
            "Support need = max(0, burden − \(decimal(scoring.strengthOffset)) × strength) × level-2 factors, capped at \(decimal(scoring.supportNeedMax)). Each indicator counts once, with its strongest observation."
        )
    }

    /// A fact's source kind, context and how much it counts: "client, historical, ×0.5".
    public func factNotes(_ fact: Fact) -> String {
        let properties = words.properties(of: fact)
        let counted = fact.counts ? "×" + decimal(fact.countFactor) : words("telt niet", "not counted")
        return ([fact.sourceKind] + properties + [counted]).joined(separator: ", ")
    }

    /// Why a conversation theme is a gap.
    public func gapReason(_ gap: Gap, ruleset: Ruleset) -> String {
        gap.missingSourceKind.map { kind in
            words("alleen informatie van anderen; het eigen verhaal (", "only others' information; the own account (") + (ruleset.sourceKind(id: kind)?.label[language] ?? kind) + words(") ontbreekt", ") is missing")
        } ?? words("geen informatie", "no information")
    }

    /// One Schema 2 contribution: "Indicator (+1.5) ← f-1 l. 12, n-2 l. 40".
    public func derivation(_ contribution: ActivityResult.Contribution) -> String {
        let elements = Array(Set(contribution.facts.map { "\($0.elementID) " + words("r.", "l.") + "\($0.location.line)" })).sorted().joined(separator: ", ")
        let sign = contribution.effectiveWeight >= 0 ? "+" : ""
        return contribution.indicator.label[language] + " (\(sign)\(decimal(contribution.effectiveWeight))) ← " + elements
    }

    /// The professional's own Schema 2 judgement with what it cites.
    public func assessedNote(_ assessed: Assessment.AssessedSupportNeed) -> String {
        let cites = assessed.cites.isEmpty ? words("zonder bronvermelding", "citing nothing") : words("op basis van ", "based on ") + assessed.cites.joined(separator: ", ")
        return "\(assessed.text) (\(cites))"
    }

    /// Says that a long sentence was read in pieces, so that a reader does not expect a negation in one
    /// piece to reach a term in another.
    public func cutSentenceNote(_ note: CutSentenceNote) -> String {
        let sentence = note.sentence
        return words(
            "Lange zin (\(sentence.words) woorden, tekens \(sentence.start)–\(sentence.end)) in \(sentence.pieces) stukken gelezen, gesneden bij leestekens: ontkenning, verleden en andere context gelden per stuk.",
            "Long sentence (\(sentence.words) words, characters \(sentence.start)–\(sentence.end)) read in \(sentence.pieces) pieces, cut at punctuation: negation, history and other context apply per piece."
        )
    }

    /// " (×12 in dit element)" for repeated evidence, nothing for a single occurrence.
    public func timesNote(_ occurrences: Int) -> String {
        occurrences > 1 ? words(" (×\(occurrences) in dit element)", " (×\(occurrences) in this element)") : ""
    }

    public func severityLabel(_ severity: Flag.Severity) -> String {
        switch severity {
        case .serious: words("ernstig", "serious")
        case .warning: words("let op", "warning")
        case .info: words("ter info", "info")
        }
    }

    public func verdict(_ trialAndError: TrialAndErrorResult) -> String {
        trialAndError.indicated ? words("Geïndiceerd", "Indicated") : words("Niet geïndiceerd", "Not indicated")
    }

    // MARK: Sections

    private func header(_ result: ScreeningResult, into doc: inout ReportDocument) {
        let d = result.dossier, r = result.ruleset
        doc.heading(1, words("Totaalbeeld — screening van dossier ", "Totaalbeeld — screening of dossier ") + d.id)
        doc.paragraph(
            .plain(words("Ruleset ", "Ruleset ") + "\(r.id) \(r.version) (sha256 \(r.checksum.prefix(12))…) · "),
            .plain(words("dossierdatum ", "dossier date ") + d.date.description + " · \(d.client.benefitRegime) · " + words("leeftijd ", "age ") + d.client.ageBand)
        )
        doc.paragraph(.emphasis(words(
            "Dit is een hulpmiddel voor kritische reflectie, geen besluit. Elk getal hieronder toont waar het vandaan komt; weeg het zelf.",
            "This is an aid for critical reflection, not a decision. Every number below shows where it comes from; weigh it yourself."
        )))
    }

    private func schema1(_ result: ScreeningResult, into doc: inout ReportDocument) {
        doc.heading(2, words("Schema 1 — belasting en kracht per levensdomein", "Schema 1 — burden and strength per life domain"))
        let rows: [[[ReportDocument.Run]]] = result.domains.map { domain in
            let level = domain.supportNeedLevel?.label[language] ?? ""
            let modifiers = domain.modifiers.isEmpty ? "" : "×" + decimal(domain.modifiers.reduce(1) { $0 * $1.factor })
            return [
                [.plain(domain.domain.label[language])],
                [.plain(domain.hasInformation ? decimal(domain.burden) : "–")],
                [.plain(domain.hasInformation ? decimal(domain.strength) : "–")],
                [.plain(modifiers)],
                [.plain(domain.hasInformation ? "\(decimal(domain.supportNeed)) (\(level))" : words("geen informatie", "no information"))],
            ]
        }
        doc.blocks.append(.table(
            header: [words("Domein", "Domain"), words("Belastend", "Burden"), words("Kracht", "Strength"), words("Niveau 2", "Level 2"), words("Ondersteuningsbehoefte", "Support need")],
            rows: rows, numeric: [1, 2]
        ))
        doc.paragraph(.plain(formula(result.ruleset.scoring)))

        doc.heading(3, words("Onderbouwing per domein", "Evidence per domain"))
        for domain in result.domains where domain.hasInformation {
            var items: [ReportDocument.ListItem] = []
            for contribution in domain.burdens + domain.strengths {
                let role = words.role(contribution.indicator.polarity ?? .burden)
                items.append(.init(
                    [.strong(contribution.indicator.label[language]), .plain(" — \(role) \(decimal(contribution.effectiveWeight))"
                        + (contribution.effectiveWeight != contribution.weight ? " (" + words("gewicht ", "weight ") + decimal(contribution.weight) + ")" : ""))],
                    children: evidenceItems(contribution.facts)
                ))
            }
            // Modifiers found in this domain are shown with their evidence; those reaching it from elsewhere in one line.
            let local = domain.modifiers.filter { modifier in modifier.facts.contains { $0.domain == domain.domain.id } }
            let elsewhere = domain.modifiers.filter { modifier in !modifier.facts.contains { $0.domain == domain.domain.id } }
            for modifier in local {
                let dimension = result.ruleset.dimension(id: modifier.dimension)?.label[language] ?? modifier.dimension
                items.append(.init(
                    [.strong(modifier.indicator.label[language]), .plain(" — " + words("niveau 2", "level 2") + " (\(dimension)) ×\(decimal(modifier.factor))"
                        + (modifier.extraRisk ? words(", extra risico", ", extra risk") : ""))],
                    children: evidenceItems(modifier.facts)
                ))
            }
            if !elsewhere.isEmpty {
                let names = elsewhere.map { "\($0.indicator.label[language]) ×\(decimal($0.factor))" }.joined(separator: ", ")
                items.append(.init([.emphasis(words("Niveau 2 van elders in het dossier: ", "Level 2 from elsewhere in the dossier: ")), .plain(names)]))
            }
            if !domain.uncounted.isEmpty {
                items.append(.init([.emphasis(words("Niet meegeteld", "Not counted"))], children: evidenceItems(domain.uncounted)))
            }
            let sources = domain.sourceKinds.map { result.ruleset.sourceKind(id: $0)?.label[language] ?? $0 }.joined(separator: ", ")
            doc.paragraph(
                .strong(domain.domain.label[language]),
                .plain(" — " + words("behoefte ", "need ") + decimal(domain.supportNeed) + " (\(domain.supportNeedLevel?.label[language] ?? "")); " + words("bronnen: ", "sources: ") + (sources.isEmpty ? "–" : sources))
            )
            if items.isEmpty {
                doc.paragraph(.plain(words("Wel informatie, geen indicatoren gevonden.", "Information present, no indicators found.")))
            }
            doc.list(items)
        }
    }

    /// Facts as evidence lines: repeats folded, at most the list limit, then how many more.
    private func evidenceItems(_ facts: [Fact]) -> [ReportDocument.ListItem] {
        let folded = foldRepeats(facts, by: \.repeatKey)
        var items = folded.prefix(Repeated<Fact>.listLimit).map(factItem)
        if folded.count > Repeated<Fact>.listLimit { items.append(.init([.emphasis(moreNote(folded.count - Repeated<Fact>.listLimit))])) }
        return items
    }

    /// "… en 12 meer (alle vindplaatsen staan in de geannoteerde tekst)".
    public func moreNote(_ count: Int) -> String {
        words("… en \(count) meer (alle vindplaatsen staan gemarkeerd in de geannoteerde tekst)", "… and \(count) more (every occurrence is marked in the annotated narrative)")
    }

    private func factItem(_ repeated: Repeated<Fact>) -> ReportDocument.ListItem {
        let fact = repeated.item
        var runs: [ReportDocument.Run] = [.code(fact.elementID), .plain(" " + words("r.", "l.") + "\(fact.location.line) ")]
        if case .narrative(let start, let end, _, _) = fact.origin {
            runs.append(.plain("[\(start)–\(end)] "))
        }
        let quote = "“" + fact.quote + "”"
        runs.append(fact.present ? .plain(quote) : .struck(quote))
        runs.append(.plain(timesNote(repeated.occurrences) + " (" + factNotes(fact) + ")"))
        return .init(runs)
    }

    private func gaps(_ result: ScreeningResult, into doc: inout ReportDocument) {
        doc.heading(2, words("Gespreksmodel — ontbrekende informatie", "Conversation model — missing information"))
        if result.gaps.isEmpty {
            doc.paragraph(.plain(words("Alle thema's van het gespreksmodel zijn in het dossier terug te vinden.", "Every theme of the conversation model is covered by the dossier.")))
            return
        }
        doc.list(result.gaps.map { gap in
            let why = gapReason(gap, ruleset: result.ruleset)
            return .init([.strong("\(gap.theme.order). " + gap.theme.label[language]), .plain(" — " + why)], children: [
                .init([.emphasis(words("Vraag: ", "Ask: ")), .plain(gap.theme.question[language])]),
            ])
        })
    }

    private func schema2(_ result: ScreeningResult, into doc: inout ReportDocument) {
        doc.heading(2, words("Schema 2 — ondersteuningsbehoefte en eisen aan werk", "Schema 2 — support need and work requirements"))
        doc.paragraph(.plain(words(
            "Twee vragen apart: wat het einddoel kan zijn, en welke ondersteuning nodig is om er te komen.",
            "Two questions kept apart: what the end goal can be, and what support is needed to get there."
        )))
        let levels = result.ruleset.scoring
        doc.blocks.append(.table(
            header: [words("Activiteit", "Activity"), words("Score", "Score"), words("Behoefte", "Need"), words("Oordeel professional", "Professional's judgement")],
            rows: result.schema2.map { row in
                let name = (row.activity.parent == nil ? "" : "  ↳ ") + row.activity.label[language]
                let level = row.need.flatMap { levels.level(id: $0.level)?.label[language] } ?? words("geen", "none")
                let assessed = row.assessed.map { levels.level(id: $0.level)?.label[language] ?? $0.level } ?? "–"
                return [[.plain(name)], [.plain(decimal(row.score))], [.plain(level)], [.plain(assessed)]]
            },
            numeric: [1]
        ))
        for row in result.schema2 where row.need != nil || row.assessed != nil {
            var children: [ReportDocument.ListItem] = []
            if let need = row.need {
                children.append(.init([.emphasis(words("Ondersteuning: ", "Support: ")), .plain(need.support[language])]))
                children.append(.init([.emphasis(words("Implicaties voor eisen aan werk: ", "Implications for work requirements: ")), .plain(need.workRequirement[language])]))
            }
            if !row.contributions.isEmpty {
                children.append(.init([.emphasis(words("Afgeleid uit: ", "Derived from: "))], children: row.contributions.map { contribution in
                    .init([.plain(derivation(contribution))])
                }))
            }
            if let assessed = row.assessed {
                children.append(.init([.emphasis(words("Professional: ", "Professional: ")), .plain(assessedNote(assessed))]))
            }
            doc.list([.init([.strong(row.activity.label[language])], children: children)])
        }
    }

    private func flags(_ result: ScreeningResult, into doc: inout ReportDocument) {
        doc.heading(2, words("Signalen voor reflectie", "Signals for reflection"))
        if result.flags.isEmpty {
            doc.paragraph(.plain(words("Geen signalen.", "No signals.")))
            return
        }
        for kind in Flag.Kind.allCases {
            let ofKind = result.flags.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            doc.heading(3, kindLabel(kind) + " (\(ofKind.count))")
            doc.list(ofKind.map(flagItem))
        }
    }

    public func kindLabel(_ kind: Flag.Kind) -> String {
        switch kind {
        case .inconsistency: words("Inconsistenties", "Inconsistencies")
        case .gap: words("Lacunes", "Gaps")
        case .quality: words("Kwaliteit van informatie", "Information quality")
        case .judgementRisk: words("Risico's in de oordeelsvorming", "Judgement risks")
        }
    }

    private func flagItem(_ flag: Flag) -> ReportDocument.ListItem {
        var children: [ReportDocument.ListItem] = [.init([.emphasis(words("Vraag: ", "Question: ")), .plain(flag.question[language])])]
        if !flag.alternatives.isEmpty {
            children.append(.init([.emphasis(words("Overweeg ook: ", "Also consider: "))], children: flag.alternatives.map { .init([.plain($0[language])]) }))
        }
        if !flag.evidence.isEmpty {
            children.append(.init([.emphasis(words("Bewijs: ", "Evidence: "))], children: flag.evidence.map { evidence in
                var runs: [ReportDocument.Run] = [.code(evidence.elementID), .plain(" " + words("r.", "l.") + "\(evidence.location.line)")]
                if let span = evidence.span { runs.append(.plain(" [\(span.lowerBound)–\(span.upperBound + 1)]")) }
                runs.append(.plain(" “\(evidence.quote)”" + timesNote(evidence.occurrences)))
                return .init(runs)
            } + (flag.evidenceOmitted > 0 ? [.init([.emphasis(moreNote(flag.evidenceOmitted))])] : [])))
        }
        return .init([.strong("[\(severityLabel(flag.severity))] "), .plain(flag.message[language] + " "), .code(flag.rule)], children: children)
    }

    private func trialAndError(_ result: ScreeningResult, into doc: inout ReportDocument) {
        doc.heading(2, words("Trial-and-error-traject", "Trial-and-error track"))
        let t = result.trialAndError
        if t.reasons.isEmpty && t.tracks.isEmpty {
            doc.paragraph(.plain(words("Niet beoordeeld.", "Not assessed.")))
            return
        }
        doc.paragraph(.strong(verdict(t)))
        doc.list(t.reasons.map { .init([.plain($0[language])]) })
        for (rank, track) in t.tracks.enumerated() {
            var children: [ReportDocument.ListItem] = track.why.map { .init([.plain($0[language])]) }
            if !track.safeguards.isEmpty {
                children.append(.init([.emphasis(words("Waarborgen: ", "Safeguards: "))], children: track.safeguards.map { .init([.plain($0[language])]) }))
            }
            if !track.checkpoints.isEmpty {
                children.append(.init([.emphasis(words("IJkpunten: ", "Checkpoints: "))], children: track.checkpoints.map { .init([.plain($0[language])]) }))
            }
            doc.list([.init([.strong("\(rank + 1). " + track.label[language]), .plain(" (" + words("passend ", "fit ") + decimal(track.fit) + ") "), .code(track.id)], children: children)])
        }
    }

    private func narrative(_ result: ScreeningResult, into doc: inout ReportDocument) {
        guard !result.dossier.narratives.isEmpty else { return }
        doc.heading(2, words("Geannoteerde tekst", "Annotated narrative"))
        doc.paragraph(.plain(words(
            "Gevonden termen staan tussen [ ] met de indicator en hun context: ontkend, verleden, opgelost, hypothetisch, mogelijk, ander persoon, bewering cliënt.",
            "Terms found are shown in [ ] with their indicator and context: negated, historical, resolved, hypothetical, possible, other person, client's claim."
        )))
        let byElement = result.narrativeFactsByElement()
        for narrative in result.dossier.narratives {
            let domain = result.ruleset.domain(id: narrative.domain)?.label[language] ?? narrative.domain
            let source = result.dossier.source(id: narrative.source).map { "\($0.role)" } ?? narrative.source
            doc.paragraph(.code(narrative.id), .plain(" — \(domain), \(source), " + words("r.", "l.") + "\(narrative.location.line)"))
            doc.paragraph(annotated(narrative, facts: byElement.facts[narrative.id] ?? []))
            for note in byElement.cutSentences[narrative.id] ?? [] {
                doc.paragraph(.emphasis(words("Let op: ", "Note: ")), .plain(cutSentenceNote(note)))
            }
        }
    }

    /// The narrative with each hit marked inline; overlapping hits are marked at the first one.
    private func annotated(_ narrative: Narrative, facts: [Fact]) -> [ReportDocument.Run] {
        narrativeSegments(narrative, facts: facts).flatMap { segment -> [ReportDocument.Run] in
            guard let fact = segment.fact else { return [.plain(segment.text)] }
            let properties = words.properties(of: fact)
            return [.plain("["), fact.present ? .strong(segment.text) : .struck(segment.text), .plain(" → " + ([fact.indicator] + properties).joined(separator: "; ") + "]")]
        }
    }
}
