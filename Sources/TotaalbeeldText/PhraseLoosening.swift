import TotaalbeeldModel

/// Matches of multi-word terms beyond their written words and order, as the ruleset's context asks
/// (`phraseInflection`, `freeOrderWindow`, `functionWords`, `clauseWords`; see
/// `Rulesets/schema/ruleset-1.xsd`, type `Context`).
///
/// **Inflected words inside a term.** Each content word of a multi-word term (a word of at least three
/// letters that is not a function word) also matches the words with its Snowball stem: "schulden
/// opgebouwd" reads "schuld opgebouwd", "slechte nachtrust" reads "slecht nachtrust". Function words
/// match as written, so "niet" never meets "niets". The terms are compiled once more, with those words
/// as ``PhrasePattern/Element/stem(_:)`` elements (``variants``); the analyzer compiles them into its one
/// term trie, so a match costs what a written match costs and the text is read once.
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
    /// The stem a word of a multi-word term, or of the text, is compared by: Snowball's stem when it only
    /// takes an inflectional ending off the word ("schulden" → "schuld", "bakken" → "bak"); the word less
    /// its inflectional ending when Snowball took a derivational suffix as well ("rekeningen" →
    /// "rekening", like "rekening" itself); the word as written otherwise. Snowball's Dutch stemmer strips
    /// derivational suffixes too (its step 3: -heid, -ing, -end, -ig, -lijk, -baar), which joins words of
    /// other meanings — "rekeningen" and "rekenen" both stem to "reken", "schuldig" and "schulden" to
    /// "schuld" — so "rekeningen … liggen" (bills left unopened) read "de resultaten op rekenen en taal
    /// liggen boven …". A stem that is not a prefix of the word keeps the word as written.
    static func inflectionalStem(of word: String, snowball stem: String) -> String {
        guard word != stem else { return stem }
        guard word.hasPrefix(stem) else { return word }
        var removed = String(String.UnicodeScalarView(word.unicodeScalars.dropFirst(stem.unicodeScalars.count)))
        // An undoubled consonant: "bakken" → "bak" + "k" + "en".
        if let last = stem.unicodeScalars.last, removed.unicodeScalars.first == last { removed.unicodeScalars.removeFirst() }
        if inflectionalEndings.contains(removed) { return stem }
        // A derivational suffix with an inflection after it: keep the derivation, drop the inflection.
        for ending in inflectionalEndingsLongestFirst where removed.hasSuffix(ending) && removed.count > ending.count {
            return String(String.UnicodeScalarView(word.unicodeScalars.dropLast(ending.unicodeScalars.count)))
        }
        return word
    }

    /// What Snowball's Dutch stemmer removes that is inflection: plural and adjective endings.
    static let inflectionalEndings: Set<String> = ["e", "en", "ene", "s", "es", "'s"]
    private static let inflectionalEndingsLongestFirst = inflectionalEndings.sorted { ($0.count, $0) > ($1.count, $1) }

    /// One word of a term as a test on a token: its key as written, a stem, or a prefix, as ids.
    struct WordTest: Sendable {
        var keys: [Int32] = []
        var stems: [Int32] = []
        var prefixes: [Int32] = []
        var isContent = false
    }

    struct FreeOrderTerm: Sendable {
        var pattern: Int
        var words: [WordTest]
        var anchor: Int
    }

    /// The terms with inflected content words, and the original pattern of each.
    let variants: [PhrasePattern]
    let variantOriginal: [Int]
    private let freeOrder: [FreeOrderTerm]
    /// Ids of the words, stems and prefixes that free-order terms test, and the terms anchored at each.
    private let keyIDs: KeyTable
    private let stemIDs: [String: Int32]
    private let prefixTrie: PrefixTrie
    private let anchorsByKey: [[Int32]]
    private let anchorsByStem: [[Int32]]
    private let anchorsByPrefix: [[Int32]]
    private let clauseWords: KeyTable
    private let window: Int

    /// Whether free order is matched at all (``variants`` go into the analyzer's term trie).
    var matchesFreeOrder: Bool { !freeOrder.isEmpty }

    /// `loose[i]`: whether pattern `i` may match inflected and in free order; `fixedOrder[i]`: only in
    /// its written order. `stem` gives a word's Snowball stem.
    init(patterns: [PhrasePattern], loose: [Bool], fixedOrder: [Bool], context: ContextRules, stem: ((String) -> String)?) {
        let function = context.functionWords
        clauseWords = KeyTable(context.clauseWords)
        window = context.freeOrderWindow
        let inflect = context.phraseInflection && stem != nil
        // The same content words recur in thousands of terms: each is stemmed once (Snowball lower-cases and locks).
        var stems: [String: String] = [:]
        func stemmed(_ word: String, _ stem: (String) -> String) -> String {
            if let known = stems[word] { return known }
            let result = stem(word)
            stems[word] = result
            return result
        }
        func isContent(_ word: String) -> Bool { word.unicodeScalars.count >= 3 && !function.contains(word) }

        var variants: [PhrasePattern] = []
        var original: [Int] = []
        var free: [FreeOrderTerm] = []
        var keyIDs: [String: Int32] = [:], stemIDs: [String: Int32] = [:]
        var trie = PrefixTrie()
        func id(_ text: String, in ids: inout [String: Int32]) -> Int32 {
            if let existing = ids[text] { return existing }
            let new = Int32(ids.count)
            ids[text] = new
            return new
        }
        for (index, pattern) in patterns.enumerated() where index < loose.count && loose[index] {
            let words = pattern.elements.filter { $0 != .gap }
            guard words.count >= 2 else { continue }
            if inflect, let stem {
                var changed = false
                func inflected(_ element: PhrasePattern.Element) -> PhrasePattern.Element {
                    switch element {
                    case .word(let word) where isContent(word) && word.unicodeScalars.contains(where: { $0.properties.isAlphabetic }):
                        changed = true
                        return .stem(stemmed(word, stem))
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
            var lengths: [Int] = []
            var eligible = true
            for element in words {
                var test = WordTest()
                var shortest = Int.max
                func add(_ element: PhrasePattern.Element) {
                    switch element {
                    case .word(let word):
                        if !word.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) || context.clauseWords.contains(word) {
                            eligible = false
                        }
                        test.keys.append(id(word, in: &keyIDs))
                        if isContent(word) {
                            test.isContent = true
                            shortest = min(shortest, word.count)
                            if inflect, let stem { test.stems.append(id(stemmed(word, stem), in: &stemIDs)) }
                        }
                    case .prefix(let prefix):
                        test.prefixes.append(trie.insert(prefix))
                        test.isContent = true
                        shortest = min(shortest, prefix.count)
                    case .choice(let alternatives): alternatives.forEach(add)
                    case .stem, .gap: eligible = false
                    }
                }
                add(element)
                tests.append(test)
                lengths.append(test.isContent ? shortest : 0)
            }
            guard eligible, tests.filter(\.isContent).count >= 2, tests.count <= window + 1 else { continue }
            // The anchor: the content word with the longest shortest alternative, the rarest in text.
            let anchor = lengths.indices.max { lengths[$0] < lengths[$1] }!
            free.append(FreeOrderTerm(pattern: index, words: tests, anchor: anchor))
        }
        self.variants = variants
        variantOriginal = original

        var byKey = Array(repeating: [Int32](), count: keyIDs.count)
        var byStem = Array(repeating: [Int32](), count: stemIDs.count)
        var byPrefix = Array(repeating: [Int32](), count: Int(trie.count))
        for (index, term) in free.enumerated() {
            let anchor = term.words[term.anchor]
            for key in anchor.keys { byKey[Int(key)].append(Int32(index)) }
            for stem in anchor.stems { byStem[Int(stem)].append(Int32(index)) }
            for prefix in anchor.prefixes { byPrefix[Int(prefix)].append(Int32(index)) }
        }
        freeOrder = free
        self.keyIDs = KeyTable(keyIDs)
        self.stemIDs = stemIDs
        prefixTrie = trie
        anchorsByKey = byKey
        anchorsByStem = byStem
        anchorsByPrefix = byPrefix
    }

    /// The id of a stem among the free-order words' stems, -1 when none has it; pass these per token to
    /// ``freeOrderMatches(in:range:stems:statistics:)``.
    func stemID(_ stem: String) -> Int32 { stemIDs[stem] ?? -1 }

    /// Matches in `range` with the words of a term in another order (form `.reordered`), with the original
    /// pattern index. `stems` holds each token's ``stemID(_:)`` (-1: none).
    func freeOrderMatches(in tokens: [Token], range: Range<Int>, stems: [Int32], statistics: inout PhraseMatcher.MatchStatistics) -> [PhraseMatcher.Match] {
        guard !freeOrder.isEmpty else { return [] }
        let lower = range.lowerBound, count = range.count
        // Per token: its clause (-1: it ends one), word id, stem id and prefix ids, looked up once.
        var clause = [Int](repeating: -1, count: count)
        var keys = [Int32](repeating: -1, count: count)
        var stemsOf = [Int32](repeating: -1, count: count)
        var prefixStart = [Int](repeating: 0, count: count + 1)
        var prefixes: [Int32] = []
        var current = 0
        for index in range {
            let token = tokens[index], offset = index - lower
            if token.kind == .punctuation || clauseWords.contains(token.key, hash: token.keyHash) {
                current += 1
            } else {
                clause[offset] = current
                keys[offset] = keyIDs.value(of: token.key, hash: token.keyHash)
                if offset < stems.count { stemsOf[offset] = stems[offset] }
                if prefixTrie.count > 0 { prefixTrie.prefixes(of: token.key, into: &prefixes) }
            }
            prefixStart[offset + 1] = prefixes.count
        }
        // Which word, stem and prefix ids occur in the sentence at all: most terms a word anchors miss one of their
        // other words altogether, and this says so in a few bit tests instead of a search of the window.
        var presentKeys = IDSet(count: keyIDs.count), presentStems = IDSet(count: stemIDs.count), presentPrefixes = IDSet(count: Int(prefixTrie.count))
        for offset in 0..<count where clause[offset] >= 0 {
            presentKeys.insert(keys[offset])
            presentStems.insert(stemsOf[offset])
            for position in prefixStart[offset]..<prefixStart[offset + 1] { presentPrefixes.insert(prefixes[position]) }
        }
        func occurs(_ test: WordTest) -> Bool {
            test.keys.contains { presentKeys.contains($0) } || test.stems.contains { presentStems.contains($0) }
                || test.prefixes.contains { presentPrefixes.contains($0) }
        }
        func accepts(_ test: WordTest, _ offset: Int) -> Bool {
            if keys[offset] >= 0, test.keys.contains(keys[offset]) { return true }
            if stemsOf[offset] >= 0, test.stems.contains(stemsOf[offset]) { return true }
            if !test.prefixes.isEmpty, prefixStart[offset] < prefixStart[offset + 1] {
                return prefixes[prefixStart[offset]..<prefixStart[offset + 1]].contains { test.prefixes.contains($0) }
            }
            return false
        }
        var found: [PhraseMatcher.Match] = []
        var candidates: [Int32] = []
        var used: [Int] = []
        for anchorOffset in 0..<count where clause[anchorOffset] >= 0 {
            candidates.removeAll(keepingCapacity: true)
            if keys[anchorOffset] >= 0 { candidates += anchorsByKey[Int(keys[anchorOffset])] }
            if stemsOf[anchorOffset] >= 0 { candidates += anchorsByStem[Int(stemsOf[anchorOffset])] }
            for position in prefixStart[anchorOffset]..<prefixStart[anchorOffset + 1] { candidates += anchorsByPrefix[Int(prefixes[position])] }
            guard !candidates.isEmpty else { continue }
            let ownClause = clause[anchorOffset]
            for (number, candidate) in candidates.enumerated() where !candidates[..<number].contains(candidate) {
                let term = freeOrder[Int(candidate)]
                guard term.words.indices.allSatisfy({ $0 == term.anchor || occurs(term.words[$0]) }) else { continue }
                used.removeAll(keepingCapacity: true)
                used.append(anchorOffset)
                var first = anchorOffset, last = anchorOffset
                var complete = true
                for (position, test) in term.words.enumerated() where position != term.anchor {
                    var chosen = -1
                    // Nearest first, either side, within the window and the anchor's clause.
                    search: for distance in 1...window {
                        for side in 0..<2 {
                            let offset = side == 0 ? anchorOffset - distance : anchorOffset + distance
                            guard offset >= 0, offset < count else { continue }
                            statistics.steps += 1
                            guard clause[offset] == ownClause, max(last, offset) - min(first, offset) <= window,
                                  !used.contains(offset), accepts(test, offset) else { continue }
                            chosen = offset
                            break search
                        }
                    }
                    guard chosen >= 0 else {
                        complete = false
                        break
                    }
                    used.append(chosen)
                    first = min(first, chosen)
                    last = max(last, chosen)
                }
                guard complete, !found.contains(where: { $0.pattern == term.pattern && $0.first == first + lower && $0.last == last + lower }) else { continue }
                found.append(PhraseMatcher.Match(
                    pattern: term.pattern, first: first + lower, last: last + lower,
                    skipped: (first...last).filter { !used.contains($0) }.map { $0 + lower }, form: .reordered
                ))
            }
        }
        return found
    }
}

/// A set of small non-negative ids as bits; -1 is never a member.
private struct IDSet {
    private var words: [UInt64]

    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    mutating func insert(_ id: Int32) {
        guard id >= 0 else { return }
        words[Int(id) >> 6] |= 1 << UInt64(id & 63)
    }

    func contains(_ id: Int32) -> Bool { id >= 0 && words[Int(id) >> 6] & 1 << UInt64(id & 63) != 0 }
}
