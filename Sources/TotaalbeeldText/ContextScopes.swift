import TotaalbeeldModel

/// The ConText algorithm (Chapman et al.; for Dutch ContextD, Afzal et al. 2014) over one sentence.
///
/// The ruleset's context phrases are compiled once into a ``PhraseMatcher``. For a sentence, every
/// trigger, pseudo-trigger and terminator occurrence is found; then each indicator hit gets, per
/// category, the triggers whose scope covers it. A trigger's scope runs in its direction from the
/// trigger to the sentence end, and stops earlier at:
/// - its `maxScope` (in words; the context's `maxScope` when the trigger sets none);
/// - a terminator of its category ("maar" ends a negation; punctuation such as ";" can be declared
///   a terminator too, which makes clause ends data rather than code);
/// - the next trigger of the same category, as in medspaCy: in "geen diploma's en geen
///   werkervaring" each "geen" governs its own noun.
///
/// A trigger does not apply to a hit it overlaps ("weinig werkervaring" is one term, not a negated
/// "werkervaring"), and a trigger inside a pseudo-trigger of its category is no trigger ("niet
/// alleen", "geen verbetering") — unless that pseudo-trigger overlaps the hit itself. Among
/// triggers of one category that overlap, the longest wins ("geen sprake van" over "geen").
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

    /// A context phrase found in a sentence; token indices are absolute.
    fileprivate struct Cue {
        var rule: Int
        var first: Int
        var last: Int
        func overlaps(_ first: Int, _ last: Int) -> Bool { self.first <= last && first <= self.last }
        func contains(_ other: Cue) -> Bool { first <= other.first && other.last <= last }
        var length: Int { last - first }
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
        fileprivate var triggers: [Cue]
        fileprivate var pseudos: [Cue]
        fileprivate var terminators: [Cue]
        /// Words before each token of the sentence, to measure scopes in words.
        fileprivate var wordsBefore: [Int]
        fileprivate var firstToken: Int
    }

    func cues(in tokens: [Token], sentence: Range<Int>, statistics: inout PhraseMatcher.MatchStatistics) -> SentenceCues {
        var triggers: [Cue] = [], pseudos: [Cue] = [], terminators: [Cue] = []
        for match in matcher.matches(in: tokens, range: sentence, statistics: &statistics) {
            let cue = Cue(rule: match.pattern, first: match.first, last: match.last)
            switch rules[match.pattern] {
            case .trigger: triggers.append(cue)
            case .pseudo: pseudos.append(cue)
            case .terminator: terminators.append(cue)
            }
        }
        // The longest of overlapping same-category triggers wins: "geen sprake van" over "geen".
        triggers = triggers.filter { cue in
            !triggers.contains { other in
                category(other) == category(cue) && other.contains(cue) && (other.length > cue.length || other.rule < cue.rule && other.length == cue.length && other.first == cue.first)
            }
        }
        var wordsBefore = [0]
        wordsBefore.reserveCapacity(sentence.count + 1)
        for index in sentence { wordsBefore.append(wordsBefore[wordsBefore.count - 1] + (tokens[index].isWord ? 1 : 0)) }
        return SentenceCues(triggers: triggers, pseudos: pseudos, terminators: terminators, wordsBefore: wordsBefore, firstToken: sentence.lowerBound)
    }

    private func category(_ cue: Cue) -> ContextCategory? {
        switch rules[cue.rule] {
        case .trigger(let trigger): return trigger.category
        case .pseudo(let pseudo): return pseudo.category
        case .terminator: return nil
        }
    }

    /// The triggers that apply to the hit spanning tokens `first...last`, in text order.
    func triggers(for first: Int, _ last: Int, in cues: SentenceCues, tokens: [Token]) -> [AppliedTrigger] {
        var applied: [AppliedTrigger] = []
        for category in ContextCategory.allCases {
            // Triggers of this category that are real for this hit (not inside a pseudo-trigger).
            let live = cues.triggers.filter { trigger in
                self.category(trigger) == category && !cues.pseudos.contains { pseudo in
                    self.category(pseudo) == category && pseudo.contains(trigger) && !pseudo.overlaps(first, last)
                }
            }
            for trigger in live where !trigger.overlaps(first, last) {
                guard case .trigger(let rule) = rules[trigger.rule] else { continue }
                let maxScope = rule.maxScope ?? defaultMaxScope
                let reaches: Bool
                if trigger.last < first {
                    reaches = rule.direction != .backward
                        && words(between: trigger.last, and: first, cues) < maxScope
                        && !cues.terminators.contains { ends($0, category) && $0.first > trigger.last && $0.last < first }
                        && !live.contains { $0.first > trigger.last && $0.first <= last && !$0.overlaps(trigger.first, trigger.last) }
                } else {
                    reaches = rule.direction != .forward
                        && words(between: last, and: trigger.first, cues) < maxScope
                        && !cues.terminators.contains { ends($0, category) && $0.first > last && $0.last < trigger.first }
                        && !live.contains { $0.last < trigger.first && $0.last >= first && !$0.overlaps(trigger.first, trigger.last) }
                }
                if reaches {
                    applied.append(AppliedTrigger(category: category, phrase: rule.phrase, start: tokens[trigger.first].start, end: tokens[trigger.last].end))
                }
            }
        }
        return applied.sorted { ($0.start, $0.category.rawValue) < ($1.start, $1.category.rawValue) }
    }

    private func ends(_ terminator: Cue, _ category: ContextCategory) -> Bool {
        guard case .terminator(let rule) = rules[terminator.rule] else { return false }
        return rule.categories.contains(category)
    }

    /// Words strictly between token `left` and token `right`.
    private func words(between left: Int, and right: Int, _ cues: SentenceCues) -> Int {
        let from = left + 1 - cues.firstToken, to = right - cues.firstToken
        return from < to ? cues.wordsBefore[to] - cues.wordsBefore[from] : 0
    }
}
