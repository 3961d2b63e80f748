/// Writes the professional's own assessment in one of the styles the seeds describe: argued (evidence
/// cited, Schema 2 filled in, direction weighed and shared), tunnel vision, unwillingness without
/// evidence, the quick fix, or a thin note. It draws from its own random stream, so whether a dossier
/// has an assessment never changes the rest of the dossier.
struct AssessmentWriter {
    let builder: DossierBuilder
    let draft: Draft

    private var catalogue: IndicatorCatalogue { builder.catalogue }
    private var mentions: [DossierBuilder.Mention] { builder.allMentions }

    func write(random: inout SeededRandom) -> Draft.Assessment {
        let professional = draft.sources.first { $0.kind == "professional" } ?? draft.sources[draft.sources.count - 1]
        var assessment = Draft.Assessment(id: "a-1", source: professional.id, date: draft.date)
        let style = random.pick(weighted: builder.profile.assessmentStyles)
        let goal = draft.wishes.isEmpty ? builder.filled("{beroep}") : builder.filled("{wens}")
        switch style {
        case .argued: argued(&assessment, goal: goal, random: &random)
        case .tunnel: tunnel(&assessment, random: &random)
        case .unwilling: unwilling(&assessment, random: &random)
        case .quickFix: quickFix(&assessment, goal: goal, random: &random)
        case .thin: thin(&assessment, random: &random)
        }
        return assessment
    }

    // MARK: Styles

    private func argued(_ a: inout Draft.Assessment, goal: String, random: inout SeededRandom) {
        for domain in catalogue.domains.map(\.id) {
            let burdens = elements { $0.domain == domain && $0.isBurden }
            let strengths = elements { $0.domain == domain && $0.isStrength }
            if !burdens.isEmpty {
                add(&a.conclusions, domain: domain, cites: burdens, text: random.pick(Phrasebook.burdenConclusions))
            } else if !strengths.isEmpty, random.chance(0.5) {
                add(&a.conclusions, domain: domain, cites: strengths, text: random.pick(Phrasebook.strengthConclusions))
            }
        }
        // Schema 2 as the professional sees it: mostly the level the findings imply, sometimes one off.
        var highest = 0
        for activity in catalogue.activities {
            var level = derivedLevel(activity)
            if random.chance(0.2) { level = max(0, min(catalogue.levels.count - 1, level + (random.chance(0.5) ? 1 : -1))) }
            highest = max(highest, level)
            let derived = activity.derivations.map(\.indicator)
            let cites = Array(elements { derived.contains($0.id) }.prefix(3))
            let support = activity.needs.first { $0.level == catalogue.levels[level] }?.support ?? "Geen ondersteuning nodig."
            a.needs.append(.init(id: "sn-\(a.needs.count + 1)", activity: activity.id, level: catalogue.levels[level], cites: cites, text: support))
        }
        let strengths = elements(\.isStrength) + draft.wishes.map(\.id)
        let burdens = elements(\.isBurden)
        let able = burdens.count > 3 ? "unclear" : "yes"
        a.placement = .init(id: "p-1", willing: random.chance(0.85) ? "yes" : "unclear", able: able,
                            cites: Array((strengths + burdens).prefix(4)), text: random.pick(Phrasebook.argumentedPlacements))
        let intensity = highest >= catalogue.levels.count - 1 ? "intensive" : highest >= catalogue.levels.count - 2 ? "moderate" : "light"
        let text = random.pick(Phrasebook.argumentedDirections)
            .replacingAll("{doel}", with: goal).replacingAll("{intensiteit}", with: Phrasebook.intensities[intensity] ?? "begeleiding")
        a.direction = .init(id: "d-1", cites: Array(strengths.prefix(4)), addresses: Array(burdens.prefix(6)) + (draft.fml?.limitations.prefix(2).map(\.id) ?? []),
                            horizon: "long", intensity: intensity, shared: "yes", text: text)
    }

    private func tunnel(_ a: inout Draft.Assessment, random: inout SeededRandom) {
        for text in random.sample(Phrasebook.tunnelConclusions, count: random.int(in: 1...2)) {
            add(&a.conclusions, domain: domain("toekomst"), cites: [], text: text)
        }
        let supporting = elements(\.isStrength) + draft.wishes.map(\.id)
        if let first = supporting.first { add(&a.conclusions, domain: nil, cites: [first], text: random.pick(Phrasebook.strengthConclusions).replacingAll("{label}", with: "Aanknopingspunt")) }
        a.placement = .init(id: "p-1", willing: "yes", able: "yes", cites: Array(supporting.prefix(2)), text: "Gemotiveerd en in staat om te starten.")
        a.direction = .init(id: "d-1", cites: Array(supporting.prefix(5)), addresses: [], horizon: "long", intensity: "moderate",
                            shared: random.chance(0.7) ? "yes" : "unclear", text: builder.filled(random.pick(Phrasebook.tunnelDirections)))
    }

    private func unwilling(_ a: inout Draft.Assessment, random: inout SeededRandom) {
        for text in random.sample(Phrasebook.unwillingConclusions, count: random.int(in: 1...2)) {
            add(&a.conclusions, domain: domain("toekomst"), cites: [], text: text)
        }
        a.placement = .init(id: "p-1", willing: "no", able: "yes", cites: [], text: random.pick(Phrasebook.unwillingPlacements))
        a.direction = .init(id: "d-1", cites: [], addresses: [], horizon: "short", intensity: "light",
                            shared: random.pick(["no", "unclear"]), text: random.pick(Phrasebook.unwillingDirections))
    }

    private func quickFix(_ a: inout Draft.Assessment, goal: String, random: inout SeededRandom) {
        let any = elements { _ in true }
        add(&a.conclusions, domain: nil, cites: any.isEmpty ? [] : [random.pick(any)], text: random.pick(Phrasebook.quickConclusions))
        a.direction = .init(id: "d-1", cites: Array(elements(\.isStrength).prefix(1)), addresses: [], horizon: "short", intensity: "light",
                            shared: random.pick(["yes", "unclear"]), text: random.pick(Phrasebook.quickDirections).replacingAll("{doel}", with: goal))
    }

    private func thin(_ a: inout Draft.Assessment, random: inout SeededRandom) {
        for text in random.sample(Phrasebook.thinConclusions, count: random.int(in: 1...2)) {
            add(&a.conclusions, domain: nil, cites: [], text: text)
        }
    }

    // MARK: Helpers

    /// Ids of the elements that carry current, client-own mentions of indicators matching `include`, in dossier order.
    private func elements(_ include: (IndicatorCatalogue.Entry) -> Bool) -> [String] {
        var ids: [String] = []
        for mention in mentions where mention.context == .affirmed {
            guard let entry = catalogue.entry(mention.indicator), include(entry), !ids.contains(mention.element) else { continue }
            ids.append(mention.element)
        }
        return ids
    }

    /// The Schema 2 level the planned mentions imply, as an index into the catalogue's levels.
    private func derivedLevel(_ activity: IndicatorCatalogue.Activity) -> Int {
        var score = 0.0
        for derivation in activity.derivations {
            let factors = mentions.filter { $0.indicator == derivation.indicator }.map { mention -> Double in
                switch mention.context {
                case .affirmed: 1
                case .historical: 0.5
                case .other: catalogue.entry(mention.indicator)?.countsForOther == true ? 1 : 0
                case .negated, .hypothetical: 0
                }
            }
            score += derivation.weight * (factors.max() ?? 0)
        }
        let level = activity.needs.last { score >= $0.min }?.level
        return level.flatMap { catalogue.levels.firstIndex(of: $0) } ?? 0
    }

    private func domain(_ id: String) -> String? { catalogue.domains.contains { $0.id == id } ? id : nil }

    private func add(_ conclusions: inout [Draft.Assessment.Conclusion], domain: String?, cites: [String], text: String) {
        let label = domain.map { catalogue.domainLabel($0) } ?? "Algemeen"
        conclusions.append(.init(id: "c-\(conclusions.count + 1)", domain: domain, cites: Array(cites.prefix(4)),
                                 text: builder.filled(text.replacingAll("{label}", with: label)).capitalisedFirst))
    }
}
