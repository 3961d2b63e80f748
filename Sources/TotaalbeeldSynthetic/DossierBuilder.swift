/// Builds one synthetic dossier: picks a regime and profile, the indicators that hold for the client,
/// the sources that report them, and writes findings, narratives, wish, FML and assessment.
///
/// All randomness comes from the `SeededRandom` streams it is given, in a fixed order; nothing iterates a
/// dictionary or a set, so the same streams always give the same dossier.
struct DossierBuilder {
    /// One thing the dossier says about an indicator, and where it ends up.
    struct Mention {
        var indicator: String
        var context: MentionContext
        /// An inconsistency pattern fixes which kind of source must say it.
        var kind: String?
        var source = ""
        /// The finding or narrative that carries it, once written.
        var element = ""
    }

    let catalogue: IndicatorCatalogue
    let index: Int
    var random: SeededRandom

    // Chosen while building.
    private(set) var regime = Population.regimes[0]
    private(set) var profile = Population.profiles[0]
    private var gender = Gender.man
    private var cause = Population.causes[0]
    /// Placeholder → value for this dossier ("{hij}" → "zij", "{beroep}" → "kok", …).
    private var fill: [String: String] = [:]
    private var date = Day(year: 2015, month: 1, day: 1)
    private var sources: [Draft.Source] = []
    private var mentions: [Mention] = []
    private var gapThemes: [IndicatorCatalogue.Theme] = []
    private var closedDomains: [String] = []
    /// Per domain, a kind of source that must not speak there (a theme that needs it is a gap).
    private var excludedKinds: [(domain: String, kind: String)] = []

    init(catalogue: IndicatorCatalogue, index: Int, random: SeededRandom) {
        self.catalogue = catalogue
        self.index = index
        self.random = random
    }

    // MARK: The dossier

    mutating func build(assessment: SeededRandom?) -> (Draft, [PlannedMention]) {
        chooseClient()
        chooseGaps()
        chooseIndicators()
        chooseSources()
        assignSources()
        addNoise()
        var draft = Draft(
            id: "synth-" + Self.padded(index), date: date,
            comment: "Synthetisch dossier, gegenereerd door TotaalbeeldSynthetic (profiel \(profile.name)); geen echte persoon.",
            summary: "", ageBand: "", regime: regime.id
        )
        describeClient(into: &draft)
        draft.sources = sources
        writeElements(into: &draft)
        cover(&draft)
        addWish(into: &draft)
        addFML(into: &draft)
        if var stream = assessment {
            draft.assessment = AssessmentWriter(builder: self, draft: draft).write(random: &stream)
        }
        let planned = mentions.map { PlannedMention(elementID: $0.element, indicator: $0.indicator, context: $0.context) }
        return (draft, planned)
    }

    static func padded(_ index: Int) -> String {
        let digits = String(index)
        return digits.count >= 6 ? digits : String(repeating: "0", count: 6 - digits.count) + digits
    }

    // MARK: Client

    private mutating func chooseClient() {
        regime = random.pick(weighted: Population.regimes.map { ($0, $0.weight) })
        let bias = regime.profileBias
        profile = random.pick(weighted: Population.profiles.map { spec in
            (spec, spec.weight * (bias.first { $0.0 == spec.name }?.1 ?? 1))
        })
        gender = random.chance(0.52) ? .man : .vrouw
        let causeID = random.pick(weighted: regime.causes)
        cause = Population.causes.first { $0.id == causeID } ?? Population.causes[0]
        let year = random.int(in: regime.years)
        date = Day(year: year, month: random.int(in: 1...12), day: random.int(in: 1...28))
        let words = catalogue.vocabulary
        let former = random.pick(words.formerJobs)
        let pairs = gender.pronouns + [
            ("{beroep}", former), ("{wens}", random.chance(0.3) ? former : random.pick(words.wishedJobs)),
            ("{hobby}", random.pick(words.hobbies)), ("{org}", random.pick(words.organisations)),
            ("{vak}", random.pick(words.subjects)), ("{uren}", random.pick(Phrasebook.hours)),
        ]
        fill = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    private mutating func describeClient(into draft: inout Draft) {
        let band = random.pick(weighted: regime.bands)
        let range = Population.ageBands.first { $0.label == band }?.range ?? regime.ages
        let low = max(range.lowerBound, regime.ages.lowerBound), high = min(range.upperBound, regime.ages.upperBound)
        let age = low <= high ? random.int(in: low...high) : random.int(in: regime.ages)
        draft.ageBand = band
        draft.age = random.chance(0.6) ? age : nil
        draft.gender = random.chance(0.95) ? gender.rawValue : nil
        draft.background = random.chance(0.8) ? random.pick(regime.backgrounds) : nil
        if cause.medical {
            draft.disability = (
                regime.percentages.isEmpty ? nil : random.pick(regime.percentages),
                random.pick(cause.causes), cause.statuses.isEmpty ? nil : random.pick(cause.statuses)
            )
        }
        let who = gender == .man ? "Man" : "Vrouw"
        let ageText = draft.age.map { "van \($0)" } ?? "in de leeftijdsgroep \(band)"
        var reason = ""
        if let cause = draft.disability?.cause { reason = "; medische achtergrond: " + lowercasedFirst(String(cause.dropLast(cause.hasSuffix(".") ? 1 : 0))) }
        draft.summary = "\(who) \(ageText) met \(regime.phrase)\(reason). \(random.pick(Phrasebook.summaryOpenings))"
    }

    // MARK: Gaps

    /// Leaves some conversation themes uncovered. A theme can only be left open on its own when it is
    /// the only theme of its domain (the domain stays empty) or when it needs a kind of source (that
    /// kind then does not speak about the domain); otherwise covering a sibling theme would cover it too.
    private mutating func chooseGaps() {
        let count = random.int(in: profile.gaps)
        guard count > 0 else { return }
        var candidates = catalogue.themes.filter { theme in
            theme.requiredSourceKind != nil || catalogue.themes.filter { $0.domain == theme.domain }.count == 1
        }
        for _ in 0..<count where !candidates.isEmpty {
            let theme = random.pick(weighted: candidates.map { ($0, Population.gapWeights[$0.id] ?? 1) })
            candidates.removeAll { $0.id == theme.id }
            gapThemes.append(theme)
        }
        for domain in catalogue.domains.map(\.id) {
            let themes = catalogue.themes.filter { $0.domain == domain }
            let open = themes.filter { theme in !gapThemes.contains { $0.id == theme.id } }
            if !themes.isEmpty, open.isEmpty {
                closedDomains.append(domain)
            } else {
                for theme in gapThemes where theme.domain == domain {
                    if let kind = theme.requiredSourceKind { excludedKinds.append((domain, kind)) }
                }
            }
        }
    }

    private func isOpen(_ domain: String, for kind: String? = nil) -> Bool {
        if closedDomains.contains(domain) { return false }
        guard let kind else { return true }
        return !excludedKinds.contains { $0.domain == domain && $0.kind == kind }
    }

    // MARK: Indicators

    private mutating func chooseIndicators() {
        let favoured = profile.favoured
        func add(_ id: String, kind: String? = nil) {
            guard let entry = catalogue.entry(id), isOpen(entry.domain), !conflicts(entry) else { return }
            mentions.append(Mention(indicator: id, context: .affirmed, kind: kind))
        }
        // The core of a crisis, and the illness behind the benefit.
        let cores = profile.cores.filter { $0.allSatisfy { catalogue.entry($0) != nil } }
        if !cores.isEmpty { random.pick(cores).forEach { add($0) } }
        if cause.medical {
            let own = cause.indicators.filter { catalogue.entry($0) != nil }
            let count = profile.name == "simple" ? 1 : random.int(in: 1...2)
            random.sample(own, count: count).forEach { add($0) }
        }
        // Burdens spread over domains.
        let burdened = random.int(in: profile.burdenDomains)
        var domains = catalogue.domains.map(\.id).filter { isOpen($0) && catalogue.indicators(in: $0).contains(where: \.isBurden) }
        while Set(mentions.compactMap { catalogue.entry($0.indicator) }.filter(\.isBurden).map(\.domain)).count < burdened, !domains.isEmpty {
            let domain = random.pick(weighted: domains.map { id in
                (id, 1 + 3 * Double(catalogue.indicators(in: id).filter { $0.isBurden && favoured.contains($0.id) }.count))
            })
            domains.removeAll { $0 == domain }
            let burdens = catalogue.indicators(in: domain).filter(\.isBurden)
            for _ in 0..<random.int(in: profile.burdensPerDomain) {
                let left = burdens.filter { entry in !mentions.contains { $0.indicator == entry.id } }
                guard !left.isEmpty else { break }
                add(random.pick(weighted: left.map { ($0.id, favoured.contains($0.id) ? 4.0 : 1.0) }))
            }
        }
        // Strengths, and level-2 modifiers that raise or ease the need.
        let extra = pick(random.int(in: profile.strengths), from: catalogue.indicators.filter(\.isStrength))
            + pick(random.int(in: profile.raisingModifiers), from: catalogue.indicators.filter(\.raises))
            + pick(random.int(in: profile.easingModifiers), from: catalogue.indicators.filter(\.eases))
        extra.forEach { add($0) }
        // Apparent inconsistencies: both halves or neither.
        if random.chance(profile.patternChance) {
            let usable = Population.patterns.filter { pattern in
                pattern.mentions.allSatisfy { mention in
                    guard let entry = catalogue.entry(mention.indicator) else { return false }
                    return catalogue.hasSourceKind(mention.sourceKind) && isOpen(entry.domain, for: mention.sourceKind)
                }
            }
            for pattern in random.sample(usable, count: random.int(in: 1...max(1, profile.maxPatterns))) {
                for part in pattern.mentions {
                    // The pattern's mention replaces a chance one of the same indicator or level-2 dimension.
                    let dimension = catalogue.entry(part.indicator)?.dimension
                    mentions.removeAll { mention in
                        mention.kind == nil && (mention.indicator == part.indicator || dimension != nil && catalogue.entry(mention.indicator)?.dimension == dimension)
                    }
                    mentions.append(Mention(indicator: part.indicator, context: .affirmed, kind: part.sourceKind))
                }
            }
        }
    }

    /// Already said, excluded by something already said, or a second level-2 judgement on the same
    /// dimension (a client does not both overestimate and realistically assess himself).
    private func conflicts(_ entry: IndicatorCatalogue.Entry) -> Bool {
        let said = mentions.filter { $0.context == .affirmed }.compactMap { catalogue.entry($0.indicator) }
        if said.contains(where: { $0.id == entry.id }) { return true }
        if let dimension = entry.dimension, said.contains(where: { $0.dimension == dimension }) { return true }
        return Population.exclusive.contains { set in set.contains(entry.id) && said.contains { set.contains($0.id) } }
    }

    /// Up to `count` distinct indicators from open domains, the profile's favourites four times as likely.
    private mutating func pick(_ count: Int, from entries: [IndicatorCatalogue.Entry]) -> [String] {
        var left = entries.filter { isOpen($0.domain) && !mentions.map(\.indicator).contains($0.id) }
        var picked: [String] = []
        for _ in 0..<count where !left.isEmpty {
            let id = random.pick(weighted: left.map { ($0.id, profile.favoured.contains($0.id) ? 4.0 : 1.0) })
            left.removeAll { $0.id == id }
            picked.append(id)
        }
        return picked
    }

    // MARK: Sources

    private mutating func chooseSources() {
        var kinds: [String] = []
        for (kind, chance) in profile.sources {
            var p = chance
            if kind == "employer" { p *= regime.employerFactor }
            if kind == "physician", !cause.medical { p *= 0.3 }
            if random.chance(min(1, p)) { kinds.append(kind) }
        }
        // Patterns need their kinds of source; an assessment needs a professional.
        for kind in mentions.compactMap(\.kind) + ["professional"] where !kinds.contains(kind) { kinds.append(kind) }
        let order = ["document", "physician", "employer", "client", "network", "other-professional", "test", "observation", "professional"]
        for kind in order where kinds.contains(kind) && catalogue.hasSourceKind(kind) {
            sources.append(makeSource(kind))
        }
        // A ruleset with other source kinds still gets a dossier with a source.
        if sources.isEmpty, let any = catalogue.sourceKinds.first { sources.append(makeSource(any)) }
    }

    private mutating func makeSource(_ kind: String) -> Draft.Source {
        let role: String
        switch kind {
        case "physician": role = random.pick(regime.physicianRoles)
        case "professional": role = random.pick(regime.professionalRoles)
        case "other-professional":
            let fitting = mentions.compactMap { Population.professionalFor[$0.indicator] }
            role = fitting.first ?? random.pick(Population.roles[kind] ?? ["begeleider"])
        default: role = random.pick(Population.roles[kind] ?? [kind])
        }
        let ids = ["client": "s-client", "physician": "s-arts", "employer": "s-werkgever", "professional": "s-ad", "network": "s-netwerk",
                   "other-professional": "s-begeleider", "observation": "s-observatie", "test": "s-test", "document": "s-document"]
        let old = kind != "professional" && kind != "client" && random.chance(profile.oldSourceChance)
        let daysBefore = kind == "professional" ? random.int(in: 0...14) : old ? random.int(in: 760...1800) : random.int(in: 7...150)
        return Draft.Source(id: ids[kind] ?? "s-" + kind, kind: kind, role: role, date: date.adding(days: -daysBefore))
    }

    private func sources(for domain: String, kind: String?) -> [(Draft.Source, Double)] {
        if let kind { return sources.filter { $0.kind == kind && isOpen(domain, for: kind) }.map { ($0, 1) } }
        let affinity = Population.affinity[domain] ?? Population.defaultAffinity
        return sources.compactMap { source in
            guard isOpen(domain, for: source.kind), let weight = affinity.first(where: { $0.0 == source.kind })?.1 else { return nil }
            return (source, weight)
        }
    }

    private mutating func assignSources() {
        var assigned: [Mention] = []
        for var mention in mentions {
            guard let entry = catalogue.entry(mention.indicator) else { continue }
            let candidates = sources(for: entry.domain, kind: mention.kind)
            guard !candidates.isEmpty else { continue }
            let source = random.pick(weighted: candidates)
            mention.source = source.id
            assigned.append(mention)
            // A second source that says the same thing: congruent information (seed 000).
            let others = candidates.filter { $0.0.id != source.id }
            if mention.kind == nil, !others.isEmpty, random.chance(profile.corroboration) {
                var second = mention
                second.source = random.pick(weighted: others).id
                assigned.append(second)
            }
        }
        mentions = assigned
    }

    /// Sentences that mention an indicator without it holding for the client now: denied, past,
    /// feared or about someone else. They test the context analysis, not the scores.
    private mutating func addNoise() {
        let count = random.int(in: profile.noise)
        for _ in 0..<count {
            let context = random.pick(weighted: [(MentionContext.negated, 4.0), (.historical, 3), (.hypothetical, 2), (.other, 2)])
            let candidates = catalogue.indicators.filter { entry in
                entry.isBurden && isOpen(entry.domain) && !mentions.contains { $0.indicator == entry.id }
                    && canSay(entry, context) && (context != .other || !catalogue.relatives.isEmpty)
            }
            guard !candidates.isEmpty else { continue }
            let entry = random.pick(candidates)
            let options = sources(for: entry.domain, kind: nil)
            guard !options.isEmpty else { continue }
            mentions.append(Mention(indicator: entry.id, context: context, source: random.pick(weighted: options).id))
        }
    }

    private func canSay(_ entry: IndicatorCatalogue.Entry, _ context: MentionContext) -> Bool {
        let phrases = entry.phrases(for: gender)
        if phrases.sentences.contains(where: { $0.0 == context }) { return true }
        return catalogue.frames.contains { frame in
            frame.context == context && (!frame.burdenOnly || entry.isBurden) && !candidates(frame, phrases, context).isEmpty
        }
    }

    /// "Geen vaste woonplek" reads well as a fact, not after "er is geen sprake van" or "mogelijk".
    private static func usable(_ noun: PhraseSet.Noun, in context: MentionContext) -> Bool {
        !noun.negative || context == .affirmed || context == .other
    }

    // MARK: Findings and narratives

    private mutating func writeElements(into draft: inout Draft) {
        var order: [(domain: String, source: String)] = []
        var sentences: [[String]] = []
        var findingCount = 0
        for i in mentions.indices {
            let mention = mentions[i]
            guard let entry = catalogue.entry(mention.indicator) else { continue }
            // Findings have no "hypothetical" attribute, so a feared possibility is always prose.
            let structured = mention.context != .hypothetical && random.chance(profile.structuredShare)
            if structured {
                findingCount += 1
                let id = "f-\(findingCount)-\(entry.id)"
                draft.findings.append(Draft.Finding(id: id, indicator: entry.id, source: mention.source, context: mention.context, note: note(entry, mention.context)))
                mentions[i].element = id
                continue
            }
            guard let sentence = sentence(entry, mention.context) else { continue }
            let key = (entry.domain, mention.source)
            if let at = order.firstIndex(where: { $0 == key }) {
                sentences[at].append(sentence)
                mentions[i].element = "#\(at)"
            } else {
                order.append(key)
                sentences.append([sentence])
                mentions[i].element = "#\(order.count - 1)"
            }
        }
        mentions.removeAll { $0.element.isEmpty }
        for (at, key) in order.enumerated() {
            var text = sentences[at]
            random.shuffle(&text)
            // A connective ("Daarnaast …") cannot open a narrative, so a neutral sentence goes first then.
            let connective = ["Daarnaast ", "Verder "].contains { text[0].hasPrefix($0) }
            if connective || random.chance(0.6) { text.insert(filler(key.domain, kind(of: key.source)), at: 0) }
            let id = narrativeID(key.domain, key.source, existing: draft.narratives)
            draft.narratives.append(Draft.Narrative(id: id, domain: key.domain, theme: theme(for: key.domain, kind: kind(of: key.source)), source: key.source, sentences: text))
            for i in mentions.indices where mentions[i].element == "#\(at)" { mentions[i].element = id }
        }
    }

    private func kind(of source: String) -> String { sources.first { $0.id == source }?.kind ?? "" }

    private func narrativeID(_ domain: String, _ source: String, existing: [Draft.Narrative]) -> String {
        let base = "n-\(domain)-\(source.hasPrefix("s-") ? String(source.dropFirst(2)) : source)"
        var id = base, n = 1
        while existing.contains(where: { $0.id == id }) {
            n += 1
            id = "\(base)-\(n)"
        }
        return id
    }

    /// The theme a narrative speaks to: one the client's own account is required for, when the source is the
    /// client, else the domain's first open theme. Gap themes are never tagged.
    private mutating func theme(for domain: String, kind: String) -> String? {
        let open = catalogue.themes.filter { theme in theme.domain == domain && !gapThemes.contains { $0.id == theme.id } }
        let fitting = open.filter { $0.requiredSourceKind == nil || $0.requiredSourceKind == kind }
        guard !fitting.isEmpty else { return open.first?.id }
        if kind == "client", let own = fitting.first(where: { $0.requiredSourceKind == kind }), random.chance(0.6) { return own.id }
        return fitting.first { $0.requiredSourceKind == nil }?.id ?? fitting[0].id
    }

    /// Every open theme gets at least a neutral narrative, so the only gaps are the planned ones
    /// (and those that follow from a missing kind of source).
    private mutating func cover(_ draft: inout Draft) {
        for theme in catalogue.themes where !gapThemes.contains(where: { $0.id == theme.id }) {
            let narratives = draft.narratives.filter { $0.theme == theme.id || ($0.theme == nil && $0.domain == theme.domain) }
            let findings = draft.findings.filter { catalogue.entry($0.indicator)?.domain == theme.domain }
            let kinds = (narratives.map(\.source) + findings.map(\.source)).map { kind(of: $0) }
            let needed = theme.requiredSourceKind
            if let needed, kinds.contains(needed) { continue }
            if needed == nil, !kinds.isEmpty { continue }
            let options = sources(for: theme.domain, kind: needed)
            let pool = options.isEmpty && needed == nil ? sources.filter { isOpen(theme.domain, for: $0.kind) }.map { ($0, 1.0) } : options
            guard !pool.isEmpty else { continue }
            let source = random.pick(weighted: pool)
            let id = narrativeID(theme.domain, source.id, existing: draft.narratives)
            draft.narratives.append(Draft.Narrative(id: id, domain: theme.domain, theme: theme.id, source: source.id, sentences: [filler(theme.domain, source.kind)]))
        }
        // Keep narratives in ruleset domain order, as a professional would file them.
        let order = catalogue.domains.map(\.id)
        draft.narratives = order.flatMap { domain in draft.narratives.filter { $0.domain == domain } }
            + draft.narratives.filter { !order.contains($0.domain) }
    }

    private mutating func addWish(into draft: inout Draft) {
        guard let client = sources.first(where: { $0.kind == "client" }) else { return }
        let wishThemes = catalogue.themes.filter(\.coveredByWish)
        guard wishThemes.allSatisfy({ isOpen($0.domain, for: "client") }), random.chance(profile.wishChance) else { return }
        draft.wishes.append(Draft.Wish(id: "w-1", source: client.id, date: client.date, text: filled(random.pick(Phrasebook.wishes)).capitalisedFirst))
    }

    private mutating func addFML(into draft: inout Draft) {
        let physician = sources.first { $0.kind == "physician" }
        if cause.medical, let physician, random.chance(regime.fmlChance * profile.fmlFactor) {
            let limitations = random.sample(cause.limitations, count: random.int(in: 2...max(2, min(4, cause.limitations.count))))
            let jobs = random.sample(catalogue.vocabulary.wishedJobs + catalogue.vocabulary.formerJobs, count: random.int(in: 0...3))
            draft.fml = Draft.FML(
                present: true, date: physician.date, source: physician.id,
                summary: random.pick(["Belastbaar voor aangepast werk.", "Beperkt belastbaar; zie de beperkingen.", "Belastbaar in dagdienst met regelmatige werktijden."]),
                limitations: limitations.enumerated().map { ("fml-l\($0.offset + 1)", $0.element) },
                jobs: jobs.enumerated().map { ("fml-j\($0.offset + 1)", $0.element.capitalisedFirst) }
            )
        } else if random.chance(0.5) {
            draft.fml = Draft.FML(present: false, date: nil, source: nil, summary: "FML ontbreekt.", limitations: [], jobs: [])
        }
    }

    // MARK: Sentences

    /// A sentence that says `entry` in the given reading, or nil when no phrase fits.
    mutating func sentence(_ entry: IndicatorCatalogue.Entry, _ context: MentionContext) -> String? {
        let phrases = entry.phrases(for: gender)
        let own = phrases.sentences.filter { $0.0 == context }.map { Candidate(template: $0.1, slots: [:]) }
        var options = own + own // whole sentences are the most natural; give them double weight
        for frame in catalogue.frames where frame.context == context && (!frame.burdenOnly || entry.isBurden) {
            options += candidates(frame, phrases, context)
        }
        guard !options.isEmpty else { return nil }
        let chosen = random.pick(options)
        var slots = chosen.slots
        if chosen.template.contains("{rel}"), !catalogue.relatives.isEmpty { slots["{rel}"] = random.pick(catalogue.relatives) }
        // Slots first (a phrase may itself hold "{zijn}"), then the dossier's placeholders.
        return filled(chosen.template.fillingPlaceholders(slots)).capitalisedFirst
    }

    /// A frame with the phrase that would fill it; the text is only built for the one that is picked.
    struct Candidate {
        var template: String
        var slots: [String: String]
    }

    private func candidates(_ frame: SentenceFrame, _ phrases: PhraseSet, _ context: MentionContext) -> [Candidate] {
        switch frame.slot {
        case .noun:
            return phrases.nouns.filter { Self.usable($0, in: context) }.map { Candidate(template: frame.text, slots: ["{np}": $0.text]) }
        case .clause:
            return phrases.clauses.map { Candidate(template: frame.text, slots: ["{vp}": $0.text]) }
        case .inverted:
            return phrases.clauses.compactMap { clause in
                clause.inversion.map { Candidate(template: frame.text, slots: ["{v}": $0.verb, "{rest}": $0.rest]) }
            }
        }
    }

    /// The note of a structured finding: the phrase itself when current, the indicator's label otherwise.
    private mutating func note(_ entry: IndicatorCatalogue.Entry, _ context: MentionContext) -> String {
        let phrases = entry.phrases(for: gender)
        let label = lowercasedFirst(entry.label)
        switch context {
        case .affirmed:
            let texts = phrases.clauses.map(\.text) + phrases.nouns.map(\.text)
            return texts.isEmpty ? entry.label + "." : filled(random.pick(texts)).capitalisedFirst + "."
        case .negated: return random.pick(["Geen aanwijzingen voor: \(label).", "Niet aan de orde: \(label)."])
        case .historical: return random.pick(["In het verleden: \(label).", "Vroeger: \(label); nu niet meer."])
        case .hypothetical: return "Mogelijk: \(label)."
        case .other:
            let relative = catalogue.relatives.isEmpty ? "familielid" : random.pick(catalogue.relatives)
            return filled("Bij {zijn} \(relative): \(label).").capitalisedFirst
        }
    }

    private mutating func filler(_ domain: String, _ kind: String) -> String {
        let options = catalogue.fillers["\(domain)/\(kind)"] ?? catalogue.fillers[domain] ?? ["Dit onderwerp is besproken."]
        return filled(random.pick(options)).capitalisedFirst
    }

    func filled(_ text: String) -> String { text.fillingPlaceholders(fill) }

    // MARK: For the assessment

    var allMentions: [Mention] { mentions }
    var clientGender: Gender { gender }
}

/// Lower-cases the first letter ("Psychische klachten" → "psychische klachten").
func lowercasedFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.lowercased() + text.dropFirst()
}
