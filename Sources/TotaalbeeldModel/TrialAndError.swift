/// The ruleset's screening rule for a controlled trial-and-error track (seed 004, recommendation 2).
///
/// ```swift
/// ruleset.trialAndError?.uncertaintyMin // weighted flag count from which the picture counts as uncertain
/// ```
public struct TrialAndErrorRules: Sendable, Hashable {
    public struct UncertaintyWeight: Sendable, Hashable {
        /// A rule id, a flag kind, or a `<weighed>` verdict; exactly one is set.
        public var rule: String?
        public var kind: String?
        /// A verdict of the assessment's own `<weighed>` elements ("open": a question the professional records as
        /// open); each such element adds the weight.
        public var weighed: Assessment.Weighed.Verdict?
        public var weight: Double
        public init(rule: String?, kind: String?, weighed: Assessment.Weighed.Verdict? = nil, weight: Double) {
            self.rule = rule
            self.kind = kind
            self.weighed = weighed
            self.weight = weight
        }
    }

    public struct Contraindication: Sendable, Hashable {
        public var id: String
        public var label: LocalizedText
        public var indicators: [String]
        public var status: FactPattern.Status
        public var referral: [String]
        /// Source kinds whose assessment settles the concern: a fact that a `<weighed verdict="rejected">` element
        /// weighs (its `of` lists the fact's element, or it weighs the fact's indicator) while citing a source of one
        /// of these kinds is a checkpoint, not a contraindication (a relapse risk a physician has assessed and found
        /// not raised). Empty: nothing settles it (an eviction is a fact, not a reading).
        public var assessedBy: [String]
        public init(id: String, label: LocalizedText, indicators: [String], status: FactPattern.Status, referral: [String], assessedBy: [String] = []) {
            self.id = id
            self.label = label
            self.indicators = indicators
            self.status = status
            self.referral = referral
            self.assessedBy = assessedBy
        }
    }

    /// A statement about the client's work capacity, holding when its conditions hold ("declared fit by a
    /// physician"); tracks name the capacities they do not fit (`notFor`).
    public struct Capacity: Sendable, Hashable {
        public var id: String
        public var label: LocalizedText
        public var conditions: [RuleCondition]
        public init(id: String, label: LocalizedText, conditions: [RuleCondition]) {
            self.id = id
            self.label = label
            self.conditions = conditions
        }
    }

    public struct StopCriterion: Sendable, Hashable {
        public var text: LocalizedText
        public var when: [String]
        public init(text: LocalizedText, when: [String]) {
            self.text = text
            self.when = when
        }
    }

    public var uncertainty: [UncertaintyWeight]
    public var uncertaintyMin: Double
    public var minBurdenedDomains: Int
    public var burdenLevel: String
    public var contraindications: [Contraindication]
    public var vulnerabilities: [String]
    public var stopCriteria: [StopCriterion]
    public var reviewBaseWeeks: Int
    public var reviewMinWeeks: Int
    public var alternatives: Int
    /// The documented band for the share of clients referred to the extended track.
    public var referralShare: ClosedRange<Double>
    public var capacities: [Capacity]
    /// What a track that tests the client's own wish in practice adds to its fit when the client has a wish.
    public var wishWeight: Double

    public init(
        uncertainty: [UncertaintyWeight], uncertaintyMin: Double, minBurdenedDomains: Int, burdenLevel: String,
        contraindications: [Contraindication], vulnerabilities: [String], stopCriteria: [StopCriterion],
        reviewBaseWeeks: Int, reviewMinWeeks: Int, alternatives: Int, referralShare: ClosedRange<Double>,
        capacities: [Capacity] = [], wishWeight: Double = 0
    ) {
        self.capacities = capacities
        self.wishWeight = wishWeight
        self.uncertainty = uncertainty
        self.uncertaintyMin = uncertaintyMin
        self.minBurdenedDomains = minBurdenedDomains
        self.burdenLevel = burdenLevel
        self.contraindications = contraindications
        self.vulnerabilities = vulnerabilities
        self.stopCriteria = stopCriteria
        self.reviewBaseWeeks = reviewBaseWeeks
        self.reviewMinWeeks = reviewMinWeeks
        self.alternatives = alternatives
        self.referralShare = referralShare
    }
}

/// A catalogue of reintegration tracks, after the Werkzaak keuzehulp.
public struct TrackCatalogue: Sendable {
    public var id: String
    public var version: String
    public var tracks: [Track]
    public init(id: String, version: String, tracks: [Track]) {
        self.id = id
        self.version = version
        self.tracks = tracks
    }

    public func track(id: String) -> Track? { tracks.first { $0.id == id } }
}

public struct Track: Sendable, Hashable {
    public enum Fenger: String, Sendable, Hashable { case lifeFirst = "life-first", humanCapitalFirst = "human-capital-first", workFirst = "work-first" }
    public enum Intensity: String, Sendable, Hashable { case light, moderate, intensive }

    public var id: String
    public var fenger: Fenger
    public var intensity: Intensity
    public var referralOnly: Bool
    public var trial: Bool
    public var label: LocalizedText
    public var goal: LocalizedText
    public var dutchLevel: String
    public var minWeeks: Int
    public var maxWeeks: Int
    public var indicators: [String]
    public var activities: [String]
    /// Rules whose open question the track answers in practice (a practical test answers whether a
    /// claimed ability holds); a flag of such a rule counts toward the track's fit.
    public var questions: [String]
    /// Tracks that come first when the client has one of the listed indicators.
    public var after: [(track: String, when: [String])]
    public var parked: Bool
    /// Work capacities of the ruleset (`trialAndError/capacity`) this track does not fit: day activities
    /// are no option for a client a physician has declared fit for work.
    public var notFor: [String]
    /// The track tries the client's own wish out in practice (a practical test of a career wish).
    public var testsWish: Bool
    public var location: Location

    public init(
        id: String, fenger: Fenger, intensity: Intensity, referralOnly: Bool, trial: Bool, label: LocalizedText, goal: LocalizedText,
        dutchLevel: String, minWeeks: Int, maxWeeks: Int, indicators: [String], activities: [String],
        after: [(track: String, when: [String])], parked: Bool, notFor: [String] = [], testsWish: Bool = false, questions: [String] = [],
        location: Location
    ) {
        self.questions = questions
        self.notFor = notFor
        self.testsWish = testsWish
        self.id = id
        self.fenger = fenger
        self.intensity = intensity
        self.referralOnly = referralOnly
        self.trial = trial
        self.label = label
        self.goal = goal
        self.dutchLevel = dutchLevel
        self.minWeeks = minWeeks
        self.maxWeeks = maxWeeks
        self.indicators = indicators
        self.activities = activities
        self.after = after
        self.parked = parked
        self.location = location
    }

    public static func == (lhs: Track, rhs: Track) -> Bool { lhs.id == rhs.id && lhs.location == rhs.location }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
