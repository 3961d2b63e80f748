/// All phrase patterns of a ruleset compiled into one matcher over tokens.
///
/// **Why the cost grows with the text, not with the number of terms.** The patterns form one
/// *token trie*: each node is a position inside one or more patterns, and its edges are keyed by a
/// word's interned id (a hash lookup), by a prefix's id (for `schuld*`), or by a gap. Matching
/// reads the text once, left to right, keeping the set of trie nodes that are "alive" (an NFA
/// simulation of the trie, like Aho–Corasick without failure links). Per token it does:
/// - one hash lookup of the token's key in the vocabulary of all pattern words;
/// - one walk of the token's bytes down a character trie of all wildcard prefixes, which yields
///   every prefix the token starts with in O(token length), however many prefixes exist;
/// - for each live node, one lookup for the word and one per prefix the token starts with.
///
/// A live node is a partial match that started at one of the last few tokens, so their number is
/// bounded by the longest pattern (plus `termGap` for gap patterns) times the few ways one word can
/// continue a path, never by how many patterns there are: 10 or 10 000 terms cost the same per
/// token. Alternatives (`vader|moeder`) are expanded into branches when the trie is built.
/// ``MatchStatistics`` counts this work so tests can check it without timing.
/// ```swift
/// let matcher = PhraseMatcher(patterns: [PhrasePattern("schuld*"), PhrasePattern("ziet … tegen op")], termGap: 3)
/// let tokens = Tokenizer.tokenize("Hij ziet er erg tegen op en heeft schulden.")
/// matcher.matches(in: tokens).map(\.pattern) // [1, 0]
/// ```
public struct PhraseMatcher: Sendable {
    /// One occurrence of a pattern: tokens `first...last`, of which `skipped` (sorted) were passed
    /// over by a gap (`…`) and are not part of the pattern itself.
    public struct Match: Sendable, Hashable {
        /// How a term met its words: as written, through inflected forms (same Snowball stem: a one-word
        /// term, or the content words of a longer one under the context's `phraseInflection`), as the
        /// head of a compound ("huurschuld" for "schuld"), or with its words in another order (the
        /// context's `freeOrderWindow`: "omdat hij geen zin heeft in werk").
        public enum Form: Sendable, Hashable { case written, inflected, compound, reordered }

        public var pattern: Int
        public var first: Int
        public var last: Int
        public var skipped: [Int] = []
        public var form: Form = .written
        /// For a compound match, the word before its head, folded ("huur" in "huurschuld"): it counts as
        /// a word of the term's sense ("a compound carries its sense in its first part").
        public var modifier: String?
        /// Whether one of its words is a typing error read as a term word (the context's `typoDistance`).
        public var corrected = false

        /// Whether token `index` is one of the pattern's own words, not a gap filler.
        public func owns(_ index: Int) -> Bool { first <= index && index <= last && !skipped.contains(index) }
    }

    /// Work done while matching, for cost tests that count instead of timing.
    public struct MatchStatistics: Sendable, Hashable {
        public var tokens = 0
        /// Live trie nodes visited, summed over tokens.
        public var steps = 0
        /// Context triggers examined for a hit, summed over hits (see ``NarrativeAnalyzer``).
        public var contextChecks = 0
        public init() {}
    }

    private struct Node: Sendable {
        var words: [Int32: Int32] = [:]
        var prefixes: [Int32: Int32] = [:]
        /// Edges keyed by a Snowball stem's id (``PhrasePattern/Element/stem(_:)``).
        var stems: [Int32: Int32] = [:]
        /// The node reached after a gap (`…`); -1 when this node has no gap edge.
        var gap: Int32 = -1
        /// Whether tokens may be skipped here: the node follows a gap.
        var afterGap = false
        /// Whether the node is reached by a pattern's first element (a child of the root): the place
        /// where Dutch subject–verb inversion puts the subject ("Sinds de scheiding *slaapt hij* slecht").
        var afterFirst = false
        var outputs: [Int32] = []
    }

    /// Subject pronouns that Dutch main-clause inversion puts right after the finite verb. A term is
    /// written in plain order ("slaapt slecht", "komt nauwelijks buiten"); after a fronted adverbial
    /// the same phrase reads "slaapt hij slecht", "komt zij nauwelijks buiten". One such pronoun right
    /// after a pattern's first word is passed over like a gap word (it is not part of the match's
    /// own words), never more than one, and never at the end of a pattern.
    static let invertedSubjects: Set<String> = ["hij", "zij", "ze", "ik", "je", "men", "cliënt", "cliënte"]

    private var nodes: [Node] = [Node()]
    private var vocabulary: [String: Int32] = [:]
    private var stemVocabulary: [String: Int32] = [:]
    /// The folded keys of ``invertedSubjects``.
    private var inversionKeys: Set<String> = []
    private var prefixTrie = PrefixTrie()
    /// Whether some pattern names a ``NumberClass``.
    private var namesNumberClasses = false
    public let patterns: [PhrasePattern]
    public let termGap: Int

    public init(patterns: [PhrasePattern], termGap: Int) {
        self.patterns = patterns
        self.termGap = max(0, termGap)
        for (index, pattern) in patterns.enumerated() where !pattern.elements.isEmpty {
            insert(pattern, output: Int32(index))
        }
        inversionKeys = Set(Self.invertedSubjects.compactMap { Tokenizer.tokenize($0).first?.key })
        namesNumberClasses = NumberClass.allCases.contains { vocabulary[$0.rawValue] != nil }
    }

    /// Number of trie nodes, for diagnostics and the benchmark.
    public var nodeCount: Int { nodes.count }

    private mutating func insert(_ pattern: PhrasePattern, output: Int32) {
        // A choice ("vader|moeder") branches the path; later elements continue from every branch.
        var current: [Int32] = [0]
        for (position, element) in pattern.elements.enumerated() {
            var next: [Int32] = []
            for node in current { next += step(from: node, over: element) }
            current = next
            if position == 0 {
                for node in current { nodes[Int(node)].afterFirst = true }
            }
        }
        for node in current where !nodes[Int(node)].outputs.contains(output) {
            nodes[Int(node)].outputs.append(output)
        }
    }

    /// The node(s) reached from `node` over one pattern element, created if new.
    private mutating func step(from node: Int32, over element: PhrasePattern.Element) -> [Int32] {
        switch element {
        case .word(let key):
            let id = vocabulary[key] ?? Int32(vocabulary.count)
            vocabulary[key] = id
            return [child(of: node, existing: nodes[Int(node)].words[id]) { $0.words[id] = $1 }]
        case .stem(let stem):
            let id = stemVocabulary[stem] ?? Int32(stemVocabulary.count)
            stemVocabulary[stem] = id
            return [child(of: node, existing: nodes[Int(node)].stems[id]) { $0.stems[id] = $1 }]
        case .prefix(let prefix):
            let id = prefixTrie.insert(prefix)
            return [child(of: node, existing: nodes[Int(node)].prefixes[id]) { $0.prefixes[id] = $1 }]
        case .gap:
            let existing = nodes[Int(node)].gap
            let target = child(of: node, existing: existing >= 0 ? existing : nil) { $0.gap = $1 }
            nodes[Int(target)].afterGap = true
            return [target]
        case .choice(let alternatives):
            var targets: [Int32] = []
            for alternative in alternatives { targets += step(from: node, over: alternative) }
            return targets
        }
    }

    private mutating func child(of parent: Int32, existing: Int32?, link: (inout Node, Int32) -> Void) -> Int32 {
        if let existing { return existing }
        let id = Int32(nodes.count)
        nodes.append(Node())
        link(&nodes[Int(parent)], id)
        return id
    }

    /// A live trie node: where a partial match that began at token `start` has got to.
    private struct State: Equatable {
        var node: Int32
        var start: Int
        var skipsLeft: Int
        var skipped: [Int] = []
    }

    public func matches(in tokens: [Token]) -> [Match] {
        var statistics = MatchStatistics()
        return matches(in: tokens, range: tokens.indices, statistics: &statistics)
    }

    /// The id of a Snowball stem among the patterns' stem elements, -1 when no pattern has it; pass
    /// these per token to ``matches(in:range:statistics:stemIDs:)``.
    public func stemID(_ stem: String) -> Int32 { stemVocabulary[stem] ?? -1 }

    /// Whether a token with this key can meet a pattern as written: it is a pattern word, or it starts
    /// with a pattern prefix.
    public func readsAsWritten(_ key: String) -> Bool {
        if vocabulary[key] != nil { return true }
        if let numberClass = NumberClass.of(key), vocabulary[numberClass.rawValue] != nil { return true }
        var found: [Int32] = []
        prefixTrie.prefixes(of: key, into: &found)
        return !found.isEmpty
    }

    /// Every occurrence of every pattern inside `range`, ordered by end then start; a match never
    /// crosses punctuation, and a gap only skips words — and a colon, the separator of a note's label
    /// and value ("Zelfbeeld: laag" is `zelfbeeld … laag`, "Schulden: afgelost" is `schulden … afgelost`). `stemIDs` holds, per token of `range`, the
    /// ``stemID(_:)`` of its stem (needed only when some pattern has a stem element).
    public func matches(in tokens: [Token], range: Range<Int>, statistics: inout MatchStatistics, stemIDs: [Int32] = []) -> [Match] {
        var found: [Match] = []
        var live: [State] = []
        var next: [State] = []
        var prefixIDs: [Int32] = []
        for index in range {
            let token = tokens[index]
            statistics.tokens += 1
            let wordID = vocabulary[token.key]
            // A year or period also meets the patterns that name its class (`#jaar`, `#jaren`); a matcher whose
            // patterns name none (the terms) does not look.
            let classID = namesNumberClasses && token.isWord ? NumberClass.of(token.key).flatMap { vocabulary[$0.rawValue] } : nil
            let stemID = index - range.lowerBound < stemIDs.count ? stemIDs[index - range.lowerBound] : -1
            let isInvertedSubject = token.isWord && inversionKeys.contains(token.key)
            prefixIDs.removeAll(keepingCapacity: true)
            if token.isWord { prefixTrie.prefixes(of: token.key, into: &prefixIDs) }
            next.removeAll(keepingCapacity: true)

            func enter(_ node: Int32, from state: State) {
                for output in nodes[Int(node)].outputs {
                    found.append(Match(pattern: Int(output), first: state.start, last: index, skipped: state.skipped))
                }
                add(State(node: node, start: state.start, skipsLeft: 0, skipped: state.skipped), to: &next)
                let gap = nodes[Int(node)].gap
                if gap >= 0 { add(State(node: gap, start: state.start, skipsLeft: termGap, skipped: state.skipped), to: &next) }
            }

            live.append(State(node: 0, start: index, skipsLeft: 0))
            for state in live {
                statistics.steps += 1
                // Field by field: copying the whole node would retain both of its dictionaries per step.
                let nodeIndex = Int(state.node)
                if let wordID, let target = nodes[nodeIndex].words[wordID] { enter(target, from: state) }
                if let classID, let target = nodes[nodeIndex].words[classID] { enter(target, from: state) }
                if stemID >= 0, let target = nodes[nodeIndex].stems[stemID] { enter(target, from: state) }
                if !prefixIDs.isEmpty, !nodes[nodeIndex].prefixes.isEmpty {
                    for prefixID in prefixIDs {
                        if let target = nodes[nodeIndex].prefixes[prefixID] { enter(target, from: state) }
                    }
                }
                if nodes[nodeIndex].afterGap, state.skipsLeft > 0, token.isWord || token.key == ":" {
                    add(State(node: state.node, start: state.start, skipsLeft: state.skipsLeft - 1, skipped: state.skipped + [index]), to: &next)
                }
                // Subject–verb inversion: one subject pronoun straight after the first word.
                if nodes[nodeIndex].afterFirst, state.skipped.isEmpty, state.start == index - 1, isInvertedSubject,
                   !nodes[nodeIndex].words.isEmpty || !nodes[nodeIndex].prefixes.isEmpty || !nodes[nodeIndex].stems.isEmpty
                   || nodes[nodeIndex].gap >= 0 {
                    add(State(node: state.node, start: state.start, skipsLeft: 0, skipped: [index]), to: &next)
                }
            }
            swap(&live, &next)
        }
        return found
    }

    /// Adds a state unless the same partial match is already live; keeps the one with most skips left.
    private func add(_ state: State, to states: inout [State]) {
        if let existing = states.firstIndex(where: { $0.node == state.node && $0.start == state.start }) {
            if state.skipsLeft > states[existing].skipsLeft { states[existing] = state }
        } else {
            states.append(state)
        }
    }
}

/// A byte trie of wildcard prefixes: which prefixes does a word start with, in one pass over it.
///
/// A node's children are a list of siblings in flat arrays: a node has few children, and comparing a byte along a
/// short list costs less than hashing it (this is looked up for every word of every text).
struct PrefixTrie: Sendable {
    private var firstChild: [Int32] = [-1]
    private var nextSibling: [Int32] = [-1]
    private var byte: [UInt8] = [0]
    private var ids: [Int32] = [-1]
    private var nextID: Int32 = 0

    /// Number of distinct prefixes inserted.
    var count: Int32 { nextID }

    private func child(of node: Int, _ wanted: UInt8) -> Int? {
        var candidate = firstChild[node]
        while candidate >= 0 {
            if byte[Int(candidate)] == wanted { return Int(candidate) }
            candidate = nextSibling[Int(candidate)]
        }
        return nil
    }

    mutating func insert(_ prefix: String) -> Int32 {
        var node = 0
        for next in prefix.utf8 {
            if let child = child(of: node, next) {
                node = child
                continue
            }
            let added = Int32(ids.count)
            byte.append(next)
            ids.append(-1)
            firstChild.append(-1)
            nextSibling.append(firstChild[node])
            firstChild[node] = added
            node = Int(added)
        }
        if ids[node] < 0 {
            ids[node] = nextID
            nextID += 1
        }
        return ids[node]
    }

    func prefixes(of word: String, into result: inout [Int32]) {
        var node = 0
        if ids[node] >= 0 { result.append(ids[node]) }
        for next in word.utf8 {
            guard let child = child(of: node, next) else { return }
            node = child
            if ids[node] >= 0 { result.append(ids[node]) }
        }
    }
}
