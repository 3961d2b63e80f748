import TotaalbeeldModel

/// Matches of multi-word terms beyond their written words and order, as the ruleset's context asks
/// (`phraseInflection`, `freeOrderWindow`, `functionWords`, `clauseWords`; see
/// `Rulesets/schema/ruleset-1.xsd`, type `Context`).
///
/// **Inflected words inside a term.** Each content word of a multi-word term (a word of at least three
/// letters that is not a function word) also matches the words with its Snowball stem: "schulden
/// opgebouwd" reads "schuld opgebouwd", "slechte nachtrust" reads "slecht nachtrust". Function words
/// match as written, so "niet" never meets "niets". The terms are compiled once more, with those words
/// as ``PhrasePattern/Element/stem(_:)`` elements, into a ``PhraseMatcher`` of their own; a match costs
/// what a written match costs.
///
/// **Free word order.** Dutch puts the finite verb last in a subordinate clause ("omdat hij geen zin
/// heeft in werk" for "heeft geen zin in werk") and fronts objects ("Schulden heeft hij opgebouwd"). A
/// term with at least two content words therefore also matches when all its words (content words by
/// stem when `phraseInflection` is on, function words as written) stand in one clause, in any order,
/// none more than `freeOrderWindow` words from the others. A clause ends at punctuation and at a
/// clause word ("maar", "omdat", "dat"); a term that contains one keeps its written order. The search
/// starts only at a term's *anchor* (its longest content word) and looks at most `freeOrderWindow`
/// words to either side for each other word, so the work per token is bounded by the ruleset, not by
/// the text: matching stays linear in text length.
///
/// Neither applies to a term marked `exact` (or, for order, `order="fixed"`), nor to a term of a
/// `precision="high"` indicator without a sense constraint: the analyzer passes those as not `loose`.
/// Every match found here still has to pass the term's sense constraint, and yields to any other match on
/// one of its words (``NarrativeAnalyzer``): it adds readings, never replaces one. Hunspell's verb
/// analyses ("slaapt" → "slaap") were tried as a lemma for content words and left out: on the tuning
/// sets they joined tenses that carry meaning ("werkte als" and "werken als").
/// ```swift
/// var context = ContextRules.empty
/// context.phraseInflection = true
/// context.freeOrderWindow = 5
/// context.functionWords = ["geen", "in", "hij"]
/// let analyzer = NarrativeAnalyzer(terms: ["motivatie-laag": ["geen zin in werk"]], context: context)
/// analyzer.analyze("Hij komt niet omdat hij geen zin heeft in werk.").map(\.matchedText) // ["geen zin heeft in werk"]
/// ```
struct PhraseLoosening: Sendable {
    /// One word of a term as a test on a token: its key as written, a stem, or a prefix.
    struct WordTest: Sendable {
        var keys: Set<String> = []
        var stems: Set<String> = []
        var prefixes: [String] = []
        var isContent = false

        func accepts(key: String, stem: String?) -> Bool {
            if keys.contains(key) { return true }
            if let stem, stems.contains(stem) { return true }
            return prefixes.contains { key.hasPrefix($0) }
        }
    }

    struct FreeOrderTerm: Sendable {
        var pattern: Int
        var words: [WordTest]
        var anchor: Int
    }

    /// The terms with inflected content words, and the original pattern of each.
    let inflectedMatcher: PhraseMatcher?
    private let inflectedOriginal: [Int]
    private let freeOrder: [FreeOrderTerm]
    private let anchorsByKey: [String: [Int32]]
    private let anchorsByStem: [String: [Int32]]
    private let anchorPrefixes: PrefixTrie
    private let anchorsByPrefix: [Int32: [Int32]]
    private let clauseWords: Set<String>
    private let window: Int

    /// Whether anything is matched here at all.
    var isActive: Bool { inflectedMatcher != nil || !freeOrder.isEmpty }

    /// `loose[i]`: whether pattern `i` may match inflected and in free order; `fixedOrder[i]`: only in
    /// its written order. `stem` gives a word's Snowball stem.
    init(patterns: [PhrasePattern], loose: [Bool], fixedOrder: [Bool], context: ContextRules, stem: ((String) -> String)?) {
        let function = context.functionWords
        clauseWords = context.clauseWords
        window = context.freeOrderWindow
        let inflect = context.phraseInflection && stem != nil
        func isContent(_ word: String) -> Bool { word.unicodeScalars.count >= 3 && !function.contains(word) }

        var variants: [PhrasePattern] = []
        var original: [Int] = []
        var free: [FreeOrderTerm] = []
        for (index, pattern) in patterns.enumerated() where index < loose.count && loose[index] {
            let words = pattern.elements.filter { $0 != .gap }
            guard words.count >= 2 else { continue }
            if inflect, let stem {
                var changed = false
                func inflected(_ element: PhrasePattern.Element) -> PhrasePattern.Element {
                    switch element {
                    case .word(let word) where isContent(word) && word.unicodeScalars.contains(where: { $0.properties.isAlphabetic }):
                        changed = true
                        return .stem(stem(word))
                    case .choice(let alternatives): return .choice(alternatives.map(inflected))
                    default: return element
                    }
                }
                var variant = pattern
                variant.elements = pattern.elements.map(inflected)
                if changed {
                    variants.append(variant)
                    original.append(index)
                }
            }
            guard window > 0, !fixedOrder[index] else { continue }
            var tests: [WordTest] = []
            var eligible = true
            for element in words {
                var test = WordTest()
                func add(_ element: PhrasePattern.Element) {
                    switch element {
                    case .word(let word):
                        if !word.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) || context.clauseWords.contains(word) {
                            eligible = false
                        }
                        test.keys.insert(word)
                        if isContent(word) {
                            test.isContent = true
                            if inflect, let stem { test.stems.insert(stem(word)) }
                        }
                    case .prefix(let prefix):
                        test.prefixes.append(prefix)
                        test.isContent = true
                    case .choice(let alternatives): alternatives.forEach(add)
                    case .stem, .gap: eligible = false
                    }
                }
                add(element)
                tests.append(test)
            }
            guard eligible, tests.filter(\.isContent).count >= 2, tests.count <= window + 1 else { continue }
            // The anchor: the content word with the longest shortest alternative, the rarest in text.
            func length(_ test: WordTest) -> Int {
                (test.keys.filter(isContent).map(\.count) + test.prefixes.map(\.count)).min() ?? 0
            }
            let anchor = tests.indices.filter { tests[$0].isContent }.max { length(tests[$0]) < length(tests[$1]) }!
            free.append(FreeOrderTerm(pattern: index, words: tests, anchor: anchor))
        }
        inflectedMatcher = variants.isEmpty ? nil : PhraseMatcher(patterns: variants, termGap: context.termGap)
        inflectedOriginal = original

        var byKey: [String: [Int32]] = [:], byStem: [String: [Int32]] = [:], byPrefix: [Int32: [Int32]] = [:]
        var trie = PrefixTrie()
        for (index, term) in free.enumerated() {
            let anchor = term.words[term.anchor]
            for key in anchor.keys { byKey[key, default: []].append(Int32(index)) }
            for stem in anchor.stems { byStem[stem, default: []].append(Int32(index)) }
            for prefix in anchor.prefixes { byPrefix[trie.insert(prefix), default: []].append(Int32(index)) }
        }
        freeOrder = free
        anchorsByKey = byKey
        anchorsByStem = byStem
        anchorPrefixes = trie
        anchorsByPrefix = byPrefix
    }

    /// The ``PhraseMatcher/stemID(_:)`` per token for ``inflectedMatcher``, from each token's stem.
    func stemIDs(_ stems: [String?]) -> [Int32] {
        guard let inflectedMatcher else { return [] }
        return stems.map { $0.map(inflectedMatcher.stemID) ?? -1 }
    }

    /// Matches in `range` with inflected content words (form `.inflected`) or in free order (form
    /// `.reordered`), with the original pattern index. `stems` holds each token's stem (`nil`: none).
    func matches(in tokens: [Token], range: Range<Int>, stems: [String?], statistics: inout PhraseMatcher.MatchStatistics) -> [PhraseMatcher.Match] {
        var found: [PhraseMatcher.Match] = []
        if let inflectedMatcher {
            for var match in inflectedMatcher.matches(in: tokens, range: range, statistics: &statistics, stemIDs: stemIDs(stems)) {
                match.pattern = inflectedOriginal[match.pattern]
                match.form = .inflected
                found.append(match)
            }
        }
        guard !freeOrder.isEmpty else { return found }
        let lower = range.lowerBound
        // Clause number per token; -1 for a token that ends a clause.
        var clause = [Int](repeating: -1, count: range.count)
        var current = 0
        for index in range {
            let token = tokens[index]
            if token.kind == .punctuation || clauseWords.contains(token.key) {
                current += 1
            } else {
                clause[index - lower] = current
            }
        }
        func stem(_ index: Int) -> String? { index - lower < stems.count ? stems[index - lower] : nil }
        var prefixIDs: [Int32] = []
        var seen = Set<[Int]>()
        for anchorIndex in range where clause[anchorIndex - lower] >= 0 {
            let token = tokens[anchorIndex]
            var candidates = anchorsByKey[token.key] ?? []
            if let stem = stem(anchorIndex) { candidates += anchorsByStem[stem] ?? [] }
            if !anchorsByPrefix.isEmpty {
                prefixIDs.removeAll(keepingCapacity: true)
                anchorPrefixes.prefixes(of: token.key, into: &prefixIDs)
                for id in prefixIDs { candidates += anchorsByPrefix[id] ?? [] }
            }
            guard !candidates.isEmpty else { continue }
            let ownClause = clause[anchorIndex - lower]
            for candidate in Set(candidates) {
                let term = freeOrder[Int(candidate)]
                var used = [anchorIndex]
                var first = anchorIndex, last = anchorIndex
                var complete = true
                for (position, test) in term.words.enumerated() where position != term.anchor {
                    var chosen: Int?
                    // Nearest first, either side, within the window and the anchor's clause.
                    search: for distance in 1...window {
                        for index in [anchorIndex - distance, anchorIndex + distance] where range.contains(index) {
                            statistics.steps += 1
                            guard clause[index - lower] == ownClause, !used.contains(index),
                                  max(last, index) - min(first, index) <= window,
                                  test.accepts(key: tokens[index].key, stem: stem(index)) else { continue }
                            chosen = index
                            break search
                        }
                    }
                    guard let chosen else {
                        complete = false
                        break
                    }
                    used.append(chosen)
                    first = min(first, chosen)
                    last = max(last, chosen)
                }
                guard complete, seen.insert([term.pattern, first, last]).inserted else { continue }
                let owned = Set(used)
                found.append(PhraseMatcher.Match(
                    pattern: term.pattern, first: first, last: last, skipped: (first...last).filter { !owned.contains($0) }, form: .reordered
                ))
            }
        }
        return found
    }
}
