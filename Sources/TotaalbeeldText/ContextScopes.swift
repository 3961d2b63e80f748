import TotaalbeeldModel

/// The ConText algorithm (Chapman et al.; for Dutch ContextD, Afzal et al. 2014) over one sentence.
///
/// The ruleset's context phrases are compiled once into a ``PhraseMatcher``. For a sentence, every
/// trigger, pseudo-trigger and terminator occurrence is found; then each indicator hit gets, per
/// category, the triggers whose scope covers it. A trigger's scope runs in its direction from the
/// trigger towards the sentence end (or start), and stops earlier at:
/// - its `maxScope` in words (the context's `maxScope` when the trigger sets none);
/// - a terminator of its category ("maar" ends a negation; punctuation such as ";" can be declared a
///   terminator too, so clause ends are data rather than code);
/// - for negation, the next negation trigger, as in medspaCy: in "geen diploma's en geen
///   werkervaring" each "geen" governs its own noun. (For the other categories a second trigger
///   only confirms the first, so it does not shorten its scope.)
///
/// A trigger does not apply to a hit whose own words it shares ("weinig werkervaring" is one term,
/// not a negated "werkervaring"), but it does apply from inside a gap of a split term: in "slaapt
/// niet slecht", matched by "slaapt … slecht", the "niet" negates. A trigger inside a pseudo-trigger
/// of its category ("niet alleen", "geen verbetering", "gebrek aan … niet") is no trigger. Of
/// triggers that share words, only the longest counts, whatever its category: "als kind" is
/// historical, not the hypothetical "als"; "niet meer" is historical, not a negation.
/// ```swift
/// // With the default ruleset: "Hij heeft geen schulden, maar drinkt te veel."
/// // "schulden" is negated by "geen"; "maar" ends that scope, so "drinkt te veel" is not.
/// ```
struct ContextScopes: Sendable {
    fileprivate enum Rule: Sendable {
        case trigger(ContextTrigger)
        case pseudo(PseudoTrigger)
        case terminator(Terminator)
    }

    private let rules: [Rule]
    let matcher: PhraseMatcher
    private let defaultMaxScope: Int

    init(_ context: ContextRules) {
        var rules: [Rule] = []
        var patterns: [PhrasePattern] = []
        for trigger in context.triggers {
            rules.append(.trigger(trigger))
            patterns.append(PhrasePattern(trigger.phrase))
        }
        for pseudo in context.pseudoTriggers {
            rules.append(.pseudo(pseudo))
            patterns.append(PhrasePattern(pseudo.phrase))
        }
        for terminator in context.terminators {
            rules.append(.terminator(terminator))
            patterns.append(PhrasePattern(terminator.phrase))
        }
        self.rules = rules
        self.matcher = PhraseMatcher(patterns: patterns, termGap: context.termGap)
        self.defaultMaxScope = context.defaultMaxScope
    }

    /// The context cues of one sentence, ready to be applied to each hit in it.
    struct SentenceCues {
        /// Triggers that survived pseudo-triggers and longest-match, with their rule.
        fileprivate var triggers: [(cue: PhraseMatcher.Match, rule: ContextTrigger)]
        fileprivate var terminators: [(cue: PhraseMatcher.Match, rule: Terminator)]
        /// Words before each token of the sentence, to measure scopes in words.
        fileprivate var wordsBefore: [Int]
        fileprivate var firstToken: Int
    }

    func cues(in tokens: [Token], sentence: Range<Int>, statistics: inout PhraseMatcher.MatchStatistics) -> SentenceCues {
        var triggers: [(cue: PhraseMatcher.Match, rule: ContextTrigger)] = []
        var pseudos: [(cue: PhraseMatcher.Match, rule: PseudoTrigger)] = []
        var terminators: [(cue: PhraseMatcher.Match, rule: Terminator)] = []
        for match in matcher.matches(in: tokens, range: sentence, statistics: &statistics) {
            switch rules[match.pattern] {
            case .trigger(let rule): triggers.append((match, rule))
            case .pseudo(let rule): pseudos.append((match, rule))
            case .terminator(let rule): terminators.append((match, rule))
            }
        }
        triggers = triggers.filter { trigger in
            // A trigger inside a pseudo-trigger of its category is part of a phrase that is no trigger.
            !pseudos.contains { $0.rule.category == trigger.rule.category && Self.owns($0.cue, allOf: trigger.cue) }
                // The longest of triggers that share words wins. A phrase may be declared twice with
                // different directions (a long forward and a short backward scope); identical rules
                // count once.
                && !triggers.contains { other in
                    Self.owns(other.cue, allOf: trigger.cue)
                        && (Self.length(other.cue) > Self.length(trigger.cue)
                            || Self.length(other.cue) == Self.length(trigger.cue) && other.rule.category == trigger.rule.category
                                && other.rule.direction == trigger.rule.direction && other.cue.pattern < trigger.cue.pattern)
                }
        }
        var wordsBefore = [0]
        wordsBefore.reserveCapacity(sentence.count + 1)
        for index in sentence { wordsBefore.append(wordsBefore[wordsBefore.count - 1] + (tokens[index].isWord ? 1 : 0)) }
        return SentenceCues(triggers: triggers, terminators: terminators, wordsBefore: wordsBefore, firstToken: sentence.lowerBound)
    }

    /// The triggers that apply to `hit`, in text order. `hits` are all hits of the sentence: a negation
    /// inside a term ("niet" in "weet niet wat hij wil", "geen" in "geen diploma") is part of that
    /// negative finding and negates nothing else, though it still ends the scope of an earlier
    /// negation. Other trigger words inside a term keep their force for the rest of the sentence:
    /// "moeder" in "zieke moeder", "jeugd" in "zware jeugd".
    func triggers(for hit: PhraseMatcher.Match, among hits: [PhraseMatcher.Match], in cues: SentenceCues, tokens: [Token]) -> [AppliedTrigger] {
        var applied: [AppliedTrigger] = []
        for (cue, rule) in cues.triggers {
            let category = rule.category
            let reaches: Bool
            if Self.shareWords(cue, hit) || category == .negation && hits.contains(where: { Self.owns($0, allOf: cue) }) {
                reaches = false
            } else if cue.first > hit.first && cue.last < hit.last || hit.first > cue.first && hit.last < cue.last {
                reaches = true  // in a gap of the split term ("slaapt niet slecht"), or the term in the trigger's ("geen schulden meer")
            } else if cue.last < hit.first {
                reaches = rule.direction != .backward
                    && words(between: cue.last, and: hit.first, cues) < (rule.maxScope ?? defaultMaxScope)
                    && !cues.terminators.contains { $0.rule.categories.contains(category) && $0.cue.first > cue.last && $0.cue.last < hit.first }
                    && !(category == .negation && cues.triggers.contains { $0.rule.category == category && $0.cue.first > cue.last && $0.cue.first <= hit.last })
            } else if cue.first > hit.last {
                reaches = rule.direction != .forward
                    && words(between: hit.last, and: cue.first, cues) < (rule.maxScope ?? defaultMaxScope)
                    && !cues.terminators.contains { $0.rule.categories.contains(category) && $0.cue.first > hit.last && $0.cue.last < cue.first }
                    && !(category == .negation && cues.triggers.contains { $0.rule.category == category && $0.cue.last < cue.first && $0.cue.last >= hit.first })
            } else {
                reaches = false
            }
            if reaches {
                applied.append(AppliedTrigger(category: category, phrase: rule.phrase, start: tokens[cue.first].start, end: tokens[cue.last].end))
            }
        }
        return applied.sorted { ($0.start, $0.category.rawValue) < ($1.start, $1.category.rawValue) }
    }

    /// Whether two matches have a word in common (words skipped by a gap do not count).
    static func shareWords(_ a: PhraseMatcher.Match, _ b: PhraseMatcher.Match) -> Bool {
        a.first <= b.last && b.first <= a.last && (max(a.first, b.first)...min(a.last, b.last)).contains { a.owns($0) && b.owns($0) }
    }

    /// Whether every token of `inner` is one of `outer`'s own words.
    static func owns(_ outer: PhraseMatcher.Match, allOf inner: PhraseMatcher.Match) -> Bool {
        (inner.first...inner.last).allSatisfy { outer.owns($0) }
    }

    private static func length(_ match: PhraseMatcher.Match) -> Int { match.last - match.first + 1 - match.skipped.count }

    /// Words strictly between token `left` and token `right`.
    private func words(between left: Int, and right: Int, _ cues: SentenceCues) -> Int {
        let from = left + 1 - cues.firstToken, to = right - cues.firstToken
        return from < to ? cues.wordsBefore[to] - cues.wordsBefore[from] : 0
    }
}
