import TotaalbeeldModel

/// Scores a dossier against a ruleset: Schema 1 per domain, coverage of the gespreksmodel, Schema 2.
///
/// Pure and deterministic: the same dossier and ruleset always give the same result, in the same order.
/// ```swift
/// let evaluator = Evaluator(ruleset: ruleset)          // build once, share across threads
/// let result = evaluator.screen(dossier)
/// result.domains.map { ($0.domain.id, $0.supportNeed) }
/// ```
public struct Evaluator: Sendable {
    public let ruleset: Ruleset
    public let extractor: FactExtractor
    private let rules: RuleEngine
    private let screener: TrialAndErrorScreener?
    private let fmlReader: FMLReader
    private let indicatorTable: IndicatorTable

    /// - Parameter catalogue: the tracks to recommend from; without it the screening still says whether
    ///   a trial-and-error track is indicated and why, but names no tracks.
    public init(ruleset: Ruleset, catalogue: TrackCatalogue? = nil, extractor: FactExtractor? = nil) {
        self.ruleset = ruleset
        self.extractor = extractor ?? FactExtractor(ruleset: ruleset)
        // One rule engine for the flags and the trial-and-error screening: it is immutable, so building a second
        // one (its templates and readings analyzer) would repeat the same work.
        let rules = RuleEngine(ruleset: ruleset)
        self.rules = rules
        self.screener = ruleset.trialAndError.map { TrialAndErrorScreener(ruleset: ruleset, rules: $0, catalogue: catalogue, engine: rules) }
        self.fmlReader = FMLReader(ruleset: ruleset)
        self.indicatorTable = IndicatorTable(ruleset)
    }

    public func screen(_ dossier: Dossier) -> ScreeningResult {
        let (facts, cutSentences) = extractor.reading(of: dossier)
        // Indexed once; Schema 1, Schema 2 and the rules all read it.
        let index = FactIndex(facts, ruleset: ruleset)
        let gaps = findGaps(facts: facts, dossier: dossier)
        let domains = scoreDomains(facts: facts, index: index, dossier: dossier, gaps: gaps)
        let fmlLimitations = fmlReader.limitationsByActivity(dossier.fml)
        let schema2 = deriveSchema2(facts: facts, index: index, dossier: dossier, fmlLimitations: fmlLimitations)
        let input = RuleInput(
            dossier: dossier, facts: facts, index: index, assessmentFacts: extractor.assessmentFacts(in: dossier),
            domains: domains, gaps: gaps, schema2: schema2, ruleset: ruleset, fmlReader: fmlReader, fmlLimitations: fmlLimitations
        )
        let (flags, unmatched) = FlagWeighing.apply(dossier.assessment?.weighedFlags ?? [], to: rules.flags(for: input))
        return ScreeningResult(
            dossier: dossier, ruleset: ruleset, facts: facts, domains: domains, gaps: gaps, schema2: schema2,
            flags: flags, trialAndError: screener?.screen(input, flags: flags) ?? .notScreened, cutSentences: cutSentences,
            unmatchedWeighings: unmatched
        )
    }

    // MARK: Schema 1

    private func scoreDomains(facts allFacts: [Fact], index: FactIndex, dossier: Dossier, gaps: [Gap]) -> [DomainResult] {
        let scoring = ruleset.scoring
        // A domain none of whose themes the dossier covers is known only from words in passing elsewhere:
        // they raise the theme's question (the gap) rather than score the domain.
        let uncovered = Set(gaps.filter { $0.missingSourceKind == nil }.map(\.theme.id))
        let incidental = Set(ruleset.domains.map(\.id).filter { domain in
            let themes = ruleset.themes.filter { $0.domain == domain }
            return !themes.isEmpty && themes.allSatisfy { uncovered.contains($0.id) }
        })
        // Text under a heading that names no theme (an imported journal, a physician's examination) is no word in
        // passing in another theme's text: its facts count, while the themes stay open until it is filed.
        let unassigned = Set(dossier.unassigned.map(\.id))
        // The same facts in the same order (only their count factors change), so `index` holds for them too.
        let facts = scoring.incidentalFactor == 1 ? allFacts : allFacts.map { fact in
            guard incidental.contains(fact.domain), fact.counts, !unassigned.contains(fact.elementID) else { return fact }
            var fact = fact
            fact.countFactor *= scoring.incidentalFactor
            fact.countReason = LocalizedText(
                nl: fact.countReason.nl + ", terloops genoemd; het thema zelf is niet besproken (×\(decimal(scoring.incidentalFactor)))",
                en: fact.countReason[.en] + ", mentioned in passing; the theme itself was not discussed (×\(decimal(scoring.incidentalFactor)))"
            )
            return fact
        }
        func role(_ fact: Int) -> IndicatorRole? { index.indicators[fact].map { ruleset.indicators[$0].role } }
        // Modifiers with scope "all" reach every domain, so collect them first.
        let globalModifiers = modifiers(in: facts.indices.filter { fact in
            if case .modifier(_, _, .all, _) = role(fact) { return true }
            return false
        }, facts: facts, index: index)
        // Indexed once per dossier instead of filtered per domain (each list keeps the facts' order).
        var factsByDomain: [String: [Int]] = [:]
        for (position, fact) in facts.enumerated() { factsByDomain[fact.domain, default: []].append(position) }
        let wishDomains = Set(ruleset.themes.filter(\.coveredByWish).map(\.domain))
        return ruleset.domains.map { domain in
            let inDomain = factsByDomain[domain.id] ?? []
            let burdens = contributions(of: .burden, in: inDomain, facts: facts, index: index)
            let strengths = contributions(of: .strength, in: inDomain, facts: facts, index: index)
            let burden = burdens.reduce(0) { $0 + $1.contribution.effectiveWeight }
            let strength = strengths.reduce(0) { $0 + $1.contribution.effectiveWeight }
            let localModifiers = modifiers(in: inDomain.filter { fact in
                if case .modifier(_, _, .domain, _) = role(fact) { return true }
                return false
            }, facts: facts, index: index)
            // A modifier modulates an existing burden; it does not create one. Schema 1 has one level-2 cell per
            // dimension, so per dimension only the strongest modifier applies: two phrasings of poor insight do not stack.
            let applied = burden > 0 ? strongestPerDimension(localModifiers + globalModifiers) : []
            let base = max(0, burden - scoring.strengthOffset * strength)
            let need = min(scoring.supportNeedMax, applied.reduce(base) { $0 * $1.modifier.factor })
            let narrativeHere = dossier.narratives.contains { $0.domain == domain.id } || (wishDomains.contains(domain.id) && !dossier.wishes.isEmpty)
            let kinds = Set(inDomain.map { facts[$0].sourceKind } + dossier.narratives.filter { $0.domain == domain.id }.compactMap { dossier.source(id: $0.source)?.kind })
            // A fact counts in a contribution or modifier exactly when its indicator has one: each lists every
            // observation of its indicator (the domain's, or all of them for a global modifier).
            let countedIndicators = burdens.map(\.position) + strengths.map(\.position) + (localModifiers + globalModifiers).map(\.position)
            return DomainResult(
                domain: domain, burden: burden, strength: strength, supportNeed: need,
                supportNeedLevel: scoring.level(for: need), burdens: burdens.map(\.contribution), strengths: strengths.map(\.contribution),
                modifiers: applied.map(\.modifier),
                // Signals never count: listing them as "not counted" would suggest they could. A fact of an indicator
                // the ruleset does not define is in no contribution and no signal.
                uncounted: inDomain.filter { fact in
                    guard !facts[fact].counts else { return false }
                    guard let indicator = index.indicators[fact] else { return true }
                    return !countedIndicators.contains(indicator) && ruleset.indicators[indicator].role != .signal
                }.map { facts[$0] },
                hasInformation: narrativeHere || !inDomain.isEmpty, sourceKinds: kinds.sorted()
            )
        }
    }

    /// One contribution per indicator: observations of the same thing do not add up.
    private func contributions(of polarity: Polarity, in positions: [Int], facts: [Fact], index: FactIndex) -> [(contribution: IndicatorContribution, position: Int)] {
        indicatorTable.grouped(positions, index: index).compactMap { position, group in
            let indicator = ruleset.indicators[position]
            guard case .level1(polarity, let weight) = indicator.role else { return nil }
            let observations = group.map { facts[$0] }
            let strongest = observations.map(\.countFactor).max() ?? 0
            guard strongest > 0 else { return nil }
            return (IndicatorContribution(indicator: indicator, weight: weight, effectiveWeight: weight * strongest, facts: observations.sorted(by: factOrder)), position)
        }
    }

    private func strongestPerDimension(_ modifiers: [(modifier: AppliedModifier, position: Int)]) -> [(modifier: AppliedModifier, position: Int)] {
        let byDimension = Dictionary(grouping: modifiers, by: \.modifier.dimension)
        return byDimension.keys.sorted().compactMap { dimension in
            byDimension[dimension]?.min { a, b in
                let (da, db) = (abs(a.modifier.factor - 1), abs(b.modifier.factor - 1))
                return da != db ? da > db : a.modifier.indicator.id < b.modifier.indicator.id
            }
        }
    }

    private func modifiers(in positions: [Int], facts: [Fact], index: FactIndex) -> [(modifier: AppliedModifier, position: Int)] {
        indicatorTable.grouped(positions, index: index).compactMap { position, group in
            let indicator = ruleset.indicators[position]
            guard case .modifier(let dimension, let factor, _, let extraRisk) = indicator.role else { return nil }
            let observations = group.map { facts[$0] }
            let strongest = observations.map(\.countFactor).max() ?? 0
            guard strongest > 0 else { return nil }
            // A partly counted observation (historical) moves the factor only partly away from 1.
            let applied = 1 + (factor - 1) * strongest
            return (AppliedModifier(indicator: indicator, dimension: dimension, factor: applied, extraRisk: extraRisk, facts: observations.sorted(by: factOrder)), position)
        }
    }

    // MARK: Coverage

    private func findGaps(facts: [Fact], dossier: Dossier) -> [Gap] {
        let unassigned = Set(dossier.unassigned.map(\.id))
        return ruleset.themes.compactMap { theme in
            // Elements that speak to this theme: its own narratives (also those filed under another theme their heading
            // named first), untagged narratives and findings of its domain.
            let narratives = dossier.narratives.filter { $0.theme == theme.id || $0.alsoThemes.contains(theme.id) || ($0.theme == nil && $0.domain == theme.domain) }
            let findings = dossier.findings.filter { $0.domain == theme.domain }
            let wishes = theme.coveredByWish ? dossier.wishes.map(\.source) : []
            var kinds = (narratives.map(\.source) + findings.map(\.source) + wishes).compactMap { dossier.source(id: $0)?.kind }
            // The benefit ground states the reason for the work disability.
            if theme.coveredByBenefitGround, dossier.disability != nil { kinds.append(ruleset.sourceKinds.first { $0.id == "document" }?.id ?? "document") }
            if kinds.isEmpty {
                // Text under no theme's heading that speaks to the theme's domain (from the kind of source it requires).
                let unfiled = unassigned.isEmpty ? [] : facts.filter { fact in
                    fact.domain == theme.domain && unassigned.contains(fact.elementID) && (theme.requiredSourceKind.map { $0 == fact.sourceKind } ?? true)
                }
                return Gap(theme: theme, missingSourceKind: nil, unfiled: unfiled)
            }
            if let required = theme.requiredSourceKind, !kinds.contains(required) {
                return Gap(theme: theme, missingSourceKind: required)
            }
            return nil
        }
    }

    // MARK: Schema 2

    private func deriveSchema2(facts: [Fact], index: FactIndex, dossier: Dossier, fmlLimitations: [String: [FML.Limitation]]) -> [ActivityResult] {
        let fmlSource = dossier.fml?.source.flatMap { dossier.source(id: $0) }
        return zip(ruleset.activities, indicatorTable.derivations).map { activity, positions in
            let contributions: [ActivityResult.Contribution] = zip(activity.derivations, positions).compactMap { derivation, position in
                guard let position, !index.byIndicator[position].isEmpty else { return nil }
                let indicator = ruleset.indicators[position]
                let observations = index.byIndicator[position].map { facts[$0] }
                let strongest = observations.map(\.countFactor).max() ?? 0
                guard strongest > 0 else { return nil }
                return .init(indicator: indicator, weight: derivation.weight, effectiveWeight: derivation.weight * strongest, facts: observations.sorted(by: factOrder))
            }
            // The physician's limitation of this activity is a work requirement in its own right, with its source.
            let limits = fmlLimitations[activity.id] ?? []
            let fmlWeight = limits.isEmpty ? 0 : (activity.fromFML?.weight ?? 0)
            let score = max(0, contributions.reduce(0) { $0 + $1.effectiveWeight } + fmlWeight)
            return ActivityResult(
                activity: activity, score: score, need: activity.need(for: score), contributions: contributions,
                assessed: dossier.assessment?.supportNeeds.first { $0.activity == activity.id },
                fml: limits.map { ActivityResult.FMLRequirement(limitation: $0, weight: fmlWeight, sourceID: dossier.fml?.source, sourceRole: fmlSource?.role, date: dossier.fml?.date) }
            )
        }
    }
}

/// Document order: by line, then by position in the text.
func factOrder(_ a: Fact, _ b: Fact) -> Bool {
    if a.location != b.location { return a.location < b.location }
    return (a.textStart ?? -1) < (b.textStart ?? -1)
}
