/// A flag rule from the ruleset: conditions that must all hold, and what to say when they do.
///
/// The vocabulary of conditions is fixed (the mechanisms live in the engine); which signals, thresholds,
/// messages, questions and alternative readings a rule uses is data.
/// ```swift
/// ruleset.rules.first { $0.id == "tunnelvisie" }?.question[.nl]
/// ```
public struct FlagRule: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case inconsistency, gap, quality, judgementRisk = "judgement-risk" }
    public enum Severity: String, Sendable, Hashable { case info, warning, serious }
    public enum Scope: String, Sendable, Hashable { case dossier, domain, theme, source, conclusion }
    /// The step of the weighing in which the pitfall arises (seed 000), in process order.
    public enum Phase: String, Sendable, Hashable, CaseIterable, Comparable {
        case beeldvorming, oordeelsvorming, besluitvorming
        public static func < (lhs: Phase, rhs: Phase) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
    }

    public var id: String
    public var kind: Kind
    public var severity: Severity
    public var phase: Phase
    public var reference: String
    public var scope: Scope
    public var conditions: [RuleCondition]
    public var message: LocalizedText
    public var question: LocalizedText
    public var alternatives: [LocalizedText]
    public var rationale: LocalizedText
    public var location: Location

    public init(
        id: String, kind: Kind, severity: Severity, reference: String, scope: Scope, conditions: [RuleCondition],
        message: LocalizedText, question: LocalizedText, alternatives: [LocalizedText], rationale: LocalizedText, location: Location,
        phase: Phase = .oordeelsvorming
    ) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.phase = phase
        self.reference = reference
        self.scope = scope
        self.conditions = conditions
        self.message = message
        self.question = question
        self.alternatives = alternatives
        self.rationale = rationale
        self.location = location
    }
}

/// Which facts a condition looks at.
public struct FactPattern: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable { case burden, strength, modifier, signal }
    /// Where the facts are looked for: the dossier (findings and narrative), the assessment's own words,
    /// the dossier elements the assessment cites, or the elements that are the only evidence an assessment
    /// element cites (the conclusion cites nothing but the signal it interprets).
    public enum Place: String, Sendable, Hashable { case dossier, assessment, cited, soleEvidence = "sole-evidence" }
    /// `now`: affirmed and neither historical nor resolved (a feared relapse is a present fear).
    /// `negatedNow` (`negated-now`, 1.13.0): negated about the present — not historical, not resolved, about the client
    /// (or an indicator that counts for others): "toen wist hij nog niet dat hij autisme had" denies nothing today.
    /// `certain` (1.38.0): affirmed about the present without a hedge — not historical, resolved, uncertain or
    /// hypothetical ("heeft ADHD"); `suspected`: affirmed about the client as possible or probable, not resolved ("ADHD kan
    /// niet worden uitgesloten").
    public enum Status: String, Sendable, Hashable { case counted, current, present, now, negated, negatedNow = "negated-now", over, certain, suspected, any }

    public var name: String?
    public var indicators: [String]
    public var role: Role?
    public var sourceKinds: [String]
    public var excludedSourceKinds: [String]
    public var place: Place
    public var status: Status
    public var minWeight: Double?
    public var min: Int
    public var sameDomainAs: String?
    /// Only the client's own statements about himself (`claim`) or only findings of a source.
    public var assertion: Assertion?
    /// Only facts in these domains.
    public var domains: [String]
    /// Only facts of indicators that carry known readings (ambiguous signals).
    public var withReadings: Bool
    /// Not the benefit ground: neither the disability record nor the same words elsewhere. A diagnosis is the premise
    /// of the advice, not an observation of what the client does ("licht verstandelijke beperking" against "dat kan ik
    /// allemaal" about the tasks of a placement).
    public var withoutGround: Bool

    public init(
        name: String?, indicators: [String], role: Role?, sourceKinds: [String], excludedSourceKinds: [String],
        place: Place, status: Status, minWeight: Double?, min: Int, sameDomainAs: String?,
        assertion: Assertion? = nil, domains: [String] = [], withReadings: Bool = false, withoutGround: Bool = false
    ) {
        self.withoutGround = withoutGround
        self.assertion = assertion
        self.domains = domains
        self.withReadings = withReadings
        self.name = name
        self.indicators = indicators
        self.role = role
        self.sourceKinds = sourceKinds
        self.excludedSourceKinds = excludedSourceKinds
        self.place = place
        self.status = status
        self.minWeight = minWeight
        self.min = min
        self.sameDomainAs = sameDomainAs
    }
}

/// Properties of the professional's assessment a rule can require. `nil` = not constrained.
public struct AssessmentPattern: Sendable, Hashable {
    public var direction: Bool?
    public var supportNeeds: Bool?
    public var placement: Bool?
    /// Values among yes, no, unclear, missing.
    public var willing: [String]?
    public var able: [String]?
    public var placementCites: Bool?
    public var shared: [String]?
    public var horizon: [String]?
    public var intensity: [String]?
    public var addresses: Bool?
    /// Whether the assessment's own words (conclusions and direction) name support for some Schema 2 activity.
    public var supportNamed: Bool?

    public init(
        direction: Bool? = nil, supportNeeds: Bool? = nil, placement: Bool? = nil, willing: [String]? = nil, able: [String]? = nil,
        placementCites: Bool? = nil, shared: [String]? = nil, horizon: [String]? = nil, intensity: [String]? = nil, addresses: Bool? = nil,
        supportNamed: Bool? = nil
    ) {
        self.direction = direction
        self.supportNeeds = supportNeeds
        self.placement = placement
        self.willing = willing
        self.able = able
        self.placementCites = placementCites
        self.shared = shared
        self.horizon = horizon
        self.intensity = intensity
        self.addresses = addresses
        self.supportNamed = supportNamed
    }
}

public indirect enum RuleCondition: Sendable, Hashable {
    case facts(FactPattern)
    case absent(FactPattern)
    /// Of the facts bound to `facts`, at least `min` are neither cited, addressed nor weighed by the assessment
    /// (see `Ruleset.weighingSignal`: a reading the assessment names and weighs counts as addressed).
    /// With `share`, the open ones are also at least that share of the open ones plus those the course deals with
    /// in so many words (direction cites or addresses, `<weighed>`): a course that deals with most of what speaks
    /// against it has looked at it, and what it leaves open is no blind spot.
    /// With `byIndicator`, a fact is addressed when the direction addresses (or a `<weighed>` element weighs) another
    /// element holding its indicator: the same finding told by another source. With `coveredFrom`, when the assessment's
    /// own Schema 2 rates an activity derived from the fact's indicator with at least that weight above the lowest level.
    /// With `assessedBy` (source kinds), addressing is not enough: an assessment element that engages the fact (cites
    /// or addresses its element, weighs or names its indicator) must also cite evidence from a source of those kinds —
    /// a relapse risk the assessor mentions and waves away on the client's word alone is still open.
    case unaddressed(facts: String, min: Int, share: Double? = nil, byIndicator: Bool = false, coveredFrom: Double? = nil, assessedBy: [String] = [])
    /// The bound signals' readings, of which fewer than `minWeighed` (all when nil) are weighed.
    case readings(facts: String, minWeighed: Int?)
    case assessment(AssessmentPattern)
    /// The direction's words overlap the wish (or the FML's jobs) by at least `min`; with `cited`, a direction that
    /// cites the wish (or the FML, one of its limitations or jobs) counts as overlapping whatever its words: the
    /// assessment itself says what the direction builds on. `negate` turns the result. With `wish` `earliest` or
    /// `latest`, only the dossier's earliest or latest dated wish counts, and only when the wishes carry at least two
    /// dates: a client's wish can change, and a course can stay anchored on the first.
    case overlap(with: OverlapTarget, min: Double, negate: Bool, cited: Bool = false, wish: WishSelection = .all)
    /// At least `min` Schema 2 activities reach level `atLeast` in the engine's own derivation; with `supportUnnamed`,
    /// only activities whose support the assessment's own words do not name (``Schema2Activity/supportNamed``).
    case derivedNeed(atLeast: String, min: Int, supportUnnamed: Bool = false)
    /// At least `min` of the assessment's own Schema 2 judgements reach level `atLeast`.
    case assessedNeed(atLeast: String, min: Int)
    /// At least `min` domains reach support need `atLeast`; with `unaddressedOnly`, only domains the course leaves
    /// out of sight (the direction addresses none of their burdens, and their heaviest burden goes uncited).
    /// With `domains`, only those domains count ("heavy burden in *other* domains" than the disability).
    case domainNeed(atLeast: String, min: Int, unaddressedOnly: Bool, domains: [String] = [])
    case maxDomainNeed(below: String)
    /// Of what the direction and placement cite, at least the share `min` is strengths or the wish;
    /// with `whenNothingCited`, also when they cite nothing that counts; with `emptySupports`, a cited element in
    /// which nothing counts holds nothing against the course and counts as one supporting citation; with `engaged`,
    /// a cited burden counts against the share only when the assessment engages with it (a cited element's other
    /// findings are not what the course rests on); `limits` are indicators without polarity (a limitation as the
    /// client states it) that count against the share when cited: a course resting on a limitation does not rest on
    /// supporting information.
    case citedSupport(min: Double, whenNothingCited: Bool, emptySupports: Bool = false, engaged: Bool = false, limits: [String] = [])
    case uncited
    case haloCitation(minDomains: Int)
    case selfReportOnly
    /// A conversation theme without information. `unassigned`: false (the default) holds where nothing in the dossier
    /// speaks to the theme, nor any text under no heading of a theme; true holds where only text under no theme does
    /// (facts of the theme's domain, from the source kind the theme requires, if any).
    case gap(unassigned: Bool = false)
    case sourceAge(months: Int)
    case fmlMissing
    /// The dossier holds text an imported intake could not file under a theme.
    case unassignedText
    case ageBand(maxUpper: Int)
    case benefitRegime([String])
    /// All of the conditions hold (a group, for use inside `anyOf` and `not`).
    case allOf([RuleCondition])
    /// At least one of the conditions holds; the first that does binds its names.
    case anyOf([RuleCondition])
    /// The conditions, taken together, do not hold; binds nothing.
    case not([RuleCondition])
    /// At least `min` pairs of facts, one from each bound set, stand in the relation; binds both sides' facts.
    case pair(PairPattern)
    /// Of the facts bound to `left`, at least `min` have no partner in `right` in the relation; rebinds `left` to them.
    case unpaired(PairPattern)
    /// The dossier has at least `min` sources of the given kinds.
    case sources(kinds: [String], min: Int)
    /// Of the bound assessment facts, those whose element rests only on the client's own claims (it cites
    /// something, and everything it cites is the client's word about himself); rebinds to them.
    /// Of the bound assessment facts, those whose element rests on nothing but the client's claims; with
    /// `uncited`, also those whose element cites nothing at all (an assertion resting on nothing).
    case claimsOnly(facts: String, uncited: Bool = false)
    /// Of the bound facts, those no `<weighed>` element weighs: its indicator is not the fact's, its `of` does not
    /// list the fact's element, and the fact is not in a `<weighed>` element itself; rebinds to them. A reading the
    /// assessment names and weighs in so many words, accepted or rejected with a reason, is addressed.
    case unweighed(facts: String)
    /// Of the bound assessment facts, those whose element cites something in the dossier: a reading put on
    /// cited behaviour (an element that cites nothing is a conclusion without evidence, a rule of its own).
    case citing(facts: String)
    /// An FML limitation maps to a Schema 2 activity that the direction demands, or that the assessment's
    /// own Schema 2 rates as needing no support.
    case fmlConflict(with: FMLConflictTarget)
    /// Without an FML: a limit a physician's text states ("geen ploegendiensten", "niet langer dan zes uur per dag")
    /// against the direction's demands or weekly hours.
    case physicianLimitConflict

    public enum OverlapTarget: String, Sendable, Hashable { case wish, fml }
    /// Which of the client's wishes an `overlap` compares with: all of them, or the earliest or latest dated one.
    public enum WishSelection: String, Sendable, Hashable { case all, earliest, latest }
    public enum FMLConflictTarget: String, Sendable, Hashable { case direction, supportNeeds }
}

/// A relation between two bound sets of facts: the general form of an inconsistency (a claim against a
/// finding, two sources that disagree, an assessment that contradicts itself) and of "weighed in the same
/// sentence".
public struct PairPattern: Sendable, Hashable {
    /// `same`: the same indicator; `contradicting`: indicators the ruleset declares as contradicting each
    /// other; `either`: same or contradicting; `any`: no constraint.
    public enum IndicatorRelation: String, Sendable, Hashable { case same, contradicting, either, any }
    /// `opposite`: one affirmed, the other negated (or recorded absent); for declared contradictions both
    /// affirmed is the contradiction, so `opposite` applies only to same-indicator pairs.
    public enum Sign: String, Sendable, Hashable { case opposite, same, any }
    public enum Distinct: String, Sendable, Hashable { case different, same, any }
    /// `claim-finding`: one side is a claim of the client, the other a finding.
    public enum AssertionRelation: String, Sendable, Hashable { case claimFinding = "claim-finding", any }
    public enum Scope: String, Sendable, Hashable { case sentence, element, dossier }

    public var name: String?
    public var left: String
    public var right: String
    public var indicator: IndicatorRelation
    public var sign: Sign
    public var source: Distinct
    public var element: Distinct
    public var assertion: AssertionRelation
    public var scope: Scope
    /// Drop pairs the assessment explains: one assessment element cites (or addresses, or weighs) both sides.
    public var unexplained: Bool
    /// Drop pairs one side's element tells both sides of: it also affirms the other side's indicator ("werkte zes
    /// jaar in een apotheek … daarna geen betaald werk" is a timeline in the client's own words, not a claim against
    /// the employer's statement of those six years).
    public var oneSided: Bool
    /// Drop pairs either side's element affirms one of these indicators: a teller who says what the effort cost him
    /// ("met veel pijn", "moest daarna twee dagen bijkomen") explains the variation rather than contradicting himself.
    public var qualifiedBy: [String]
    public var min: Int

    public init(
        name: String?, left: String, right: String, indicator: IndicatorRelation = .any, sign: Sign = .any, source: Distinct = .any,
        element: Distinct = .any, assertion: AssertionRelation = .any, scope: Scope = .dossier, unexplained: Bool = false, oneSided: Bool = false,
        qualifiedBy: [String] = [], min: Int = 1
    ) {
        self.name = name
        self.left = left
        self.right = right
        self.indicator = indicator
        self.sign = sign
        self.source = source
        self.element = element
        self.assertion = assertion
        self.scope = scope
        self.unexplained = unexplained
        self.oneSided = oneSided
        self.qualifiedBy = qualifiedBy
        self.min = min
    }
}

/// A known interpretation of a signal, and the words that show an assessment mentions it.
public struct Reading: Sendable, Hashable {
    public var id: String
    public var text: LocalizedText
    public var terms: [String]
    public init(id: String, text: LocalizedText, terms: [String]) {
        self.id = id
        self.text = text
        self.terms = terms
    }
}
