import TotaalbeeldModel

/// One occurrence of an indicator's term in Dutch text, with its ConText properties.
///
/// Offsets count Unicode scalars (code points) from the start of the analysed text, end exclusive,
/// so `Array(text.unicodeScalars)[start..<end]` is the matched text.
/// ```swift
/// let hits = NarrativeAnalyzer(ruleset: ruleset).analyze("Hij heeft geen schulden.")
/// hits[0].negated // true
/// ```
public struct TextHit: Sendable, Hashable {
    public var indicator: String
    public var start: Int
    public var end: Int
    public var matchedText: String
    /// The sentence the hit stands in, and its offset in the text.
    public var sentence: String
    public var sentenceStart: Int
    public var negated: Bool
    public var historical: Bool
    public var hypothetical: Bool
    public var experiencer: Experiencer
    /// Stated as possible or probable, not established ("vermoedelijk", "er zijn aanwijzingen voor").
    public var uncertain: Bool = false
    /// A problem stated as arranged or solved since ("inmiddels geregeld", "afgelost").
    public var resolved: Bool = false
    /// The client's own statement about himself, or a finding.
    public var assertion: Assertion = .finding
    /// The context triggers that gave the hit its properties, for the evidence trail.
    public var triggers: [AppliedTrigger]
    /// The ruleset term that matched, as written there ("schuld*"), when known.
    public var term: String?
    /// Words of the hit read as the term word they misspell ("klachetn → klachten"); empty when every word
    /// is written as the term has it (or inflected, or a compound).
    public var spelling: [SpellingCorrection] = []

    public init(
        indicator: String, start: Int, end: Int, matchedText: String, sentence: String, sentenceStart: Int,
        negated: Bool, historical: Bool, hypothetical: Bool, experiencer: Experiencer, triggers: [AppliedTrigger],
        term: String? = nil
    ) {
        self.indicator = indicator
        self.start = start
        self.end = end
        self.matchedText = matchedText
        self.sentence = sentence
        self.sentenceStart = sentenceStart
        self.negated = negated
        self.historical = historical
        self.hypothetical = hypothetical
        self.experiencer = experiencer
        self.triggers = triggers
        self.term = term
    }
}

public struct AppliedTrigger: Sendable, Hashable {
    public var category: ContextCategory
    public var phrase: String
    public var start: Int
    public var end: Int
    /// From a trigger that settles only a problem read as past (``ContextTrigger/settlesPast``): the analyzer
    /// keeps it only on a historical hit. Not part of any output.
    var settlesPast = false
    /// From a trigger that announces harm (``ContextTrigger/threat``): still hypothetical, but the evaluator counts
    /// it for an indicator whose threat is already the crisis. Not part of any output.
    public internal(set) var threat = false
    /// From a trigger that marks a question (``ContextTrigger/question``): the hit is asked, not supposed. Not part of
    /// any output.
    public internal(set) var question = false
    public init(category: ContextCategory, phrase: String, start: Int, end: Int) {
        self.category = category
        self.phrase = phrase
        self.start = start
        self.end = end
    }

    /// The order triggers are listed in on a hit: by position in the text, then category, end and phrase, so the
    /// same text always lists them alike.
    static func inTextOrder(_ a: AppliedTrigger, _ b: AppliedTrigger) -> Bool {
        (a.start, a.category.rawValue, a.end, a.phrase) < (b.start, b.category.rawValue, b.end, b.phrase)
    }
}
