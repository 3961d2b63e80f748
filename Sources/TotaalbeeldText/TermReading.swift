import Foundation
import TotaalbeeldModel

/// What the trie of written terms cannot do on its own: inflected forms and compound heads of
/// one-word terms, and sense constraints on any term (see ``TermRule``).
///
/// **Morphology.** Every one-word term that is not `exact` is indexed by its Snowball stem (a word) or
/// kept as a prefix (`pijnklacht*`). A word of the text then matches such a term when its stem is the
/// term's stem ("schuld" for "schulden", form ``PhraseMatcher/Match/Form/inflected``) or when one of
/// its compound heads has the term's stem or starts with its prefix ("huurschulden", "rugpijnklachten",
/// form ``PhraseMatcher/Match/Form/compound``). The terms a word matches this way are computed once per
/// distinct word and cached, so the cost per token is one hash lookup, whatever the number of terms.
///
/// **Senses.** A constrained term is kept only when a word of one of its `require` senses stands within
/// its window, and none of its `exclude` senses does (the term's own word counts as distance 0, so
/// `koffie*` excludes "koffiedrinken"). A compound carries its sense in its first part: that part (with
/// or without a linking morpheme) counts as a word of its sense when a one-word sense term names it, so
/// "huurschuld" meets the sense "geld" through "huur" and "koffiedrinken" the excluded "frisdrank"
/// through "koffie". Sense words are matched by a matcher of their own, per sentence, only when a
/// constrained term was found in it; the nearest occurrence on each side is found by binary search, so
/// the check costs the same in a long sentence as in a short one.
struct TermReading: Sendable {
    struct Constraint: Sendable {
        var require: [Int]
        var exclude: [Int]
        var window: Int?
        var excludeWindow: Int?
    }

    let constraints: [Constraint?]
    let senseMatcher: PhraseMatcher
    /// Sense index per pattern of ``senseMatcher``.
    let senseOfPattern: [Int]
    let senseCount: Int
    private let stemIndex: [String: [Int32]]
    private let prefixIndex: [String: [Int32]]
    private let prefixLengths: [Int]
    /// One-word sense terms, for the first part of a compound: word → senses, prefix → senses.
    private let senseWords: [String: [Int]]
    private let sensePrefixes: [String: [Int]]
    private let sensePrefixLengths: [Int]
    /// The first three characters (all, when shorter) of every prefix term, sense word and sense prefix: a
    /// compound head's key can match one of them only when it starts with one of these.
    private let headKeyLeads: Set<String>
    let wordForms: WordForms?
    private let cache = MorphologyCache()
    /// A stem's ids in the term trie and among the free-order words, stored with each word's matches so that
    /// the matchers need no lookup by String per token.
    private let stemIDs: @Sendable (String) -> (matcher: Int32, freeOrder: Int32)

    /// Whether any term can match through morphology.
    var usesMorphology: Bool { wordForms != nil && (!stemIndex.isEmpty || !prefixIndex.isEmpty) }
    var hasConstraints: Bool { constraints.contains { $0 != nil } }

    init(
        patterns: [PhrasePattern], rules: [TermRule], senses: [SenseSet], termGap: Int, wordForms: WordForms?,
        stemIDs: @escaping @Sendable (String) -> (matcher: Int32, freeOrder: Int32) = { _ in (-1, -1) }
    ) {
        self.stemIDs = stemIDs
        var senseIndex: [String: Int] = [:]
        for (index, sense) in senses.enumerated() where senseIndex[sense.id] == nil { senseIndex[sense.id] = index }
        var sensePatterns: [PhrasePattern] = []
        var senseOwners: [Int] = []
        for (index, sense) in senses.enumerated() {
            for term in sense.terms {
                sensePatterns.append(PhrasePattern(term))
                senseOwners.append(index)
            }
        }
        senseMatcher = PhraseMatcher(patterns: sensePatterns, termGap: termGap)
        var words: [String: [Int]] = [:], wordPrefixes: [String: [Int]] = [:]
        for (index, pattern) in sensePatterns.enumerated() where pattern.elements.count == 1 {
            let alternatives: [PhrasePattern.Element]
            if case .choice(let choices) = pattern.elements[0] { alternatives = choices } else { alternatives = pattern.elements }
            for alternative in alternatives {
                switch alternative {
                case .word(let word): words[word, default: []].append(senseOwners[index])
                case .prefix(let prefix): wordPrefixes[prefix, default: []].append(senseOwners[index])
                default: break
                }
            }
        }
        senseWords = words
        sensePrefixes = wordPrefixes
        sensePrefixLengths = Set(wordPrefixes.keys.map(\.count)).sorted()
        senseOfPattern = senseOwners
        senseCount = senses.count
        constraints = rules.map { rule in
            guard rule.isConstrained else { return nil }
            return Constraint(
                require: rule.require.compactMap { senseIndex[$0] }, exclude: rule.exclude.compactMap { senseIndex[$0] }, window: rule.window,
                excludeWindow: rule.excludeWindow ?? rule.window
            )
        }
        var stems: [String: [Int32]] = [:]
        var prefixes: [String: [Int32]] = [:]
        if let wordForms {
            for (index, pattern) in patterns.enumerated() where index < rules.count && !rules[index].exact && pattern.elements.count == 1 {
                let alternatives: [PhrasePattern.Element]
                if case .choice(let choices) = pattern.elements[0] { alternatives = choices } else { alternatives = pattern.elements }
                for alternative in alternatives {
                    switch alternative {
                    case .word(let word) where word.unicodeScalars.count >= 3:
                        stems[wordForms.stem(word), default: []].append(Int32(index))
                    case .prefix(let prefix) where prefix.unicodeScalars.count >= 3:
                        prefixes[prefix, default: []].append(Int32(index))
                    default: break
                    }
                }
            }
        }
        stemIndex = stems
        prefixIndex = prefixes
        prefixLengths = Set(prefixes.keys.map(\.count)).sorted()
        headKeyLeads = Set((Array(prefixes.keys) + Array(words.keys) + Array(wordPrefixes.keys)).map { String($0.prefix(3)) })
        self.wordForms = wordForms
    }

    /// Terms of one word, matched by one token of text through its inflection or as a compound head.
    struct WordMatches: Sendable {
        /// The stem content words of multi-word terms compare it by: its Snowball stem when that only takes an
        /// inflectional ending off, else its key (``PhraseLoosening/inflectionalStem(of:snowball:)``).
        var stem: String
        var inflected: [Int32]
        /// Terms matched by a head, with the part of the word before that head.
        var compound: [(pattern: Int32, modifier: String)]
        /// Senses that one of the word's compound heads names ("opleiding" in "ICT-opleiding").
        var headSenses: [Int]
        /// ``stem``'s id among the term trie's stem elements and among the free-order words' stems; -1: none.
        var matcherStem: Int32 = -1
        var freeOrderStem: Int32 = -1
    }

    /// What morphology says about each word of `range` (at least three letters; `nil` for other
    /// tokens), looked up once per distinct word.
    /// A token in `corrected` (a typing error read as a term word) is read as that word.
    func words(in tokens: [Token], range: Range<Int>, scalars: [Unicode.Scalar], corrected: [Int: SpellingCorrection] = [:]) -> [WordMatches?] {
        guard wordForms != nil else { return [] }
        return range.map { index in
            let token = tokens[index]
            if let correction = corrected[index] { return wordMatches(of: correction.read) }
            guard token.kind == .word, token.end - token.start >= 3, let word = Self.originalWord(token, scalars) else { return nil }
            return wordMatches(of: word)
        }
    }

    /// Matches of one-word terms at the words of `range` through morphology, leaving out what the
    /// written-form trie already found there (`written`: pattern and token of its one-token matches).
    /// `words` is ``words(in:range:scalars:)``.
    func morphologyMatches(
        in tokens: [Token], range: Range<Int>, words: [WordMatches?], written: Set<Int64>, headSenses: inout [(sense: Int, token: Int)]
    ) -> [PhraseMatcher.Match] {
        guard usesMorphology else { return [] }
        var found: [PhraseMatcher.Match] = []
        for index in range {
            guard let matches = words[index - range.lowerBound] else { continue }
            for sense in matches.headSenses { headSenses.append((sense, index)) }
            for pattern in matches.inflected where !written.contains(Self.key(pattern, index)) {
                found.append(PhraseMatcher.Match(pattern: Int(pattern), first: index, last: index, form: .inflected))
            }
            for (pattern, modifier) in matches.compound where !written.contains(Self.key(pattern, index)) {
                found.append(PhraseMatcher.Match(pattern: Int(pattern), first: index, last: index, form: .compound, modifier: modifier))
            }
        }
        return found
    }

    static func key(_ pattern: Int32, _ token: Int) -> Int64 { Int64(pattern) << 32 | Int64(token) }

    /// The word as written, lower-cased (diacritics kept, for Hunspell); `nil` for numbers.
    private static func originalWord(_ token: Token, _ scalars: [Unicode.Scalar]) -> String? {
        var ascii = true
        var letters = false
        for position in token.start..<token.end {
            let scalar = scalars[position]
            if !scalar.isASCII { ascii = false } else if Tokenizer.isDigit(scalar) { return nil }
            if Tokenizer.isLetter(scalar) { letters = true }
        }
        guard letters else { return nil }
        // An ASCII word folds to ASCII, so its key's bytes are its scalars.
        if ascii && token.key.utf8.count == token.end - token.start { return token.key }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[token.start..<token.end])
        return String(view).lowercased()
    }

    private func wordMatches(of word: String) -> WordMatches {
        if let cached = cache.value(for: word) { return cached }
        guard let wordForms else { return WordMatches(stem: word, inflected: [], compound: [], headSenses: []) }
        // A word is split only when one of its heads could add a match or a sense: most words are not,
        // and a `screen` whose words are all of that kind never loads the dictionary.
        let forms = mayHaveMatchingHead(word, wordForms)
            ? wordForms.forms(of: word) : WordForms.Forms(stem: wordForms.stem(ofWord: word), heads: [])
        var result = matches(of: word, forms: forms)
        (result.matcherStem, result.freeOrderStem) = stemIDs(result.stem)
        cache.store(result, for: word)
        return result
    }

    /// The terms and senses `word` matches, given its forms.
    func matches(of word: String, forms: WordForms.Forms) -> WordMatches {
        let inflected = stemIndex[forms.stem] ?? []
        var compound: [(pattern: Int32, modifier: String)] = []
        let key = WordForms.fold(word)
        for head in forms.heads where head.key.count < key.count {
            let modifier = String(key.dropLast(head.key.count))
            compound += ((stemIndex[head.stem] ?? []) + prefixTerms(startingWith: head.key)).map { ($0, modifier) }
        }
        let inflectedSet = Set(inflected)
        var seen = Set<Int32>()
        compound = compound.filter { !inflectedSet.contains($0.pattern) && seen.insert($0.pattern).inserted }
        var headSenses = Set<Int>()
        for head in forms.heads { headSenses.formUnion(senses(ofModifier: head.key)) }
        return WordMatches(stem: PhraseLoosening.inflectionalStem(of: key, snowball: forms.stem), inflected: inflected, compound: compound, headSenses: headSenses.sorted())
    }

    /// The prefix terms (`pijnklacht*`) that a head with this key starts with.
    private func prefixTerms(startingWith key: String) -> [Int32] {
        var terms: [Int32] = []
        let count = key.count
        for length in prefixLengths where length <= count {
            terms += prefixIndex[String(key.prefix(length))] ?? []
        }
        return terms
    }

    /// Whether a compound head of `word`, if it had one, could match a term or name a sense: whether any
    /// piece of it that could be a head (``WordForms/possibleHeads(of:)``) does, compared exactly as
    /// ``wordMatches(of:)`` compares a head (by its stem, by the prefix terms its key starts with, by the
    /// senses its key names). When none does, the word's heads add nothing and it need not be split.
    func mayHaveMatchingHead(_ word: String, _ wordForms: WordForms) -> Bool {
        WordForms.possibleHeads(of: word).contains { head in
            if stemIndex[wordForms.stem(head)] != nil { return true }
            let key = WordForms.fold(head)
            return startsWithHeadKeyLead(key) && (!prefixTerms(startingWith: key).isEmpty || !senses(ofModifier: key).isEmpty)
        }
    }

    /// Whether `key` starts with one of ``headKeyLeads``: every prefix term, sense word and sense prefix a
    /// head's key is compared with is a prefix of the key when it matches (a sense word may be the key less
    /// a linking morpheme), so a key without such a start matches none of them.
    private func startsWithHeadKeyLead(_ key: String) -> Bool {
        var end = key.startIndex
        for _ in 0..<3 where end < key.endIndex {
            key.formIndex(after: &end)
            if headKeyLeads.contains(String(key[..<end])) { return true }
        }
        return false
    }

    // MARK: Senses

    /// The sense words of one sentence: their first and last tokens ordered by sense, then by first and last
    /// token; those of sense `s` are at `bounds[s]..<bounds[s + 1]` (flat, so a sentence allocates three arrays
    /// however many senses the ruleset has).
    struct SenseOccurrences {
        var firsts: [Int]
        var lasts: [Int]
        var bounds: [Int]
    }

    /// Sense words as written, and one-word sense words that are the head of a compound of the text
    /// (`headSenses`, gathered by ``morphologyMatches(in:range:scalars:written:headSenses:)``: "opleiding"
    /// in "ICT-opleiding").
    func senses(
        in tokens: [Token], range: Range<Int>, headSenses: [(sense: Int, token: Int)], statistics: inout PhraseMatcher.MatchStatistics
    ) -> SenseOccurrences {
        var occurrences = senseMatcher.matches(in: tokens, range: range, statistics: &statistics).map { (sense: senseOfPattern[$0.pattern], first: $0.first, last: $0.last) }
        occurrences += headSenses.map { (sense: $0.sense, first: $0.token, last: $0.token) }
        occurrences.sort { ($0.sense, $0.first, $0.last) < ($1.sense, $1.first, $1.last) }
        var bounds = [Int](repeating: 0, count: senseCount + 1)
        for occurrence in occurrences { bounds[occurrence.sense + 1] += 1 }
        for sense in 0..<senseCount { bounds[sense + 1] += bounds[sense] }
        return SenseOccurrences(firsts: occurrences.map(\.first), lasts: occurrences.map(\.last), bounds: bounds)
    }

    /// Whether `match` keeps its sense: a required sense near it (unless it is a compound) and no
    /// excluded one. `wordsBefore(i)` counts the words of the sentence before token `i`.
    func admits(_ match: PhraseMatcher.Match, senses: SenseOccurrences, wordsBefore: (Int) -> Int) -> Bool {
        guard let constraint = constraints[match.pattern] else { return true }
        // `outside`: only words beside the match count. The term's own words may exclude its sense ("koffie*"
        // excludes "koffiedrinken") but never confirm it: "dronken" is not its own evidence of alcohol.
        func near(_ sense: Int, within window: Int?, outside: Bool) -> Bool {
            let firsts = senses.firsts, lasts = senses.lasts
            let lower = senses.bounds[sense], upper = senses.bounds[sense + 1]
            guard window != nil || outside else { return lower < upper }
            // The occurrence starting last at or before the match's end, and the first one after it.
            let after = firsts.partitionPoint(in: lower..<upper) { $0 > match.last }
            if after < upper, window.map({ wordsBefore(firsts[after]) - wordsBefore(match.last + 1) <= $0 }) ?? true { return true }
            var index = after - 1
            // Occurrences are short: a few steps back find one that overlaps the match or ends nearest before it.
            var steps = 0
            while index >= lower, steps < 4 {
                if lasts[index] >= match.first {
                    if !outside { return true }
                } else if window.map({ wordsBefore(match.first) - wordsBefore(lasts[index] + 1) <= $0 }) ?? true {
                    return true
                }
                index -= 1
                steps += 1
            }
            return false
        }
        let modifierSenses = match.modifier.map(senses(ofModifier:)) ?? []
        if constraint.exclude.contains(where: { near($0, within: constraint.excludeWindow, outside: false) || modifierSenses.contains($0) }) { return false }
        if !constraint.require.isEmpty, !constraint.require.contains(where: { near($0, within: constraint.window, outside: true) || modifierSenses.contains($0) }) { return false }
        return true
    }

    /// The senses a compound's part names, as it is or without a linking morpheme ("vermoeidheids").
    private func senses(ofModifier modifier: String) -> Set<Int> {
        var found = Set<Int>()
        var candidates = [modifier]
        let count = modifier.count
        for ending in ["s", "e", "en", "er"] where count - ending.count >= 3 && modifier.hasSuffix(ending) {
            candidates.append(String(modifier.dropLast(ending.count)))
        }
        for candidate in candidates {
            found.formUnion(senseWords[candidate] ?? [])
            let count = candidate.count
            for length in sensePrefixLengths where length <= count {
                found.formUnion(sensePrefixes[String(candidate.prefix(length))] ?? [])
            }
        }
        return found
    }
}

/// Morphology matches by word, shared between the threads using one analyzer.
private final class MorphologyCache: @unchecked Sendable {
    static let limit = 500_000
    private let lock = NSLock()
    private var matches: [String: TermReading.WordMatches] = [:]

    func value(for word: String) -> TermReading.WordMatches? { lock.withLock { matches[word] } }

    func store(_ value: TermReading.WordMatches, for word: String) {
        lock.withLock {
            if matches.count < Self.limit { matches[word] = value }
        }
    }
}
