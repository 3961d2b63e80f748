import TotaalbeeldModel
import TotaalbeeldText

/// One observation of an indicator in a dossier — from a structured finding or from narrative text —
/// with everything needed to say how much it counts and why.
///
/// ```swift
/// let facts = FactExtractor(ruleset: ruleset).facts(in: dossier)
/// facts.filter { $0.counts }.map(\.indicator)
/// ```
public struct Fact: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        case structured
        /// Offsets are Unicode-scalar positions in the narrative's text.
        case narrative(start: Int, end: Int, sentence: String, triggers: [AppliedTrigger])
    }

    /// What a fact says, in one ``SharedValue`` box: a fact is copied far more often than changed.
    struct Fields: Sendable, Hashable {
        var elementID: String
        var origin: Origin
        var indicator: String
        var domain: String
        var sourceID: String
        var sourceKind: String
        var date: SimpleDate?
        var present: Bool
        var historical: Bool
        var hypothetical: Bool
        var experiencer: Experiencer
        var uncertain = false
        var resolved = false
        var assertion: Assertion = .finding
        var quote: String
        var spelling: [String] = []
        var location: Location
        var countFactor: Double
        var countReason: LocalizedText
    }

    private var shared: SharedValue<Fields>

    init(_ fields: Fields) { shared = SharedValue(fields) }

    /// The dossier element the fact comes from (finding or narrative id).
    public var elementID: String { get { shared.value.elementID } set { shared.value.elementID = newValue } }
    public var origin: Origin { get { shared.value.origin } set { shared.value.origin = newValue } }
    public var indicator: String { get { shared.value.indicator } set { shared.value.indicator = newValue } }
    public var domain: String { get { shared.value.domain } set { shared.value.domain = newValue } }
    public var sourceID: String { get { shared.value.sourceID } set { shared.value.sourceID = newValue } }
    public var sourceKind: String { get { shared.value.sourceKind } set { shared.value.sourceKind = newValue } }
    public var date: SimpleDate? { get { shared.value.date } set { shared.value.date = newValue } }
    public var present: Bool { get { shared.value.present } set { shared.value.present = newValue } }
    public var historical: Bool { get { shared.value.historical } set { shared.value.historical = newValue } }
    public var hypothetical: Bool { get { shared.value.hypothetical } set { shared.value.hypothetical = newValue } }
    public var experiencer: Experiencer { get { shared.value.experiencer } set { shared.value.experiencer = newValue } }
    /// Stated as possible or probable rather than established.
    public var uncertain: Bool { get { shared.value.uncertain } set { shared.value.uncertain = newValue } }
    /// A problem stated as arranged or solved since: not a current burden.
    public var resolved: Bool { get { shared.value.resolved } set { shared.value.resolved = newValue } }
    /// The client's own statement about himself, or a finding of a source.
    public var assertion: Assertion { get { shared.value.assertion } set { shared.value.assertion = newValue } }
    /// The matched words, or the finding's note.
    public var quote: String { get { shared.value.quote } set { shared.value.quote = newValue } }
    /// Words of the quote read as another because they were mistyped ("klachetn → klachten"), so that the
    /// report says what was read; empty for a structured finding or a correctly spelled quote.
    public var spelling: [String] { get { shared.value.spelling } set { shared.value.spelling = newValue } }
    public var location: Location { get { shared.value.location } set { shared.value.location = newValue } }
    /// How much of the indicator's weight this observation carries (0 = recorded but not counted).
    public var countFactor: Double { get { shared.value.countFactor } set { shared.value.countFactor = newValue } }
    /// Why the factor is what it is, in Dutch and English.
    public var countReason: LocalizedText { get { shared.value.countReason } set { shared.value.countReason = newValue } }

    public var counts: Bool { countFactor > 0 }

    public var isNarrative: Bool {
        if case .narrative = origin { return true }
        return false
    }

    /// The words of a narrative fact in its text; nil for a structured finding.
    public var textRange: Range<Int>? {
        if case .narrative(let start, let end, _, _) = origin { return start..<end }
        return nil
    }

    /// Where a narrative fact's words start in its text; nil for a structured finding.
    public var textStart: Int? { textRange?.lowerBound }
}

/// Turns a dossier into facts: structured findings as recorded, narratives through the text analyzer.
public struct FactExtractor: Sendable {
    public let ruleset: Ruleset
    public let analyzer: NarrativeAnalyzer

    public init(ruleset: Ruleset, analyzer: NarrativeAnalyzer? = nil) {
        self.ruleset = ruleset
        self.analyzer = analyzer ?? NarrativeAnalyzer(ruleset: ruleset)
    }

    public func facts(in dossier: Dossier) -> [Fact] { reading(of: dossier).facts }

    /// The dossier's facts, and the narrative sentences that were too long to read whole.
    ///
    /// Besides findings and narratives: the note of a structured finding is read for the signals in it
    /// (the finding itself states its indicator); the benefit ground (`<disability>`) is a recognised
    /// work disability and its cause is read like a narrative. Then the ruleset's qualifiers apply (a cue in
    /// the same sentence: not the client's doing, only partly completed), and a source's structured finding
    /// bounds how much its own prose about the same indicator counts (the source coded it historical).
    public func reading(of dossier: Dossier) -> (facts: [Fact], cutSentences: [CutSentenceNote]) {
        var facts: [Fact] = []
        var cutSentences: [CutSentenceNote] = []
        for finding in dossier.findings {
            facts.append(fact(
                elementID: finding.id, origin: .structured, indicator: finding.indicator, domain: finding.domain,
                sourceID: finding.source, dossier: dossier, date: finding.date, present: finding.present,
                historical: finding.historical, hypothetical: false, resolved: finding.resolved, experiencer: finding.experiencer,
                quote: finding.note ?? ruleset.indicator(id: finding.indicator)?.label.nl ?? finding.indicator, location: finding.location
            ))
            // The note is read for the signals in it (a cue that the contract ended through no fault of the
            // client, the kind of crisis); the finding itself states which indicator the source reports.
            if let note = finding.note {
                for hit in analyzer.analyze(note) where hit.indicator != finding.indicator && ruleset.indicator(id: hit.indicator)?.role == .signal {
                    facts.append(fact(hit: hit, elementID: finding.id, sourceID: finding.source, dossier: dossier, date: finding.date, location: finding.location))
                }
            }
        }
        var groundCounted = false
        let source = benefitSource(in: dossier)
        if let disability = dossier.disability {
            if let ground = ruleset.benefitGround, ground.regimes.contains(dossier.client.benefitRegime), let indicator = ruleset.indicator(id: ground.indicator) {
                groundCounted = true
                let quote = "\(dossier.client.benefitRegime)\(disability.percentage.map { " \($0)%" } ?? ""): \(disability.cause)"
                var ground = fact(
                    elementID: Self.disabilityElement, origin: .structured, indicator: indicator.id, domain: indicator.domain, sourceID: source.id, dossier: dossier,
                    date: nil, present: true, historical: false, hypothetical: false, experiencer: .client, quote: quote, location: disability.location
                )
                ground.sourceKind = source.kind
                facts.append(ground)
            }
            facts += self.facts(reading: disability.cause, elementID: Self.disabilityElement, source: source, dossier: dossier, date: nil, location: disability.location)
        }
        // Without a recognised benefit ground, the limitations a physician established in the FML are the primary
        // limitation on record: counted once, as the ruleset's FML indicator.
        if !groundCounted, let fml = dossier.fml, fml.present, !fml.items.isEmpty,
           let id = ruleset.benefitGround?.fmlIndicator, let indicator = ruleset.indicator(id: id) {
            var limits = fact(
                elementID: fml.id ?? Self.fmlElement, origin: .structured, indicator: indicator.id, domain: indicator.domain, sourceID: source.id,
                dossier: dossier, date: fml.date, present: true, historical: false, hypothetical: false, experiencer: .client,
                quote: "FML: " + fml.items.map(\.text).joined(separator: " "), location: fml.location
            )
            limits.sourceKind = source.kind
            facts.append(limits)
        }
        // The FML's summary is the physician's own word on the load capacity ("Belastbaar voor lichte arbeid, 36 uur
        // per week"): read for the signals in it, so that a client who calls himself wholly unfit meets it. Its
        // indicators are not read: the limitations already count once, above or as the benefit ground.
        if let fml = dossier.fml, fml.present, let summary = fml.summary {
            facts += self.facts(reading: summary, elementID: fml.id ?? Self.fmlElement, source: source, dossier: dossier, date: fml.date, location: fml.location) {
                ruleset.indicator(id: $0.indicator)?.role == .signal
            }
        }
        // Text an imported intake kept under a heading that names no theme is read all the same: a crisis told under
        // "Situatie" must not drop out of sight. Its terms count in their indicators' domains, as any narrative's do;
        // it covers no theme (a domain known only from it counts as mentioned in passing), and a rule asks to file it.
        for narrative in dossier.screenedTexts {
            // A narrative someone else tells speaks of the client in the third person, or as "mijn man", "onze zoon";
            // its first person is the teller, who speaks of himself only in a kind the ruleset says does (a relative):
            // a professional's "ik" observes. The client's own account, or an unknown source, reads as written.
            let teller = dossier.source(id: narrative.source).flatMap { source -> NarrativeSpeaker? in
                guard let kind = ruleset.sourceKind(id: source.kind), !kind.isSelfReport else { return nil }
                return analyzer.speaker(role: source.role, clientGender: dossier.client.gender, tellsOfHimself: kind.speaksOfHimself)
            }
            let analysis = analyzer.analysis(of: narrative.text, speaker: teller)
            cutSentences += analysis.cutSentences.map { CutSentenceNote(elementID: narrative.id, location: narrative.location, sentence: $0) }
            // The weighing signal describes the assessment's own weighing; in a source's prose it says nothing.
            for hit in analysis.hits where hit.indicator != ruleset.weighingSignal {
                facts.append(fact(hit: hit, elementID: narrative.id, sourceID: narrative.source, dossier: dossier, date: narrative.date, location: narrative.location))
            }
        }
        return (boundedBySourceFindings(qualified(facts)), cutSentences)
    }

    /// The element id under which the benefit ground's facts are listed. The `<disability>` element has no
    /// id of its own; this name is not a word, so reader text that turns ids into line numbers cannot take
    /// the English word "disability" in a label for it.
    public static let disabilityElement = "disability-record"
    /// The element id of an FML's facts when the FML has no id of its own.
    public static let fmlElement = "fml-record"

    /// Whether the fact is the primary limitation on record: the benefit ground, a structured finding of the ground's
    /// own indicator (the recognised disability coded as a finding, as a labour expert who codes records it), or the
    /// FML's limitations registered in its place (`benefitGround/@fmlIndicator`). Every advice starts from it, so it
    /// counts as addressed.
    public static func isGround(_ fact: Fact, of ground: BenefitGround?) -> Bool {
        if fact.elementID == disabilityElement { return true }
        guard fact.origin == .structured, let ground else { return false }
        return fact.indicator == ground.indicator || fact.indicator == ground.fmlIndicator
    }

    /// The hits of a text the benefit ground's source wrote (the disability's cause, the FML's summary) that `keep`
    /// keeps, as facts of `elementID` under that source, which need not be one of the dossier's own.
    private func facts(
        reading text: String, elementID: String, source: (id: String, kind: String), dossier: Dossier, date: SimpleDate?, location: Location,
        keep: (TextHit) -> Bool = { _ in true }
    ) -> [Fact] {
        analyzer.analyze(text).filter(keep).map { hit in
            var read = fact(hit: hit, elementID: elementID, sourceID: source.id, dossier: dossier, date: date, location: location)
            read.sourceKind = source.kind
            return read
        }
    }

    /// Who states the benefit ground: the FML's physician, else the first document or physician source.
    private func benefitSource(in dossier: Dossier) -> (id: String, kind: String) {
        if let id = dossier.fml?.source, let source = dossier.source(id: id) { return (source.id, source.kind) }
        if let source = dossier.sources.first(where: { $0.kind == "document" || $0.kind == "physician" }) { return (source.id, source.kind) }
        return (Self.disabilityElement, "document")
    }

    /// A narrative hit as a fact, with the reader's properties.
    private func fact(hit: TextHit, elementID: String, sourceID: String, dossier: Dossier, date: SimpleDate?, location: Location) -> Fact {
        // A term belongs to its indicator's domain, wherever the text about it was filed.
        let domain = ruleset.indicator(id: hit.indicator)?.domain ?? ""
        return fact(
            elementID: elementID, origin: .narrative(start: hit.start, end: hit.end, sentence: hit.sentence, triggers: hit.triggers),
            indicator: hit.indicator, domain: domain, sourceID: sourceID, dossier: dossier,
            date: date, present: !hit.negated, historical: hit.historical, hypothetical: hit.hypothetical,
            uncertain: hit.uncertain, resolved: hit.resolved, experiencer: hit.experiencer,
            assertion: hit.assertion == .claim ? .claim : nil, quote: hit.matchedText, spelling: hit.spelling.map(\.description), location: location
        )
    }

    /// Applies the ruleset's qualifiers: a fact of a qualified indicator with the qualifier's cue in the same
    /// sentence (for a structured finding: in its note) counts × the qualifier's factor.
    private func qualified(_ facts: [Fact]) -> [Fact] {
        guard !ruleset.qualifiers.isEmpty else { return facts }
        var cues: Set<String> = []
        for fact in facts {
            for qualifier in ruleset.qualifiers where qualifier.signal == fact.indicator && fact.present {
                cues.insert(qualifier.id + "|" + Self.sentenceKey(fact))
            }
        }
        return facts.map { fact in
            var fact = fact
            for qualifier in ruleset.qualifiers where qualifier.indicators.contains(fact.indicator) && fact.counts {
                guard cues.contains(qualifier.id + "|" + Self.sentenceKey(fact)) || (fact.origin == .structured && cues.contains { $0.hasPrefix(qualifier.id + "|" + fact.elementID + "|") }) else { continue }
                fact.countFactor *= qualifier.factor
                fact.countReason = LocalizedText(nl: fact.countReason.nl + ", " + qualifier.reason.nl + " (×\(decimal(qualifier.factor)))", en: fact.countReason[.en] + ", " + qualifier.reason[.en] + " (×\(decimal(qualifier.factor)))")
            }
            return fact
        }
    }

    private static func sentenceKey(_ fact: Fact) -> String {
        if case .narrative(_, _, let sentence, _) = fact.origin { return fact.elementID + "|" + sentence }
        return fact.elementID + "|"
    }

    /// A source's structured finding states how current it holds an indicator to be (historical, resolved):
    /// its own prose about the same indicator counts no more than that.
    private func boundedBySourceFindings(_ facts: [Fact]) -> [Fact] {
        var bound: [String: Fact] = [:]
        for fact in facts where fact.origin == .structured && fact.present {
            let key = fact.sourceID + "|" + fact.indicator
            if let existing = bound[key], existing.countFactor >= fact.countFactor { continue }
            bound[key] = fact
        }
        // A narrower indicator is bounded by the source's finding of the broader one: the social team that codes its
        // housing problem as resolved tells an eviction in its prose as part of the same, resolved, problem.
        func finding(bounding fact: Fact) -> Fact? {
            if let own = bound[fact.sourceID + "|" + fact.indicator] { return own }
            return ruleset.indicator(id: fact.indicator)?.narrows.lazy.compactMap { bound[fact.sourceID + "|" + $0] }.min { $0.countFactor < $1.countFactor }
        }
        return facts.map { fact in
            guard fact.isNarrative, let finding = finding(bounding: fact), finding.elementID != fact.elementID,
                  fact.countFactor > finding.countFactor else { return fact }
            var fact = fact
            fact.countFactor = finding.countFactor
            fact.countReason = LocalizedText(
                nl: fact.countReason.nl + ", niet meer dan de eigen bevinding van de bron \(finding.elementID) (\(finding.countReason.nl))",
                en: fact.countReason[.en] + ", no more than the source's own finding \(finding.elementID) (\(finding.countReason[.en]))"
            )
            return fact
        }
    }

    /// The professional's own words (conclusions, placement, direction) read as facts. They never change
    /// scores; judgement-risk rules look at them ("concludes unwillingness", "argues from own experience").
    public func assessmentFacts(in dossier: Dossier) -> [Fact] {
        guard let assessment = dossier.assessment else { return [] }
        var texts: [(id: String, text: String, location: Location)] = assessment.conclusions.map { ($0.id, $0.text, $0.location) }
        texts += assessment.weighed.map { ($0.id, $0.text, $0.location) }
        texts += assessment.supportNeeds.map { ($0.id, $0.text, $0.location) }
        if let placement = assessment.placement { texts.append((placement.id, placement.text, placement.location)) }
        if let direction = assessment.direction { texts.append((direction.id, direction.text, direction.location)) }
        return texts.flatMap { element in
            analyzer.analyze(element.text).map { hit in
                fact(
                    elementID: element.id, origin: .narrative(start: hit.start, end: hit.end, sentence: hit.sentence, triggers: hit.triggers),
                    indicator: hit.indicator, domain: ruleset.indicator(id: hit.indicator)?.domain ?? "", sourceID: assessment.source,
                    dossier: dossier, date: assessment.date, present: !hit.negated, historical: hit.historical,
                    hypothetical: hit.hypothetical, uncertain: hit.uncertain, resolved: hit.resolved, experiencer: hit.experiencer,
                    assertion: hit.assertion, quote: hit.matchedText, spelling: hit.spelling.map(\.description), location: element.location
                )
            }
        }
    }

    /// Whether a narrative hit is hypothetical only through triggers of one kind — that announce harm ("dreigt"), or
    /// that ask ("?") — not through a condition or a supposition beside them.
    fileprivate static func hypotheticalOnly(_ origin: Fact.Origin, through kind: (AppliedTrigger) -> Bool) -> Bool {
        guard case .narrative(_, _, _, let triggers) = origin else { return false }
        var found = false
        for trigger in triggers where trigger.category == .hypothetical {
            guard kind(trigger) else { return false }
            found = true
        }
        return found
    }

    /// Whether the source is the client's own account (a `selfReport` source kind): what the client
    /// says there about himself is his claim, whatever the wording.
    private func selfReport(_ sourceID: String, _ dossier: Dossier) -> Bool {
        guard let kind = dossier.source(id: sourceID)?.kind else { return false }
        return ruleset.sourceKind(id: kind)?.isSelfReport == true
    }

    // swiftlint:disable:next function_parameter_count
    private func fact(
        elementID: String, origin: Fact.Origin, indicator: String, domain: String, sourceID: String, dossier: Dossier,
        date: SimpleDate?, present: Bool, historical: Bool, hypothetical: Bool, uncertain: Bool = false, resolved: Bool = false,
        experiencer: Experiencer, assertion: Assertion? = nil, quote: String, spelling: [String] = [], location: Location
    ) -> Fact {
        let source = dossier.source(id: sourceID)
        let (factor, reason) = countFactor(
            indicatorID: indicator, indicator: ruleset.indicator(id: indicator), present: present, historical: historical,
            hypothetical: hypothetical, uncertain: uncertain, resolved: resolved, experiencer: experiencer,
            threatened: hypothetical && Self.hypotheticalOnly(origin, through: \.threat)
        )
        let sourceKind = source?.kind ?? ""
        // What the client says about himself is a claim, whoever wrote it down: the reader marks claims in any
        // source's prose, and everything a self-report source says about the client counts as one.
        let assertion = assertion ?? (ruleset.sourceKind(id: sourceKind)?.isSelfReport == true && experiencer == .client ? .claim : .finding)
        return Fact(Fact.Fields(
            elementID: elementID, origin: origin, indicator: indicator, domain: domain, sourceID: sourceID,
            sourceKind: sourceKind, date: date ?? source?.date, present: present, historical: historical,
            hypothetical: hypothetical, experiencer: experiencer, uncertain: uncertain, resolved: resolved, assertion: assertion,
            quote: quote, spelling: spelling, location: location, countFactor: factor, countReason: reason
        ))
    }

    /// The ruleset decides how each context property counts; negated hits never count, resolved ones
    /// count with `resolvedFactor` (0 in the default ruleset: no current burden), uncertain ones with
    /// `uncertainFactor`, a parked indicator not at all. A claim counts like a finding: it is information
    /// to weigh, marked as the client's own statement so that rules can set it against other sources.
    private func countFactor(
        indicatorID: String, indicator: Indicator?, present: Bool, historical: Bool, hypothetical: Bool, uncertain: Bool, resolved: Bool,
        experiencer: Experiencer, threatened: Bool
    ) -> (Double, LocalizedText) {
        let context = ruleset.context
        guard present else { return (0, LocalizedText(nl: "ontkend of afwezig", en: "negated or absent")) }
        if indicator == nil, let parking = ruleset.parking(of: indicatorID) {
            return (0, LocalizedText(nl: "indicator geparkeerd sinds \(parking.since)", en: "indicator parked since \(parking.since)"))
        }
        var factor = 1.0
        var nl: [String] = [], en: [String] = []
        if experiencer == .other {
            if indicator?.countsForOther == true {
                factor *= context.otherExperiencerFactor
                nl.append("over een ander, telt mee (×\(decimal(context.otherExperiencerFactor)))")
                en.append("about someone else, counts (×\(decimal(context.otherExperiencerFactor)))")
            } else {
                return (0, LocalizedText(nl: "gaat over een ander dan de cliënt", en: "about someone other than the client"))
            }
        }
        if resolved {
            factor *= context.resolvedFactor
            nl.append("inmiddels opgelost (×\(decimal(context.resolvedFactor)))")
            en.append("resolved since (×\(decimal(context.resolvedFactor)))")
        }
        if uncertain {
            factor *= context.uncertainFactor
            nl.append("mogelijk, niet vastgesteld (×\(decimal(context.uncertainFactor)))")
            en.append("possible, not established (×\(decimal(context.uncertainFactor)))")
        }
        if hypothetical && threatened && indicator?.threatCounts == true {
            // An announced eviction or cut-off is the crisis to handle first, before it happens.
            nl.append("dreigend of aangekondigd: dat is al de crisis, telt (×1)")
            en.append("threatened or announced: that is the crisis already, counts (×1)")
        } else if hypothetical && indicator?.riskByNature == true {
            // A feared or conditional relapse is how a relapse risk is stated: it is the finding, not a supposition.
            nl.append("gevreesd of voorwaardelijk: zo wordt een risico verwoord, telt (×1)")
            en.append("feared or conditional: how a risk is stated, counts (×1)")
        } else if hypothetical {
            factor *= context.hypotheticalFactor
            nl.append("hypothetisch (×\(decimal(context.hypotheticalFactor)))")
            en.append("hypothetical (×\(decimal(context.hypotheticalFactor)))")
        }
        if historical {
            factor *= context.historicalFactor
            nl.append("uit het verleden (×\(decimal(context.historicalFactor)))")
            en.append("historical (×\(decimal(context.historicalFactor)))")
        }
        if nl.isEmpty { return (1, LocalizedText(nl: "actueel, over de cliënt", en: "current, about the client")) }
        return (factor, LocalizedText(nl: nl.joined(separator: ", "), en: en.joined(separator: ", ")))
    }
}

/// Fixed two-decimal rendering without locale, trailing zeros dropped: 0.5, 1.25, 3.
public func decimal(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let whole = magnitude / 100, fraction = magnitude % 100
    if fraction == 0 { return sign + String(whole) }
    if fraction % 10 == 0 { return sign + "\(whole).\(fraction / 10)" }
    return sign + "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
}

extension Fact {
    /// Hypothetical only because it was asked and not answered ("Gebruikt u alcohol of drugs?").
    public var askedOnly: Bool { hypothetical && FactExtractor.hypotheticalOnly(origin, through: \.question) }
}

/// A narrative sentence longer than the ruleset's `maxSentenceWords`, read in pieces (see ``CutSentence``).
public struct CutSentenceNote: Sendable, Hashable {
    public var elementID: String
    public var location: Location
    public var sentence: CutSentence
}

extension FactPattern.Status {
    /// Whether `fact` has this status, for a rule's fact pattern and a contraindication alike. `aboutOthersCounts`: whether
    /// a fact about someone other than the client counts as present (the indicator's `countsForOther` for a rule; never for
    /// a contraindication).
    func admits(_ fact: Fact, aboutOthersCounts: Bool) -> Bool {
        let aboutTheClient = fact.experiencer == .client || aboutOthersCounts
        switch self {
        case .counted: return fact.counts
        case .current: return fact.counts && !fact.historical && !fact.resolved
        case .present: return fact.present && aboutTheClient
        // An unanswered question ("Gebruikt u alcohol of drugs?") asks; it is no concern present now.
        case .now: return fact.present && aboutTheClient && !fact.historical && !fact.resolved && !fact.askedOnly
        case .negated: return !fact.present
        case .negatedNow: return !fact.present && aboutTheClient && !fact.historical && !fact.resolved
        // Over: affirmed about the client as past or settled ("sinds de kliniek geen druppel meer", "alles afgelost").
        case .over: return fact.present && aboutTheClient && (fact.historical || fact.resolved)
        case .certain: return fact.present && aboutTheClient && !fact.historical && !fact.resolved && !fact.uncertain && !fact.hypothetical
        case .suspected: return fact.present && aboutTheClient && fact.uncertain && !fact.resolved
        case .any: return true
        }
    }
}
