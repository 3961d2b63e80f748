import TotaalbeeldModel

/// Everything the engine concludes about one dossier, each number with the facts behind it.
///
/// Renderers in TotaalbeeldReport turn this into text, Markdown, JSON or HTML; the engine itself never formats.
public struct ScreeningResult: Sendable {
    public var dossier: Dossier
    public var ruleset: Ruleset
    public var facts: [Fact]
    /// Schema 1, one entry per ruleset domain, in ruleset order.
    public var domains: [DomainResult]
    public var gaps: [Gap]
    /// Schema 2, one entry per ruleset activity, in ruleset order.
    public var schema2: [ActivityResult]
    public var flags: [Flag]
    public var trialAndError: TrialAndErrorResult
    /// Narrative sentences too long to read whole; context was applied per piece.
    public var cutSentences: [CutSentenceNote] = []
    /// Weighings in the assessment whose flag does not fire now (resolved since, or a rule or item that does not
    /// exist): listed, so a weighing never disappears unseen.
    public var unmatchedWeighings: [Assessment.WeighedFlag] = []

    /// Narrative facts and cut-sentence notes per element id, grouped in one pass, for renderers that
    /// show each narrative with its marks (a filter per narrative would be quadratic in a long dossier).
    public func narrativeFactsByElement() -> (facts: [String: [Fact]], cutSentences: [String: [CutSentenceNote]]) {
        (Dictionary(grouping: facts.filter(\.isNarrative), by: \.elementID), Dictionary(grouping: cutSentences, by: \.elementID))
    }
}

/// One indicator's contribution to a domain score: the strongest observation counts once,
/// all observations are listed as evidence.
public struct IndicatorContribution: Sendable, Hashable {
    public var indicator: Indicator
    public var weight: Double
    /// `weight` × the strongest count factor among its facts.
    public var effectiveWeight: Double
    public var facts: [Fact]
}

/// A level-2 modifier that changed a domain's support need.
public struct AppliedModifier: Sendable, Hashable {
    public var indicator: Indicator
    public var dimension: String
    /// The factor as applied (partially counted facts move it toward 1).
    public var factor: Double
    public var extraRisk: Bool
    public var facts: [Fact]
}

/// Schema 1, one column: burden, strength, and the level-2-modulated support need of one life domain.
public struct DomainResult: Sendable {
    public var domain: Domain
    public var burden: Double
    public var strength: Double
    /// max(0, burden − strengthOffset × strength) × Π modifier factors, capped at the ruleset's maximum.
    public var supportNeed: Double
    public var supportNeedLevel: ScoreLevel?
    public var burdens: [IndicatorContribution]
    public var strengths: [IndicatorContribution]
    public var modifiers: [AppliedModifier]
    /// Facts filed in this domain that do not count (negated, hypothetical, about someone else).
    public var uncounted: [Fact]
    /// Whether anything at all is known about this domain (facts, narrative, or absence recorded).
    public var hasInformation: Bool
    /// Kinds of source the information in this domain comes from, sorted.
    public var sourceKinds: [String]
}

/// A gespreksmodel theme the dossier does not cover: a question to ask.
public struct Gap: Sendable, Hashable {
    public var theme: ConversationTheme
    /// Set when information exists but not from the kind of source the theme needs.
    public var missingSourceKind: String?
    /// Facts of the theme's domain in text under no theme's heading (an imported journal), from the kind of source the
    /// theme requires if it requires one: the theme is spoken to, but nothing is filed under it. Empty for a theme
    /// nothing speaks to, and for a theme that lacks its kind of source.
    public var unfiled: [Fact] = []
    /// The lines of ``unfiled``, each once, in order.
    public var unfiledLines: [Int] { Array(Set(unfiled.map(\.location.line))).sorted() }

    public init(theme: ConversationTheme, missingSourceKind: String?, unfiled: [Fact] = []) {
        self.theme = theme
        self.missingSourceKind = missingSourceKind
        self.unfiled = unfiled
    }
}

/// Schema 2, one row: support need for an activity, what the work must offer, and what it is derived from.
public struct ActivityResult: Sendable {
    public var activity: Schema2Activity
    public var score: Double
    public var need: Schema2Activity.NeedRule?
    public var contributions: [Contribution]
    /// The professional's own judgement for this activity, when the assessment gives one.
    public var assessed: Assessment.AssessedSupportNeed?
    /// The FML's limitations of this activity: work requirements from the physician, each adding its weight.
    public var fml: [FMLRequirement] = []

    /// An FML limitation as a Schema 2 work requirement, with where it comes from.
    public struct FMLRequirement: Sendable, Hashable {
        public var limitation: FML.Limitation
        public var weight: Double
        public var sourceID: String?
        public var sourceRole: String?
        public var date: SimpleDate?
    }

    public struct Contribution: Sendable, Hashable {
        public var indicator: Indicator
        public var weight: Double
        public var effectiveWeight: Double
        public var facts: [Fact]
    }
}

/// A reason for reflection: an inconsistency, gap, quality problem or judgement risk.
public struct Flag: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case inconsistency, gap, quality
        case judgementRisk = "judgement-risk"
    }

    public enum Severity: String, Sendable, Hashable, Comparable {
        case info, warning, serious
        private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var id: String
    public var rule: String
    public var kind: Kind
    public var severity: Severity
    public var message: LocalizedText
    public var question: LocalizedText
    /// The first ``Flag/evidenceLimit`` evidence lines in dossier order; `evidenceOmitted` says how many more there are.
    public var evidence: [Evidence]
    public var evidenceOmitted: Int = 0
    /// Readings of the same signals that the assessment has not addressed.
    public var alternatives: [LocalizedText]
    public var rationale: LocalizedText?
    public var reference: String?
    /// `sha256:` over the flag's id and its evidence (element and quoted words, all of it, not only the listed
    /// part), independent of line numbers: what a `<weighedFlag evidence=…>` records, so a weighing made on other
    /// evidence is recognised.
    public var evidenceFingerprint: String = ""
    /// Set when the assessment records that this flag was weighed.
    public var weighing: FlagWeighing?

    /// The rule's item (domain, theme, source or conclusion id), nil for a rule checked once per dossier.
    public var item: String? { id.count > rule.count ? String(id.dropFirst(rule.count + 1)) : nil }

    /// Weighed on the evidence it still rests on: shown as weighed, not counted toward the trial-and-error uncertainty.
    public var isWeighed: Bool { weighing?.state == .weighed }

    public init(
        id: String, rule: String, kind: Kind, severity: Severity, message: LocalizedText, question: LocalizedText,
        evidence: [Evidence], alternatives: [LocalizedText] = [], rationale: LocalizedText? = nil, reference: String? = nil
    ) {
        self.id = id
        self.rule = rule
        self.kind = kind
        self.severity = severity
        self.message = message
        self.question = question
        self.evidence = evidence
        self.alternatives = alternatives
        self.rationale = rationale
        self.reference = reference
    }
}

/// That a flag was weighed by the professional, and whether that weighing still holds.
public struct FlagWeighing: Sendable, Hashable {
    public enum State: String, Sendable, Hashable {
        /// Weighed on the evidence the flag still rests on ("gewogen").
        case weighed
        /// Weighed, but the evidence has changed since ("opnieuw te wegen"): it counts again until weighed anew.
        case reweigh
    }
    public var state: State
    public var weighed: Assessment.WeighedFlag

    public init(state: State, weighed: Assessment.WeighedFlag) {
        self.state = state
        self.weighed = weighed
    }

    /// Matches the assessment's weighings to `flags` by flag id (rule and item) and compares evidence fingerprints.
    /// Returns the flags with their ``Flag/weighing`` set, and the weighings that match no flag.
    public static func apply(_ weighings: [Assessment.WeighedFlag], to flags: [Flag]) -> (flags: [Flag], unmatched: [Assessment.WeighedFlag]) {
        guard !weighings.isEmpty else { return (flags, []) }
        let byFlag = Dictionary(weighings.map { ($0.flagID, $0) }, uniquingKeysWith: { first, _ in first })
        var used = Set<String>()
        let marked = flags.map { flag -> Flag in
            guard let weighed = byFlag[flag.id] else { return flag }
            used.insert(flag.id)
            var flag = flag
            flag.weighing = FlagWeighing(state: weighed.evidence == flag.evidenceFingerprint ? .weighed : .reweigh, weighed: weighed)
            return flag
        }
        return (marked, weighings.filter { !used.contains($0.flagID) })
    }
}

/// A pointer into the dossier that supports a flag.
public struct Evidence: Sendable, Hashable {
    public var elementID: String
    public var sourceID: String?
    public var location: Location
    public var span: ClosedRange<Int>?
    public var quote: String
    /// How often the same quote stands in the same element; the span is the first one's.
    public var occurrences: Int
    /// Whether this is an observation in the dossier (a fact) rather than the assessment, a source or
    /// the FML that the flag is about; only observations are cut at the list limit.
    public var isObservation = false

    public init(elementID: String, sourceID: String?, location: Location, span: ClosedRange<Int>? = nil, quote: String, occurrences: Int = 1) {
        self.elementID = elementID
        self.sourceID = sourceID
        self.location = location
        self.span = span
        self.quote = quote
        self.occurrences = occurrences
    }

    public init(_ fact: Fact) {
        var span: ClosedRange<Int>?
        if case .narrative(let start, let end, _, _) = fact.origin { span = start...max(start, end - 1) }
        self.init(elementID: fact.elementID, sourceID: fact.sourceID, location: fact.location, span: span, quote: fact.quote)
        isObservation = true
    }
}

/// Whether a controlled trial-and-error track is indicated, and which tracks with which safeguards.
public struct TrialAndErrorResult: Sendable {
    public var indicated: Bool
    public var reasons: [LocalizedText]
    public var tracks: [TrackRecommendation]
    /// The ids of the contraindications that hold: when any does, the advice is to refer (or stabilise) first.
    public var contraindications: [String]

    public init(indicated: Bool, reasons: [LocalizedText], tracks: [TrackRecommendation], contraindications: [String] = []) {
        self.indicated = indicated
        self.reasons = reasons
        self.tracks = tracks
        self.contraindications = contraindications
    }

    /// Refer first (a contraindication holds), indicated, or not indicated.
    public var verdict: String { !contraindications.isEmpty ? "refer-first" : indicated ? "indicated" : "not-indicated" }

    public static let notScreened = TrialAndErrorResult(indicated: false, reasons: [], tracks: [])
}

public struct TrackRecommendation: Sendable, Hashable {
    public var id: String
    public var label: LocalizedText
    public var fit: Double
    public var why: [LocalizedText]
    public var safeguards: [LocalizedText]
    public var checkpoints: [LocalizedText]

    public init(id: String, label: LocalizedText, fit: Double, why: [LocalizedText], safeguards: [LocalizedText], checkpoints: [LocalizedText]) {
        self.id = id
        self.label = label
        self.fit = fit
        self.why = why
        self.safeguards = safeguards
        self.checkpoints = checkpoints
    }
}

/// An item of an evidence list with how often it repeats: a term found 10,000 times in one element is one
/// line with a count, not 10,000 lines, so reports stay readable and their size bounded by what differs.
public struct Repeated<Item: Sendable>: Sendable {
    /// How many evidence lines a list shows before it says "and N more": enough to check a reading, few
    /// enough that one flag on a run-on dossier does not list tens of thousands of lines. The annotated
    /// narrative still marks every hit.
    public static var listLimit: Int { 25 }

    public var item: Item
    public var occurrences: Int
}

/// `items` in order, each run of items with the same `key` folded into its first, with the count.
public func foldRepeats<Item: Sendable, Key: Hashable>(_ items: [Item], by key: (Item) -> Key) -> [Repeated<Item>] {
    var position: [Key: Int] = [:]
    var folded: [Repeated<Item>] = []
    for item in items {
        let itemKey = key(item)
        if let index = position[itemKey] {
            folded[index].occurrences += 1
        } else {
            position[itemKey] = folded.count
            folded.append(Repeated(item: item, occurrences: 1))
        }
    }
    return folded
}

extension Fact {
    /// What makes two observations the same evidence line: the same words for the same indicator in the
    /// same element, read the same way.
    public var repeatKey: some Hashable {
        FactRepeatKey(
            elementID: elementID, indicator: indicator, quote: quote.lowercased(), isNarrative: isNarrative, present: present,
            historical: historical, hypothetical: hypothetical, experiencer: experiencer.rawValue,
            countFactorBits: countFactor.isNaN ? 0 : countFactor.bitPattern, countFactorNaN: countFactor.isNaN ? "\(countFactor)" : nil
        )
    }
}

/// ``Fact/repeatKey`` as one value instead of an array of nine Strings (the factor written out as text for
/// every fact): equal exactly when those Strings were. A factor's text is the shortest one that reads back
/// to the same Double, so two factors have the same text exactly when they have the same bits — except NaNs,
/// whose text ("nan", "-nan", "snan") is kept as it was.
struct FactRepeatKey: Hashable {
    var elementID: String
    var indicator: String
    var quote: String
    var isNarrative: Bool
    var present: Bool
    var historical: Bool
    var hypothetical: Bool
    var experiencer: String
    var countFactorBits: UInt64
    var countFactorNaN: String?
}
