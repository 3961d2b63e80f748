/// ConText-style rules for Dutch narrative (Chapman et al.; ContextD, Afzal et al. 2014), as data.
///
/// A trigger such as "geen" opens a scope in its direction; an indicator term inside that scope
/// takes the trigger's property. Terminators ("maar") close a scope early; pseudo-triggers
/// ("niet alleen") look like a trigger but are not one.
/// ```swift
/// let rule = ContextTrigger(phrase: "geen", category: .negation, direction: .forward, maxScope: 6, location: here)
/// ```
public struct ContextRules: Sendable, Hashable {
    public var triggers: [ContextTrigger]
    public var pseudoTriggers: [PseudoTrigger]
    public var terminators: [Terminator]
    /// Words that, directly before a hit, present it as given rather than asserted ("de", "zijn").
    public var presuppositions: [Presupposition] = []
    /// Who the client is in the words of a relative who wrote or told a whole narrative ("mijn man" in his
    /// wife's account).
    public var speakers: [SpeakerRule] = []
    /// The possessives by which a teller names his own relatives before the word for the client ("mijn" in "mijn
    /// man", "m'n", "onze"), as written in the ruleset.
    public var speakerPossessives: [String] = []
    /// Scope limit in words when a trigger does not set its own.
    public var defaultMaxScope: Int
    /// How many words may separate the parts of a split term ("ziet er tegen op").
    public var termGap: Int
    /// How a hit with each property counts toward a score (negated hits never count).
    public var historicalFactor: Double
    public var hypotheticalFactor: Double
    /// Applies to indicators with `countsForOther`; other indicators ignore hits about others.
    public var otherExperiencerFactor: Double
    /// How a hit stated as possible or probable counts ("vermoedelijk", "er zijn aanwijzingen voor").
    public var uncertainFactor: Double
    /// How a problem stated as arranged or solved since counts (0: not a current burden).
    public var resolvedFactor: Double
    /// A sentence longer than this, in words, is cut at clause marks before context is applied, so that
    /// the work per sentence stays bounded and no scope runs across a whole run-on text.
    public var maxSentenceWords: Int
    /// Whether each content word of a multi-word term also matches words with its Snowball stem
    /// ("schulden opgebouwd" reads "schuld opgebouwd"); words in ``functionWords`` match as written.
    public var phraseInflection = false
    /// A multi-word term with at least two content words also matches with its words in any order
    /// within this many words inside one clause ("omdat hij geen zin heeft in werk" for "geen zin in
    /// werk", "Schulden heeft hij opgebouwd"); 0 switches this off.
    public var freeOrderWindow = 0
    /// A word of the text that is no Dutch word and matches no term word as written also matches a term
    /// word at this Damerau–Levenshtein distance ("klachetn" reads "klachten"); 0 switches this off. Only
    /// 0 and 1 are supported: a larger value reads as 1.
    public var typoDistance = 0
    /// The fewest letters a misspelled word and the term word it is read as must each have.
    public var typoMinimumLength = ContextRules.defaultTypoMinimumLength
    public static let defaultTypoMinimumLength = 7
    /// Words of multi-word terms that are matched as written and do not count as content words
    /// (articles, pronouns, prepositions, conjunctions, negations: "niet" must not meet "niets").
    public var functionWords: Set<String> = []
    /// Words that start a new clause for ``freeOrderWindow`` ("maar", "omdat", "dat"): the words of a
    /// term matched in any order stand in one clause. Punctuation always ends a clause.
    public var clauseWords: Set<String> = []
    /// Bare answers that open the sentence after a question ("Ja", "Nee"): the question's hits take their reading.
    public var answers: [Answer] = []
    /// Shorthand of dossier notes read as the word it stands for ("clt" as "cliënt", "WG" as "werkgever"): the token
    /// keeps its place and surface text and takes the word's key, so terms and context phrases read it as that word.
    public var abbreviations: [Abbreviation] = []

    /// One or more short forms ("clt|cl") of one word ("cliënt").
    public struct Abbreviation: Sendable, Hashable {
        /// The short forms as written, alternatives separated by "|", each one word (periods allowed: "i.o.m.").
        public var forms: String
        /// The one word the forms stand for.
        public var meaning: String
        public var location: Location
        public init(forms: String, meaning: String, location: Location) {
            self.forms = forms
            self.meaning = meaning
            self.location = location
        }
    }

    /// An answer word with its reading: yes affirms what the question asked, no negates it.
    public struct Answer: Sendable, Hashable {
        public enum Reading: String, Sendable, Hashable { case yes, no }
        /// The answer's alternatives as written ("ja|jazeker|klopt"), each one word.
        public var phrase: String
        public var reading: Reading
        public var location: Location
        public init(phrase: String, reading: Reading, location: Location) {
            self.phrase = phrase
            self.reading = reading
            self.location = location
        }
    }

    public init(
        triggers: [ContextTrigger], pseudoTriggers: [PseudoTrigger], terminators: [Terminator],
        defaultMaxScope: Int, termGap: Int, historicalFactor: Double, hypotheticalFactor: Double, otherExperiencerFactor: Double,
        maxSentenceWords: Int = ContextRules.defaultMaxSentenceWords, uncertainFactor: Double = 1, resolvedFactor: Double = 0
    ) {
        self.triggers = triggers
        self.pseudoTriggers = pseudoTriggers
        self.terminators = terminators
        self.defaultMaxScope = defaultMaxScope
        self.termGap = termGap
        self.historicalFactor = historicalFactor
        self.hypotheticalFactor = hypotheticalFactor
        self.otherExperiencerFactor = otherExperiencerFactor
        self.maxSentenceWords = maxSentenceWords
        self.uncertainFactor = uncertainFactor
        self.resolvedFactor = resolvedFactor
    }

    public static let defaultMaxSentenceWords = 80

    public static let empty = ContextRules(
        triggers: [], pseudoTriggers: [], terminators: [], defaultMaxScope: 8, termGap: 3,
        historicalFactor: 1, hypotheticalFactor: 0, otherExperiencerFactor: 1
    )
}

/// What a context trigger says about the hits in its scope.
/// - `uncertain`: possible or probable, not established ("vermoedelijk", "er zijn aanwijzingen voor");
/// - `resolved`: a problem arranged or solved since ("inmiddels opgelost", "afgelost");
/// - `claim`: the client's own statement ("cliënt geeft aan", "naar eigen zeggen", "ik").
public enum ContextCategory: String, Sendable, Hashable, CaseIterable {
    case negation, historical, hypothetical, uncertain, resolved, experiencer, claim
}

public enum ContextDirection: String, Sendable, Hashable {
    case forward, backward, bidirectional
}

public struct ContextTrigger: Sendable, Hashable {
    public var phrase: String
    public var category: ContextCategory
    public var direction: ContextDirection
    public var maxScope: Int?
    /// A trigger only at the end of its clause: followed by the end of the sentence, a punctuation mark or
    /// a terminator of its category. For post-verb negation: "hij gokt niet." negates, "hij heeft zijn
    /// schulden niet afgelost" does not.
    public var clauseFinal: Bool
    /// A trigger only after a speaker label earlier in its sentence (a pseudo-trigger of scope `sentence`): after
    /// "Zijn vrouw: '…" the "ik" of her quote is her, so what she says of herself is not the client's.
    public var afterSpeaker: Bool
    /// A resolution that settles only a problem already read as past ("Destijds sliep hij bij vrienden; sinds de
    /// zomer huurt hij weer een kamer"): it counts only for a hit some historical cue reaches, and, told in a
    /// clause of its own, it is not stopped by the terminators of its category.
    public var settlesPast: Bool
    /// A hypothetical trigger that announces harm rather than supposing it ("dreigt", "dreigende"): the reading
    /// stays hypothetical, but for an indicator whose threat is already the crisis (``Indicator/threatCounts``)
    /// the hit counts.
    public var threat: Bool
    /// A hypothetical trigger that marks a question ("?"): its hits are asked, not supposed. An answer right after the
    /// question (``ContextRules/answers``: "Heeft u schulden? Ja, …") gives them the answer's reading instead, and
    /// unanswered they do not count as a present concern for a contraindication or rule (status `now`).
    public var question: Bool = false
    public var location: Location
    public init(
        phrase: String, category: ContextCategory, direction: ContextDirection, maxScope: Int?, clauseFinal: Bool = false,
        afterSpeaker: Bool = false, settlesPast: Bool = false, threat: Bool = false, question: Bool = false, location: Location
    ) {
        self.question = question
        self.phrase = phrase
        self.category = category
        self.direction = direction
        self.maxScope = maxScope
        self.clauseFinal = clauseFinal
        self.afterSpeaker = afterSpeaker
        self.settlesPast = settlesPast
        self.threat = threat
        self.location = location
    }
}

public struct PseudoTrigger: Sendable, Hashable {
    public var phrase: String
    public var category: ContextCategory
    /// Also voids every trigger of its category after it in the sentence (`scope="sentence"`): a speaker
    /// label "Zijn broer:" gives the floor to the brother, so the "ik" of his quote is not the client's.
    public var restOfSentence: Bool
    /// With ``restOfSentence``: only the triggers with this phrase (as their `<trigger>` writes it) are voided
    /// (`voids="ik|mij|me|mijn"`: the first person; "naar eigen zeggen" in the brother's report stays a claim).
    public var voids: String?
    public var location: Location
    /// Whether this pseudo-trigger, as a speaker label, voids `trigger`: one of its category, and, with ``voids``,
    /// one written with exactly that phrase.
    public func voids(_ trigger: ContextTrigger) -> Bool {
        category == trigger.category && (voids.map { $0 == trigger.phrase } ?? true)
    }
    public init(phrase: String, category: ContextCategory, location: Location) {
        self.init(phrase: phrase, category: category, restOfSentence: false, voids: nil, location: location)
    }
    public init(phrase: String, category: ContextCategory, restOfSentence: Bool, voids: String?, location: Location) {
        self.phrase = phrase
        self.category = category
        self.restOfSentence = restOfSentence
        self.voids = voids
        self.location = location
    }
}

public struct Terminator: Sendable, Hashable {
    public var phrase: String
    /// The categories whose scope this word ends.
    public var categories: Set<ContextCategory>
    public var location: Location
    public init(phrase: String, categories: Set<ContextCategory>, location: Location) {
        self.phrase = phrase
        self.categories = categories
        self.location = location
    }
}

/// Words that mark the hit right after them as given (presupposed), so that a trigger of the listed
/// categories does not reach it: in "Vermoedelijk zijn de slaapproblemen een bijwerking van de medicatie"
/// the sleep problems are certain and only their cause is not; in "Zodra de schuldsanering is afgerond"
/// the debt restructuring exists. A definite article or a possessive does this; "een" does not
/// ("Mogelijk speelt er een trauma").
public struct Presupposition: Sendable, Hashable {
    /// The words, in term notation ("de|het|zijn|haar").
    public var phrase: String
    public var categories: Set<ContextCategory>
    public var location: Location
    public init(phrase: String, categories: Set<ContextCategory>, location: Location) {
        self.phrase = phrase
        self.categories = categories
        self.location = location
    }
}

/// A source role and the words by which someone in that role names the client: a narrative told by the
/// client's wife says "mijn man" for the client, his mother "mijn zoon". Both lists are words in term
/// notation without wildcards ("echtgenote|vrouw|partner"); a source whose role names one of `roles` is
/// this speaker.
public struct SpeakerRule: Sendable, Hashable {
    public var roles: String
    public var client: String
    /// When set, the rule holds only for a client whose recorded gender is one of these words ("man|m"), or whose
    /// gender is not recorded: a daughter's "mijn moeder" is the client only if the client is a woman.
    public var gender: String?
    /// The teller's own third-person possessives ("haar" for a daughter, "zijn" for a son): a report about the teller
    /// names the client with them ("Dochter vertelt dat haar vader slecht hoort"), as the teller's "mijn" does.
    public var possessives: String?
    public var location: Location
    public init(roles: String, client: String, gender: String? = nil, possessives: String? = nil, location: Location) {
        self.roles = roles
        self.client = client
        self.gender = gender
        self.possessives = possessives
        self.location = location
    }
}
