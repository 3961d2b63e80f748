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
    /// Finds mentions of alternative readings in the assessment's own words (negation-aware), one analyzer per
    /// signal, so that two signals may share a reading's words ("nulurencontract" reads both the short jobs and the
    /// lack of perseverance as the flexible labour market) without one span hiding the other.
    let readingAnalyzers: [String: NarrativeAnalyzer]
    /// Each rule's message and question, placeholders found once (same order as `ruleset.rules`).
    let templates: [RuleTemplates]

    init(ruleset: Ruleset) {
        self.ruleset = ruleset
        templates = ruleset.rules.map { RuleTemplates($0, themes: ruleset.themes) }
        var analyzers: [String: NarrativeAnalyzer] = [:]
        for indicator in ruleset.indicators where !indicator.readings.isEmpty {
            let readings = indicator.readings.map { (id: Self.readingKey(indicator.id, $0.id), terms: $0.terms) }
            analyzers[indicator.id] = NarrativeAnalyzer(indicators: readings, context: ruleset.context)
        }
        readingAnalyzers = analyzers
    }

    static func readingKey(_ indicator: String, _ reading: String) -> String { indicator + "#" + reading }

    func flags(for input: RuleInput) -> [Flag] {
        var flags: [Flag] = []
        for (rule, templates) in zip(ruleset.rules, templates) {
            for item in items(for: rule.scope, input: input) {
                var state = MatchState(item: item)
                guard rule.conditions.allSatisfy({ holds($0, input: input, state: &state) }) else { continue }
                flags.append(flag(rule, templates, item: item, state: state))
            }
        }
        return flags
    }

    /// Whether all the conditions hold for the dossier as a whole (used for the trial screening's capacities).
    func holdsAll(_ conditions: [RuleCondition], input: RuleInput) -> Bool {
        var state = MatchState(item: .dossier)
        return conditions.allSatisfy { holds($0, input: input, state: &state) }
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
            guard Set(matched.map(FindingKey.init)).count >= pattern.min else { return false }
            if let name = pattern.name { state.bound[name] = matched }
            // With min 0 the matches are context for a later condition (what weighs), not evidence.
            if pattern.min > 0 { state.evidence += matched.map(Evidence.init) }
            return true
        case .absent(let pattern):
            return facts(matching: pattern, input: input, state: state).isEmpty
        case .unaddressed(let name, let min, let share, let byIndicator, let coveredFrom, let assessedBy):
            // A dossier fact is addressed when the assessment cites, addresses or weighs it, or discusses its
            // indicator with evidence; the assessment's own words are addressed when the element that says them
            // cites evidence beyond the signal it interprets, or when the sentence weighs them. With `byIndicator`, the
            // same finding the direction addresses in another element is addressed; with `coveredFrom`, one the
            // assessment's own Schema 2 covers.
            let qualified = Set(assessedBy)
            let isOpen = { (fact: Fact) in
                !(input.isAddressed(fact) || (byIndicator && input.isAddressedElsewhere(fact)) || coveredFrom.map { input.isCovered(fact, from: $0) } == true)
                    || (!qualified.isEmpty && !input.isAssessed(fact, bySourceKinds: qualified))
            }
            let bound = state.bound[name] ?? []
            let open = bound.filter(isOpen)
            let openCount = distinctFindings(open)
            guard openCount >= min else { return false }
            if let share {
                // Against what the course explicitly takes into account (the direction's citations and addresses,
                // <weighed> elements), not what a conclusion happens to cite.
                let considered = distinctFindings(bound.filter { input.isConsideredByCourse($0) && !isOpen($0) })
                guard Double(openCount) >= share * Double(openCount + considered) else { return false }
            }
            state.bound[name] = open
            // What the assessment did address is no evidence for this flag.
            let addressed = Set(bound.filter { !isOpen($0) }.map { Evidence($0) })
            state.evidence.removeAll { addressed.contains($0) }
            return true
        case .readings(let name, let minWeighed):
            // All known readings are listed; the ones the assessment weighs are marked as weighed.
            let readings = readings(of: state.bound[name] ?? [], input: input)
            state.alternatives += readings.map { reading, weighed in
                weighed ? LocalizedText(nl: "(gewogen in het oordeel) " + reading.text.nl, en: "(weighed in the assessment) " + reading.text[.en]) : reading.text
            }
            let weighed = readings.filter(\.weighed).count + weighingsBeyondReadings(of: state.bound[name] ?? [], input: input)
            return weighed < Swift.min(minWeighed ?? readings.count, readings.count)
        case .assessment(let pattern):
            return matches(pattern, input.dossier.assessment, input: input, state: &state)
        case .overlap(let target, let min, let negate, let cited, let selection):
            guard let direction = input.dossier.assessment?.direction else { return false }
            guard let wishes = target == .wish ? Self.wishes(input.dossier.wishes, selection) : input.dossier.wishes else { return false }
            let others = target == .wish ? wishes.map(\.text) : (input.dossier.fml?.suggestedJobs ?? [])
            // Without a wish (or FML jobs) there is nothing to repeat or to depart from.
            guard !others.isEmpty else { return false }
            // A direction that cites the wish (or the FML) says in so many words that it builds on it.
            let targetElements = target == .wish ? Set(wishes.map(\.id)) : input.fmlElements
            // Against one wish of several, a direction that addresses it has weighed it as well.
            let considered = selection == .all ? direction.cites : direction.cites + direction.addresses
            let builtOn = cited && !targetElements.isDisjoint(with: considered)
            // The same work for other hours than the client asked for is not his wish ("accountmanager, 24 uur" against
            // "fulltime accountmanager, 36 tot 40 uur"): the hours are as much the wish as the occupation.
            let score = builtOn ? 1 : others.map { WorkHours.conflict(direction.text, $0) ? 0 : WordOverlap.coefficient(direction.text, $0) }.max() ?? 0
            if score >= min || negate { state.evidence.append(Evidence(elementID: direction.id, sourceID: input.dossier.assessment?.source, location: direction.location, quote: direction.text)) }
            return negate ? score < min : score >= min
        case .derivedNeed(let level, let min, let supportUnnamed):
            let rank = levelRank(level)
            var rows = input.schema2.filter { levelRank($0.need?.level) >= rank }
            if supportUnnamed, !rows.isEmpty, input.dossier.assessment != nil {
                let named = input.activitiesWithSupportNamed()
                rows.removeAll { named.contains($0.activity.id) }
            }
            state.evidence += rows.flatMap { $0.contributions.flatMap(\.facts) }.map(Evidence.init)
            return rows.count >= min
        case .assessedNeed(let level, let min):
            let rank = levelRank(level)
            let needs = (input.dossier.assessment?.supportNeeds ?? []).filter { levelRank($0.level) >= rank }
            state.evidence += needs.map { Evidence(elementID: $0.id, sourceID: input.dossier.assessment?.source, location: $0.location, quote: $0.text) }
            return needs.count >= min
        case .domainNeed(let level, let min, let unaddressedOnly, let only):
            let rank = levelRank(level)
            let domains = input.domains.filter { domain in
                guard levelRank(domain.supportNeedLevel?.id) >= rank else { return false }
                guard only.isEmpty || only.contains(domain.domain.id) else { return false }
                // A domain the course leaves out of sight: its heaviest burden (by effective weight) goes unaddressed,
                // and the direction addresses (or a <weighed> element weighs) none of its burdens. One cited side
                // remark in the same domain does not make a crisis discussed.
                guard unaddressedOnly else { return true }
                let burdens = domain.burdens.flatMap(\.facts).filter(\.counts)
                if burdens.contains(where: input.isExplicitlyAddressed) { return false }
                // The benefit ground is the premise of every advice and counts as addressed; it does not make the
                // dossier's own findings of the same burden discussed (a depression in the disability record and a
                // physician's note of worsening gloom the course leaves aside).
                let own = { (burden: IndicatorContribution) in burden.facts.filter { $0.counts && !FactExtractor.isGround($0, of: input.benefitGround) } }
                let heaviest = domain.burdens.filter { !own($0).isEmpty }.max { $0.effectiveWeight < $1.effectiveWeight }
                return heaviest.map { own($0).allSatisfy { !input.isAddressed($0) } } ?? false
            }
            state.evidence += domains.flatMap { $0.burdens.flatMap(\.facts) }.map(Evidence.init)
            return domains.count >= min
        case .maxDomainNeed(let below):
            return input.domains.allSatisfy { levelRank($0.supportNeedLevel?.id) < levelRank(below) }
        case .citedSupport(let min, let whenNothingCited, let emptySupports, let engaged, let limits):
            // What the chosen course rests on: the direction's and placement's own citations. A limitation as the client
            // states it is part of that basis, and no support; with `engaged`, a cited element's burden the assessment
            // never engages with is not what the course rests on (the element was cited for something else).
            let basis = Set((input.dossier.assessment?.direction?.cites ?? []) + (input.dossier.assessment?.placement?.cites ?? []))
            let cited = input.facts.filter { fact in
                guard basis.contains(fact.elementID), fact.counts else { return false }
                if limits.contains(fact.indicator) { return true }
                switch ruleset.indicator(id: fact.indicator)?.polarity {
                case .none: return false
                case .burden?: return !engaged || input.isEngaged(fact)
                default: return true
                }
            }
            // The wish and the FML (its id, limitations and jobs) are what permits a course: supporting information.
            var wishCitations = input.dossier.wishes.filter { basis.contains($0.id) }.count + input.fmlElements.intersection(basis).count
            if emptySupports {
                // A cited dossier element in which nothing counts holds nothing that speaks against the course.
                let holding = Set(input.facts.filter(\.counts).map(\.elementID))
                let dossierElements = Set(input.dossier.screenedTexts.map(\.id) + input.dossier.findings.map(\.id))
                wishCitations += basis.filter { dossierElements.contains($0) && !holding.contains($0) }.count
            }
            let total = distinctFindings(cited) + wishCitations
            guard total > 0 else { return whenNothingCited }
            let supportive = distinctFindings(cited.filter { ruleset.indicator(id: $0.indicator)?.polarity == .strength }) + wishCitations
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
        case .gap(let unassigned):
            guard case .theme(let gap?, _) = state.item else { return false }
            // Text under no theme's heading (a journal, an examination) that speaks to the theme's domain: the theme is
            // not without information, its information is not filed (``Gap/unfiled``).
            if unassigned { state.evidence += gap.unfiled.map(Evidence.init) }
            return unassigned != gap.unfiled.isEmpty
        case .sourceAge(let months):
            guard case .source(let source) = state.item, let date = source.date else { return false }
            state.evidence.append(Evidence(elementID: source.id, sourceID: source.id, location: source.location, quote: "\(source.role), \(date)"))
            return date.months(until: input.dossier.date) > months
        case .fmlMissing:
            if let fml = input.dossier.fml {
                state.evidence.append(Evidence(elementID: "fml", sourceID: fml.source, location: fml.location, quote: fml.summary ?? "FML"))
            }
            return input.dossier.fml?.present != true
        case .unassignedText:
            for text in input.dossier.unassigned {
                let quote = (text.heading.map { $0 + ": " } ?? "") + text.text
                let teller = input.dossier.teller(of: text)
                state.evidence.append(Evidence(elementID: text.id, sourceID: teller.isEmpty ? nil : teller, location: text.location, quote: quote))
            }
            return !input.dossier.unassigned.isEmpty
        case .benefitRegime(let regimes):
            return regimes.contains(input.dossier.client.benefitRegime)
        case .ageBand(let maxUpper):
            guard let upper = input.dossier.client.ageBand.split(separator: "-").last.flatMap({ Int($0) }) else { return false }
            return upper <= maxUpper
        case .allOf(let conditions):
            var trial = state
            guard conditions.allSatisfy({ holds($0, input: input, state: &trial) }) else { return false }
            state = trial
            return true
        case .anyOf(let conditions):
            for condition in conditions {
                var trial = state
                if holds(condition, input: input, state: &trial) {
                    state = trial
                    return true
                }
            }
            return false
        case .not(let conditions):
            var trial = state
            return !conditions.allSatisfy { holds($0, input: input, state: &trial) }
        case .pair(let pattern):
            let found = pairs(pattern, input: input, state: state)
            guard Set(found.map { PairKey(left: FactKey($0.0), right: FactKey($0.1)) }).count >= pattern.min else { return false }
            let sides = found.flatMap { [$0.0, $0.1] }
            if let name = pattern.name { state.bound[name] = unique(sides) }
            state.evidence += sides.map(Evidence.init)
            return true
        case .unpaired(let pattern):
            let partnered = Set(pairs(pattern, input: input, state: state).map { FactKey($0.0) })
            let open = (state.bound[pattern.left] ?? []).filter { !partnered.contains(FactKey($0)) }
            guard Set(open.map(FindingKey.init)).count >= pattern.min else { return false }
            let dropped = Set((state.bound[pattern.left] ?? []).filter { partnered.contains(FactKey($0)) }.map { Evidence($0) })
            state.bound[pattern.name ?? pattern.left] = open
            state.evidence.removeAll { dropped.contains($0) }
            return true
        case .claimsOnly(let name, let uncited):
            let resting = (state.bound[name] ?? []).filter { input.restsOnClaimsOnly($0.elementID) || (uncited && input.citesNothing($0.elementID)) }
            guard !resting.isEmpty else { return false }
            state.bound[name] = resting
            return true
        case .unweighed(let name):
            let bound = state.bound[name] ?? []
            let open = bound.filter { !input.isWeighed($0) }
            guard !open.isEmpty else { return false }
            let dropped = Set(bound.filter { input.isWeighed($0) }.map { Evidence($0) })
            state.bound[name] = open
            state.evidence.removeAll { dropped.contains($0) }
            return true
        case .citing(let name):
            let citing = (state.bound[name] ?? []).filter { input.citesSomething($0.elementID) }
            guard !citing.isEmpty else { return false }
            state.bound[name] = citing
            return true
        case .sources(let kinds, let min):
            return input.dossier.sources.filter { kinds.contains($0.kind) }.count >= min
        case .fmlConflict(let target):
            return fmlConflict(target, input: input, state: &state)
        case .physicianLimitConflict:
            return physicianLimitConflict(input: input, state: &state)
        }
    }

    /// The wishes an `overlap` compares with: all, or those of the earliest or latest date — nil when the dated wishes
    /// carry fewer than two dates, so that there is no earlier wish to be anchored on.
    static func wishes(_ all: [Wish], _ selection: RuleCondition.WishSelection) -> [Wish]? {
        guard selection != .all else { return all }
        let dates = Set(all.compactMap(\.date))
        guard dates.count >= 2, let pick = selection == .earliest ? dates.min() : dates.max() else { return nil }
        return all.filter { $0.date == pick }
    }

    /// Pairs (left, right) of the two bound fact sets that stand in the pattern's relation.
    private func pairs(_ pattern: PairPattern, input: RuleInput, state: MatchState) -> [(Fact, Fact)] {
        let left = state.bound[pattern.left] ?? [], right = state.bound[pattern.right] ?? []
        var result: [(Fact, Fact)] = []
        for l in left {
            for r in right where l != r {
                switch pattern.indicator {
                case .same: if l.indicator != r.indicator { continue }
                case .contradicting: if !ruleset.contradicts(l.indicator, r.indicator) { continue }
                case .either: if l.indicator != r.indicator && !ruleset.contradicts(l.indicator, r.indicator) { continue }
                case .any: break
                }
                switch pattern.sign {
                case .opposite: if l.present == r.present { continue }
                case .same: if l.present != r.present { continue }
                case .any: break
                }
                switch pattern.source {
                case .different: if l.sourceID == r.sourceID { continue }
                case .same: if l.sourceID != r.sourceID { continue }
                case .any: break
                }
                switch pattern.element {
                case .different: if l.elementID == r.elementID { continue }
                case .same: if l.elementID != r.elementID { continue }
                case .any: break
                }
                if pattern.assertion == .claimFinding && (l.assertion == .claim) == (r.assertion == .claim) { continue }
                switch pattern.scope {
                case .sentence: if l.elementID != r.elementID || sentence(of: l) != sentence(of: r) { continue }
                case .element: if l.elementID != r.elementID { continue }
                case .dossier: break
                }
                if pattern.unexplained && l.elementID != r.elementID && input.explains(l, r) { continue }
                if pattern.oneSided {
                    // The same indicator on both sides: the teller tells both times. Otherwise: he tells the other side's indicator.
                    if l.indicator == r.indicator {
                        if input.tellsOtherTime(l.elementID, of: l) || input.tellsOtherTime(r.elementID, of: r) { continue }
                    } else if input.affirms(l.elementID, r.indicator) || input.affirms(r.elementID, l.indicator) {
                        continue
                    }
                }
                if pattern.qualifiedBy.contains(where: { input.affirms(l.elementID, $0) || input.affirms(r.elementID, $0) }) { continue }
                result.append((l, r))
            }
        }
        return result
    }

    /// An FML limitation against the direction's demands or the assessment's own Schema 2.
    private func fmlConflict(_ target: RuleCondition.FMLConflictTarget, input: RuleInput, state: inout MatchState) -> Bool {
        guard let assessment = input.dossier.assessment, let fml = input.dossier.fml else { return false }
        var conflicts: [(FML.Limitation, Evidence)] = []
        switch target {
        case .direction:
            guard let direction = assessment.direction else { return false }
            let workedIn = workedIntoCourse(assessment, direction)
            // So has a limitation whose own words the direction rules out: "geen werk boven schouderhoogte" beside
            // "Niet tillen boven schouderhoogte".
            let (demanded, ruledOut) = input.fmlReader.demands(in: direction.text)
            let respected = Set(fml.items.filter { Self.ruledOut($0.text, by: ruledOut) }.map(\.text))
            for (activity, words) in demanded {
                for limitation in input.fmlLimitations[activity] ?? []
                where !workedIn.contains(limitation.id ?? "") && !respected.contains(limitation.text) {
                    conflicts.append((limitation, Evidence(elementID: direction.id, sourceID: assessment.source, location: direction.location, quote: "\(words): \(direction.text)")))
                }
            }
            // Hours are a limitation of their own: a direction that names more weekly hours than the FML allows asks
            // what the FML limits, whatever the work is.
            if fml.present, let asked = WorkHours.range(in: direction.text)?.upperBound {
                for limitation in fml.items where !workedIn.contains(limitation.id ?? "") {
                    guard let cap = WorkHours.weeklyCap(in: limitation.text), asked > cap else { continue }
                    conflicts.append((limitation, Evidence(elementID: direction.id, sourceID: assessment.source, location: direction.location, quote: "\(asked) uur: \(direction.text)")))
                }
            }
        case .supportNeeds:
            // A limitation the direction cites or addresses is worked into the course, whatever the activity's own row says
            // ("Geen nachtdiensten" addressed by a direction of day shifts beside a psychological row of "geen").
            let inCourse = Set((assessment.direction?.cites ?? []) + (assessment.direction?.addresses ?? []))
            for need in assessment.supportNeeds where need.level == ruleset.scoring.levels.first?.id {
                let activities = [need.activity] + ruleset.activities.filter { $0.parent == need.activity }.map(\.id)
                for limitation in activities.flatMap({ input.fmlLimitations[$0] ?? [] })
                where !need.cites.contains(limitation.id ?? "") && !inCourse.contains(limitation.id ?? "") {
                    conflicts.append((limitation, Evidence(elementID: need.id, sourceID: assessment.source, location: need.location, quote: need.text)))
                }
            }
        }
        var seen = Set<String>()
        for (limitation, evidence) in conflicts {
            if seen.insert(limitation.text).inserted {
                state.evidence.append(Evidence(elementID: limitation.id ?? "fml", sourceID: fml.source, location: limitation.location, quote: limitation.text))
            }
            state.evidence.append(evidence)
        }
        return !conflicts.isEmpty
    }

    /// The elements the course has worked in: what the direction cites or addresses, and what the assessment's own
    /// Schema 2 turns into a work requirement (a support need above the lowest level citing it).
    private func workedIntoCourse(_ assessment: Assessment, _ direction: Assessment.Direction) -> Set<String> {
        let lowest = ruleset.scoring.levels.first?.id
        return Set(direction.cites + direction.addresses + assessment.supportNeeds.filter { $0.level != lowest }.flatMap(\.cites))
    }

    /// Whether a limitation's own words are among those the direction rules out (`FMLReader.demands`, folded).
    private static func ruledOut(_ limitation: String, by ruledOut: [String]) -> Bool {
        let folded = limitation.lowercased()
        return ruledOut.contains { folded.contains($0) }
    }

    /// Without an FML: a limit a physician's text states against what the direction demands or its weekly hours. A
    /// text the course has worked in (`workedIntoCourse`) does not count, nor a limit whose words the direction rules
    /// out ("geen ploegendiensten").
    private func physicianLimitConflict(input: RuleInput, state: inout MatchState) -> Bool {
        guard input.dossier.fml?.present != true, let assessment = input.dossier.assessment, let direction = assessment.direction else { return false }
        let physicians = Set(input.dossier.sources.filter { $0.kind == "physician" }.map(\.id))
        guard !physicians.isEmpty else { return false }
        let workedIn = workedIntoCourse(assessment, direction)
        let (demanded, ruledOut) = input.fmlReader.demands(in: direction.text)
        let asked = WorkHours.range(in: direction.text)?.upperBound
        var conflicts: [(limit: FML.Limitation, span: ClosedRange<Int>, source: String, asks: String)] = []
        for text in input.dossier.screenedTexts where physicians.contains(text.source) && !workedIn.contains(text.id) {
            for limit in input.fmlReader.physicianLimits(in: text.text, element: text.id, location: text.location) {
                guard !Self.ruledOut(limit.limitation.text, by: ruledOut) else { continue }
                if let words = demanded.first(where: { limit.activities.contains($0.activity) })?.words {
                    conflicts.append((limit.limitation, limit.span, text.source, words))
                } else if let cap = limit.weeklyCap, let asked, asked > cap {
                    conflicts.append((limit.limitation, limit.span, text.source, "\(asked) uur"))
                }
            }
        }
        for conflict in conflicts {
            state.evidence.append(Evidence(elementID: conflict.limit.id ?? "", sourceID: conflict.source, location: conflict.limit.location, span: conflict.span, quote: conflict.limit.text))
            state.evidence.append(Evidence(elementID: direction.id, sourceID: assessment.source, location: direction.location, quote: "\(conflict.asks): \(direction.text)"))
        }
        return !conflicts.isEmpty
    }

    private func sentence(of fact: Fact) -> String {
        if case .narrative(_, _, let sentence, _) = fact.origin { return sentence }
        return ""
    }

    /// One observation as the rules tell observations apart: element, indicator, where in the text (nil for a
    /// structured finding). Hashed as it stands; ids cannot hold the separators a joined String key needed.
    struct FindingKey: Hashable {
        var elementID: String
        var indicator: String
        var spanStart: Int?
        init(_ fact: Fact) { (elementID, indicator, spanStart) = (fact.elementID, fact.indicator, fact.textStart) }
    }

    /// A ``FindingKey`` and whether the fact is affirmed: the sides of a pair.
    struct FactKey: Hashable {
        var finding: FindingKey
        var present: Bool
        init(_ fact: Fact) { (finding, present) = (FindingKey(fact), fact.present) }
    }

    struct PairKey: Hashable {
        var left: FactKey
        var right: FactKey
    }

    private func unique(_ facts: [Fact]) -> [Fact] {
        var seen = Set<FactKey>()
        return facts.filter { seen.insert(FactKey($0)).inserted }
    }

    private func facts(matching pattern: FactPattern, input: RuleInput, state: MatchState) -> [Fact] {
        let (facts, index) = pattern.place == .assessment ? (input.assessmentFacts, input.assessmentIndex) : (input.facts, input.index)
        let pool: [Int]
        // Whether the pool holds only facts of the pattern's indicators already.
        var byIndicator = false
        switch pattern.place {
        case .dossier where !pattern.indicators.isEmpty:
            // Only the named indicators' facts, from the index, in the facts' own order; an id named twice counts once.
            var positions: [Int] = []
            for id in pattern.indicators {
                if let indicator = ruleset.indicatorPosition(id: id) { positions += index.byIndicator[indicator] }
            }
            positions.sort()
            pool = positions.enumerated().compactMap { offset, position in offset > 0 && positions[offset - 1] == position ? nil : position }
            byIndicator = true
        case .dossier, .assessment: pool = Array(facts.indices)
        case .cited: pool = facts.indices.filter { input.cited.contains(facts[$0].elementID) }
        case .soleEvidence: pool = facts.indices.filter { input.soleEvidence.contains(facts[$0].elementID) }
        }
        let sameDomains = pattern.sameDomainAs.map { Set((state.bound[$0] ?? []).map(\.domain)) }
        return pool.compactMap { position -> Fact? in
            let fact = facts[position]
            if !byIndicator && !pattern.indicators.isEmpty && !pattern.indicators.contains(fact.indicator) { return nil }
            // A finding of a parked indicator is kept as evidence "not counted", never matched by a rule.
            guard let indicatorPosition = index.indicators[position] else { return nil }
            let indicator = ruleset.indicators[indicatorPosition]
            if let role = pattern.role, role != Self.role(of: indicator) { return nil }
            if !pattern.sourceKinds.isEmpty && !pattern.sourceKinds.contains(fact.sourceKind) { return nil }
            if pattern.excludedSourceKinds.contains(fact.sourceKind) { return nil }
            if !pattern.status.admits(fact, aboutOthersCounts: indicator.countsForOther) { return nil }
            if let assertion = pattern.assertion, fact.assertion != assertion { return nil }
            if !pattern.domains.isEmpty && !pattern.domains.contains(fact.domain) { return nil }
            if pattern.withReadings && indicator.readings.isEmpty { return nil }
            if pattern.withoutGround && input.isTheGround(fact) { return nil }
            if let minWeight = pattern.minWeight {
                guard case .level1(_, let weight) = indicator.role, weight >= minWeight else { return nil }
            }
            if let sameDomains, !sameDomains.contains(fact.domain) { return nil }
            if case .domain(let domain) = state.item, fact.domain != domain.domain.id { return nil }
            if case .conclusion(let conclusion) = state.item, pattern.place == .assessment, fact.elementID != conclusion.id { return nil }
            return fact
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

    private func matches(_ pattern: AssessmentPattern, _ assessment: Assessment?, input: RuleInput, state: inout MatchState) -> Bool {
        func judgement(_ value: String?, in allowed: [String]?) -> Bool {
            guard let allowed else { return true }
            return allowed.contains(value ?? "missing")
        }
        if let wanted = pattern.direction, (assessment?.direction != nil) != wanted { return false }
        if let wanted = pattern.supportNeeds, (assessment?.supportNeeds.isEmpty == false) != wanted { return false }
        if let wanted = pattern.placement, (assessment?.placement != nil) != wanted { return false }
        if !judgement(assessment?.placement?.willing.rawValue, in: pattern.willing) { return false }
        if !judgement(assessment?.placement?.able.rawValue, in: pattern.able) { return false }
        // Evidence for the placement's judgement: something it cites beyond the ambiguous signal it interprets (a
        // placement "willing: no" on the missed appointments alone rests on the very signal it reads, 1.16.0).
        if let wanted = pattern.placementCites {
            // A substantive element cites something by construction (`RuleInput.substantiveElements`).
            let evidenced = assessment?.placement.map { input.substantiveElements.contains($0.id) } ?? false
            if evidenced != wanted { return false }
        }
        if !judgement(assessment?.direction?.sharedWithClient?.rawValue, in: pattern.shared) { return false }
        if let horizons = pattern.horizon, !horizons.contains(assessment?.direction?.horizon ?? "missing") { return false }
        if let intensities = pattern.intensity, !intensities.contains(assessment?.direction?.intensity ?? "missing") { return false }
        if let wanted = pattern.addresses, (assessment?.direction?.addresses.isEmpty == false) != wanted { return false }
        // Support named in prose is an analysis of fit, though not recorded per activity (not recorded is not not done).
        if let wanted = pattern.supportNamed, !input.activitiesWithSupportNamed().isEmpty != wanted { return false }
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

    /// The readings of the signals in `facts`, each marked whether the assessment weighs it: mentions it
    /// (accepting or rejecting it) where it cites evidence beyond the signal itself or weighs in so many
    /// words, or rejects one reading and names another in its own words, or names it in a `<weighed>` element.
    private func readings(of facts: [Fact], input: RuleInput) -> [(reading: Reading, weighed: Bool)] {
        let indicators = Array(Set(facts.map(\.indicator))).sorted()
        var weighed = Set(input.dossier.assessment?.weighed.compactMap { item in item.reading.map { Self.readingKey(item.indicator, $0) } } ?? [])
        for (id, text) in input.assessmentTexts {
            let weighs = input.substantiveElements.contains(id) || input.weighingElements.contains(id)
            for indicator in indicators {
                let hits = readingAnalyzers[indicator]?.analyze(text) ?? []
                // An element that cites only the signal still weighs when it rejects one reading in its own words and
                // names another ("de korte banen lees ik niet als weglopen: ze passen bij haar levensfase"): citing the
                // very signal must not hide a weighing the conclusion states in so many words.
                let namesAndRejects = hits.contains(where: \.negated) && Set(hits.map(\.indicator)).count >= 2
                guard weighs || namesAndRejects else { continue }
                for hit in hits { weighed.insert(hit.indicator) }
            }
        }
        return indicators.flatMap { id in
            (ruleset.indicator(id: id)?.readings ?? []).map { ($0, weighed.contains(Self.readingKey(id, $0.id))) }
        }
    }

    /// How many other readings `<weighed>` elements weigh for what the signals interpret: a `<weighed>` whose `of` names
    /// the element that holds a signal, or an element that element cites, and that names none of the signal's listed
    /// readings (those are counted above), is one more reading weighed — one per weighed indicator. A conclusion that
    /// reads two refusals as a choice after `<weighed>` elements rejected fear, mood and practical barriers for those
    /// very refusals has weighed its reading, even when those readings are not on the signal's list.
    private func weighingsBeyondReadings(of facts: [Fact], input: RuleInput) -> Int {
        guard let weighings = input.dossier.assessment?.weighed, !weighings.isEmpty else { return 0 }
        let about = Set(facts.flatMap { [$0.elementID] + input.citations(of: $0.elementID) })
        let indicators = Set(facts.map(\.indicator))
        let other = weighings.filter { weighing in
            guard !about.isDisjoint(with: weighing.of) else { return false }
            if weighing.reading != nil && indicators.contains(weighing.indicator) { return false }
            return indicators.allSatisfy { (readingAnalyzers[$0]?.analyze(weighing.text) ?? []).isEmpty }
        }
        return Set(other.map(\.indicator)).count
    }

    private func levelRank(_ id: String?) -> Int {
        guard let id else { return -1 }
        return ruleset.scoring.levels.firstIndex { $0.id == id } ?? -1
    }

    // MARK: Flags

    private func flag(_ rule: FlagRule, _ templates: RuleTemplates, item: Item, state: MatchState) -> Flag {
        let label: LocalizedText
        var question = templates.question
        switch item {
        case .dossier: label = LocalizedText(nl: "", en: "")
        case .domain(let d): label = d.domain.label
        case .theme(_, let t):
            label = t.label
            if RuleTemplates.embedsThemeQuestion(rule.question) {
                // A theme outside the ruleset's list (none today) is compiled on the spot.
                question = templates.questionPerTheme[t.id] ?? LocalizedTemplate(RuleTemplates.withThemeQuestion(rule.question, t))
            }
        case .source(let s): label = LocalizedText(nl: s.role, en: s.role)
        case .conclusion(let c): label = LocalizedText(nl: c.id, en: c.id)
        }
        struct Place: Hashable { var elementID: String, span: ClosedRange<Int>? }
        var seen = Set<Place>()
        let distinct = state.evidence.filter { seen.insert(Place(elementID: $0.elementID, span: $0.span)).inserted }
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
            message: templates.message.filled(with: label), question: question.filled(with: label),
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

    /// How many distinct findings `facts` hold: one per element and indicator, however often it is quoted.
    private func distinctFindings(_ facts: [Fact]) -> Int {
        struct Finding: Hashable { var elementID: String, indicator: String }
        return Set(facts.map { Finding(elementID: $0.elementID, indicator: $0.indicator) }).count
    }
}

/// What the rules look at: the screened dossier plus the assessment's own words as facts, and what the
/// assessment cites, addresses and weighs.
extension RuleInput {
    /// The Schema 2 activities whose support the assessment's own words (conclusions and direction) name.
    func activitiesWithSupportNamed() -> Set<String> {
        guard let assessment = dossier.assessment else { return [] }
        return fmlReader.activitiesWithSupportNamed(in: assessment.conclusions.map(\.text) + (assessment.direction.map { [$0.text] } ?? []))
    }
}

struct RuleInput {
    var dossier: Dossier
    var facts: [Fact]
    /// `facts` by indicator, built once per dossier (shared with Schema 1 and 2).
    var index: FactIndex
    var assessmentFacts: [Fact]
    var assessmentIndex: FactIndex
    var domains: [DomainResult]
    var gaps: [Gap]
    var schema2: [ActivityResult]
    /// Element ids the assessment cites anywhere.
    var cited: Set<String>
    /// Cited, explicitly addressed (weighed against the direction) or named in a `<weighed>` element.
    var referenced: Set<String>
    /// Assessment elements that cite evidence beyond the signals they interpret, and `<weighed>` elements.
    var substantiveElements: Set<String>
    /// Dossier elements that are all an assessment element cites, when that is only an ambiguous signal
    /// (a fact with known readings): the conclusion cites the very signal it interprets.
    var soleEvidence: Set<String>
    /// Assessment elements that weigh in so many words ("overwogen", "geen aanwijzingen dat", "neem ik niet als uitgangspunt").
    var weighingElements: Set<String>
    /// Indicators the assessment discusses with evidence or weighs in so many words.
    var discussedIndicators: Set<String>
    /// The assessment's own texts by element id.
    var assessmentTexts: [(id: String, text: String)]
    /// FML limitations per Schema 2 activity.
    var fmlLimitations: [String: [FML.Limitation]]
    var fmlReader: FMLReader
    /// The ids of the FML and its limitations and suggested jobs.
    var fmlElements: Set<String>
    private var assessmentElements: Set<String>
    private var citationGroups: [Set<String>]
    private var citations: [String: [String]]
    /// Dossier elements per indicator and reading (affirmed or not).
    private var elementsHolding: [Holding: Set<String>]
    struct TimedHolding: Hashable {
        var indicator: String
        var over: Bool
    }
    /// Affirmed facts about the client by indicator and time (over, or current), with the elements that hold them.
    private var elementsHoldingInTime: [TimedHolding: Set<String>]
    struct Holding: Hashable {
        var indicator: String
        var present: Bool
    }
    private var claimElements: Set<String>
    private var weighedIndicators: Set<String>
    /// "element|indicator": an element a `<weighed>` element weighs for its indicator (in its `of`, holding that indicator
    /// affirmed), with each indicator that contradicts the weighed one. Another reading of the same words against the same
    /// counter-evidence is the contradiction the assessment weighed ("ik kan niks met die arm" is also a low self-assessment
    /// against the physician's "geschikt voor werk").
    private var weighedContradictions: Set<String>
    /// "element|indicator": a claim a conclusion weighs in its own words — it cites the claim's element, names the
    /// claim's indicator and carries the weighing signal ("zijn eigen inschatting dat hij niets meer kan wijkt af van wat
    /// zijn vrouw beschrijft; dat heb ik met hem besproken"). Every contradiction of that claim is then explained.
    private var weighedClaims: Set<String>
    /// The `<weighed>` elements and the elements their `of` lists.
    private var weighedElements: Set<String>
    /// What the direction cites and addresses, and what `<weighed>` elements weigh and cite.
    private var courseElements: Set<String>
    /// What the direction addresses and what `<weighed>` elements weigh.
    private var explicitElements: Set<String>
    /// The indicators of the dossier facts in `explicitElements`: the same finding told elsewhere is addressed too.
    private var explicitIndicators: Set<String>
    /// "element|domain" for each conclusion about a domain that cites the element, "element|" for each `<weighed>`
    /// element and each support need above the lowest level that cites it: what the assessment draws from the element.
    private var engagingCitations: Set<String>
    /// The Schema 2 activities the assessment's own support needs rate above the lowest level.
    private var assessedActivities: [Schema2Activity]
    /// Per assessment element, what it cites and addresses (a `<weighed>` element: what it weighs), and the indicators
    /// it names or weighs: what it engages.
    private var elementReach: [String: Set<String>]
    private var elementIndicators: [String: Set<String>]
    /// The source kind behind each dossier element and source id, for `unaddressed/@assessedBy` and a contraindication's
    /// `assessedBy`.
    private var sourceKindOf: [String: String]
    /// The ruleset's benefit ground, to tell the primary limitation on record (``FactExtractor/isGround(_:of:)``).
    var benefitGround: BenefitGround?
    /// The words the benefit ground is read from, lowercased, per indicator (``isTheGround(_:)``).
    private let groundWords: [String: Set<String>]

    /// The kind of the source behind a dossier element (a narrative, finding, wish or FML item) or of a source by its id.
    func sourceKind(of id: String) -> String? { sourceKindOf[id] }

    init(
        dossier: Dossier, facts: [Fact], index: FactIndex, assessmentFacts: [Fact], domains: [DomainResult], gaps: [Gap], schema2: [ActivityResult],
        ruleset: Ruleset, fmlReader: FMLReader, fmlLimitations: [String: [FML.Limitation]]
    ) {
        self.dossier = dossier
        self.facts = facts
        benefitGround = ruleset.benefitGround
        groundWords = Dictionary(grouping: facts.filter { [benefitGround] in $0.isNarrative && FactExtractor.isGround($0, of: benefitGround) }, by: \.indicator)
            .mapValues { Set($0.map { $0.quote.lowercased() }) }
        self.index = index
        self.assessmentFacts = assessmentFacts
        assessmentIndex = FactIndex(assessmentFacts, ruleset: ruleset)
        self.domains = domains
        self.gaps = gaps
        self.schema2 = schema2
        self.fmlReader = fmlReader
        self.fmlLimitations = fmlLimitations
        fmlElements = Set(([dossier.fml?.id] + (dossier.fml?.items.map(\.id) ?? []) + (dossier.fml?.jobIDs ?? [])).compactMap { $0 })
        let assessment = dossier.assessment
        // Every assessment element with what it rests on; conclusions and the placement judge the client.
        var elements: [(id: String, text: String, cites: [String], addresses: [String], judges: Bool)] = []
        elements += (assessment?.conclusions ?? []).map { ($0.id, $0.text, $0.cites, [], true) }
        elements += (assessment?.weighed ?? []).map { ($0.id, $0.text, $0.cites, $0.of, false) }
        elements += (assessment?.supportNeeds ?? []).map { ($0.id, $0.text, $0.cites, [], false) }
        if let placement = assessment?.placement { elements.append((placement.id, placement.text, placement.cites, [], true)) }
        if let direction = assessment?.direction { elements.append((direction.id, direction.text, direction.cites, direction.addresses, false)) }
        assessmentTexts = elements.map { ($0.id, $0.text) }
        elementReach = Dictionary(elements.map { ($0.id, Set($0.cites + $0.addresses)) }, uniquingKeysWith: { a, b in a.union(b) })
        var named = Dictionary(grouping: assessmentFacts, by: \.elementID).mapValues { Set($0.map(\.indicator)) }
        for weighed in assessment?.weighed ?? [] { named[weighed.id, default: []].insert(weighed.indicator) }
        elementIndicators = named
        var kinds = Dictionary(dossier.sources.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        func kind(of element: String, source: String?) { if let source, let sourceKind = kinds[source] { kinds[element] = sourceKind } }
        for narrative in dossier.screenedTexts { kind(of: narrative.id, source: narrative.source) }
        for finding in dossier.findings { kind(of: finding.id, source: finding.source) }
        for wish in dossier.wishes { kind(of: wish.id, source: wish.source) }
        if let fml = dossier.fml {
            for id in ([fml.id] + fml.items.map(\.id)).compactMap({ $0 }) { kind(of: id, source: fml.source) }
        }
        sourceKindOf = kinds
        assessmentElements = Set(elements.map(\.id))
        // What explains a contradiction is a conclusion (or a <weighed> element) that rests on both sides; a
        // direction, placement or support need that cites both uses them, it does not reconcile them.
        let explaining = Set((assessment?.conclusions.map(\.id) ?? []) + (assessment?.weighed.map(\.id) ?? []))
        citationGroups = elements.filter { explaining.contains($0.id) }.map { Set($0.cites + $0.addresses) }
        citations = Dictionary(elements.map { ($0.id, $0.cites) }, uniquingKeysWith: { a, _ in a })
        let selfReport = Set(dossier.sources.filter { ruleset.sourceKind(id: $0.kind)?.isSelfReport == true }.map(\.id))
        var claims = Set(dossier.wishes.map(\.id))
        let factsOf = Dictionary(grouping: facts, by: \.elementID)
        for narrative in dossier.screenedTexts {
            let own = factsOf[narrative.id] ?? []
            if own.isEmpty ? selfReport.contains(narrative.source) : own.allSatisfy({ $0.assertion == .claim }) { claims.insert(narrative.id) }
        }
        for finding in dossier.findings where (factsOf[finding.id] ?? []).allSatisfy({ $0.assertion == .claim }) { claims.insert(finding.id) }
        claimElements = claims
        elementsHolding = Dictionary(grouping: facts, by: { Holding(indicator: $0.indicator, present: $0.present) }).mapValues { Set($0.map(\.elementID)) }
        elementsHoldingInTime = Dictionary(
            grouping: facts.filter { $0.present && $0.experiencer == .client && !$0.hypothetical }, by: { TimedHolding(indicator: $0.indicator, over: Self.isOver($0)) }
        ).mapValues { Set($0.map(\.elementID)) }
        cited = Set(elements.flatMap(\.cites))
        referenced = cited.union(elements.flatMap(\.addresses))

        // An element whose facts are all ambiguous signals is the thing interpreted, not evidence for a reading. A
        // reading of the signal's own words by another indicator ("niet verschenen" is also avoidant coping) is the
        // same signal, not more evidence (1.16.0).
        let mereSignal = Set(factsOf.filter { _, facts in
            let isSignal = { (fact: Fact) in !(ruleset.indicator(id: fact.indicator)?.readings.isEmpty ?? true) }
            let signalWords = facts.filter(isSignal).compactMap(\.textRange)
            return facts.allSatisfy { fact in
                isSignal(fact) || fact.textRange.map { words in signalWords.contains { $0.overlaps(words) } } == true
            }
        }.keys)
        var substantive = Set((assessment?.weighed ?? []).map(\.id))
        var sole = Set<String>()
        // A conclusion that finds nothing but strengths in what it cites ("ruime ervaring in de schoonmaak" of eight
        // years of agency jobs) does not interpret the signal there: the signal's readings explain the signal, not
        // the strength.
        let ownFacts = Dictionary(grouping: assessmentFacts, by: \.elementID)
        func readsOnlyStrengths(_ element: String) -> Bool {
            guard let own = ownFacts[element], !own.isEmpty else { return false }
            return own.allSatisfy { $0.present && ruleset.indicator(id: $0.indicator)?.polarity == .strength }
        }
        for element in elements where !element.cites.isEmpty {
            if !element.judges || element.cites.contains(where: { !mereSignal.contains($0) }) {
                substantive.insert(element.id)
            } else if !readsOnlyStrengths(element.id) {
                sole.formUnion(element.cites)
            }
        }
        substantiveElements = substantive
        soleEvidence = sole

        let weighing = Set(assessmentFacts.filter { $0.indicator == ruleset.weighingSignal }.map(\.elementID))
        weighingElements = weighing
        var claimsWeighed = Set<String>()
        for conclusion in assessment?.conclusions ?? [] where weighing.contains(conclusion.id) {
            let named = Set(assessmentFacts.filter { $0.elementID == conclusion.id && $0.indicator != ruleset.weighingSignal }.map(\.indicator))
            for element in conclusion.cites { claimsWeighed.formUnion(named.map { element + "|" + $0 }) }
        }
        weighedClaims = claimsWeighed
        weighedIndicators = Set((assessment?.weighed ?? []).map(\.indicator))
        var weighedPairs = Set<String>()
        let factIndicators = Set(facts.map(\.indicator))
        for weighed in assessment?.weighed ?? [] {
            let holding = elementsHolding[Holding(indicator: weighed.indicator, present: true)] ?? []
            let against = factIndicators.filter { ruleset.contradicts(weighed.indicator, $0) }
            for element in weighed.of where holding.contains(element) {
                weighedPairs.formUnion(against.map { element + "|" + $0 })
            }
        }
        weighedContradictions = weighedPairs
        weighedElements = Set((assessment?.weighed ?? []).flatMap { [$0.id] + $0.of })
        explicitElements = Set((assessment?.direction?.addresses ?? []) + (assessment?.weighed ?? []).flatMap(\.of))
        explicitIndicators = Set(facts.filter { [explicitElements] fact in explicitElements.contains(fact.elementID) && fact.counts }.map(\.indicator))
        let lowest = ruleset.scoring.levels.first?.id
        let needs = (assessment?.supportNeeds ?? []).filter { $0.level != lowest }
        var engaging = Set<String>()
        for conclusion in assessment?.conclusions ?? [] {
            guard let domain = conclusion.domain else { continue }
            engaging.formUnion(conclusion.cites.map { $0 + "|" + domain })
        }
        engaging.formUnion(((assessment?.weighed ?? []).flatMap(\.cites) + needs.flatMap(\.cites)).map { $0 + "|" })
        engagingCitations = engaging
        assessedActivities = needs.compactMap { ruleset.activity(id: $0.activity) }
        courseElements = Set((assessment?.direction.map { $0.cites + $0.addresses } ?? []) + (assessment?.weighed ?? []).flatMap { $0.of + $0.cites })
        var discussed = weighedIndicators
        for fact in assessmentFacts where fact.indicator != ruleset.weighingSignal {
            if substantive.contains(fact.elementID) || weighing.contains(fact.elementID) { discussed.insert(fact.indicator) }
        }
        discussedIndicators = discussed
    }

    /// Whether the assessment cites, addresses or weighs this fact — for the assessment's own words: whether
    /// the element that says them rests on evidence beyond the signal, or the sentence weighs them.
    func isAddressed(_ fact: Fact) -> Bool {
        if assessmentElements.contains(fact.elementID) {
            return substantiveElements.contains(fact.elementID) || weighingElements.contains(fact.elementID) || weighedIndicators.contains(fact.indicator)
        }
        // The benefit ground (or, without one, the FML's limitations as the primary limitation) is the premise every
        // advice starts from.
        if isTheGround(fact) { return true }
        return referenced.contains(fact.elementID) || discussedIndicators.contains(fact.indicator)
    }

    /// The benefit ground itself, or the same words of it elsewhere: the client's "ik heb epilepsie" is the Wajong's
    /// epilepsy, the premise of the advice. Same indicator and the same words, so a new complaint of the same indicator
    /// ("rugpijn" beside a ground of epilepsy) stays a finding of its own.
    func isTheGround(_ fact: Fact) -> Bool {
        if FactExtractor.isGround(fact, of: benefitGround) { return true }
        guard fact.isNarrative, let words = groundWords[fact.indicator] else { return false }
        return words.contains(fact.quote.lowercased())
    }

    /// Whether the assessment engages with this fact, not merely cites the element that carries it: the direction
    /// addresses it (or the same indicator elsewhere) or a `<weighed>` element weighs it; the assessment discusses its
    /// indicator; it is a coded finding the assessment cites (the citation names it); a conclusion about its domain, a
    /// `<weighed>` element or a support need above the lowest level cites its element. The assessment's own words and
    /// the benefit ground are engaged as they are addressed.
    func isEngaged(_ fact: Fact) -> Bool {
        if assessmentElements.contains(fact.elementID) || FactExtractor.isGround(fact, of: benefitGround) { return isAddressed(fact) }
        if isExplicitlyAddressed(fact) || isAddressedElsewhere(fact) || discussedIndicators.contains(fact.indicator) { return true }
        if case .structured = fact.origin, referenced.contains(fact.elementID) { return true }
        return engagingCitations.contains(fact.elementID + "|" + fact.domain) || engagingCitations.contains(fact.elementID + "|")
    }

    /// Whether the direction addresses, or a `<weighed>` element weighs, an element holding the same indicator: the same
    /// finding told by another source.
    func isAddressedElsewhere(_ fact: Fact) -> Bool {
        explicitIndicators.contains(fact.indicator)
    }

    /// Whether an assessment element engages this fact (cites or addresses its element, names or weighs its indicator)
    /// and cites evidence from a source of one of `kinds`: assessed by someone qualified, not only mentioned.
    func isAssessed(_ fact: Fact, bySourceKinds kinds: Set<String>) -> Bool {
        elementReach.contains { element, reach in
            let engages = reach.contains(fact.elementID) || elementIndicators[element]?.contains(fact.indicator) == true
            return engages && reach.contains { sourceKindOf[$0].map(kinds.contains) == true }
        }
    }

    /// Whether the assessment's own Schema 2 covers this fact: a support need above the lowest level for an activity
    /// derived from the fact's indicator with at least `weight`.
    func isCovered(_ fact: Fact, from weight: Double) -> Bool {
        assessedActivities.contains { $0.derivations.contains { $0.indicator == fact.indicator && $0.weight >= weight } }
    }

    /// Whether a `<weighed>` element weighs this fact: its indicator, the fact's element in its `of`, or the fact in it.
    func isWeighed(_ fact: Fact) -> Bool {
        weighedIndicators.contains(fact.indicator) || weighedElements.contains(fact.elementID)
    }

    /// Whether the direction addresses this fact's element or a `<weighed>` element weighs it (element or indicator).
    func isExplicitlyAddressed(_ fact: Fact) -> Bool {
        explicitElements.contains(fact.elementID) || weighedIndicators.contains(fact.indicator)
    }

    /// Whether the course takes this dossier fact into account in so many words: the direction cites or addresses
    /// its element, or a `<weighed>` element weighs it (its element or its indicator).
    func isConsideredByCourse(_ fact: Fact) -> Bool {
        courseElements.contains(fact.elementID) || weighedIndicators.contains(fact.indicator)
    }

    /// Whether an assessment element cites at least one element of the dossier.
    func citesSomething(_ element: String) -> Bool {
        !(citations[element] ?? []).isEmpty
    }

    /// Whether an assessment element cites nothing at all.
    func citesNothing(_ element: String) -> Bool {
        assessmentElements.contains(element) && (citations[element] ?? []).isEmpty
    }

    /// The elements an assessment element cites (none for a dossier element).
    func citations(of element: String) -> [String] {
        citations[element] ?? []
    }

    /// Whether an assessment element cites something and all it cites is the client's own word about himself:
    /// a wish, or an element whose facts are all claims (an element without facts counts by its source).
    func restsOnClaimsOnly(_ element: String) -> Bool {
        guard let cites = citations[element], !cites.isEmpty else { return false }
        return cites.allSatisfy { claimElements.contains($0) }
    }

    /// Whether the element holds an affirmed fact of the indicator (in any tense).
    func affirms(_ element: String, _ indicator: String) -> Bool {
        elementsHolding[Holding(indicator: indicator, present: true)]?.contains(element) ?? false
    }

    /// Whether the element also tells the fact's indicator in the other time: as current when the fact is over, as
    /// over when it is current ("na acht droge jaren drinkt hij weer": a timeline, not a claim against another source).
    func tellsOtherTime(_ element: String, of fact: Fact) -> Bool {
        elementsHoldingInTime[TimedHolding(indicator: fact.indicator, over: !Self.isOver(fact))]?.contains(element) ?? false
    }

    /// Affirmed about the client as past or settled.
    static func isOver(_ fact: Fact) -> Bool { fact.historical || fact.resolved }

    /// Whether the assessment explains the pair: one conclusion or `<weighed>` element rests on both sides — an element
    /// holding the one indicator (read the same way) and an element holding the other —, a `<weighed>`
    /// element weighs either indicator, or it weighs one side's element for an indicator the other side contradicts.
    func explains(_ a: Fact, _ b: Fact) -> Bool {
        if weighedIndicators.contains(a.indicator) || weighedIndicators.contains(b.indicator) { return true }
        if weighedContradictions.contains(a.elementID + "|" + b.indicator) || weighedContradictions.contains(b.elementID + "|" + a.indicator) { return true }
        if weighedClaims.contains(a.elementID + "|" + a.indicator) || weighedClaims.contains(b.elementID + "|" + b.indicator) { return true }
        // The same finding told as over and as current: a conclusion resting on the client's "geen druppel meer" alone
        // has not met the partner's "hij zit weer aan het bier". Each side is then what holds it in its own time.
        let inTime = a.indicator == b.indicator && a.present == b.present
        func holding(_ fact: Fact) -> Set<String> {
            (inTime
                ? elementsHoldingInTime[TimedHolding(indicator: fact.indicator, over: Self.isOver(fact))]
                : elementsHolding[Holding(indicator: fact.indicator, present: fact.present)]) ?? [fact.elementID]
        }
        let left = holding(a), right = holding(b)
        return citationGroups.contains { !$0.isDisjoint(with: left) && !$0.isDisjoint(with: right) }
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

/// Weekly working hours named in a short text: "24 uur", "32 tot 36 uur", "28–32 u", "fulltime" (36–40).
enum WorkHours {
    /// Hours further apart than this are another wish; a few hours either way are a detail to agree on.
    static let tolerance = 4

    /// The lowest and highest weekly hours the text names, nil when it names none.
    static func range(in text: String) -> ClosedRange<Int>? {
        let folded = text.lowercased()
        var hours: [Int] = []
        if folded.contains("fulltime") || folded.contains("voltijd") { hours += [36, 40] }
        // A number (or "a tot b", "a-b", "a–b") directly before "uur" or "u": hours per week in a wish or direction.
        let pattern = /(\d{1,2})(?:\s*(?:-|–|tot)\s*(\d{1,2}))?\s*(?:uur|u)\b/
        for match in folded.matches(of: pattern) {
            for value in [match.output.1, match.output.2].compactMap({ $0 }).compactMap({ Int($0) }) where (4...60).contains(value) {
                hours.append(value)
            }
        }
        guard let low = hours.min(), let high = hours.max() else { return nil }
        return low...high
    }

    /// The most weekly hours a limitation allows, nil when it names no hours per day or week: "maximaal 4 uur per dag"
    /// is 20 (a working week of five days), "20 uur per week" 20; of several, the lowest.
    /// With `numberWords`, also a number written out ("zes uur per dag"), as a physician writes in prose.
    static func weeklyCap(in text: String, numberWords: Bool = false) -> Int? {
        let folded = text.lowercased()
        // Also the shorthand of notes: "4 u p/d", "4 uur p.d.", "20 u/wk".
        let pattern = /(\d{1,2}|[a-zéë]+)\s*(?:uur|u)\s*(?:per|\/|p\.?\/?)\s*(dag|week|wk|d|w)\b/
        let caps = folded.matches(of: pattern).compactMap { match -> Int? in
            let number = String(match.output.1)
            guard let value = Int(number) ?? (numberWords ? Self.numberWords[number] : nil), value > 0 else { return nil }
            return match.output.2 == "dag" || match.output.2 == "d" ? value * 5 : value
        }
        return caps.min()
    }

    /// Dutch numbers up to forty as words, for hours written out.
    static let numberWords: [String: Int] = {
        let units = ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "dertien", "veertien",
                     "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig"]
        var words = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($0.element, $0.offset + 1) })
        words["één"] = 1
        for (ten, name) in [(20, "twintig"), (30, "dertig")] {
            for unit in 1...9 { words[units[unit - 1] + (unit == 2 || unit == 3 ? "ën" : "en") + name] = ten + unit }
        }
        words["dertig"] = 30
        words["veertig"] = 40
        return words
    }()

    /// Whether both texts name weekly hours and the ranges lie more than `tolerance` apart.
    static func conflict(_ a: String, _ b: String) -> Bool {
        guard let left = range(in: a), let right = range(in: b) else { return false }
        return left.upperBound + tolerance < right.lowerBound || right.upperBound + tolerance < left.lowerBound
    }
}
