import TotaalbeeldEngine
import TotaalbeeldModel

/// Builds the readable screening report (text and Markdown): the Kernpunten first, then the signals by
/// severity and phase, the tracks, and the detail — Schema 1 and 2 with their figures, the evidence per
/// domain and the annotated narrative. Every statement points to dossier lines; no ids, no false precision.
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
        let digest = SignalDigest(result: result)
        let summary = ScreeningSummary(result: result, language: language, digest: digest)
        let reader = summary.reader
        var doc = ReportDocument()
        header(result, into: &doc)
        kernpunten(summary, into: &doc)
        signals(digest, result: result, reader: reader, into: &doc)
        trialAndError(result, into: &doc)
        schema1(result, into: &doc)
        schema2(result, into: &doc)
        evidencePerDomain(result, into: &doc)
        narrative(result, into: &doc)
        return doc
    }

    // MARK: Phrasing shared with the HTML page and the documents

    /// How the support need is computed, with the ruleset's numbers.
    public func formula(_ scoring: Scoring) -> String {
        words(
            "Ondersteuningsbehoefte = max(0, belastend − \(ReaderText.figure(scoring.strengthOffset)) × kracht) × niveau-2-factoren, begrensd op \(ReaderText.figure(scoring.supportNeedMax)). Elke indicator telt één keer, met de sterkste waarneming. De gewichten zijn ordinale oordelen, geen metingen: lees de niveaus, niet de decimalen.",
            "Support need = max(0, burden − \(ReaderText.figure(scoring.strengthOffset)) × strength) × level-2 factors, capped at \(ReaderText.figure(scoring.supportNeedMax)). Each indicator counts once, with its strongest observation. The weights are ordinal judgements, not measurements: read the levels, not the decimals."
        )
    }

    /// A source kind's short name: "arts" for "arts (bedrijfs- of verzekeringsarts)".
    public func sourceName(_ kind: String, ruleset: Ruleset) -> String {
        let label = ruleset.sourceKind(id: kind)?.label[language] ?? kind
        return label.components(separatedBy: " (").first ?? label
    }

    /// A fact's source, context and whether it counts: "arts, verleden, telt deels".
    public func factNotes(_ fact: Fact, ruleset: Ruleset) -> String {
        let properties = words.properties(of: fact)
        let counted = fact.countFactor >= 1 ? words("telt mee", "counts") : fact.counts ? words("telt deels", "counts in part") : words("telt niet", "not counted")
        return ([sourceName(fact.sourceKind, ruleset: ruleset)] + properties + [counted]).joined(separator: ", ")
    }

    /// Why a conversation theme is a gap.
    public func gapReason(_ gap: Gap, ruleset: Ruleset) -> String {
        gap.missingSourceKind.map { kind in
            words("alleen informatie van anderen; het eigen verhaal (", "only others' information; the own account (") + (ruleset.sourceKind(id: kind)?.label[language] ?? kind) + words(") ontbreekt", ") is missing")
        } ?? (gap.unfiled.isEmpty ? words("geen informatie", "no information")
            : words("alleen in tekst zonder thema", "only in text under no theme") + " (" + words("r. ", "l. ")
                + gap.unfiledLines.map(String.init).joined(separator: ", ") + ")")
    }

    /// One Schema 2 contribution: "Negatief zelfbeeld (+2.5) ← r. 52, 64".
    public func derivation(_ contribution: ActivityResult.Contribution) -> String {
        let lines = Array(Set(contribution.facts.map(\.location.line))).sorted().map(String.init).joined(separator: ", ")
        let sign = contribution.effectiveWeight >= 0 ? "+" : ""
        return contribution.indicator.label[language] + " (\(sign)\(ReaderText.figure(contribution.effectiveWeight))) ← " + words("r. ", "l. ") + lines
    }

    /// The professional's own Schema 2 judgement with the lines of what it cites.
    /// An FML limitation as a Schema 2 work requirement, with where it comes from: "“Beperkt: samenwerken.” (+3) — FML, 2010-02-08".
    /// (The source's role is the dossier's own Dutch wording, so it is not repeated in an English report.)
    public func fmlRequirement(_ requirement: ActivityResult.FMLRequirement) -> String {
        let source = ["FML", requirement.date.map(\.description)].compactMap { $0 }.joined(separator: ", ")
        return "“\(requirement.limitation.text)” (+\(ReaderText.figure(requirement.weight))) — " + source
    }

    /// The FML's prognosis for the load capacity, for the Schema 2 section.
    public func prognosisNote(_ prognosis: FML.Prognosis) -> String {
        let expectation: String
        switch prognosis.expectation {
        case .improve: expectation = words("verbetering verwacht", "improvement expected")
        case .stable: expectation = words("stabiel", "stable")
        case .worsen: expectation = words("achteruitgang verwacht", "decline expected")
        case .unclear: expectation = words("onduidelijk", "unclear")
        }
        return words("Prognose FML: ", "FML prognosis: ") + expectation + " — “\(prognosis.text)”"
    }

    public func assessedNote(_ assessed: Assessment.AssessedSupportNeed, result: ScreeningResult) -> [ReportDocument.Run] {
        let lines = citedLines(assessed.cites, result: result)
        let cites = assessed.cites.isEmpty ? words("zonder bronvermelding", "citing nothing")
            : lines.isEmpty ? words("met bronvermelding", "with sources") : words("op basis van ", "based on ") + words("r. ", "l. ") + lines.map(String.init).joined(separator: ", ")
        return [.quoted(assessed.text), .plain(" (" + cites + ")")]
    }

    /// The lines of the dossier elements `ids` name.
    public func citedLines(_ ids: [String], result: ScreeningResult) -> [Int] {
        let dossier = result.dossier
        var lines: [String: Int] = [:]
        for finding in dossier.findings { lines[finding.id] = finding.location.line }
        for narrative in dossier.screenedTexts { lines[narrative.id] = narrative.location.line }
        for wish in dossier.wishes { lines[wish.id] = wish.location.line }
        for source in dossier.sources { lines[source.id] = source.location.line }
        if let fml = dossier.fml { lines["fml"] = fml.location.line }
        return Array(Set(ids.compactMap { lines[$0] })).sorted()
    }

    /// Says that a long sentence was read in pieces, so that a reader does not expect a negation in one
    /// piece to reach a term in another.
    public func cutSentenceNote(_ note: CutSentenceNote) -> String {
        let sentence = note.sentence
        return words(
            "Lange zin (\(sentence.words) woorden) in \(sentence.pieces) stukken gelezen, gesneden bij leestekens: ontkenning, verleden en andere context gelden per stuk.",
            "Long sentence (\(sentence.words) words) read in \(sentence.pieces) pieces, cut at punctuation: negation, history and other context apply per piece."
        )
    }

    /// " (×12 in dit element)" for repeated evidence, nothing for a single occurrence.
    public func timesNote(_ occurrences: Int) -> String {
        occurrences > 1 ? words(" (×\(occurrences) op deze plaats)", " (×\(occurrences) in this place)") : ""
    }

    public func severityLabel(_ severity: Flag.Severity) -> String { words.severity(severity) }

    /// "gewogen" or "opnieuw te wegen".
    public func weighingLabel(_ state: FlagWeighing.State) -> String {
        switch state {
        case .weighed: words("gewogen", "weighed")
        case .reweigh: words("opnieuw te wegen", "to be weighed again")
        }
    }

    /// Who weighed the flag, when and why (the reason quoted as the dossier's words), and what that means for the
    /// screening now.
    public func weighingNote(_ weighing: FlagWeighing) -> String {
        let note = weighedNote(weighing.weighed)
        switch weighing.state {
        case .weighed:
            return note + words(" Telt niet mee in de onzekerheid van het trial-and-error-oordeel en is geen open punt.", " Not counted in the trial-and-error uncertainty, and no open point.")
        case .reweigh:
            return note + words(" Het bewijs is sindsdien veranderd: opnieuw wegen (telt weer mee).", " The evidence has changed since: weigh it again (it counts again).")
        }
    }

    /// "Gewogen door AD-1 op 2026-11-20: “reden”."
    public func weighedNote(_ weighed: Assessment.WeighedFlag) -> String {
        words("Gewogen door \(weighed.by) op \(weighed.date): ", "Weighed by \(weighed.by) on \(weighed.date): ") + "“" + weighed.reason + "”."
    }

    public func verdict(_ trialAndError: TrialAndErrorResult) -> String {
        trialAndError.indicated ? words("Geïndiceerd", "Indicated") : words("Niet geïndiceerd", "Not indicated")
    }

    /// "+27 meer: r. 49, 52, 63 (3×), 64 (6×)" — the lines of the evidence not shown, so every item can be found.
    public func moreNote(_ rest: some Collection<Evidence>, omitted: Int = 0) -> String {
        var counts: [Int: Int] = [:]
        for evidence in rest { counts[evidence.location.line, default: 0] += 1 }
        let lines = counts.keys.sorted().map { counts[$0]! > 1 ? "\($0) (\(counts[$0]!)×)" : "\($0)" }.joined(separator: ", ")
        var note = words.more(rest.count + omitted)
        if !lines.isEmpty { note += ": " + words("r. ", "l. ") + lines }
        if omitted > 0 { note += words(" en \(omitted) die de screening niet opsomt", " and \(omitted) the screening does not list") }
        return note
    }

    public func kindLabel(_ kind: Flag.Kind) -> String {
        switch kind {
        case .inconsistency: words("Inconsistenties", "Inconsistencies")
        case .gap: words("Lacunes", "Gaps")
        case .quality: words("Kwaliteit van informatie", "Information quality")
        case .judgementRisk: words("Risico's in de oordeelsvorming", "Judgement risks")
        }
    }

    /// A support-need level's label, or "geen informatie".
    public func levelLabel(_ domain: DomainResult) -> String {
        domain.hasInformation ? domain.supportNeedLevel?.label[language] ?? "" : words("geen informatie", "no information")
    }

    /// What level 2 does to a domain's support need, in words: "verhoogt", "verlaagt", "heffen elkaar op".
    public func level2Effect(_ domain: DomainResult) -> String {
        guard !domain.modifiers.isEmpty else { return "" }
        let factor = domain.modifiers.reduce(1.0) { $0 * $1.factor }
        return factor > 1.005 ? words("verhoogt", "raises") : factor < 0.995 ? words("verlaagt", "lowers") : words("heffen elkaar op", "cancel out")
    }

    /// One evidence line: "r. 48 “…” (×3 op deze plaats)".
    public func evidenceRuns(_ evidence: Evidence) -> [ReportDocument.Run] {
        [.plain(words.line(evidence.location.line) + " “"), .quoted(ReaderText.excerpt(evidence.quote)), .plain("”" + timesNote(evidence.occurrences))]
    }

    // MARK: Sections

    private func header(_ result: ScreeningResult, into doc: inout ReportDocument) {
        let d = result.dossier, r = result.ruleset
        doc.heading(1, words("Totaalbeeld — screening van dossier ", "Totaalbeeld — screening of dossier ") + d.id)
        doc.paragraph(
            .plain(words("Regelset ", "Ruleset ") + "\(r.id) \(r.version) (sha256 \(r.checksum.prefix(12))…) · "),
            .plain(words("dossierdatum ", "dossier date ") + d.date.description + " · " + d.client.benefitRegime.uppercased() + " · " + words("leeftijd ", "age ") + d.client.ageBand)
        )
        doc.paragraph(.emphasis(words(
            "Een hulpmiddel voor kritische reflectie, geen besluit: elk punt noemt de regels in het dossier waar het op steunt; weeg het zelf.",
            "An aid for critical reflection, not a decision: every point names the dossier lines it rests on; weigh it yourself."
        )))
    }

    private func kernpunten(_ summary: ScreeningSummary, into doc: inout ReportDocument) {
        doc.heading(2, words("Kernpunten", "Key points"))
        doc.paragraph([.strong(summary.adviceLabel() + ". ")] + ReaderText.runs(quoting: summary.adviceSentence))
        doc.paragraph([.strong(words("Trial-and-error: ", "Trial and error: "))] + ReaderText.runs(quoting: summary.trialAndError))
        doc.heading(3, words("Open punten voor het volgende gesprek", "Open points for the next conversation"))
        if summary.points.isEmpty {
            doc.paragraph(.plain(words("Geen open punten.", "No open points.")))
        }
        let reader = summary.reader
        doc.list(summary.points.map { group in
            let children: [ReportDocument.ListItem] = [.init([.emphasis(words("Vraag: ", "Question: ")), .plain(reader.question(group.lead))])]
            let also = group.also.isEmpty ? "" : group.also.count == 1 ? words(" (en één verwant signaal)", " (and one related signal)") : words(" (en \(group.also.count) verwante signalen)", " (and \(group.also.count) related signals)")
            return .init([.strong("[\(words.severity(group.severity))] "), .plain(reader.message(group.lead) + also)], children: children)
        })
        if summary.morePoints > 0 {
            let more = summary.morePoints == 1
                ? words("Nog 1 signaal hieronder, onder Signalen.", "1 more signal below, under Signals.")
                : words("Nog \(summary.morePoints) signalen hieronder, onder Signalen.", "\(summary.morePoints) more signals below, under Signals.")
            doc.paragraph(.emphasis(more))
        }
        doc.heading(3, words("Nog niet doen", "Not yet"))
        doc.list((summary.notYet.isEmpty ? [words("Niets hoeft te wachten op grond van deze screening.", "Nothing needs to wait on the strength of this screening.")] : summary.notYet).map { .init([.plain($0)]) })
        doc.heading(3, words("Sterke punten om op te bouwen", "Strengths to build on"))
        doc.list((summary.strengths.isEmpty ? [words("De screening vond geen sterke punten; vraag er in het gesprek naar.", "The screening found no strengths; ask about them in the conversation.")] : summary.strengths).map { .init([.plain($0)]) })
    }

    private func signals(_ digest: SignalDigest, result: ScreeningResult, reader: ReaderText, into doc: inout ReportDocument) {
        doc.heading(2, words("Signalen voor reflectie", "Signals for reflection"))
        defer { unmatchedWeighings(result, into: &doc) }
        if digest.groups.isEmpty {
            doc.paragraph(.plain(words("Geen signalen.", "No signals.")))
            return
        }
        doc.paragraph(.plain(words(
            "Op ernst, dan op de fase waarin de valkuil ontstaat (beeldvorming, oordeelsvorming, besluitvorming). Signalen over hetzelfde punt staan samen, met \"ook:\".",
            "By severity, then by the phase in which the pitfall arises (forming the picture, forming a judgement, deciding). Signals about the same point are merged, with \"also:\"."
        )))
        for severity in [Flag.Severity.serious, .warning, .info] {
            let groups = digest.groups(of: severity)
            guard !groups.isEmpty else { continue }
            doc.heading(3, words.severityHeading(severity) + " (\(groups.count))")
            doc.list(groups.map { signalItem($0, reader: reader) })
        }
        // Themes without information that no signal asks about (a ruleset without a gap rule).
        // Gap rules ask the theme's own question, alone or in words of their own ("… wat nog open is: {question}").
        let asked = digest.groups.flatMap(\.flags).map { $0.question[language] }
        let unasked = result.gaps.filter { gap in !asked.contains { $0.contains(gap.theme.question[language]) } }
        if !unasked.isEmpty {
            doc.heading(3, words("Ontbrekende informatie", "Missing information"))
            doc.list(unasked.map { gap in
                .init([.strong(gap.theme.label[language]), .plain(" — " + gapReason(gap, ruleset: result.ruleset))], children: [
                    .init([.emphasis(words("Vraag: ", "Ask: ")), .plain(gap.theme.question[language])]),
                ])
            })
        }
    }

    /// Weighings in the dossier whose flag the screening does not raise now, with the line of each.
    private func unmatchedWeighings(_ result: ScreeningResult, into doc: inout ReportDocument) {
        guard !result.unmatchedWeighings.isEmpty else { return }
        doc.heading(3, words("Gewogen signalen die nu niet optreden", "Weighed signals that do not fire now") + " (\(result.unmatchedWeighings.count))")
        doc.list(result.unmatchedWeighings.map { weighed in
            .init([.plain(words.line(weighed.location.line) + ": ")] + ReaderText.runs(quoting: weighedNote(weighed)))
        })
    }

    /// "[gewogen] " or "[opnieuw te wegen] " before a weighed flag's message.
    private func weighingMark(_ flag: Flag) -> [ReportDocument.Run] {
        flag.weighing.map { [.strong("[\(weighingLabel($0.state))] ")] } ?? []
    }

    private func signalItem(_ group: SignalGroup, reader: ReaderText) -> ReportDocument.ListItem {
        var children: [ReportDocument.ListItem] = []
        if let weighing = group.lead.weighing { children.append(.init(ReaderText.runs(quoting: weighingNote(weighing)))) }
        children.append(.init([.emphasis(words("Vraag: ", "Question: ")), .plain(reader.question(group.lead))]))
        for flag in group.also {
            children.append(.init([.emphasis(words("ook: ", "also: "))] + weighingMark(flag) + [.plain(reader.message(flag) + " "), .emphasis(words("Vraag: ", "Question: ")), .plain(reader.question(flag))]
                + (flag.weighing.map { [.plain(" ")] + ReaderText.runs(quoting: weighingNote($0)) } ?? [])))
        }
        if !group.alternatives.isEmpty {
            children.append(.init([.emphasis(words("Overweeg ook: ", "Also consider: "))], children: group.alternatives.map { .init(reader.runs($0)) }))
        }
        if !group.evidence.isEmpty || group.evidenceOmitted > 0 {
            var lines = group.strongest.map { ReportDocument.ListItem(evidenceRuns($0)) }
            if group.moreCount > 0 { lines.append(.init([.emphasis(moreNote(group.rest, omitted: group.evidenceOmitted))])) }
            children.append(.init([.emphasis(words("Bewijs: ", "Evidence: "))], children: lines))
        }
        return .init(weighingMark(group.lead) + [.strong("\(words.phase(group.phase)): "), .plain(reader.message(group.lead))], children: children)
    }

    private func trialAndError(_ result: ScreeningResult, into doc: inout ReportDocument) {
        doc.heading(2, words("Trial-and-error en trajecten", "Trial and error, and tracks"))
        let t = result.trialAndError
        if t.reasons.isEmpty && t.tracks.isEmpty {
            doc.paragraph(.plain(words("Niet beoordeeld.", "Not assessed.")))
            return
        }
        let reader = ReaderText(result: result, language: language)
        doc.paragraph(.strong(verdict(t)))
        doc.list(t.reasons.map { .init(reader.runs($0)) })
        let tracks = TrackDigest(t, reader: reader)
        guard !tracks.entries.isEmpty else { return }
        if !tracks.commonSafeguards.isEmpty || !tracks.commonCheckpoints.isEmpty {
            doc.heading(3, tracks.referral ? words("Voor elke verwijzing", "For every referral") : words("Voor elk traject", "For every track"))
            var items: [ReportDocument.ListItem] = []
            if !tracks.commonSafeguards.isEmpty {
                items.append(.init([.emphasis(words("Waarborgen", "Safeguards"))], children: tracks.commonSafeguards.map { .init(ReaderText.runs(quoting: $0)) }))
            }
            if !tracks.commonCheckpoints.isEmpty {
                items.append(.init([.emphasis(words("IJkpunten", "Checkpoints"))], children: tracks.commonCheckpoints.map { .init(ReaderText.runs(quoting: $0)) }))
            }
            doc.list(items)
        }
        doc.heading(3, tracks.referral ? words("Verwijzingen", "Referrals") : words("Trajecten, van meest naar minder passend", "Tracks, best fit first"))
        doc.list(tracks.entries.map { entry in
            var children: [ReportDocument.ListItem] = [.init([.emphasis(words("Waarom: ", "Why: "))] + ReaderText.runs(quoting: entry.why))]
            if !entry.safeguards.isEmpty {
                children.append(.init([.emphasis(words("Daarnaast als waarborg: ", "Also as a safeguard: "))] + ReaderText.runs(quoting: entry.safeguards.joined(separator: " "))))
            }
            if !entry.checkpoints.isEmpty {
                children.append(.init([.emphasis(words("Daarnaast als ijkpunt: ", "Also as a checkpoint: "))] + ReaderText.runs(quoting: entry.checkpoints.joined(separator: " "))))
            }
            return .init([.strong("\(entry.rank). " + entry.label)] + (entry.fitLevel.map { [.plain(" — " + $0)] } ?? []), children: children)
        })
    }

    private func schema1(_ result: ScreeningResult, into doc: inout ReportDocument) {
        doc.heading(2, words("Schema 1 — belasting en kracht per levensdomein", "Schema 1 — burden and strength per life domain"))
        let rows: [[[ReportDocument.Run]]] = result.domains.map { domain in
            guard domain.hasInformation else {
                return [[.plain(domain.domain.label[language])], [.plain(words("geen informatie", "no information"))], [.plain("–")], [.plain("–")], [.plain("–")], [.plain("")]]
            }
            return [
                [.plain(domain.domain.label[language])],
                [.strong(levelLabel(domain))],
                [.plain(ReaderText.figure(domain.supportNeed))],
                [.plain(ReaderText.figure(domain.burden))],
                [.plain(ReaderText.figure(domain.strength))],
                [.plain(level2Effect(domain))],
            ]
        }
        doc.blocks.append(.table(
            header: [words("Domein", "Domain"), words("Ondersteuningsbehoefte", "Support need"), words("Score", "Score"), words("Belastend", "Burden"), words("Kracht", "Strength"), words("Niveau 2", "Level 2")],
            rows: rows, numeric: [2, 3, 4]
        ))
        doc.paragraph(.plain(formula(result.ruleset.scoring)))
    }

    private func schema2(_ result: ScreeningResult, into doc: inout ReportDocument) {
        doc.heading(2, words("Schema 2 — ondersteuningsbehoefte en eisen aan werk", "Schema 2 — support need and work requirements"))
        doc.paragraph(.plain(words(
            "Twee vragen apart: wat het einddoel kan zijn, en welke ondersteuning nodig is om er te komen.",
            "Two questions kept apart: what the end goal can be, and what support is needed to get there."
        )))
        if let prognosis = result.dossier.fml?.prognosis { doc.paragraph(ReaderText.runs(quoting: prognosisNote(prognosis))) }
        let levels = result.ruleset.scoring
        doc.blocks.append(.table(
            header: [words("Activiteit", "Activity"), words("Behoefte", "Need"), words("Score", "Score"), words("Oordeel professional", "Professional's judgement")],
            rows: result.schema2.map { row in
                let name = (row.activity.parent == nil ? "" : "  ↳ ") + row.activity.label[language]
                let level = row.need.flatMap { levels.level(id: $0.level)?.label[language] } ?? levels.levels.first?.label[language] ?? ""
                let assessed = row.assessed.map { levels.level(id: $0.level)?.label[language] ?? $0.level } ?? "–"
                return [[.plain(name)], [.strong(level)], [.plain(ReaderText.figure(row.score))], [.plain(assessed)]]
            },
            numeric: [2]
        ))
        for row in result.schema2 where row.need != nil || row.assessed != nil || !row.fml.isEmpty {
            var children: [ReportDocument.ListItem] = []
            if let need = row.need {
                children.append(.init([.emphasis(words("Ondersteuning: ", "Support: ")), .plain(need.support[language])]))
                children.append(.init([.emphasis(words("Eisen aan werk: ", "Work requirements: ")), .plain(need.workRequirement[language])]))
            }
            if !row.fml.isEmpty {
                children.append(.init([.emphasis(words("Eisen uit de FML: ", "Requirements from the FML: "))] + ReaderText.runs(quoting: row.fml.map(fmlRequirement).joined(separator: "; "))))
            }
            if !row.contributions.isEmpty {
                children.append(.init([.emphasis(words("Afgeleid uit: ", "Derived from: ")), .plain(row.contributions.map(derivation).joined(separator: "; "))]))
            }
            if let assessed = row.assessed {
                children.append(.init([.emphasis(words("Professional: ", "Professional: "))] + assessedNote(assessed, result: result)))
            }
            doc.list([.init([.strong(row.activity.label[language])], children: children)])
        }
    }

    private func evidencePerDomain(_ result: ScreeningResult, into doc: inout ReportDocument) {
        doc.heading(2, words("Onderbouwing per domein", "Evidence per domain"))
        doc.paragraph(.plain(words(
            "Per indicator de drie sterkste waarnemingen; de rest staat gemarkeerd in de geannoteerde tekst.",
            "Per indicator the three strongest observations; the rest is marked in the annotated narrative."
        )))
        for domain in result.domains where domain.hasInformation {
            var items: [ReportDocument.ListItem] = []
            for contribution in domain.burdens + domain.strengths {
                let role = words.role(contribution.indicator.polarity ?? .burden)
                items.append(.init([.strong(contribution.indicator.label[language]), .plain(" — \(role)")], children: evidenceItems(contribution.facts, ruleset: result.ruleset)))
            }
            for modifier in domain.modifiers where modifier.facts.contains(where: { $0.domain == domain.domain.id }) {
                let dimension = result.ruleset.dimension(id: modifier.dimension)?.label[language] ?? modifier.dimension
                let effect = modifier.factor > 1 ? words("verhoogt de behoefte", "raises the need") : words("verlaagt de behoefte", "lowers the need")
                items.append(.init(
                    [.strong(modifier.indicator.label[language]), .plain(" — " + words("niveau 2", "level 2") + " (\(dimension.lowercasedFirst)), " + effect + (modifier.extraRisk ? words(", extra risico", ", extra risk") : ""))],
                    children: evidenceItems(modifier.facts, ruleset: result.ruleset)
                ))
            }
            let elsewhere = domain.modifiers.filter { modifier in !modifier.facts.contains { $0.domain == domain.domain.id } }
            if !elsewhere.isEmpty {
                items.append(.init([.emphasis(words("Niveau 2 van elders in het dossier: ", "Level 2 from elsewhere in the dossier: ")), .plain(elsewhere.map { $0.indicator.label[language] }.joined(separator: ", "))]))
            }
            if !domain.uncounted.isEmpty {
                items.append(.init([.emphasis(words("Niet meegeteld", "Not counted"))], children: evidenceItems(domain.uncounted, ruleset: result.ruleset)))
            }
            let sources = domain.sourceKinds.map { sourceName($0, ruleset: result.ruleset) }.joined(separator: ", ")
            doc.paragraph(
                .strong(domain.domain.label[language]),
                .plain(" — " + words("behoefte ", "need ") + levelLabel(domain) + "; " + words("bronnen: ", "sources: ") + (sources.isEmpty ? "–" : sources))
            )
            if items.isEmpty {
                doc.paragraph(.plain(words("Wel informatie, geen indicatoren gevonden.", "Information present, no indicators found.")))
            }
            doc.list(items)
        }
    }

    /// Facts as evidence lines: repeats folded, the strongest three, then how many more.
    func evidenceItems(_ facts: [Fact], ruleset: Ruleset) -> [ReportDocument.ListItem] {
        let folded = strongestFacts(facts)
        var items = folded.prefix(SignalGroup.shownEvidence).map { factItem($0, ruleset: ruleset) }
        if folded.count > SignalGroup.shownEvidence {
            items.append(.init([.emphasis(words.more(folded.count - SignalGroup.shownEvidence) + words(" (gemarkeerd in de geannoteerde tekst)", " (marked in the annotated narrative)"))]))
        }
        return items
    }

    /// Facts folded by repeat, strongest first: counted in full before in part before not at all, structured
    /// findings before narrative hits, then dossier order.
    public func strongestFacts(_ facts: [Fact]) -> [Repeated<Fact>] {
        foldRepeats(facts, by: \.repeatKey).enumerated().sorted { a, b in
            let (fa, fb) = (a.element.item, b.element.item)
            if fa.countFactor != fb.countFactor { return fa.countFactor > fb.countFactor }
            if fa.isNarrative != fb.isNarrative { return !fa.isNarrative }
            return a.offset < b.offset
        }.map(\.element)
    }

    private func factItem(_ repeated: Repeated<Fact>, ruleset: Ruleset) -> ReportDocument.ListItem {
        let fact = repeated.item
        let quote = ReaderText.excerpt(fact.quote)
        return .init([
            .plain(words.line(fact.location.line) + " “"), fact.present ? .quoted(quote) : .struck(quote),
            .plain("”" + timesNote(repeated.occurrences) + " (" + factNotes(fact, ruleset: ruleset) + ")"),
        ])
    }

    private func narrative(_ result: ScreeningResult, into doc: inout ReportDocument) {
        guard !result.dossier.screenedTexts.isEmpty else { return }
        doc.heading(2, words("Geannoteerde tekst", "Annotated narrative"))
        doc.paragraph(.plain(words(
            "Gevonden termen staan tussen [ ] met de indicator en hun context: ontkend, verleden, opgelost, hypothetisch, mogelijk, ander persoon, bewering cliënt.",
            "Terms found are shown in [ ] with their indicator and context: negated, historical, resolved, hypothetical, possible, other person, client's claim."
        )))
        let byElement = result.narrativeFactsByElement()
        for narrative in result.dossier.screenedTexts {
            let source = result.dossier.source(id: narrative.source)?.role ?? ""
            var runs: [ReportDocument.Run] = [.strong(words.line(narrative.location.line))]
            if let domain = result.ruleset.domain(id: narrative.domain)?.label[language] {
                runs.append(.plain(" — \(domain), "))
            } else {
                let unassigned = words.unassignedText(narrative.id, in: result.dossier)
                runs.append(.plain(" — \(unassigned.label)"))
                if let heading = unassigned.heading { runs += [.plain(" (\(words.headingWord) “"), .quoted(heading), .plain("”)")] }
                runs.append(.plain(", "))
            }
            doc.paragraph(runs + [.quoted(source)])
            doc.paragraph(annotated(narrative, facts: byElement.facts[narrative.id] ?? [], ruleset: result.ruleset))
            for note in byElement.cutSentences[narrative.id] ?? [] {
                doc.paragraph(.emphasis(words("Let op: ", "Note: ")), .plain(cutSentenceNote(note)))
            }
        }
    }

    /// The narrative with each hit marked inline; overlapping hits are marked at the first one.
    private func annotated(_ narrative: Narrative, facts: [Fact], ruleset: Ruleset) -> [ReportDocument.Run] {
        narrativeSegments(narrative, facts: facts).flatMap { segment -> [ReportDocument.Run] in
            guard let fact = segment.fact else { return [.quoted(segment.text)] }
            let properties = words.properties(of: fact)
            let label = ruleset.indicator(id: fact.indicator)?.label[language] ?? fact.indicator
            return [.plain("["), fact.present ? .quoted(segment.text) : .struck(segment.text), .plain(" → " + ([label] + properties).joined(separator: "; ") + "]")]
        }
    }
}
