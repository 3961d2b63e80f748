import TotaalbeeldModel

/// Screens for a controlled trial-and-error track and recommends tracks with safeguards (seed 004, recommendation 2).
///
/// Indicated only when the picture is uncertain *and* the problems are multiple *and* nothing contraindicates it;
/// a contraindication recommends referral first. Every outcome, including "not indicated", carries its reasons with
/// the numbers and thresholds behind them. Thresholds, weights, contraindications and stop criteria are ruleset data.
struct TrialAndErrorScreener: Sendable {
    let ruleset: Ruleset
    let rules: TrialAndErrorRules
    let catalogue: TrackCatalogue?
    /// Evaluates the conditions of the work capacities.
    let engine: RuleEngine

    func screen(_ input: RuleInput, flags: [Flag]) -> TrialAndErrorResult {
        let levels = ruleset.scoring.levels.map(\.id)
        let burdenRank = levels.firstIndex(of: rules.burdenLevel) ?? 0

        // 1. How uncertain is the picture?
        var uncertainty = 0.0
        var tally: [String: (count: Int, label: LocalizedText)] = [:]
        var weighed: [String: Int] = [:]
        for flag in flags {
            guard let weight = weight(of: flag) else { continue }
            // A flag the professional has weighed, on the evidence it still rests on, no longer makes the picture uncertain.
            if flag.isWeighed {
                weighed[flag.rule, default: 0] += 1
                continue
            }
            uncertainty += weight
            let key = flag.rule
            tally[key] = ((tally[key]?.count ?? 0) + 1, LocalizedText(nl: flag.rule, en: flag.rule))
        }
        // What the professional records as open is uncertainty too: the picture is not complete, in her own words.
        for weight in rules.uncertainty {
            guard let verdict = weight.weighed else { continue }
            let open = (input.dossier.assessment?.weighed ?? []).filter { $0.verdict == verdict }
            guard !open.isEmpty else { continue }
            uncertainty += weight.weight * Double(open.count)
            let key = "weighed " + verdict.rawValue
            tally[key] = ((tally[key]?.count ?? 0) + open.count, LocalizedText(nl: key, en: key))
        }
        let tallyText = tally.keys.sorted().map { "\(tally[$0]!.count)× \($0)" }.joined(separator: ", ")
        let weighedText = weighed.keys.sorted().map { "\(weighed[$0]!)× \($0)" }.joined(separator: ", ")
        let uncertain = uncertainty >= rules.uncertaintyMin

        // 2. Are the problems multiple?
        let burdened = input.domains.filter { (levels.firstIndex(of: $0.supportNeedLevel?.id ?? "") ?? -1) >= burdenRank }
        let multiple = burdened.count >= rules.minBurdenedDomains
        let burdenedNames = LocalizedText(nl: burdened.map(\.domain.label.nl).joined(separator: ", "), en: burdened.map { $0.domain.label[.en] }.joined(separator: ", "))

        // 3. Does anything contraindicate it?
        let found = contraindications(in: input)

        var reasons: [LocalizedText] = [
            LocalizedText(
                nl: "Onzekerheid in het beeld: \(decimal(uncertainty)) (drempel \(decimal(rules.uncertaintyMin)))" + (tallyText.isEmpty ? "" : " — \(tallyText)")
                    + (weighedText.isEmpty ? "" : "; gewogen en niet meegeteld: \(weighedText)") + ".",
                en: "Uncertainty in the picture: \(decimal(uncertainty)) (threshold \(decimal(rules.uncertaintyMin)))" + (tallyText.isEmpty ? "" : " — \(tallyText)")
                    + (weighedText.isEmpty ? "" : "; weighed and not counted: \(weighedText)") + "."
            ),
            LocalizedText(
                nl: "Belaste domeinen met ondersteuningsbehoefte ≥ \(rules.burdenLevel): \(burdened.count) (drempel \(rules.minBurdenedDomains))" + (burdened.isEmpty ? "." : ": \(burdenedNames.nl)."),
                en: "Burdened domains with support need ≥ \(rules.burdenLevel): \(burdened.count) (threshold \(rules.minBurdenedDomains))" + (burdened.isEmpty ? "." : ": \(burdenedNames[.en]).")
            ),
        ]
        if found.isEmpty {
            let checked = rules.contraindications.map(\.label)
            reasons.append(LocalizedText(
                nl: "Geen contra-indicatie gevonden (nagegaan: \(checked.map(\.nl).joined(separator: ", "))).",
                en: "No contraindication found (checked: \(checked.map { $0[.en] }.joined(separator: ", ")))."
            ))
        }
        for (contraindication, facts) in found {
            let facts = foldRepeats(facts, by: \.repeatKey).map(\.item)
            let where_ = facts.prefix(3).map { "\($0.elementID) r.\($0.location.line) “\($0.quote)”" }.joined(separator: "; ")
            let whereEN = facts.prefix(3).map { "\($0.elementID) l.\($0.location.line) “\($0.quote)”" }.joined(separator: "; ")
            let referral = contraindication.referral.compactMap { catalogue?.track(id: $0)?.label }
            reasons.append(LocalizedText(
                nl: "Contra-indicatie: \(contraindication.label.nl) (\(where_)). Eerst beoordelen of behandelen" + (referral.isEmpty ? "" : ": \(referral.map(\.nl).joined(separator: ", "))") + ".",
                en: "Contraindication: \(contraindication.label[.en]) (\(whereEN)). Assess or treat first" + (referral.isEmpty ? "" : ": \(referral.map { $0[.en] }.joined(separator: ", "))") + "."
            ))
        }

        let indicated = uncertain && multiple && found.isEmpty
        reasons.append(verdict(indicated: indicated, uncertain: uncertain, multiple: multiple, contraindicated: !found.isEmpty))

        let tracks: [TrackRecommendation]
        if !found.isEmpty {
            tracks = referrals(for: found, input: input)
        } else if indicated {
            tracks = recommendations(input: input, flags: flags)
        } else {
            tracks = []
        }
        return TrialAndErrorResult(indicated: indicated, reasons: reasons, tracks: tracks, contraindications: found.map(\.0.id))
    }

    private func weight(of flag: Flag) -> Double? {
        rules.uncertainty.first { $0.rule == flag.rule }?.weight ?? rules.uncertainty.first { $0.rule == nil && $0.kind == flag.kind.rawValue }?.weight
    }

    private func verdict(indicated: Bool, uncertain: Bool, multiple: Bool, contraindicated: Bool) -> LocalizedText {
        if indicated {
            return LocalizedText(
                nl: "Geïndiceerd: het totaalbeeld is onvolledig of onzeker én de problematiek is meervoudig, zonder contra-indicatie. Beweging is verantwoord mits met waarborgen.",
                en: "Indicated: the total picture is incomplete or uncertain and the problems are multiple, without contraindication. Movement is justified with safeguards."
            )
        }
        if contraindicated {
            return LocalizedText(nl: "Niet geïndiceerd: eerst verwijzen; het advies kan pas na die beoordeling worden afgerond.", en: "Not indicated: refer first; the advice can only be finalised after that assessment.")
        }
        if !uncertain {
            return LocalizedText(nl: "Niet geïndiceerd: het beeld is helder en consistent genoeg voor een regulier advies.", en: "Not indicated: the picture is clear and consistent enough for ordinary advice.")
        }
        return LocalizedText(nl: "Niet geïndiceerd: de problematiek is niet meervoudig; een regulier traject met aandacht voor de open vragen volstaat.", en: "Not indicated: the problems are not multiple; an ordinary track attending to the open questions suffices.")
    }

    private func contraindications(in input: RuleInput) -> [(TrialAndErrorRules.Contraindication, [Fact])] {
        let dossier = input.dossier
        // A concern weighed and not accepted — rejected, or kept open as a checkpoint ("neem ik mee als ijkpunt en niet als
        // drempel") — is settled when the weighing rests on a qualified source's assessment: the risk has been assessed,
        // which is what the referral would have asked for. An accepted concern still comes first.
        let notAccepted = (dossier.assessment?.weighed ?? []).filter { $0.verdict != .accepted }
        return rules.contraindications.compactMap { contraindication in
            // Weighings resting on an assessment by a source of the kinds that can settle this concern.
            let settling = contraindication.assessedBy.isEmpty ? [] : notAccepted.filter { weighed in
                weighed.cites.contains { input.sourceKind(of: $0).map(contraindication.assessedBy.contains) ?? false }
            }
            let facts = input.facts.filter { fact in
                guard contraindication.indicators.contains(fact.indicator) else { return false }
                if settling.contains(where: { $0.of.contains(fact.elementID) || $0.indicator == fact.indicator }) { return false }
                // A contraindication is the client's own: a relative's addiction blocks no track of his.
                return contraindication.status.admits(fact, aboutOthersCounts: false)
            }
            return facts.isEmpty ? nil : (contraindication, facts)
        }
    }

    // MARK: Tracks

    private func referrals(for found: [(TrialAndErrorRules.Contraindication, [Fact])], input: RuleInput) -> [TrackRecommendation] {
        var seen = Set<String>()
        return found.flatMap { contraindication, facts in
            contraindication.referral.compactMap { id -> TrackRecommendation? in
                guard seen.insert(id).inserted, let track = catalogue?.track(id: id), !track.parked else { return nil }
                return TrackRecommendation(
                    id: track.id, label: track.label, fit: 1,
                    why: [LocalizedText(nl: "Verwijzing vanwege: \(contraindication.label.nl).", en: "Referral because of: \(contraindication.label[.en]).")],
                    safeguards: [LocalizedText(nl: "Geen re-integratietraject starten voordat deze beoordeling er is.", en: "Start no reintegration track before this assessment is available.")],
                    checkpoints: foldRepeats(facts, by: \.repeatKey).prefix(4).map(\.item).map { LocalizedText(nl: "Te beoordelen: \($0.elementID) r.\($0.location.line) “\($0.quote)”", en: "To assess: \($0.elementID) l.\($0.location.line) “\($0.quote)”") }
                )
            }
        }
    }

    private func recommendations(input: RuleInput, flags: [Flag]) -> [TrackRecommendation] {
        guard let catalogue else { return [] }
        let present = Dictionary(grouping: input.facts.filter(\.counts), by: \.indicator)
        let activityScores = Dictionary(uniqueKeysWithValues: input.schema2.filter { $0.need != nil }.map { ($0.activity.id, $0) })
        let highest = input.domains.compactMap(\.supportNeedLevel?.id).max { rank($0) < rank($1) }
        // A track made for clients without work capacity is no option for one who has it.
        let capacities = Set(rules.capacities.filter { engine.holdsAll($0.conditions, input: input) }.map(\.id))
        let wishes = input.dossier.wishes.filter { ruleset.sourceKind(id: input.dossier.source(id: $0.source)?.kind ?? "")?.isSelfReport == true }

        let candidates = catalogue.tracks.filter { $0.trial && !$0.parked && !$0.referralOnly && capacities.isDisjoint(with: $0.notFor) }
        let scored: [(track: Track, fit: Double, why: [LocalizedText])] = candidates.map { track in
            var fit = 0.0
            var why: [LocalizedText] = []
            if track.testsWish, let wish = wishes.first, rules.wishWeight > 0 {
                fit += rules.wishWeight
                why.append(LocalizedText(nl: "Toetst de eigen wens in de praktijk: “\(wish.text)”", en: "Tests the client's own wish in practice: “\(wish.text)”"))
            }
            for id in track.indicators {
                guard let facts = present[id], let indicator = ruleset.indicator(id: id) else { continue }
                fit += weight(of: indicator) * (facts.map(\.countFactor).max() ?? 0)
                why.append(LocalizedText(nl: "Werkt aan: \(indicator.label.nl) (\(facts[0].elementID))", en: "Works on: \(indicator.label[.en]) (\(facts[0].elementID))"))
            }
            for flag in flags where track.questions.contains(flag.rule) {
                fit += weight(of: flag) ?? 1
                why.append(LocalizedText(nl: "Beantwoordt in de praktijk: \(flag.message.nl)", en: "Answers in practice: \(flag.message[.en])"))
            }
            for id in track.activities {
                guard let row = activityScores[id] else { continue }
                fit += row.score / 2
                why.append(LocalizedText(nl: "Ondersteunt: \(row.activity.label.nl) (behoefte \(row.need?.level ?? ""))", en: "Supports: \(row.activity.label[.en]) (need \(row.need?.level ?? ""))"))
            }
            fit *= intensityMatch(track.intensity, highest: highest)
            return (track, fit, why)
        }
        let best = scored.map(\.fit).max() ?? 0
        guard best > 0 else { return [] }
        // Several alternatives, across Fenger track types first, then by fit.
        let ranked = scored.filter { $0.fit > 0 }.sorted { ($0.fit, $1.track.id) > ($1.fit, $0.track.id) }
        var chosen: [(track: Track, fit: Double, why: [LocalizedText])] = []
        for type in [Track.Fenger.lifeFirst, .humanCapitalFirst, .workFirst] {
            if let first = ranked.first(where: { $0.track.fenger == type }) { chosen.append(first) }
        }
        // The client's own wish, tried out in practice, is always among the options (seed 003: the track
        // connects to the client's perspective; seed 004: let him experience what the wish asks).
        if !wishes.isEmpty, let own = ranked.first(where: { $0.track.testsWish }), !chosen.contains(where: { $0.track.id == own.track.id }) {
            chosen.append(own)
        }
        for candidate in ranked where chosen.count < rules.alternatives && !chosen.contains(where: { $0.track.id == candidate.track.id }) {
            chosen.append(candidate)
        }
        chosen.sort { ($0.fit, $1.track.id) > ($1.fit, $0.track.id) }

        let shared = sharedSafeguards(input: input, flags: flags, presentIndicators: Set(present.keys))
        return chosen.prefix(max(rules.alternatives, 3)).map { candidate in
            var why = candidate.why
            for prerequisite in candidate.track.after where prerequisite.when.contains(where: { present[$0] != nil }) {
                let first = catalogue.track(id: prerequisite.track)?.label ?? LocalizedText(nl: prerequisite.track, en: prerequisite.track)
                let because = prerequisite.when.compactMap { present[$0] != nil ? ruleset.indicator(id: $0)?.label : nil }
                why.insert(LocalizedText(nl: "Eerst: \(first.nl), vanwege \(because.map(\.nl).joined(separator: ", ")).", en: "First: \(first[.en]), because of \(because.map { $0[.en] }.joined(separator: ", ")).") , at: 0)
            }
            return TrackRecommendation(
                id: candidate.track.id, label: candidate.track.label, fit: best > 0 ? candidate.fit / best : 0, why: why,
                safeguards: shared.safeguards, checkpoints: shared.checkpoints
            )
        }
    }

    /// Safeguards and checkpoints that follow from this client's flags and vulnerabilities.
    private func sharedSafeguards(input: RuleInput, flags: [Flag], presentIndicators: Set<String>) -> (safeguards: [LocalizedText], checkpoints: [LocalizedText]) {
        let extraRisks = Set(input.domains.flatMap(\.modifiers).filter(\.extraRisk).map(\.indicator))
        let listed = rules.vulnerabilities.filter(presentIndicators.contains).compactMap { ruleset.indicator(id: $0) }
        let vulnerabilities = (Array(extraRisks) + listed).reduce(into: [Indicator]()) { list, indicator in
            if !list.contains(where: { $0.id == indicator.id }) { list.append(indicator) }
        }.sorted { $0.id < $1.id }
        let high = input.domains.contains { rank($0.supportNeedLevel?.id) >= rank("hoog") }
        var weeks = rules.reviewBaseWeeks
        for _ in vulnerabilities { weeks = max(rules.reviewMinWeeks, weeks / 2) }
        let small = !vulnerabilities.isEmpty || high
        var safeguards: [LocalizedText] = [
            small ? LocalizedText(nl: "Kleine stappen: één haalbare taak tegelijk, eerst succeservaringen, dan uitbreiden.", en: "Small steps: one feasible task at a time, success experiences first, then expand.")
                  : LocalizedText(nl: "Geleidelijke opbouw in overleg met de cliënt.", en: "Gradual build-up agreed with the client."),
            LocalizedText(nl: "Evaluatiemoment met de cliënt \(weeks == 1 ? "elke week" : "elke \(weeks) weken") (vaker naarmate er meer kwetsbaarheden zijn: \(vulnerabilities.count)).", en: "Review with the client \(weeks == 1 ? "every week" : "every \(weeks) weeks") (more often with more vulnerabilities: \(vulnerabilities.count))."),
            LocalizedText(nl: "Blijf dichtbij (\"één stap achter de cliënt\"); stel het doel pas vast na de eerste ijkpunten.", en: "Stay close (\"one step behind the client\"); fix the goal only after the first checkpoints."),
        ]
        safeguards += rules.stopCriteria.filter { $0.when.isEmpty || $0.when.contains(where: presentIndicators.contains) }.map {
            LocalizedText(nl: "Stop of stel bij: " + $0.text.nl, en: "Stop or adjust: " + $0.text[.en])
        }
        var checkpoints: [LocalizedText] = input.dossier.wishes.map {
            LocalizedText(nl: "Toets of de wens reëel is en gedragen: “\($0.text)”", en: "Test whether the wish is realistic and his own: “\($0.text)”")
        }
        checkpoints += flags.filter { $0.kind == .inconsistency }.map {
            LocalizedText(nl: "Onzekerheid om te toetsen: \($0.question.nl)", en: "Uncertainty to test: \($0.question[.en])")
        }
        // What Schema 2 says this client needs support in is what each step should test.
        checkpoints += input.schema2.filter { rank($0.need?.level) >= rank("matig") }.map { row in
            LocalizedText(nl: "IJkpunt \(row.activity.label.nl): \(row.need?.support.nl ?? "")", en: "Checkpoint \(row.activity.label[.en]): \(row.need?.support[.en] ?? "")")
        }
        checkpoints += vulnerabilities.map {
            LocalizedText(nl: "Kwetsbaarheid om te bewaken: \($0.label.nl)", en: "Vulnerability to watch: \($0.label[.en])")
        }
        if let prognosis = input.dossier.fml?.prognosis, prognosis.expectation == .improve || prognosis.expectation == .worsen {
            checkpoints.append(LocalizedText(
                nl: "De FML verwacht dat de belastbaarheid \(prognosis.expectation == .improve ? "verbetert" : "afneemt"): stem de opbouw daarop af en laat haar opnieuw beoordelen (“\(prognosis.text)”)",
                en: "The FML expects the load capacity to \(prognosis.expectation == .improve ? "improve" : "decline"): pace the build-up to it and have it reassessed (“\(prognosis.text)”)"
            ))
        }
        return (safeguards, checkpoints)
    }

    private func weight(of indicator: Indicator) -> Double {
        switch indicator.role {
        case .level1(_, let weight): weight
        case .modifier: 2
        case .signal: 1
        }
    }

    private func intensityMatch(_ intensity: Track.Intensity, highest: String?) -> Double {
        switch (rank(highest) >= rank("hoog"), intensity) {
        case (true, .light): 0.6
        case (false, .intensive): 0.8
        default: 1
        }
    }

    private func rank(_ level: String?) -> Int {
        guard let level else { return -1 }
        return ruleset.scoring.levels.firstIndex { $0.id == level } ?? -1
    }
}
