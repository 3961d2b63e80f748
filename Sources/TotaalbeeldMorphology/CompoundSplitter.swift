import Foundation

/// Splits Dutch compounds into their parts, checking every part against a Hunspell dictionary.
///
/// "huurschuld" → huur+schuld, "rugpijnklachten" → rug+pijn+klachten, "arbeidsongeschikt" →
/// arbeid(s)+ongeschikt, "drankenhandel" → dranken+handel; "verslaving", "schulden" and
/// "diploma" stay whole.
///
/// ```swift
/// let splitter = try CompoundSplitter()     // finds nl.aff/nl.dic in the standard places
/// let split = splitter.split("kinderopvangtoeslag")
/// split.parts.map(\.text)   // ["kinder", "opvang", "toeslag"]
/// split.head                // "toeslag"
/// split.parts[0].base       // "kind" (linking morpheme "er")
/// ```
///
/// **How a split is found.** A word is cut in two where the right side can be a compound's head
/// and the left side a modifier, each at least ``minimumPartLength`` characters and either
/// possibly a compound itself. Of all cuts, the one giving the fewest parts wins, then the one
/// with fewer modifiers that are only known as nouns (below), then the one with the longest head;
/// both sides are then split again the same way, so every split point is reported
/// ("schuld|hulpverlening", then "hulp|verlening"). Whether a piece can be a head or a modifier
/// is asked of Hunspell:
/// - a **head** is a word Hunspell accepts (inflections included: "klachten") that Hunspell also
///   accepts at the end of a compound, tested by putting probe nouns (``probes``) before it:
///   "museumschuld" is accepted, "museumlaving" is not. This reads the Dutch word list's own
///   compounding flags, which mark the stems that may end a compound, so words that merely end
///   in a word ("vers|laving", "ken|nis", "kant|oor") do not split;
/// - a **modifier** is a piece Hunspell accepts at the start of a compound, before a probe noun:
///   its compound-begin flag, which also admits forms with a linking morpheme that are no words
///   by themselves ("arbeids", "kinder"). The word list leaves that flag off some nouns whose
///   compounds it lists whole ("rug", "nek", "dag"), so a word Hunspell accepts is a modifier too
///   when Hunspell knows its diminutive ("rugje", "nekje"), which only nouns have, and names the
///   word itself as the diminutive's stem: this keeps out the function words and verb forms that
///   would otherwise start false compounds ("des|kundige", "ter|mijn", "gek|regen"). Verbal
///   particles and unstressed prefixes (``nonModifiers``: "uit", "toe", "achter", "ver"…) are
///   never modifiers, so "uitkering", "toeslag", "achterstand" and "verlening" stay whole: they
///   derive from particle verbs and are no compounds.
///
/// Words the Dutch word list holds whole are split all the same ("alcoholvrij", "koffiedrinken",
/// "arbeidsongeschikt" are single entries), and words Hunspell rejects whole may still split when
/// their parts pass ("rugpijnklachten"). Lexicalised words whose pieces happen to pass both tests
/// split wrongly ("winkeldiefstal" → winkel+dief+stal, "gesprekken" → gesp+rekken); the tests list
/// the known cases.
///
/// Input is lower-cased first; a word with anything but letters (digits, hyphens, apostrophes,
/// periods) or longer than ``maximumWordLength`` is returned whole. Diacritics matter to
/// Hunspell ("cliëntsysteem" splits, the folded "clientsysteem" does not): pass the word as
/// written, not a folded matcher key.
///
/// **Cost.** A word not seen before costs up to a few Hunspell lookups per piece of it, each
/// about 5 µs: some 50 µs for an average word, 0.2 ms for a compound of 13 letters (release
/// build, `BENCHMARKS.md`). Results are cached per word, so a word seen before costs a hash
/// lookup under a lock (millions a second). The cache keeps at most ``cacheLimit`` words; words
/// beyond it are split each time. Hunspell lookups are serialised by the dictionary's lock, so
/// splitting unseen words does not get faster with more threads; the cache does the scaling.
///
/// Thread safety: a `CompoundSplitter` is immutable apart from its cache, which takes its own
/// lock; Hunspell lookups take the dictionary's. Share one between worker threads.
public final class CompoundSplitter: Sendable {
    /// Pieces shorter than this are never parts (3: "rug" is a part, "op" is not).
    public static let defaultMinimumPartLength = 3
    /// Words longer than this, in characters, are not split (the search grows with the cube of the length).
    public static let maximumWordLength = 64
    /// The nouns put before a candidate head and after a candidate modifier to ask Hunspell whether
    /// a piece may end or begin a compound; a piece passes when any of them accepts it. Chosen to
    /// carry both compound flags, to trigger none of the Dutch affix file's compound patterns, and
    /// to be no verbs, so that no short ending glues onto them into an inflected form ("tafel" +
    /// "den" is a verb form and "kompas" + "sen" a plural, so neither is a probe).
    public static let probes = ["museum", "gitaar", "vork"]
    /// Verbal particles and unstressed prefixes that are words of their own but, at the start of a
    /// Dutch word, make a particle verb or a derivation rather than a compound: never modifiers.
    public static let nonModifiers: Set<String> = [
        // Unstressed prefixes that are also words ("ver" far, "her" in "her en der").
        "ver", "her", "ont", "mis",
        // Separable particles: uitkering, toeslag, aanvraag, overleg, onderzoek, terugval, samenwerking.
        "aan", "achter", "bij", "door", "mee", "neer", "om", "onder", "over", "samen", "tegen", "terug", "toe",
        "uit", "voor", "weg",
    ]

    public let dictionary: HunspellDictionary
    public let minimumPartLength: Int
    public let cacheLimit: Int
    private let cache = SplitCache()

    /// A splitter over a loaded dictionary; share the dictionary when you need several splitters.
    /// - Parameters:
    ///   - minimumPartLength: the shortest part, in characters (at least 1).
    ///   - cacheLimit: the most words whose splits are kept; 0 turns the cache off.
    public init(dictionary: HunspellDictionary, minimumPartLength: Int = defaultMinimumPartLength, cacheLimit: Int = 200_000) {
        self.dictionary = dictionary
        self.minimumPartLength = max(1, minimumPartLength)
        self.cacheLimit = max(0, cacheLimit)
    }

    /// A splitter over the Dutch dictionary found first in `directories` (by default
    /// ``HunspellDictionary/standardDirectories``).
    /// - Throws: ``MorphologyError/dictionaryNotFound(searched:)`` when none holds one.
    public convenience init(searching directories: [String] = HunspellDictionary.standardDirectories) throws(MorphologyError) {
        self.init(dictionary: try HunspellDictionary.dutch(searching: directories))
    }

    /// A splitter over the given affix file and word list.
    /// - Throws: ``MorphologyError/dictionaryUnreadable(path:)`` when either cannot be read.
    public convenience init(affixPath: String, dictionaryPath: String) throws(MorphologyError) {
        self.init(dictionary: try HunspellDictionary(affixPath: affixPath, dictionaryPath: dictionaryPath))
    }

    /// The parts of `word` (lower-cased first), from the cache when it was split before.
    public func split(_ word: String) -> CompoundSplit {
        let lowered = word.lowercased()
        if let cached = cache.value(for: lowered) { return cached }
        let result = splitUncached(lowered)
        cache.store(result, for: lowered, limit: cacheLimit)
        return result
    }

    /// The parts of `word` (lower-cased first), always computed afresh and not cached.
    public func splitUncached(_ word: String) -> CompoundSplit {
        let lowered = word.lowercased()
        let characters = Array(lowered)
        guard characters.count >= 2 * minimumPartLength, characters.count <= Self.maximumWordLength,
              characters.allSatisfy(\.isLetter)
        else { return CompoundSplit(word: lowered, parts: []) }
        var search = SplitSearch(characters: characters, dictionary: dictionary, probes: Self.probes, minimum: minimumPartLength)
        return CompoundSplit(word: lowered, parts: search.parts())
    }

    /// How many words the cache holds.
    public var cachedWordCount: Int { cache.count }

    /// Empties the cache (for measurements).
    public func removeCachedSplits() { cache.removeAll() }
}

/// Split results by word, shared between threads.
private final class SplitCache: @unchecked Sendable {
    private let lock = NSLock()
    private var splits: [String: CompoundSplit] = [:]

    func value(for word: String) -> CompoundSplit? { lock.withLock { splits[word] } }

    func store(_ split: CompoundSplit, for word: String, limit: Int) {
        lock.withLock {
            if splits.count < limit { splits[word] = split }
        }
    }

    var count: Int { lock.withLock { splits.count } }

    func removeAll() { lock.withLock { splits.removeAll() } }
}

/// The search for one word's split, memoised by range and role so each piece is looked up in
/// Hunspell at most once per question.
///
/// A piece of the word plays one of three roles. A **head** ends the word; a **modifier** comes
/// before a head; the **modifier's end** is the last part of a modifier that is a compound itself
/// ("pijn" in "rugpijn|klachten"), which must be a modifier that could also be a head, possibly
/// after dropping a linking morpheme, so that a modifier never splits into two arbitrary words
/// ("mantel" is not "man" + "tel"). A piece plays its role whole (one part) or as a left piece
/// in the modifier role followed by a right piece in the role that continues it.
///
/// Splits are ranked by cost: fewer parts first, then fewer modifiers accepted only as nouns
/// (``Evidence/noun``) rather than by the dictionary's compound flag, then the longest head.
private struct SplitSearch {
    enum Role: Int { case head = 0, modifier = 1, modifierEnd = 2 }

    /// Why a piece may be a modifier.
    enum Evidence: UInt8 {
        case unknown = 0, none, compoundFlag, noun
    }

    /// The cost of one part; a modifier accepted only as a noun costs one more.
    static let partCost = 256
    static let impossible = Int.max

    let characters: [Character]
    let dictionary: HunspellDictionary
    let probes: [String]
    let minimum: Int
    private let width: Int
    /// Per range `a..<b` (index `a * width + b`): 0 unknown, 1 no, 2 yes.
    private var isWord: [UInt8]
    private var isAtomicHead: [UInt8]
    private var modifierEvidence: [Evidence]
    /// Per role and range: the lowest cost of the range in that role, whole or split,
    /// ``impossible`` when it cannot play it; -1 unknown.
    private var lowestCost: [[Int]]
    /// Per role and range: the chosen split point, -1 none, -2 not yet computed.
    private var splitPoint: [[Int]]

    init(characters: [Character], dictionary: HunspellDictionary, probes: [String], minimum: Int) {
        self.characters = characters
        self.dictionary = dictionary
        self.probes = probes
        self.minimum = minimum
        width = characters.count + 1
        let cells = width * width
        isWord = Array(repeating: 0, count: cells)
        isAtomicHead = Array(repeating: 0, count: cells)
        modifierEvidence = Array(repeating: .unknown, count: cells)
        lowestCost = Array(repeating: Array(repeating: -1, count: cells), count: 3)
        splitPoint = Array(repeating: Array(repeating: -2, count: cells), count: 3)
    }

    /// The parts of the whole word, each split as finely as the rules allow.
    mutating func parts() -> [CompoundSplit.Part] {
        var ranges: [Range<Int>] = []
        collect(0..<characters.count, role: .head, into: &ranges)
        var offset = 0
        var parts: [CompoundSplit.Part] = []
        for (index, range) in ranges.enumerated() {
            let text = piece(range)
            let linking = index == ranges.count - 1 ? "" : linkingMorpheme(of: range)
            parts.append(CompoundSplit.Part(text: text, linkingMorpheme: linking, offset: offset))
            offset += text.unicodeScalars.count
        }
        return parts
    }

    /// Splits `range` at its best split point, then both sides again, until no side splits: a
    /// piece that plays its role whole is still split when it can be, so every split point shows.
    private mutating func collect(_ range: Range<Int>, role: Role, into ranges: inout [Range<Int>]) {
        if let point = split(range, role: role) {
            collect(range.lowerBound..<point, role: .modifier, into: &ranges)
            collect(point..<range.upperBound, role: Self.continuation(of: role), into: &ranges)
        } else {
            ranges.append(range)
        }
    }

    /// The role of the right side when a piece in `role` splits.
    private static func continuation(of role: Role) -> Role { role == .head ? .head : .modifierEnd }

    /// The cheapest split of `range` in `role` into two pieces that play their roles, the longest
    /// right side among equals; nil when there is none.
    private mutating func split(_ range: Range<Int>, role: Role) -> Int? {
        let key = range.lowerBound * width + range.upperBound
        let memo = splitPoint[role.rawValue][key]
        if memo != -2 { return memo >= 0 ? memo : nil }
        var best = -1
        var bestCost = Self.impossible
        if range.count >= 2 * minimum {
            // Ascending split points: the right side shrinks, so the first of equals has the longest head.
            for point in (range.lowerBound + minimum)...(range.upperBound - minimum) {
                let right = cost(point..<range.upperBound, role: Self.continuation(of: role))
                // The left side costs at least one part.
                guard right != Self.impossible, right + Self.partCost < bestCost else { continue }
                let left = cost(range.lowerBound..<point, role: .modifier)
                guard left != Self.impossible, left + right < bestCost else { continue }
                best = point
                bestCost = left + right
            }
        }
        splitPoint[role.rawValue][key] = best
        return best >= 0 ? best : nil
    }

    /// The lowest cost of `range` in `role`: whole when it plays the role whole, else split;
    /// ``impossible`` when it cannot play it.
    private mutating func cost(_ range: Range<Int>, role: Role) -> Int {
        guard range.count >= minimum else { return Self.impossible }
        let key = range.lowerBound * width + range.upperBound
        let memo = lowestCost[role.rawValue][key]
        if memo >= 0 { return memo }
        var cost = wholeCost(range, role: role)
        if cost == Self.impossible, let point = split(range, role: role) {
            cost = self.cost(range.lowerBound..<point, role: .modifier)
                + self.cost(point..<range.upperBound, role: Self.continuation(of: role))
        }
        lowestCost[role.rawValue][key] = cost
        return cost
    }

    /// The cost of `range` as one part in `role`, ``impossible`` when it cannot play it whole.
    private mutating func wholeCost(_ range: Range<Int>, role: Role) -> Int {
        switch role {
        case .head:
            return atomicHead(range) ? Self.partCost : Self.impossible
        case .modifier:
            return Self.cost(of: evidence(range))
        case .modifierEnd:
            let evidence = evidence(range)
            guard evidence != .none else { return Self.impossible }
            if atomicHead(range) { return Self.cost(of: evidence) }
            let text = piece(range)
            let strippedIsHead = Self.linkingMorphemes.contains { ending in
                text.hasSuffix(ending) && range.count - ending.count >= minimum
                    && atomicHead(range.lowerBound..<(range.upperBound - ending.count))
            }
            return strippedIsHead ? Self.cost(of: evidence) : Self.impossible
        }
    }

    private static func cost(of evidence: Evidence) -> Int {
        switch evidence {
        case .compoundFlag: return partCost
        case .noun: return partCost + 1
        case .none, .unknown: return impossible
        }
    }

    /// A word Hunspell accepts that Hunspell also accepts after a probe noun.
    private mutating func atomicHead(_ range: Range<Int>) -> Bool {
        let key = range.lowerBound * width + range.upperBound
        if isAtomicHead[key] == 0 {
            let text = piece(range)
            let accepted = word(range) && probes.contains { dictionary.spell($0 + text) }
            isAtomicHead[key] = accepted ? 2 : 1
        }
        return isAtomicHead[key] == 2
    }

    /// Whether a piece may be a modifier: Hunspell accepts it before a probe noun (its
    /// compound-begin flag, linking morphemes included), or it is a noun Hunspell knows without
    /// that flag; never a particle or prefix.
    private mutating func evidence(_ range: Range<Int>) -> Evidence {
        let key = range.lowerBound * width + range.upperBound
        if modifierEvidence[key] == .unknown {
            let text = piece(range)
            if CompoundSplitter.nonModifiers.contains(text) {
                modifierEvidence[key] = .none
            } else if probes.contains(where: { dictionary.spell(text + $0) }) {
                modifierEvidence[key] = .compoundFlag
            } else if word(range) && isNoun(text) {
                modifierEvidence[key] = .noun
            } else {
                modifierEvidence[key] = .none
            }
        }
        return modifierEvidence[key]
    }

    /// Whether Hunspell knows a diminutive of `word` ("rug" → "rugje", "dak" → "dakje", "val" →
    /// "valletje"), which only nouns have. The Dutch word list leaves the compound-begin flag off
    /// some nouns whose compounds it lists whole ("rugklachten", "nekpijn"); their diminutive
    /// flags still say they are nouns, unlike the function words and verb forms that should not
    /// start a compound ("des", "ter", "mag", "gek" in "gekregen").
    private func isNoun(_ word: String) -> Bool {
        guard let last = word.last else { return false }
        var candidates = [word + "je", word + "tje", word + "pje", word + "kje", word + "etje", word + String(last) + "etje"]
        if "aeiouy".contains(last) { candidates.append(word + String(last) + "tje") }
        // The analysis must name `word` itself as the stem: "propje" is a diminutive of "prop", not of "pro".
        let analysis = "st:" + word + " ts:NN1r"
        return candidates.contains { candidate in
            dictionary.spell(candidate) && dictionary.analyses(of: candidate).contains { $0.contains(analysis) }
        }
    }

    private mutating func word(_ range: Range<Int>) -> Bool {
        let key = range.lowerBound * width + range.upperBound
        if isWord[key] == 0 { isWord[key] = dictionary.spell(piece(range)) ? 2 : 1 }
        return isWord[key] == 2
    }

    /// Dutch linking morphemes, longest first so "kinder" is tried as "kind" + "er" before "e".
    static let linkingMorphemes = ["en", "er", "s", "e"]

    /// The linking morpheme of a modifier that is no word by itself but is one without it.
    private mutating func linkingMorpheme(of range: Range<Int>) -> String {
        if word(range) { return "" }
        let text = piece(range)
        for ending in Self.linkingMorphemes where text.hasSuffix(ending) && range.count - ending.count >= minimum {
            if word(range.lowerBound..<(range.upperBound - ending.count)) { return ending }
        }
        return ""
    }

    private func piece(_ range: Range<Int>) -> String { String(characters[range]) }
}
