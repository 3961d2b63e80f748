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
    public enum Place: String, Sendable, Hashable { case dossier, assessment }
    public enum Status: String, Sendable, Hashable { case counted, current, present, negated, any }

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

    public init(
        name: String?, indicators: [String], role: Role?, sourceKinds: [String], excludedSourceKinds: [String],
        place: Place, status: Status, minWeight: Double?, min: Int, sameDomainAs: String?
    ) {
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

    public init(
        direction: Bool? = nil, supportNeeds: Bool? = nil, placement: Bool? = nil, willing: [String]? = nil, able: [String]? = nil,
        placementCites: Bool? = nil, shared: [String]? = nil, horizon: [String]? = nil, intensity: [String]? = nil, addresses: Bool? = nil
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
    }
}

public enum RuleCondition: Sendable, Hashable {
    case facts(FactPattern)
    case absent(FactPattern)
    case unaddressed(facts: String, min: Int)
    case readings(facts: String)
    case assessment(AssessmentPattern)
    case overlap(with: OverlapTarget, min: Double, negate: Bool)
    case derivedNeed(atLeast: String, min: Int)
    case domainNeed(atLeast: String, min: Int, unaddressedOnly: Bool)
    case maxDomainNeed(below: String)
    case citedSupport(min: Double)
    case uncited
    case haloCitation(minDomains: Int)
    case selfReportOnly
    case gap
    case sourceAge(months: Int)
    case fmlMissing
    case ageBand(maxUpper: Int)
    case benefitRegime([String])

    public enum OverlapTarget: String, Sendable, Hashable { case wish, fml }
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
