import Foundation
import TotaalbeeldModel

/// The ConText algorithm (Chapman et al.; for Dutch ContextD, Afzal et al. 2014) over one sentence,
/// with the categories negation, historical, hypothetical, uncertain, resolved, experiencer and claim.
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
/// not a negated "werkervaring") — except a claim: "gedoe met mijn ex" is the client's own words — but
/// it does apply from inside a gap of a split term: in "slaapt
/// niet slecht", matched by "slaapt … slecht", the "niet" negates. A trigger inside a pseudo-trigger
/// of its category ("niet alleen", "geen verbetering", "gebrek aan … niet") is no trigger. Of
/// triggers that share words, only the longest counts, whatever its category: "als kind" is
/// historical, not the hypothetical "als"; "niet meer" is historical, not a negation. Claim triggers
/// (who is speaking) are a layer of their own: "hij ontkent" makes a claim and leaves "ontkent" a
/// negation. A trigger marked
/// `clauseFinal` counts only at the end of its clause — before the sentence end, a punctuation mark or
/// a terminator of its category — so a backward "niet" negates "hij gokt niet." but not "hij heeft
/// zijn schulden niet afgelost". A hit of at most two words right after a presupposition word of a category
/// ("de", "zijn" for uncertain and hypothetical) is given, and no trigger of that category outside it reaches
/// it; a longer hit also says what happens to the thing ("zijn woning kwijt te raken") and is not shielded. A
/// pseudo-trigger of scope `sentence` voids every trigger of its category after it in the sentence: after
/// the speaker label "Zijn broer:" the "ik" of the brother's quote makes no claim of the client's. A trigger
/// marked `afterSpeaker` counts only after such a label: there the brother's "ik" is the experiencer.
/// ```swift
/// // With the default ruleset: "Hij heeft geen schulden, maar drinkt te veel."
/// // "schulden" is negated by "geen"; "maar" ends that scope, so "drinkt te veel" is not.
/// ```
struct ContextScopes: Sendable {
    enum Rule: Sendable {
        case trigger(ContextTrigger)
        case pseudo(PseudoTrigger)
        case terminator(Terminator)
    }

    let rules: [Rule]
    let matcher: PhraseMatcher
    let defaultMaxScope: Int
    /// Per category, the token keys that present the hit right after them as given.
    let givenBefore: [ContextCategory: Set<String>]
    /// The widest scope of any trigger, in words: no trigger further away can reach a hit.
    private let widestScope: Int
    /// Per rule (by pattern index): whether it is a trigger some speaker label (a pseudo-trigger of scope
    /// "sentence") voids. A narrative told by someone else reads as if such a label stood before each sentence.
    private let voidedBySpeakerLabel: [Bool]
    /// Per speaker rule: the folded keys of its role words, of the words by which it names the client, of the genders it
    /// holds for and of the teller's own third-person possessives.
    let speakers: [(roles: Set<String>, client: Set<String>, gender: Set<String>?, possessives: Set<String>)]
    /// The folded keys of the context's `speakerPossessives` ("mijn", "mn", "onze").
    let possessives: Set<String>

    /// `context` compiled, shared by every analyzer built over the same rules: a ruleset's term analyzer, its
    /// readings' and its FML analyzers all use the ruleset's context, which is compiled once per process instead
    /// of once per analyzer. The compilation is a pure function of the rules, so sharing it changes nothing.
    static func compiled(_ context: ContextRules) -> ContextScopes {
        CompiledContexts.shared.scopes(for: context)
    }

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
        var given: [ContextCategory: Set<String>] = [:]
        for presupposition in context.presuppositions {
            for element in PhrasePattern(presupposition.phrase).elements {
                let words: [String]
                switch element {
                case .word(let word): words = [word]
                case .choice(let choices): words = choices.compactMap { if case .word(let word) = $0 { return word } else { return nil } }
                default: words = []
                }
                for category in presupposition.categories { given[category, default: []].formUnion(words) }
            }
        }
        self.givenBefore = given
        let speakerLabels = context.pseudoTriggers.filter(\.restOfSentence)
        self.voidedBySpeakerLabel = rules.map { rule in
            guard case .trigger(let trigger) = rule else { return false }
            return speakerLabels.contains { $0.voids(trigger) }
        }
        func words(_ notation: String) -> Set<String> {
            Set(notation.split(separator: "|").compactMap { Tokenizer.tokenize(String($0)).first(where: \.isWord)?.key })
        }
        self.speakers = context.speakers.map { (words($0.roles), words($0.client), $0.gender.map(words), $0.possessives.map(words) ?? []) }
        self.possessives = Set(context.speakerPossessives.compactMap { Tokenizer.tokenize($0).first(where: \.isWord)?.key })
        self.defaultMaxScope = context.defaultMaxScope
        self.widestScope = context.triggers.map { $0.maxScope ?? context.defaultMaxScope }.max() ?? context.defaultMaxScope
    }

    /// The context cues of one sentence, ready to be applied to each hit in it, indexed by position so
    /// that applying them costs about the same for every hit however long the sentence is: only
    /// triggers within the widest scope of a hit are looked at, and "is there a terminator or another
    /// negation in between" is a binary search, not a scan.
    struct SentenceCues {
        /// Triggers that survived pseudo-triggers and longest-match, with their rule, ordered by first token.
        var triggers: [(cue: PhraseMatcher.Match, rule: ContextTrigger)]
        /// Indices into `triggers` ordered by last token (first-token order is `triggers`' own).
        var byLast: [Int]
        var lastOfByLast: [Int]
        var firsts: [Int]
        /// The longest trigger, in tokens from first to last.
        var widestCue: Int
        /// Per category (by ``ContextCategory/ordinal``), its terminators; nil when the sentence has none.
        var terminators: [IntervalIndex?]
        /// First and last tokens of the negation triggers, sorted, for the "next negation ends the scope" rule.
        var negationFirsts: [Int]
        var negationLasts: [Int]
        /// Words before each token of the sentence, to measure scopes in words.
        var wordsBefore: [Int]
        var firstToken: Int
    }

    /// Intervals sorted by their first token, with the smallest last token of every suffix: "is there an
    /// interval with first > a and last < b" is one binary search.
    struct IntervalIndex {
        var firsts: [Int] = []
        var suffixMinLast: [Int] = []

        init(_ intervals: [(first: Int, last: Int)]) {
            let sorted = intervals.sorted { ($0.first, $0.last) < ($1.first, $1.last) }
            firsts = sorted.map(\.first)
            suffixMinLast = Array(repeating: Int.max, count: sorted.count + 1)
            for index in stride(from: sorted.count - 1, through: 0, by: -1) {
                suffixMinLast[index] = min(sorted[index].last, suffixMinLast[index + 1])
            }
        }

        func containsInterval(firstAbove lower: Int, lastBelow upper: Int) -> Bool {
            suffixMinLast[firsts.partitionPoint { $0 > lower }] < upper
        }
    }

    /// Whether the tokens at `index` and `index + 1` are a possessive and a kinship word by which `speaker` names the
    /// client: the teller's "mijn man", or her own third-person "haar vader" in a report about her.
    func namesTheClient(in tokens: [Token], at index: Int, speaker: NarrativeSpeaker) -> Bool {
        (possessives.contains(tokens[index].key) || speaker.clientPossessives.contains(tokens[index].key))
            && speaker.clientWords.contains(tokens[index + 1].key)
    }

    /// Whether `speaker` names the client by kinship ("mijn man"), so that ``nameTheClient(in:sentence:speaker:)`` applies.
    func namesTheClientByKinship(_ speaker: NarrativeSpeaker?) -> Bool {
        speaker.map { !$0.clientWords.isEmpty && (!possessives.isEmpty || !$0.clientPossessives.isEmpty) } == true
    }

    /// Makes `sentence` of `tokens` the tokens its context phrases are matched on (``cues(in:sentence:statistics:speaker:phraseTokens:)``).
    /// In the account of a teller who names the client by kinship, "mijn man" is the client as "hij" is: "Mijn man zegt
    /// dat hij niet meer drinkt" reports his claim as "Hij zegt dat …" does, so the pair reads as "hij" (the possessive
    /// as no word at all). The hits keep their words; only which cues are found changes.
    func nameTheClient(in tokens: inout [Token], sentence: Range<Int>, speaker: NarrativeSpeaker?) {
        guard let speaker, namesTheClientByKinship(speaker) else { return }
        var index = sentence.lowerBound
        while index + 1 < sentence.upperBound {
            if namesTheClient(in: tokens, at: index, speaker: speaker) {
                tokens[index].key = ""
                tokens[index + 1].key = "hij"
                index += 2
            } else {
                index += 1
            }
        }
    }

    /// `speaker`: the narrative is told by someone other than the client (see ``NarrativeSpeaker``); nil for the
    /// client's own words or an unknown source, which reads as before.
    /// `phraseTokens`: the tokens the context phrases are matched on, when they differ from `tokens` (see
    /// ``nameTheClient(in:sentence:speaker:)``).
    func cues(
        in tokens: [Token], sentence: Range<Int>, statistics: inout PhraseMatcher.MatchStatistics, speaker: NarrativeSpeaker? = nil,
        phraseTokens: [Token]? = nil
    ) -> SentenceCues {
        var candidates: [(cue: PhraseMatcher.Match, rule: ContextTrigger)] = []
        var pseudos: [(cue: PhraseMatcher.Match, rule: PseudoTrigger)] = []
        // Per category by ordinal: an array of seven, not a Dictionary hashed for every terminator of every sentence.
        var terminatorSpans = [[(first: Int, last: Int)]](repeating: [], count: ContextCategory.allCases.count)
        for match in matcher.matches(in: phraseTokens ?? tokens, range: sentence, statistics: &statistics) {
            switch rules[match.pattern] {
            case .trigger(let rule): candidates.append((match, rule))
            case .pseudo(let rule): pseudos.append((match, rule))
            case .terminator(let rule):
                for category in rule.categories { terminatorSpans[category.ordinal].append((match.first, match.last)) }
            }
        }
        candidates.sort { ($0.cue.first, $0.cue.last, $0.cue.pattern) < ($1.cue.first, $1.cue.last, $1.cue.pattern) }
        pseudos.sort { ($0.cue.first, $0.cue.last) < ($1.cue.first, $1.cue.last) }
        let candidateFirsts = candidates.map(\.cue.first), pseudoFirsts = pseudos.map(\.cue.first)
        let widestCandidate = candidates.map { $0.cue.last - $0.cue.first }.max() ?? 0
        let widestPseudo = pseudos.map { $0.cue.last - $0.cue.first }.max() ?? 0
        // A clause-final trigger ("hij gokt niet.") counts only before the sentence end, a punctuation mark
        // or a terminator of its category.
        func endsClause(after cue: PhraseMatcher.Match, _ category: ContextCategory) -> Bool {
            let next = cue.last + 1
            return next >= sentence.upperBound || tokens[next].kind == .punctuation || terminatorSpans[category.ordinal].contains { $0.first == next }
        }
        // Where a pseudo-trigger of scope "sentence" ends, per category: no trigger of it after that counts.
        let floors = pseudos.filter(\.rule.restOfSentence)
        func floorTaken(before trigger: (cue: PhraseMatcher.Match, rule: ContextTrigger)) -> Bool {
            floors.contains { floor in
                floor.cue.last < trigger.cue.first && floor.rule.voids(trigger.rule)
            }
        }
        // In a narrative someone else tells, every sentence reads as if his label stood before it — unless the
        // sentence quotes or reports the client ("Hij zegt: 'ik drink niet'", "'Ik kan niet tegen groepen', volgens
        // hem"): a claim cue that no label voids, wherever it stands in the sentence.
        let narrated = speaker != nil && !candidates.contains { $0.rule.category == .claim && !voidedBySpeakerLabel[$0.cue.pattern] }
        // A trigger declared `afterSpeaker` counts only after a speaker label ("Zijn vrouw: '…").
        func speakerLabelled(before trigger: (cue: PhraseMatcher.Match, rule: ContextTrigger)) -> Bool {
            (speaker?.tellsOfHimself == true && narrated) || floors.contains { $0.cue.last < trigger.cue.first }
        }
        // "mijn man" in his wife's account is the client: an experiencer cue that names him so is no other person.
        func namesTheClient(_ trigger: (cue: PhraseMatcher.Match, rule: ContextTrigger)) -> Bool {
            guard let speaker, trigger.rule.category == .experiencer, !speaker.clientWords.isEmpty else { return false }
            var index = trigger.cue.first
            while index < trigger.cue.last {
                if self.namesTheClient(in: tokens, at: index, speaker: speaker) { return true }
                index += 1
            }
            return false
        }
        // Where a trigger stands allows it: a clause-final one ends its clause, an `afterSpeaker` one follows a label.
        func placed(_ trigger: (cue: PhraseMatcher.Match, rule: ContextTrigger)) -> Bool {
            (!trigger.rule.clauseFinal || endsClause(after: trigger.cue, trigger.rule.category))
                && (!trigger.rule.afterSpeaker || speakerLabelled(before: trigger))
        }
        let triggers = candidates.filter { trigger in
            // Only cues that start at most their own width before the trigger can own all of it.
            let pseudoRange = pseudoFirsts.partitionPoint { $0 >= trigger.cue.first - widestPseudo }..<pseudoFirsts.partitionPoint { $0 > trigger.cue.first }
            let otherRange = candidateFirsts.partitionPoint { $0 >= trigger.cue.first - widestCandidate }..<candidateFirsts.partitionPoint { $0 > trigger.cue.first }
            // A trigger inside a pseudo-trigger of its category is part of a phrase that is no trigger.
            return placed(trigger)
                && !pseudos[pseudoRange].contains { $0.rule.category == trigger.rule.category && Self.owns($0.cue, allOf: trigger.cue) }
                // A pseudo-trigger of scope "sentence" ("Zijn broer:") voids its category for the rest of the sentence.
                && !floorTaken(before: trigger)
                && !(narrated && (voidedBySpeakerLabel[trigger.cue.pattern] || namesTheClient(trigger)))
                // The longest of triggers that share words wins. A phrase may be declared twice with
                // different directions (a long forward and a short backward scope), or once more as settling a
                // past problem; identical rules count once. A longer one its place does not allow wins nothing:
                // "is er … niet" (clause-final) does not swallow the "niet" of "hij is er niet somber van".
                && !candidates[otherRange].contains { other in
                    // Who is speaking is a layer of its own: "hij ontkent" (claim) leaves "ontkent" a negation.
                    (other.rule.category == .claim) == (trigger.rule.category == .claim)
                        && placed(other)
                        && Self.owns(other.cue, allOf: trigger.cue)
                        && (Self.length(other.cue) > Self.length(trigger.cue)
                            || Self.length(other.cue) == Self.length(trigger.cue) && other.rule.category == trigger.rule.category
                                && other.rule.direction == trigger.rule.direction && other.rule.settlesPast == trigger.rule.settlesPast
                                && other.cue.pattern < trigger.cue.pattern)
                }
        }
        var wordsBefore = [0]
        wordsBefore.reserveCapacity(sentence.count + 1)
        for index in sentence { wordsBefore.append(wordsBefore[wordsBefore.count - 1] + (tokens[index].isWord ? 1 : 0)) }
        let byLast = triggers.indices.sorted { (triggers[$0].cue.last, $0) < (triggers[$1].cue.last, $1) }
        let negations = triggers.filter { $0.rule.category == .negation }
        return SentenceCues(
            triggers: triggers, byLast: byLast, lastOfByLast: byLast.map { triggers[$0].cue.last },
            firsts: triggers.map(\.cue.first), widestCue: triggers.map { $0.cue.last - $0.cue.first }.max() ?? 0,
            terminators: terminatorSpans.map { $0.isEmpty ? nil : IntervalIndex($0) },
            negationFirsts: negations.map(\.cue.first).sorted(), negationLasts: negations.map(\.cue.last).sorted(),
            wordsBefore: wordsBefore, firstToken: sentence.lowerBound
        )
    }

    /// The hits of one sentence, indexed so that "is this cue one of a hit's own words" is a lookup.
    struct SentenceHits {
        var hits: [PhraseMatcher.Match]
        var firsts: [Int]
        var widest: Int

        init(_ hits: [PhraseMatcher.Match]) {
            self.hits = hits.sorted { ($0.first, $0.last, $0.pattern) < ($1.first, $1.last, $1.pattern) }
            firsts = self.hits.map(\.first)
            widest = hits.map { $0.last - $0.first }.max() ?? 0
        }

        /// Whether some hit owns every word of `cue`: a negation inside a term is part of that term.
        func ownsAll(of cue: PhraseMatcher.Match) -> Bool {
            let range = firsts.partitionPoint { $0 >= cue.first - widest }..<firsts.partitionPoint { $0 > cue.first }
            return hits[range].contains { ContextScopes.owns($0, allOf: cue) }
        }

        /// Whether a term that holds the negation `cue` also holds the first words of `hit`, after the cue:
        /// then the negation is part of a negative finding that covers `hit` too and negates it ("geen" of
        /// the signal "heeft geen zin" over the motivation "zin in werk" in "heeft geen zin in werk"). Likewise
        /// when the cue stands in a gap of `hit` and its term shares a word with `hit`: "niet gehaald" of
        /// `geen-diploma` in "het examen niet gehaald" negates "examen … gehaald", one span with one reading.
        func negationOwnerOverlaps(_ cue: PhraseMatcher.Match, _ hit: PhraseMatcher.Match) -> Bool {
            let inGap = hit.first < cue.first && cue.last < hit.last
            guard cue.last < hit.first || inGap else { return false }
            let range = firsts.partitionPoint { $0 >= cue.first - widest }..<firsts.partitionPoint { $0 > cue.first }
            return hits[range].contains {
                ContextScopes.owns($0, allOf: cue) && (inGap ? ContextScopes.shareWords($0, hit) : $0.owns(hit.first))
            }
        }
    }

    /// The triggers that apply to `hit`, in text order. `hits` are all hits of the sentence: a negation
    /// inside a term ("niet" in "weet niet wat hij wil", "geen" in "geen diploma") is part of that
    /// negative finding and negates nothing else, though it still ends the scope of an earlier
    /// negation. Other trigger words inside a term keep their force for the rest of the sentence:
    /// "moeder" in "zieke moeder", "jeugd" in "zware jeugd".
    func triggers(
        for hit: PhraseMatcher.Match, among hits: SentenceHits, in cues: SentenceCues, tokens: [Token], statistics: inout PhraseMatcher.MatchStatistics
    ) -> [AppliedTrigger] {
        var applied: [AppliedTrigger] = []
        let candidates = candidateTriggers(for: hit, in: cues)
        statistics.contextChecks += candidates.count
        // The word before the hit may present it as given, out of reach of some categories: a thing named ("de
        // schuldsanering"), not a longer hit that also says what happens to it ("zijn woning kwijt te raken").
        let givenAfter = hit.first > cues.firstToken && Self.length(hit) <= Self.longestGivenHit ? tokens[hit.first - 1].key : nil
        for index in candidates {
            let (cue, rule) = cues.triggers[index]
            let category = rule.category
            let reaches: Bool
            if let givenAfter, givenBefore[category]?.contains(givenAfter) == true, cue.last < hit.first - 1 || cue.first > hit.last {
                reaches = false
            } else if category != .claim && Self.shareWords(cue, hit) || category == .negation && hits.ownsAll(of: cue) && !hits.negationOwnerOverlaps(cue, hit) {
                reaches = false
            } else if category == .claim && Self.shareWords(cue, hit) {
                reaches = true  // who speaks covers the words it shares ("gedoe met mijn ex")
            } else if cue.first > hit.first && cue.last < hit.last || hit.first > cue.first && hit.last < cue.last {
                reaches = true  // in a gap of the split term ("slaapt niet slecht"), or the term in the trigger's ("geen schulden meer")
            } else if cue.last < hit.first {
                reaches = rule.direction != .backward
                    && words(between: cue.last, and: hit.first, cues) < (rule.maxScope ?? defaultMaxScope)
                    && (rule.settlesPast || !(cues.terminators[category.ordinal]?.containsInterval(firstAbove: cue.last, lastBelow: hit.first) ?? false))
                    && !(category == .negation && Self.containsValue(in: cues.negationFirsts, above: cue.last, atMost: hit.last))
            } else if cue.first > hit.last {
                reaches = rule.direction != .forward
                    && words(between: hit.last, and: cue.first, cues) < (rule.maxScope ?? defaultMaxScope)
                    && (rule.settlesPast || !(cues.terminators[category.ordinal]?.containsInterval(firstAbove: hit.last, lastBelow: cue.first) ?? false))
                    && !(category == .negation && Self.containsValue(in: cues.negationLasts, above: hit.first - 1, atMost: cue.first - 1))
            } else {
                reaches = false
            }
            if reaches {
                var trigger = AppliedTrigger(category: category, phrase: rule.phrase, start: tokens[cue.first].start, end: tokens[cue.last].end)
                trigger.settlesPast = rule.settlesPast
                trigger.threat = rule.threat
                trigger.question = rule.question
                applied.append(trigger)
            }
        }
        return applied.sorted(by: AppliedTrigger.inTextOrder)
    }

    /// Indices of the triggers that could reach `hit` at all: those overlapping it, and those before or
    /// after it within the widest scope any trigger has, in words. The rest are too far away.
    private func candidateTriggers(for hit: PhraseMatcher.Match, in cues: SentenceCues) -> [Int] {
        var result: [Int] = []
        // Overlapping the hit: starting at most the widest cue before it, and not after its end.
        let overlapping = cues.firsts.partitionPoint { $0 >= hit.first - cues.widestCue }..<cues.firsts.partitionPoint { $0 > hit.last }
        result += overlapping.filter { cues.triggers[$0].cue.last >= hit.first }
        // Before the hit, nearest first, while the words in between stay under the widest scope.
        var position = cues.lastOfByLast.partitionPoint { $0 >= hit.first } - 1
        while position >= 0, words(between: cues.lastOfByLast[position], and: hit.first, cues) < widestScope {
            result.append(cues.byLast[position])  // ends before the hit, so not among the overlapping
            position -= 1
        }
        // After the hit.
        position = cues.firsts.partitionPoint { $0 > hit.last }
        while position < cues.firsts.count, words(between: hit.last, and: cues.firsts[position], cues) < widestScope {
            result.append(position)
            position += 1
        }
        return result
    }

    /// Whether the sorted `values` hold one in `lower+1...upper`.
    private static func containsValue(in values: [Int], above lower: Int, atMost upper: Int) -> Bool {
        let index = values.partitionPoint { $0 > lower }
        return index < values.count && values[index] <= upper
    }

    /// Whether two matches have a word in common (words skipped by a gap do not count).
    static func shareWords(_ a: PhraseMatcher.Match, _ b: PhraseMatcher.Match) -> Bool {
        a.first <= b.last && b.first <= a.last && (max(a.first, b.first)...min(a.last, b.last)).contains { a.owns($0) && b.owns($0) }
    }

    /// Whether every word of `inner` is one of `outer`'s own words. Words a gap of `inner` skips are not its own:
    /// the pseudo-trigger "eerst van de … af" owns the trigger "van de … af" in "eerst van de drank af".
    static func owns(_ outer: PhraseMatcher.Match, allOf inner: PhraseMatcher.Match) -> Bool {
        (inner.first...inner.last).allSatisfy { !inner.owns($0) || outer.owns($0) }
    }

    private static func length(_ match: PhraseMatcher.Match) -> Int { match.last - match.first + 1 - match.skipped.count }
    /// The longest hit, in tokens, that a presupposition word presents as given.
    private static let longestGivenHit = 2

    /// Words strictly between token `left` and token `right`.
    private func words(between left: Int, and right: Int, _ cues: SentenceCues) -> Int {
        let from = left + 1 - cues.firstToken, to = right - cues.firstToken
        return from < to ? cues.wordsBefore[to] - cues.wordsBefore[from] : 0
    }
}

extension Array {
    /// The index of the first element for which `belongsAfter` holds, in an array partitioned so that it
    /// is false for a prefix and true for the rest (binary search).
    func partitionPoint(where belongsAfter: (Element) -> Bool) -> Int { partitionPoint(in: indices, where: belongsAfter) }

    /// ``partitionPoint(where:)`` within `range` of the array, which is partitioned that way.
    func partitionPoint(in range: Range<Int>, where belongsAfter: (Element) -> Bool) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if belongsAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// The context rules compiled last, by rules (a few: a process screens with one ruleset, `impact` with two).
private final class CompiledContexts: @unchecked Sendable {
    static let shared = CompiledContexts()
    static let limit = 4
    private let lock = NSLock()
    /// Guarded by `lock`; most recently used last.
    private var entries: [(rules: ContextRules, scopes: ContextScopes)] = []

    func scopes(for context: ContextRules) -> ContextScopes {
        lock.withLock {
            if let index = entries.firstIndex(where: { $0.rules == context }) {
                let entry = entries.remove(at: index)
                entries.append(entry)
                return entry.scopes
            }
            let scopes = ContextScopes(context)
            if entries.count == Self.limit { entries.removeFirst() }
            entries.append((context, scopes))
            return scopes
        }
    }
}

extension ContextCategory {
    /// The category's place in `allCases`, for per-category arrays in the hot path.
    var ordinal: Int {
        switch self {
        case .negation: 0
        case .historical: 1
        case .hypothetical: 2
        case .uncertain: 3
        case .resolved: 4
        case .experiencer: 5
        case .claim: 6
        }
    }
}
