/// A ruleset: all domain knowledge the engine applies, loaded from XML under `Rulesets/`.
///
/// The engine implements mechanisms only; every domain, indicator, weight, threshold and
/// question comes from here, so a ruleset author changes behaviour without recompiling.
/// ```swift
/// let ruleset = try RulesetLoader.load(contentsOf: "Rulesets/akc-2011.xml")
/// ruleset.domain(id: "prive")?.label[.nl] // "Privésituatie"
/// ```
public struct Ruleset: Sendable {
    public var id: String
    public var version: String
    public var date: String
    /// SHA-256 of the ruleset file's bytes, so a report names exactly which rules produced it.
    public var checksum: String
    public var title: LocalizedText
    public var references: [Reference]
    public var scoring: Scoring
    public var sourceKinds: [SourceKind]
    public var domains: [Domain]
    public var dimensions: [Level2Dimension]
    public var indicators: [Indicator]
    public var activities: [Schema2Activity]
    /// Words that name support for every Schema 2 activity at once ("jobcoach", "begeleiding op de werkplek").
    public var supportNamedForEveryActivity: [String] = []
    /// Words of an FML line that says a function is not limited ("geen beperkingen voor zitten", "niet beperkt").
    public var fmlUnlimited: [String] = []
    /// Words that make a physician's clause outside an FML a limit ("maximaal", "niet langer dan", "hooguit"), beside a
    /// negated limitation ("geen ploegendiensten"): only such clauses are set against the direction.
    public var physicianLimitCues: [String] = []
    public var themes: [ConversationTheme]
    /// Intake sections that are not themes, and the words for source authors, for `totaalbeeld import`.
    public var intakeSections: [IntakeSection] = []
    public var sourceRoles: [SourceRoleNames] = []
    /// Words that open a paragraph naming its teller ("volgens", "brief van"), lower-cased as written.
    public var sourceLeads: [String] = []
    /// Words (prepositions) after which a listed section heading is the complement of a longer heading, folded as
    /// ``HeadingKey`` folds: "Verloop van het traject" names no direction.
    public var headingComplementWords: Set<String> = []
    /// Verbs by which a sentence opening with a source's role reports that source ("De bedrijfsarts noemt …"), folded.
    public var sourceVerbs: Set<String> = []
    public var rules: [FlagRule] { didSet { ruleIndex = Self.positions(of: rules) } }
    public var trialAndError: TrialAndErrorRules?
    public var context: ContextRules
    /// The change log, oldest entry first: what changed in each version, when and why.
    public var changes: [RulesetChange] = []
    /// Rules and indicators taken out but kept (the keuzehulp's "parkeer"-tab): never applied, kept so that earlier
    /// screenings stay explainable and an item can be brought back as it was.
    public var parked: [ParkedItems] = []
    /// Pairs of indicators that contradict each other when both are affirmed about the client.
    public var contradictions: [Contradiction]
    /// Sentence cues that change how much a fact counts: not the client's doing, only partly completed, improved since.
    public var qualifiers: [Qualifier]
    /// The indicator a recognised benefit ground (the dossier's `<disability>`) stands for, per regime.
    public var benefitGround: BenefitGround?
    /// The signal whose words show the assessment weighing something ("overwogen", "geen aanwijzingen dat"):
    /// what stands in one sentence with it is named and weighed, and so addressed.
    public var weighingSignal: String?
    /// Named word sets that terms require or exclude near them (sense constraints, see ``TermRule``).
    public var senses: [SenseSet]

    private var indicatorIndex: [String: Int]
    private var ruleIndex: [String: Int]
    private var contradictionIndex: Set<String>

    public init(
        id: String, version: String, date: String, checksum: String, title: LocalizedText,
        references: [Reference], scoring: Scoring, sourceKinds: [SourceKind], domains: [Domain],
        dimensions: [Level2Dimension], indicators: [Indicator], activities: [Schema2Activity],
        themes: [ConversationTheme], rules: [FlagRule] = [], trialAndError: TrialAndErrorRules? = nil, context: ContextRules,
        contradictions: [Contradiction] = [], qualifiers: [Qualifier] = [], benefitGround: BenefitGround? = nil, weighingSignal: String? = nil,
        senses: [SenseSet] = []
    ) {
        self.weighingSignal = weighingSignal
        self.contradictions = contradictions
        self.qualifiers = qualifiers
        self.benefitGround = benefitGround
        self.contradictionIndex = Set(contradictions.flatMap { c in c.left.flatMap { l in c.right.flatMap { r in [l + "|" + r, r + "|" + l] } } })
        self.id = id
        self.version = version
        self.date = date
        self.checksum = checksum
        self.title = title
        self.references = references
        self.scoring = scoring
        self.sourceKinds = sourceKinds
        self.domains = domains.sorted { $0.order < $1.order }
        self.dimensions = dimensions
        self.indicators = indicators
        self.activities = activities.sorted { $0.order < $1.order }
        self.themes = themes.sorted { $0.order < $1.order }
        self.rules = rules
        self.ruleIndex = Self.positions(of: rules)
        self.trialAndError = trialAndError
        self.context = context
        self.senses = senses
        self.indicatorIndex = Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func indicator(id: String) -> Indicator? { indicatorIndex[id].map { indicators[$0] } }
    /// Where the rule `id` stands in `rules` (the first, should two share an id): rule order per flag without a table
    /// of the rules built for every screening.
    public func rulePosition(id: String) -> Int? { ruleIndex[id] }
    /// The rule `id` (the first, should two share an id), as `indicator(id:)` finds an indicator.
    public func rule(id: String) -> FlagRule? { ruleIndex[id].map { rules[$0] } }

    private static func positions(of rules: [FlagRule]) -> [String: Int] {
        Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Where `indicator(id:)` finds the indicator in `indicators`: per-dossier tables index by it instead of hashing the id again.
    public func indicatorPosition(id: String) -> Int? { indicatorIndex[id] }

    /// Every indicator `id` is a kind of, through `narrows`, transitively (it contains `id` itself only
    /// when the declarations run in a circle).
    public func broaderIndicators(of id: String) -> Set<String> {
        var found = Set<String>(), pending = indicator(id: id)?.narrows ?? []
        while let next = pending.popLast() {
            guard found.insert(next).inserted else { continue }
            pending += indicator(id: next)?.narrows ?? []
        }
        return found
    }

    /// Per indicator that narrows another, all the broader ones (see ``broaderIndicators(of:)``).
    public var broaderIndicatorsByID: [String: Set<String>] {
        Dictionary(uniqueKeysWithValues: indicators.filter { !$0.narrows.isEmpty }.map { ($0.id, broaderIndicators(of: $0.id)) })
    }
    /// Whether the ruleset declares the two indicators as contradicting each other.
    public func contradicts(_ a: String, _ b: String) -> Bool { contradictionIndex.contains(a + "|" + b) }
    public func domain(id: String) -> Domain? { domains.first { $0.id == id } }
    public func sourceKind(id: String) -> SourceKind? { sourceKinds.first { $0.id == id } }
    public func activity(id: String) -> Schema2Activity? { activities.first { $0.id == id } }
    public func dimension(id: String) -> Level2Dimension? { dimensions.first { $0.id == id } }
    public func theme(id: String) -> ConversationTheme? { themes.first { $0.id == id } }
    public func reference(id: String) -> Reference? { references.first { $0.id == id } }

    /// The parking entry of a rule or indicator that is parked, not active.
    public func parking(of id: String) -> ParkedItems? {
        parked.first { entry in entry.rules.contains { $0.id == id } || entry.indicators.contains { $0.id == id } }
    }

    /// The change-log entries after `version` up to and including this ruleset's own, oldest first: what a move
    /// from `version` to this ruleset changes.
    public func changes(since version: String) -> [RulesetChange] {
        guard let old = SemanticVersion(version) else { return changes }
        return changes.filter { SemanticVersion($0.version).map { $0 > old } ?? false }
    }
}

/// One entry of a ruleset's change log: a version, its date and what changed and why (Dutch is the reference text).
public struct RulesetChange: Sendable, Hashable {
    public var version: String
    public var date: SimpleDate
    public var text: String
    public var location: Location
    public init(version: String, date: SimpleDate, text: String, location: Location) {
        self.version = version
        self.date = date
        self.text = text
        self.location = location
    }
}

/// Rules and indicators parked together on one date for one reason (`<parked since=…>` in the ruleset).
public struct ParkedItems: Sendable {
    public var since: SimpleDate
    public var reason: LocalizedText
    public var rules: [FlagRule]
    public var indicators: [Indicator]
    public var location: Location
    public init(since: SimpleDate, reason: LocalizedText, rules: [FlagRule], indicators: [Indicator], location: Location) {
        self.since = since
        self.reason = reason
        self.rules = rules
        self.indicators = indicators
        self.location = location
    }

    public var ids: [String] { rules.map(\.id) + indicators.map(\.id) }
}

/// `major.minor.patch`, compared numerically (1.10.0 > 1.9.0).
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int

    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let major = Int(parts[0]), let minor = Int(parts[1]), let patch = Int(parts[2]) else { return nil }
        (self.major, self.minor, self.patch) = (major, minor, patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch) }
}

/// Indicators that contradict each other when both are affirmed about the client ("I cannot sit for long"
/// against "sat through the whole interview"); rules find such pairs with `pair indicator="contradicting"`.
public struct Contradiction: Sendable, Hashable {
    public var left: [String]
    public var right: [String]
    public var location: Location
    public init(left: [String], right: [String], location: Location) {
        self.left = left
        self.right = right
        self.location = location
    }
}

/// A cue in the same sentence (or a structured finding's note) that changes how much facts of some indicators
/// count: a contract that ended through no fault of the client, a course half finished, a situation improved since.
public struct Qualifier: Sendable, Hashable {
    public var id: String
    /// The signal whose terms are the cue.
    public var signal: String
    public var indicators: [String]
    public var factor: Double
    public var reason: LocalizedText
    public var location: Location
    public init(id: String, signal: String, indicators: [String], factor: Double, reason: LocalizedText, location: Location) {
        self.id = id
        self.signal = signal
        self.indicators = indicators
        self.factor = factor
        self.reason = reason
        self.location = location
    }
}

/// The benefit ground counts: a dossier with a `<disability>` under one of `regimes` holds a recognised work
/// disability, recorded as a fact of `indicator`; the cause text is read like a narrative.
public struct BenefitGround: Sendable, Hashable {
    public var indicator: String
    public var regimes: [String]
    /// Where no recognised benefit ground counts (another regime, or no `<disability>`), the limitations a physician
    /// established in the FML are registered as this indicator instead: the same primary limitation, stated by a
    /// physician, counted once.
    public var fmlIndicator: String?
    public init(indicator: String, regimes: [String], fmlIndicator: String? = nil) {
        self.indicator = indicator
        self.regimes = regimes
        self.fmlIndicator = fmlIndicator
    }
}

public struct Reference: Sendable, Hashable {
    public var id: String
    public var citation: String
    public init(id: String, citation: String) {
        self.id = id
        self.citation = citation
    }
}

/// How indicator weights add up to scores, and the named levels scores are read against.
public struct Scoring: Sendable, Hashable {
    public var weightRange: ClosedRange<Double>
    public var factorRange: ClosedRange<Double>
    /// How much one point of strength offsets one point of burden in the support need.
    public var strengthOffset: Double
    public var supportNeedMax: Double
    /// Ascending by `min`.
    public var levels: [ScoreLevel]
    /// How a problem recorded as resolved (arranged or solved since) counts.
    public var resolvedFactor: Double
    /// How a fact counts in a domain none of whose conversation themes is covered: mentioned in passing
    /// in another domain's text, it raises the theme's question rather than scoring the domain.
    public var incidentalFactor: Double

    public init(
        weightRange: ClosedRange<Double>, factorRange: ClosedRange<Double>, strengthOffset: Double, supportNeedMax: Double, levels: [ScoreLevel],
        resolvedFactor: Double = 0, incidentalFactor: Double = 1
    ) {
        self.resolvedFactor = resolvedFactor
        self.incidentalFactor = incidentalFactor
        self.weightRange = weightRange
        self.factorRange = factorRange
        self.strengthOffset = strengthOffset
        self.supportNeedMax = supportNeedMax
        self.levels = levels.sorted { $0.min < $1.min }
    }

    /// The highest level whose threshold the score reaches.
    public func level(for score: Double) -> ScoreLevel? {
        levels.last { score >= $0.min }
    }

    public func level(id: String) -> ScoreLevel? { levels.first { $0.id == id } }
}

public struct ScoreLevel: Sendable, Hashable {
    public var id: String
    public var min: Double
    public var label: LocalizedText
    public init(id: String, min: Double, label: LocalizedText) {
        self.id = id
        self.min = min
        self.label = label
    }
}

public struct SourceKind: Sendable, Hashable {
    public var id: String
    public var label: LocalizedText
    /// The client's own account: essential, but a domain known only from it is a quality risk.
    public var isSelfReport: Bool
    /// In a narrative told by a source of this kind, "ik" is the teller speaking of himself ("Ik slaap zelf slecht"
    /// from a relative), not an observer of the client (a professional's "Ik vermoed …").
    public var speaksOfHimself: Bool
    /// A document whose title names a source of this kind was written by it (an imported intake's author).
    public var authorsDocuments: Bool
    /// A source of this kind writes the reintegration assessment the rules judge.
    public var assesses: Bool
    public init(id: String, label: LocalizedText, isSelfReport: Bool, speaksOfHimself: Bool = false, authorsDocuments: Bool = false, assesses: Bool = false) {
        self.id = id
        self.label = label
        self.isSelfReport = isSelfReport
        self.speaksOfHimself = speaksOfHimself
        self.authorsDocuments = authorsDocuments
        self.assesses = assesses
    }
}

/// A life domain: one column of seed 004's Schema 1.
public struct Domain: Sendable, Hashable {
    public var id: String
    public var order: Int
    public var label: LocalizedText
    public var zrmDomains: [String]
    public var location: Location
    public init(id: String, order: Int, label: LocalizedText, zrmDomains: [String], location: Location) {
        self.id = id
        self.order = order
        self.label = label
        self.zrmDomains = zrmDomains
        self.location = location
    }
}

/// A level-2 row of Schema 1: coping, self-assessment of abilities and of limitations, personality.
public struct Level2Dimension: Sendable, Hashable {
    public var id: String
    public var label: LocalizedText
    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }
}

/// What an indicator does when it is found.
public enum IndicatorRole: Sendable, Hashable {
    /// Level 1: adds its weight to the domain's burden or strength.
    case level1(Polarity, weight: Double)
    /// Level 2: multiplies the support need of its domain (or of every burdened domain).
    case modifier(dimension: String, factor: Double, scope: ModifierScope, extraRisk: Bool)
    /// No weight: found like an indicator, used only by flag rules.
    case signal
}

public enum Polarity: String, Sendable, Hashable {
    case burden, strength
}

public enum ModifierScope: String, Sendable, Hashable {
    case domain, all
}

/// How strictly an indicator's terms must be read before a hit counts.
public enum Precision: String, Sendable, Hashable {
    case normal
    /// The indicator can refer a client elsewhere or block a track (addiction, relapse, acute crisis,
    /// domestic violence, justice): lint refuses a bare one-word term without a sense constraint.
    case high
}

/// One term of an indicator with how it may match: inflected forms and compound heads unless `exact`,
/// and only with (`require`) or without (`exclude`) words of the named ``SenseSet``s nearby.
/// ```swift
/// // <term require="alcohol probleem" exclude="frisdrank" window="6">drinkt</term>
/// TermRule(text: "drinkt", require: ["alcohol", "probleem"], exclude: ["frisdrank"], window: 6)
/// ```
public struct TermRule: Sendable, Hashable {
    /// The term in ruleset notation (see `Rulesets/README.md`).
    public var text: String
    /// Match the written form only: no inflected forms (Snowball stems), no compounds whose head it is.
    public var exact: Bool
    /// Sense sets of which one must occur within `window` words (any of them); empty: no requirement.
    /// A compound's first part counts as a word of its sense ("huurschuld" meets "geld" through "huur").
    public var require: [String]
    /// Sense sets none of which may occur within `window` words, the term's own word included.
    public var exclude: [String]
    /// Words between the term and a sense word, at most; `nil`: anywhere in the sentence.
    public var window: Int?
    /// The window for `exclude` when it differs from `window` (a wish word three words off excludes a job
    /// noun that a work word must stand right beside).
    public var excludeWindow: Int?
    /// Match the words in the written order only, never in the free order of the context's
    /// `freeOrderWindow` (a term whose order carries its sense).
    public var fixedOrder: Bool
    /// The term's own words say the finding is over ("al drie jaar clean", "afgekickt"): a hit through it
    /// is historical, whatever its context.
    public var past: Bool
    /// The term's own words say the problem is solved ("weer helemaal terug in zijn ritme"): a hit through it is
    /// resolved (historical for an indicator that cannot be resolved), whatever its context.
    public var settled: Bool
    /// The term names a service or measure for the problem ("schuldhulpverlening", "bewindvoering"): its
    /// presence shows the problem, its absence does not ("nog niet aangemeld bij de schuldhulpverlening"), so a
    /// negated hit through it is no reading at all.
    public var affirmedOnly: Bool
    public var location: Location?

    public init(
        text: String, exact: Bool = false, require: [String] = [], exclude: [String] = [], window: Int? = nil, excludeWindow: Int? = nil,
        fixedOrder: Bool = false, past: Bool = false, settled: Bool = false, affirmedOnly: Bool = false,
        location: Location? = nil
    ) {
        self.text = text
        self.affirmedOnly = affirmedOnly
        self.past = past
        self.settled = settled
        self.exact = exact
        self.fixedOrder = fixedOrder
        self.require = require
        self.exclude = exclude
        self.window = window
        self.excludeWindow = excludeWindow
        self.location = location
    }

    /// Whether the term has a sense constraint.
    public var isConstrained: Bool { !require.isEmpty || !exclude.isEmpty }
}

/// A named set of words and phrases (term notation, matched as written) that a ``TermRule`` can
/// require or exclude near it: "alcohol" (bier, wijn, sterke drank …), "frisdrank" (koffie, thee …).
public struct SenseSet: Sendable, Hashable {
    public var id: String
    public var label: LocalizedText
    public var terms: [String]
    public var location: Location
    public init(id: String, label: LocalizedText, terms: [String], location: Location) {
        self.id = id
        self.label = label
        self.terms = terms
        self.location = location
    }
}

public struct Indicator: Sendable, Hashable {
    /// What an indicator says, in one ``SharedValue`` box: ``Ruleset/indicator(id:)`` hands out a copy on every
    /// lookup, and the evaluator looks indicators up per fact.
    struct Fields: Sendable, Hashable {
        var id: String
        var domain: String
        var role: IndicatorRole
        var label: LocalizedText
        var rationale: LocalizedText
        var reference: String
        var group: String?
        var terms: [String]
        var countsForOther: Bool
        var readings: [Reading]
        var location: Location
        var termRules: [TermRule]
        var precision: Precision
        var resolvable: Bool
        var narrows: [String]
        var pastByNature: Bool
        var riskByNature: Bool
        var clientByNature: Bool
        var threatCounts = false
    }

    private var shared: SharedValue<Fields>

    public var id: String { get { shared.value.id } set { shared.value.id = newValue } }
    public var domain: String { get { shared.value.domain } set { shared.value.domain = newValue } }
    public var role: IndicatorRole { get { shared.value.role } set { shared.value.role = newValue } }
    public var label: LocalizedText { get { shared.value.label } set { shared.value.label = newValue } }
    public var rationale: LocalizedText { get { shared.value.rationale } set { shared.value.rationale = newValue } }
    public var reference: String { get { shared.value.reference } set { shared.value.reference = newValue } }
    /// Werkzaak keuzehulp characteristic, e.g. "3.3".
    public var group: String? { get { shared.value.group } set { shared.value.group = newValue } }
    public var terms: [String] { get { shared.value.terms } set { shared.value.terms = newValue } }
    /// Whether a narrative hit about someone other than the client still counts.
    public var countsForOther: Bool { get { shared.value.countsForOther } set { shared.value.countsForOther = newValue } }
    /// Known interpretations of this signal, for "also consider" in judgement-risk flags.
    public var readings: [Reading] { get { shared.value.readings } set { shared.value.readings = newValue } }
    public var location: Location { get { shared.value.location } set { shared.value.location = newValue } }
    /// The terms with their matching options, in the order of ``terms``.
    public var termRules: [TermRule] { get { shared.value.termRules } set { shared.value.termRules = newValue } }
    public var precision: Precision { get { shared.value.precision } set { shared.value.precision = newValue } }
    /// Whether a hit can be read as resolved ("inmiddels opgelost"). An addiction never is: stopped use
    /// is read as historical, because the relapse risk stays.
    public var resolvable: Bool { get { shared.value.resolvable } set { shared.value.resolvable = newValue } }
    /// The broader indicators this one is a kind of; on the same words the narrower reading is kept.
    public var narrows: [String] { get { shared.value.narrows } set { shared.value.narrows = newValue } }
    /// Whether the finding is about the past by its nature (a job held, a diploma obtained, a childhood): a
    /// date or a past-time word places it, it does not make it over, so a hit is never read as historical.
    public var pastByNature: Bool { get { shared.value.pastByNature } set { shared.value.pastByNature = newValue } }
    /// Whether the finding is a risk by its nature (a relapse risk): a fear, a condition or an expectation is how a
    /// risk is stated, so a hypothetical hit still counts in full. The reading stays hypothetical: it is weighed, not
    /// re-read.
    public var riskByNature: Bool { get { shared.value.riskByNature } set { shared.value.riskByNature = newValue } }
    /// Whether the finding is the client's by its nature (his network, his relationship, his home situation, his
    /// childhood): a relative named with it is what it is about, not the one who has it, so a hit is never read as
    /// someone else's.
    public var clientByNature: Bool { get { shared.value.clientByNature } set { shared.value.clientByNature = newValue } }
    /// Whether a threat of the finding is already the finding (an announced eviction, a cut-off or violence
    /// threatened): a hit made hypothetical only by threat triggers ("dreigt", ``ContextTrigger/threat``) counts in
    /// full, so life first sees it. The reading stays hypothetical; a condition ("indien") still counts as one.
    public var threatCounts: Bool { get { shared.value.threatCounts } set { shared.value.threatCounts = newValue } }

    public init(
        id: String, domain: String, role: IndicatorRole, label: LocalizedText, rationale: LocalizedText,
        reference: String, group: String?, terms: [String], countsForOther: Bool, readings: [Reading] = [], location: Location,
        termRules: [TermRule]? = nil, precision: Precision = .normal, resolvable: Bool = true, narrows: [String] = [],
        pastByNature: Bool = false, riskByNature: Bool = false, clientByNature: Bool = false, threatCounts: Bool = false
    ) {
        shared = SharedValue(Fields(
            id: id, domain: domain, role: role, label: label, rationale: rationale, reference: reference, group: group, terms: terms,
            countsForOther: countsForOther, readings: readings, location: location, termRules: termRules ?? terms.map { TermRule(text: $0) },
            precision: precision, resolvable: resolvable, narrows: narrows, pastByNature: pastByNature,
            riskByNature: riskByNature, clientByNature: clientByNature, threatCounts: threatCounts
        ))
    }

    public var polarity: Polarity? {
        if case .level1(let polarity, _) = role { return polarity }
        return nil
    }
}

/// A row of seed 004's Schema 2: an activity or competence, with the rules that derive its support need.
public struct Schema2Activity: Sendable, Hashable {
    public var id: String
    public var order: Int
    public var parent: String?
    public var label: LocalizedText
    public var derivations: [Derivation]
    /// How an FML limitation of this activity enters the derivation, and the words that recognise one.
    public var fromFML: FromFML?
    /// Words that show a direction demands this activity ("in een team", "deadlines").
    public var demands: [String]
    /// Words in the assessment's own text that name support for this activity ("taaltraject", "urenopbouw"): a
    /// support need the assessment names so is analysed in prose, even when it is not recorded per activity.
    public var supportNamed: [String]
    /// Ascending by `min`.
    public var needs: [NeedRule]
    public var location: Location

    public init(
        id: String, order: Int, parent: String?, label: LocalizedText, derivations: [Derivation], fromFML: FromFML? = nil, demands: [String] = [],
        supportNamed: [String] = [], needs: [NeedRule], location: Location
    ) {
        self.fromFML = fromFML
        self.demands = demands
        self.supportNamed = supportNamed
        self.id = id
        self.order = order
        self.parent = parent
        self.label = label
        self.derivations = derivations
        self.needs = needs.sorted { $0.min < $1.min }
        self.location = location
    }

    public struct Derivation: Sendable, Hashable {
        public var indicator: String
        public var weight: Double
        public var location: Location
        public init(indicator: String, weight: Double, location: Location) {
            self.indicator = indicator
            self.weight = weight
            self.location = location
        }
    }

    /// An FML limitation of this activity adds `weight` to the activity's score and is listed as a work
    /// requirement with its source.
    public struct FromFML: Sendable, Hashable {
        public var weight: Double
        public var terms: [String]
        public init(weight: Double, terms: [String]) {
            self.weight = weight
            self.terms = terms
        }
    }

    public struct NeedRule: Sendable, Hashable {
        public var level: String
        public var min: Double
        public var support: LocalizedText
        public var workRequirement: LocalizedText
        public init(level: String, min: Double, support: LocalizedText, workRequirement: LocalizedText) {
            self.level = level
            self.min = min
            self.support = support
            self.workRequirement = workRequirement
        }
    }

    /// The highest need rule the score reaches, if any.
    public func need(for score: Double) -> NeedRule? { needs.last { score >= $0.min } }
}

/// A theme of seed 004's conversation model (Bijlage 1); an uncovered theme is a gap.
public struct ConversationTheme: Sendable, Hashable {
    public var id: String
    public var order: Int
    public var domain: String
    public var label: LocalizedText
    public var question: LocalizedText
    public var requiredSourceKind: String?
    /// Whether the client's stated wish also speaks to this theme.
    public var coveredByWish: Bool
    /// Headings an intake uses for this theme (besides its Dutch label), for `totaalbeeld import`.
    public var headings: [String]
    /// Whether the benefit ground (the dossier's `<disability>`) speaks to this theme.
    public var coveredByBenefitGround: Bool
    public init(
        id: String, order: Int, domain: String, label: LocalizedText, question: LocalizedText, requiredSourceKind: String?,
        coveredByWish: Bool = false, coveredByBenefitGround: Bool = false, headings: [String] = []
    ) {
        self.coveredByBenefitGround = coveredByBenefitGround
        self.id = id
        self.order = order
        self.domain = domain
        self.label = label
        self.question = question
        self.requiredSourceKind = requiredSourceKind
        self.coveredByWish = coveredByWish
        self.headings = headings
    }
}

/// An intake section that is not a conversation theme, recognised by its headings when an intake is imported.
public struct IntakeSection: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable, CaseIterable {
        case summary, client, sources, fml, wish, assessment, conclusions, direction
        /// Schema 2 in an intake's assessment: one line per activity, "Fysieke belastbaarheid: matig — …".
        case supportNeeds
        /// The client's own account as another professional wrote it down ("Anamnese").
        case account
    }
    public var role: Role
    public var headings: [String]
    public init(role: Role, headings: [String]) {
        self.role = role
        self.headings = headings
    }
}

/// Words an intake uses for who gave a piece of information ("Volgens de bedrijfsarts: …"), mapped to a source kind.
public struct SourceRoleNames: Sendable, Hashable {
    public var kind: String
    public var names: [String]
    public init(kind: String, names: [String]) {
        self.kind = kind
        self.names = names
    }
}
