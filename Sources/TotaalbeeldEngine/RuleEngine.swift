import Foundation
import TotaalbeeldModel
import TotaalbeeldText

/// Applies the ruleset's flag rules to a screened dossier.
///
/// Each condition kind is one small mechanism below; which signals, thresholds and texts a rule uses is
/// ruleset data. A rule fires when all its conditions hold; the facts its conditions matched become the
/// flag's evidence, so every flag can answer "why?".
struct RuleEngine: Sendable {
    let ruleset: Ruleset
    /// Finds mentions of alternative readings in the assessment's own words (negation-aware).
    let readingAnalyzer: NarrativeAnalyzer

    init(ruleset: Ruleset) {
        self.ruleset = ruleset
        let readings = ruleset.indicators.flatMap { indicator in indicator.readings.map { (id: Self.readingKey(indicator.id, $0.id), terms: $0.terms) } }
        readingAnalyzer = NarrativeAnalyzer(indicators: readings, context: ruleset.context)
    }

    static func readingKey(_ indicator: String, _ reading: String) -> String { indicator + "#" + reading }

    func flags(for input: RuleInput) -> [Flag] {
        var flags: [Flag] = []
        for rule in ruleset.rules {
            for item in items(for: rule.scope, input: input) {
                var state = MatchState(item: item)
                guard rule.conditions.allSatisfy({ holds($0, input: input, state: &state) }) else { continue }
                flags.append(flag(rule, item: item, state: state))
            }
        }
        return flags
    }

    // MARK: Items

    enum Item: Sendable {
        case dossier
        case domain(DomainResult)
        case theme(Gap?, ConversationTheme)
        case source(Source)
        case conclusion(Assessment.Conclusion)

        var key: String? {
            switch self {
            case .dossier: nil
            case .domain(let d): d.domain.id
            case .theme(_, let t): t.id
            case .source(let s): s.id
            case .conclusion(let c): c.id
            }
        }
    }

    private func items(for scope: FlagRule.Scope, input: RuleInput) -> [Item] {
        switch scope {
        case .dossier: [.dossier]
        case .domain: input.domains.map(Item.domain)
        case .theme: ruleset.themes.map { theme in .theme(input.gaps.first { $0.theme.id == theme.id }, theme) }
        case .source: input.dossier.sources.map(Item.source)
        case .conclusion: input.dossier.assessment?.conclusions.map(Item.conclusion) ?? []
        }
    }

    struct MatchState {
        var item: Item
        var bound: [String: [Fact]] = [:]
        var evidence: [Evidence] = []
        var alternatives: [LocalizedText] = []
    }

    // MARK: Conditions

    private func holds(_ condition: RuleCondition, input: RuleInput, state: inout MatchState) -> Bool {
        switch condition {
        case .facts(let pattern):
            let matched = facts(matching: pattern, input: input, state: state)
            guard Set(matched.map { $0.elementID + "|" + $0.indicator + "|" + spanKey($0) }).count >= pattern.min else { return false }
            if let name = pattern.name { state.bound[name] = matched }
            state.evidence += matched.map(Evidence.init)
            return true
        case .absent(let pattern):
            return facts(matching: pattern, input: input, state: state).isEmpty
        case .unaddressed(let name, let min):
            // A dossier fact is addressed when the assessment cites it; the assessment's own words are
            // "addressed" when the element that says them cites evidence.
            let open = (state.bound[name] ?? []).filter { !input.referenced.contains($0.elementID) && !input.citingElements.contains($0.elementID) }
            guard Set(open.map { $0.elementID + "|" + $0.indicator }).count >= min else { return false }
            state.bound[name] = open
            return true
        case .readings(let name):
            // All known readings are listed; the ones the assessment argues are marked as its choice.
            let readings = readings(of: state.bound[name] ?? [], input: input)
            state.alternatives += readings.map { reading, argued in
                argued ? LocalizedText(nl: "(lezing van het oordeel) " + reading.text.nl, en: "(the assessment's reading) " + reading.text[.en]) : reading.text
            }
            return readings.contains { !$0.argued }
        case .assessment(let pattern):
            return matches(pattern, input.dossier.assessment, state: &state)
        case .overlap(let target, let min, let negate):
            guard let direction = input.dossier.assessment?.direction else { return false }
            let others = target == .wish ? input.dossier.wishes.map(\.text) : (input.dossier.fml?.suggestedJobs ?? [])
            guard !others.isEmpty else { return negate }
            let score = others.map { WordOverlap.coefficient(direction.text, $0) }.max() ?? 0
            if score >= min { state.evidence.append(Evidence(elementID: direction.id, sourceID: input.dossier.assessment?.source, location: direction.location, quote: direction.text)) }
            return negate ? score < min : score >= min
        case .derivedNeed(let level, let min):
            let rank = levelRank(level)
            let rows = input.schema2.filter { levelRank($0.need?.level) >= rank }
            state.evidence += rows.flatMap { $0.contributions.flatMap(\.facts) }.map(Evidence.init)
            return rows.count >= min
        case .domainNeed(let level, let min, let unaddressedOnly):
            let rank = levelRank(level)
            let domains = input.domains.filter { domain in
                guard levelRank(domain.supportNeedLevel?.id) >= rank else { return false }
                return !unaddressedOnly || domain.burdens.flatMap(\.facts).allSatisfy { !input.referenced.contains($0.elementID) }
            }
            state.evidence += domains.flatMap { $0.burdens.flatMap(\.facts) }.map(Evidence.init)
            return domains.count >= min
        case .maxDomainNeed(let below):
            return input.domains.allSatisfy { levelRank($0.supportNeedLevel?.id) < levelRank(below) }
        case .citedSupport(let min):
            // What the chosen course rests on: the direction's and placement's own citations.
            let basis = Set((input.dossier.assessment?.direction?.cites ?? []) + (input.dossier.assessment?.placement?.cites ?? []))
            let cited = input.facts.filter { basis.contains($0.elementID) && $0.counts }
            let wishCitations = input.dossier.wishes.filter { basis.contains($0.id) }.count
            let total = Set(cited.map { $0.elementID + "|" + $0.indicator }).count + wishCitations
            guard total > 0 else { return false }
            let supportive = Set(cited.filter { ruleset.indicator(id: $0.indicator)?.polarity == .strength }.map { $0.elementID + "|" + $0.indicator }).count + wishCitations
            return Double(supportive) / Double(total) >= min
        case .uncited:
            guard case .conclusion(let conclusion) = state.item else { return false }
            state.evidence.append(Evidence(elementID: conclusion.id, sourceID: input.dossier.assessment?.source, location: conclusion.location, quote: conclusion.text))
            return conclusion.cites.isEmpty
        case .haloCitation(let minDomains):
            let conclusions = input.dossier.assessment?.conclusions ?? []
            var domainsByElement: [String: Set<String>] = [:]
            for conclusion in conclusions {
                guard let domain = conclusion.domain else { continue }
                for id in conclusion.cites { domainsByElement[id, default: []].insert(domain) }
            }
            let drivers = domainsByElement.filter { $0.value.count >= minDomains }.keys.sorted()
            for id in drivers {
                for conclusion in conclusions where conclusion.cites.contains(id) {
                    state.evidence.append(Evidence(elementID: conclusion.id, sourceID: input.dossier.assessment?.source, location: conclusion.location, quote: conclusion.text))
                }
            }
            return !drivers.isEmpty
        case .selfReportOnly:
            // Only where something is judged: a burden resting on the client's word alone.
            guard case .domain(let domain) = state.item, domain.burden > 0, !domain.sourceKinds.isEmpty else { return false }
            state.evidence += (domain.burdens + domain.strengths).flatMap(\.facts).map(Evidence.init)
            return domain.sourceKinds.allSatisfy { ruleset.sourceKind(id: $0)?.isSelfReport == true }
        case .gap:
            guard case .theme(let gap, _) = state.item else { return false }
            return gap != nil
        case .sourceAge(let months):
            guard case .source(let source) = state.item, let date = source.date else { return false }
            state.evidence.append(Evidence(elementID: source.id, sourceID: source.id, location: source.location, quote: "\(source.role), \(date)"))
            return date.months(until: input.dossier.date) > months
        case .fmlMissing:
            if let fml = input.dossier.fml {
                state.evidence.append(Evidence(elementID: "fml", sourceID: fml.source, location: fml.location, quote: fml.summary ?? "FML"))
            }
            return input.dossier.fml?.present != true
        case .benefitRegime(let regimes):
            return regimes.contains(input.dossier.client.benefitRegime)
        case .ageBand(let maxUpper):
            guard let upper = input.dossier.client.ageBand.split(separator: "-").last.flatMap({ Int($0) }) else { return false }
            return upper <= maxUpper
        }
    }

    private func facts(matching pattern: FactPattern, input: RuleInput, state: MatchState) -> [Fact] {
        let pool = pattern.place == .dossier ? input.facts : input.assessmentFacts
        let sameDomains = pattern.sameDomainAs.map { Set((state.bound[$0] ?? []).map(\.domain)) }
        return pool.filter { fact in
            if !pattern.indicators.isEmpty && !pattern.indicators.contains(fact.indicator) { return false }
            // A finding of a parked indicator is kept as evidence "not counted", never matched by a rule.
            guard let indicator = ruleset.indicator(id: fact.indicator) else { return false }
            if let role = pattern.role, role != Self.role(of: indicator) { return false }
            if !pattern.sourceKinds.isEmpty && !pattern.sourceKinds.contains(fact.sourceKind) { return false }
            if pattern.excludedSourceKinds.contains(fact.sourceKind) { return false }
            switch pattern.status {
            case .counted: if !fact.counts { return false }
            case .current: if !fact.counts || fact.historical { return false }
            case .present: if !fact.present || (fact.experiencer == .other && !indicator.countsForOther) { return false }
            case .negated: if fact.present { return false }
            case .any: break
            }
            if let minWeight = pattern.minWeight {
                guard case .level1(_, let weight) = indicator.role, weight >= minWeight else { return false }
            }
            if let sameDomains, !sameDomains.contains(fact.domain) { return false }
            if case .domain(let domain) = state.item, fact.domain != domain.domain.id { return false }
            return true
        }
    }

    private static func role(of indicator: Indicator?) -> FactPattern.Role? {
        switch indicator?.role {
        case .level1(let polarity, _)?: polarity == .burden ? .burden : .strength
        case .modifier?: .modifier
        case .signal?: .signal
        case nil: nil
        }
    }

    private func matches(_ pattern: AssessmentPattern, _ assessment: Assessment?, state: inout MatchState) -> Bool {
        func judgement(_ value: String?, in allowed: [String]?) -> Bool {
            guard let allowed else { return true }
            return allowed.contains(value ?? "missing")
        }
        if let wanted = pattern.direction, (assessment?.direction != nil) != wanted { return false }
        if let wanted = pattern.supportNeeds, (assessment?.supportNeeds.isEmpty == false) != wanted { return false }
        if let wanted = pattern.placement, (assessment?.placement != nil) != wanted { return false }
        if !judgement(assessment?.placement?.willing.rawValue, in: pattern.willing) { return false }
        if !judgement(assessment?.placement?.able.rawValue, in: pattern.able) { return false }
        if let wanted = pattern.placementCites, (assessment?.placement?.cites.isEmpty == false) != wanted { return false }
        if !judgement(assessment?.direction?.sharedWithClient?.rawValue, in: pattern.shared) { return false }
        if let horizons = pattern.horizon, !horizons.contains(assessment?.direction?.horizon ?? "missing") { return false }
        if let intensities = pattern.intensity, !intensities.contains(assessment?.direction?.intensity ?? "missing") { return false }
        if let wanted = pattern.addresses, (assessment?.direction?.addresses.isEmpty == false) != wanted { return false }
        if let assessment {
            if pattern.placement != nil || pattern.willing != nil || pattern.able != nil || pattern.placementCites != nil, let placement = assessment.placement {
                state.evidence.append(Evidence(elementID: placement.id, sourceID: assessment.source, location: placement.location, quote: placement.text.isEmpty ? "willing=\(placement.willing.rawValue), able=\(placement.able.rawValue)" : placement.text))
            }
            if pattern.direction == true || pattern.shared != nil || pattern.horizon != nil || pattern.intensity != nil || pattern.addresses != nil, let direction = assessment.direction {
                state.evidence.append(Evidence(elementID: direction.id, sourceID: assessment.source, location: direction.location, quote: direction.text))
            }
        }
        return true
    }

    /// The readings of the signals in `facts`, each marked whether an evidence-citing conclusion argues it.
    private func readings(of facts: [Fact], input: RuleInput) -> [(reading: Reading, argued: Bool)] {
        let indicators = Array(Set(facts.map(\.indicator))).sorted()
        let argued = (input.dossier.assessment?.conclusions ?? []).filter { !$0.cites.isEmpty }.map(\.text)
            + [input.dossier.assessment?.direction].compactMap { $0 }.filter { !$0.addresses.isEmpty }.map(\.text)
        let mentioned = Set(argued.flatMap { readingAnalyzer.analyze($0).filter { !$0.negated }.map(\.indicator) })
        return indicators.flatMap { id in
            (ruleset.indicator(id: id)?.readings ?? []).map { ($0, mentioned.contains(Self.readingKey(id, $0.id))) }
        }
    }

    private func levelRank(_ id: String?) -> Int {
        guard let id else { return -1 }
        return ruleset.scoring.levels.firstIndex { $0.id == id } ?? -1
    }

    // MARK: Flags

    private func flag(_ rule: FlagRule, item: Item, state: MatchState) -> Flag {
        let label: LocalizedText
        var question = rule.question
        switch item {
        case .dossier: label = LocalizedText(nl: "", en: "")
        case .domain(let d): label = d.domain.label
        case .theme(_, let t):
            label = t.label
            question = replacing(question, "{question}", with: t.question)
        case .source(let s): label = LocalizedText(nl: s.role, en: s.role)
        case .conclusion(let c): label = LocalizedText(nl: c.id, en: c.id)
        }
        var seen = Set<String>()
        let distinct = state.evidence.filter { seen.insert("\($0.elementID)|\($0.span.map { "\($0)" } ?? "")").inserted }
            .sorted { ($0.location, $0.span?.lowerBound ?? -1) < ($1.location, $1.span?.lowerBound ?? -1) }
        // The same words in the same element are one evidence line with a count.
        let evidence = foldRepeats(distinct) { [$0.elementID, $0.quote.lowercased()] }.map { repeated in
            var first = repeated.item
            first.occurrences = repeated.occurrences
            return first
        }
        var alternativeSeen = Set<String>()
        let alternatives = (rule.alternatives + state.alternatives).filter { alternativeSeen.insert($0.nl).inserted }
        var flag = Flag(
            id: item.key.map { "\(rule.id):\($0)" } ?? rule.id, rule: rule.id,
            kind: Flag.Kind(rawValue: rule.kind.rawValue) ?? .quality,
            severity: Flag.Severity(rawValue: rule.severity.rawValue) ?? .info,
            message: replacing(rule.message, "{item}", with: label), question: replacing(question, "{item}", with: label),
            evidence: evidence, alternatives: alternatives, rationale: rule.rationale, reference: rule.reference
        )
        // Observations beyond the list limit are counted, not listed; what the flag is about always stays.
        var observations = 0
        flag.evidence = evidence.filter { item in
            guard item.isObservation else { return true }
            observations += 1
            return observations <= Repeated<Evidence>.listLimit
        }
        flag.evidenceOmitted = max(0, observations - Repeated<Evidence>.listLimit)
        flag.evidenceFingerprint = Self.fingerprint(flagID: flag.id, evidence: evidence)
        return flag
    }

    /// SHA-256 over the flag id and its distinct evidence lines (element, tab, quoted words), sorted: the same
    /// evidence gives the same fingerprint wherever it stands in the file; other words or elements give another.
    static func fingerprint(flagID: String, evidence: [Evidence]) -> String {
        let lines = Set(evidence.map { $0.elementID + "\t" + $0.quote }).sorted()
        return "sha256:" + SHA256.hex(of: Array(([flagID] + lines).joined(separator: "\n").utf8))
    }

    private func replacing(_ text: LocalizedText, _ placeholder: String, with value: LocalizedText) -> LocalizedText {
        LocalizedText(nl: text.nl.replacing(placeholder, with: value.nl), en: text.en.map { $0.replacing(placeholder, with: value[.en]) })
    }

    private func spanKey(_ fact: Fact) -> String {
        if case .narrative(let start, _, _, _) = fact.origin { return String(start) }
        return ""
    }
}

/// What the rules look at: the screened dossier plus the assessment's own words as facts.
struct RuleInput {
    var dossier: Dossier
    var facts: [Fact]
    var assessmentFacts: [Fact]
    var domains: [DomainResult]
    var gaps: [Gap]
    var schema2: [ActivityResult]
    /// Element ids the assessment cites anywhere.
    var cited: Set<String>
    /// Cited or explicitly addressed (weighed against the direction).
    var referenced: Set<String>
    /// Assessment elements (conclusions, needs, placement, direction) that cite at least one element.
    var citingElements: Set<String>

    init(dossier: Dossier, facts: [Fact], assessmentFacts: [Fact], domains: [DomainResult], gaps: [Gap], schema2: [ActivityResult]) {
        self.dossier = dossier
        self.facts = facts
        self.assessmentFacts = assessmentFacts
        self.domains = domains
        self.gaps = gaps
        self.schema2 = schema2
        let assessment = dossier.assessment
        let cites = (assessment?.conclusions.flatMap(\.cites) ?? []) + (assessment?.supportNeeds.flatMap(\.cites) ?? [])
            + (assessment?.placement?.cites ?? []) + (assessment?.direction?.cites ?? [])
        cited = Set(cites)
        referenced = cited.union(assessment?.direction?.addresses ?? [])
        var citing = (assessment?.conclusions ?? []).filter { !$0.cites.isEmpty }.map(\.id)
        citing += (assessment?.supportNeeds ?? []).filter { !$0.cites.isEmpty }.map(\.id)
        if let placement = assessment?.placement, !placement.cites.isEmpty { citing.append(placement.id) }
        if let direction = assessment?.direction, !direction.cites.isEmpty { citing.append(direction.id) }
        citingElements = Set(citing)
    }
}

/// Word overlap between two short texts: |A ∩ B| / min(|A|, |B|) over content words,
/// words compared on their first six letters so "werk" and "werken" meet.
enum WordOverlap {
    static func coefficient(_ a: String, _ b: String) -> Double {
        let left = words(a), right = words(b)
        guard !left.isEmpty, !right.isEmpty else { return 0 }
        return Double(left.intersection(right).count) / Double(min(left.count, right.count))
    }

    static func words(_ text: String) -> Set<String> {
        let stop: Set<String> = ["een", "het", "de", "en", "als", "in", "op", "van", "voor", "met", "naar", "dat", "die", "daarna", "eerst", "zijn", "haar", "hij", "zij"]
        let folded = text.lowercased().folding(options: .diacriticInsensitive, locale: nil)
        let tokens = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        return Set(tokens.filter { $0.count >= 3 && !stop.contains($0) }.map { String($0.prefix(6)) })
    }
}
